// Every table as JSON: an array of rows, typed as datapackage.json declares the CSV columns.
import type { APIRoute, GetStaticPaths } from 'astro';
import { PUBLISHED_TABLES, type PublishedTable } from '../../lib/columns.ts';
import { jsonRows, tableRecords } from '../../lib/opendata.ts';
import { getAtlas } from '../../site/atlas.ts';

export const getStaticPaths = (() => PUBLISHED_TABLES.map((table) => ({ params: { table } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const table = params.table as PublishedTable;
  const rows = jsonRows(table, tableRecords(await getAtlas(), table));
  return new Response(`${JSON.stringify(rows, null, 1)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
