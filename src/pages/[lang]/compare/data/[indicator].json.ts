// One comparable indicator's summary in one language (a CompareSummary): its meta, the figures of the places
// its default view shows, and the keys of the files that hold the rest (src/charts/compare-shards.ts). The
// comparison page's script fetches this first; a province's figures only when a reader asks for a place in it.
import type { APIRoute } from 'astro';
import { getAtlas } from '../../../../site/atlas.ts';
import { compareDataset, offeredIndicators } from '../../../../charts/datasets.ts';
import { compareSummary } from '../../../../charts/compare-shards.ts';
import { LANGS, type Lang } from '../../../../lib/i18n.ts';

export async function getStaticPaths() {
  const atlas = await getAtlas();
  return LANGS.flatMap((lang) => offeredIndicators(atlas).map((i) => ({ params: { lang, indicator: i.id } })));
}

export const GET: APIRoute = async ({ params }) => {
  const ds = compareDataset(await getAtlas(), params.lang as Lang, import.meta.env.BASE_URL);
  const ind = ds.indicators.find((i) => i.id === params.indicator)!;
  const summary = compareSummary(ind);
  return new Response(JSON.stringify(summary), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
