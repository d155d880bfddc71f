// The Frictionless Data Package descriptor of the published CSVs.
import type { APIRoute } from 'astro';
import { PUBLISHED_TABLES, type PublishedTable } from '../../lib/columns.ts';
import { dataPackage, type FileFacts } from '../../lib/opendata.ts';
import { publicUrl, routes } from '../../lib/urls.ts';
import { siteBuildDate } from '../../site/build-date.ts';
import { fileFacts, publishedCsv } from '../../site/opendata.ts';

export const GET: APIRoute = async ({ site }) => {
  const csv = await publishedCsv();
  const files = Object.fromEntries(PUBLISHED_TABLES.map((t) => [t, fileFacts(csv[t])])) as Record<PublishedTable, FileFacts>;
  const descriptor = dataPackage({ homepage: publicUrl(site, import.meta.env.BASE_URL, routes.data('en')), created: await siteBuildDate(), files });
  return new Response(`${JSON.stringify(descriptor, null, 2)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
