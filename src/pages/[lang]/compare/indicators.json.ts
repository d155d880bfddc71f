// The indicators the comparison offers, in one language, without their figures: read by the comparison
// page's script, which then fetches only the figures of the indicator shown (compare/data/<id>.json).
import type { APIRoute } from 'astro';
import { getAtlas } from '../../../site/atlas.ts';
import { compareDataset } from '../../../charts/datasets.ts';
import { compareIndex } from '../../../charts/compare.ts';
import { langPaths } from '../../../site/paths.ts';
import type { Lang } from '../../../lib/i18n.ts';

export const getStaticPaths = langPaths;

export const GET: APIRoute = async ({ params }) => {
  const ds = compareDataset(await getAtlas(), params.lang as Lang, import.meta.env.BASE_URL);
  return new Response(JSON.stringify(compareIndex(ds)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
