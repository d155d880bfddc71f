// Every comparable indicator's figures in one language, read by the comparison page's script.
import type { APIRoute } from 'astro';
import { getAtlas } from '../../../site/atlas.ts';
import { compareDataset } from '../../../charts/datasets.ts';
import { langPaths } from '../../../site/paths.ts';
import type { Lang } from '../../../lib/i18n.ts';

export const getStaticPaths = langPaths;

export const GET: APIRoute = async ({ params }) => {
  const atlas = await getAtlas();
  const ds = compareDataset(atlas, params.lang as Lang, import.meta.env.BASE_URL);
  return new Response(JSON.stringify(ds), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
