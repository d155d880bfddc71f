// The CSV of each indicator: every figure of every place, largest first (open data: whole, however many places
// the page's chart shows) — the download that works without JavaScript.
import type { APIRoute } from 'astro';
import { getAtlas } from '../../../site/atlas.ts';
import { compareDataset, offeredIndicators } from '../../../charts/datasets.ts';
import { COMPARE_CSV_COLUMNS, compareCsvRecords, sortRows } from '../../../charts/compare.ts';
import { toCsv } from '../../../lib/csv.ts';
import { LANGS, type Lang } from '../../../lib/i18n.ts';

export async function getStaticPaths() {
  const atlas = await getAtlas();
  return LANGS.flatMap((lang) => offeredIndicators(atlas).map((i) => ({ params: { lang, indicator: i.id } })));
}

export const GET: APIRoute = async ({ params }) => {
  const lang = params.lang as Lang;
  const atlas = await getAtlas();
  const ds = compareDataset(atlas, lang, import.meta.env.BASE_URL);
  const ind = ds.indicators.find((i) => i.id === params.indicator)!;
  const rows = sortRows(ind.rows, 'desc', lang);
  return new Response(toCsv(COMPARE_CSV_COLUMNS, compareCsvRecords(ind.id, rows)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
