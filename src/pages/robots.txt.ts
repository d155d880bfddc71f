// robots.txt: everything may be crawled; the sitemap is named with its absolute URL when SITE is set
// (without it there is no sitemap). Crawlers read robots.txt only at a host's root: under a
// sub-path, copy the Sitemap line there.
import type { APIRoute } from 'astro';
import { publicUrl } from '../lib/urls.ts';

export const GET: APIRoute = ({ site }) => {
  const sitemap = publicUrl(site, import.meta.env.BASE_URL, 'sitemap.xml');
  return new Response(`User-agent: *\nDisallow:\n${sitemap ? `\nSitemap: ${sitemap}\n` : ''}`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
};
