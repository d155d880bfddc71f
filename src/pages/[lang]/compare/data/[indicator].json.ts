// One comparable indicator's figures in one language (a CompareIndicator): the comparison page's script
// fetches the file of the indicator it shows, so no page loads every indicator's figures.
import type { APIRoute } from 'astro';
import { getAtlas } from '../../../../site/atlas.ts';
import { compareDataset, offeredIndicators } from '../../../../charts/datasets.ts';
import { LANGS, type Lang } from '../../../../lib/i18n.ts';

export async function getStaticPaths() {
  const atlas = await getAtlas();
  return LANGS.flatMap((lang) => offeredIndicators(atlas).map((i) => ({ params: { lang, indicator: i.id } })));
}

export const GET: APIRoute = async ({ params }) => {
  const ds = compareDataset(await getAtlas(), params.lang as Lang, import.meta.env.BASE_URL);
  const ind = ds.indicators.find((i) => i.id === params.indicator)!;
  return new Response(JSON.stringify(ind), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
