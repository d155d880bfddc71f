// Every table as CSV: data/*.csv copied byte for byte, and the cases table made from the case files.
import type { APIRoute, GetStaticPaths } from 'astro';
import { PUBLISHED_TABLES, type PublishedTable } from '../../lib/columns.ts';
import { publishedCsv } from '../../site/opendata.ts';

export const getStaticPaths = (() => PUBLISHED_TABLES.map((table) => ({ params: { table } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const files = await publishedCsv();
  return new Response(files[params.table as PublishedTable], { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
