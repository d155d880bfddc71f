// The CSV of each indicator's default comparison (all places, largest first): the download that works without JavaScript.
import type { APIRoute } from 'astro';
import { getAtlas } from '../../../site/atlas.ts';
import { compareDataset, offeredIndicators } from '../../../charts/datasets.ts';
import { COMPARE_CSV_COLUMNS, compareCsvRecords, selectRows, stateContext } from '../../../charts/compare.ts';
import { defaultState } from '../../../lib/url-state.ts';
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
  const rows = selectRows(ind, defaultState(stateContext(ds), ind.id), lang);
  return new Response(toCsv(COMPARE_CSV_COLUMNS, compareCsvRecords(ind.id, rows)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
