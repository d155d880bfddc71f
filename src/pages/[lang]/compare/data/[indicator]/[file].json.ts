// The rest of an indicator's figures, fetched only when a reader asks for them (src/charts/compare-shards.ts):
//   s-<province>.json  the figures of the places in one province (only when the summary is not every figure)
//   d<n>.json          which provinces' files an address token (place, region, case) needs (likewise)
//   n.json             which name files there are (src/charts/compare-search.ts), read when a reader first types
//   n-<key>.json       the names the place picker searches, for what starts with <key>
import type { APIRoute } from 'astro';
import { getAtlas } from '../../../../../site/atlas.ts';
import { compareDataset } from '../../../../../charts/datasets.ts';
import { compareDirectory, compareShards, compareSummary } from '../../../../../charts/compare-shards.ts';
import { compareNameFiles } from '../../../../../charts/compare-names.ts';
import { LANGS, type Lang } from '../../../../../lib/i18n.ts';

export async function getStaticPaths() {
  const atlas = await getAtlas();
  return LANGS.flatMap((lang) => {
    const ds = compareDataset(atlas, lang, import.meta.env.BASE_URL);
    return ds.indicators.flatMap((ind) => {
      const names = compareNameFiles(atlas, ind.id);
      const summary = compareSummary(ind);
      const files = ['n', ...names.index.names.map((k) => `n-${k}`)];
      if (!summary.complete) {
        files.push(...summary.shards.map((k) => `s-${k}`));
        for (let i = 0; i < summary.dirs; i++) files.push(`d${i}`);
      }
      return files.map((file) => ({ params: { lang, indicator: ind.id, file } }));
    });
  });
}

export const GET: APIRoute = async ({ params }) => {
  const atlas = await getAtlas();
  const ds = compareDataset(atlas, params.lang as Lang, import.meta.env.BASE_URL);
  const ind = ds.indicators.find((i) => i.id === params.indicator)!;
  const file = params.file!;
  let body: unknown;
  if (file === 'n') body = compareNameFiles(atlas, ind.id).index;
  else if (file.startsWith('n-')) body = compareNameFiles(atlas, ind.id).files.get(file.slice(2));
  else if (file.startsWith('s-')) body = shardRows(ind, file.slice(2));
  else body = directory(ind).files.get(Number(file.slice(1)));
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};

const shardMemo = new WeakMap<object, Map<string, unknown[]>>();
function shardRows(ind: Parameters<typeof compareShards>[0], key: string) {
  let m = shardMemo.get(ind);
  if (!m) shardMemo.set(ind, (m = compareShards(ind)));
  return m.get(key);
}
const dirMemo = new WeakMap<object, ReturnType<typeof compareDirectory>>();
function directory(ind: Parameters<typeof compareDirectory>[0]) {
  let d = dirMemo.get(ind);
  if (!d) dirMemo.set(ind, (d = compareDirectory(ind)));
  return d;
}
