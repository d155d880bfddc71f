// robots.txt: everything may be crawled; the sitemap is named with its absolute URL.
// (Crawlers read robots.txt only at a host's root: under a sub-path, copy the Sitemap line there.)
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../lib/urls.ts';

export const GET: APIRoute = ({ site, url }) =>
  new Response(`User-agent: *\nDisallow:\n\nSitemap: ${absoluteUrl(site ?? url, import.meta.env.BASE_URL, 'sitemap.xml')}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
