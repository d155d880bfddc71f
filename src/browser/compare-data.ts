// The comparison's figures in the browser, fetched as they are needed (src/charts/compare-shards.ts says
// which file holds what): the list of indicators first (compare/indicators.json, no figures), then the
// summary of the indicator shown (compare/data/<id>.json: the figures of its default places), then — only
// when the reader or the address asks for a place beyond those — the figures of that place's province
// (compare/data/<id>/s-<province>.json), found for an address token through a directory file
// (d<n>.json). The names the place picker searches come a file at a time (n-<key>.json) as the reader types.
import { datasetFromIndex, stateContext, type CompareDataset, type CompareIndex, type CompareIndicator, type CompareRow } from '../charts/compare.ts';
import { dirOf, type CompareSummary } from '../charts/compare-shards.ts';
import type { NameEntry, NameIndex } from '../charts/compare-search.ts';
import type { StateContext } from '../lib/url-state.ts';

export interface CompareData {
  ds: CompareDataset;
  /** The state context over the figures loaded so far (an indicator's places are known once they are loaded). */
  ctx(): StateContext;
  /** Load an indicator's summary (once); false if it is not offered or its file cannot be read. */
  load(id: string): Promise<boolean>;
  /** The indicator the address asks for, if offered, else `fallback`. */
  wanted(search: string, fallback: string): string;
  /** Load the figures the address's `places` select for an indicator (whose summary is loaded). */
  ensure(id: string, search: string): Promise<void>;
  /** Load the figures of one shard of an indicator (once); false if it cannot be read. */
  loadShard(id: string, shard: string): Promise<boolean>;
  /** Which name files an indicator has (n.json); undefined when it cannot be read. */
  nameIndex(id: string): Promise<NameIndex | undefined>;
  /** The entries of one name file of an indicator (n-<key>.json); undefined when it cannot be read. */
  nameFile(id: string, key: string): Promise<NameEntry[] | undefined>;
  /** The summary of a loaded indicator: how many places it has, which are shown by default. */
  summary(id: string): CompareSummary | undefined;
}

const MAX_TOKENS = 100;

/** From the figure's data-json-index and data-json-base; undefined when the list cannot be read. */
export async function compareData(fig: HTMLElement): Promise<CompareData | undefined> {
  const res = await fetch(fig.dataset.jsonIndex!);
  if (!res.ok) return undefined;
  const ds = datasetFromIndex((await res.json()) as CompareIndex);
  const base = fig.dataset.jsonBase!;
  const summaries = new Map<string, CompareSummary>();
  const seen = new Map<string, Set<string>>(); // observation ids loaded, per indicator
  const files = new Map<string, Promise<unknown>>(); // each file fetched once
  let ctx = stateContext(ds);

  const get = (path: string): Promise<unknown> => {
    let p = files.get(path);
    if (!p) {
      p = fetch(path).then((r) => (r.ok ? r.json() : undefined), () => undefined);
      files.set(path, p);
      // a file that could not be read may be asked for again
      void p.then((v) => v === undefined && files.delete(path));
    }
    return p;
  };
  const part = (id: string, file: string) => `${base}${encodeURIComponent(id)}/${file}.json`;
  const indicator = (id: string) => ds.indicators.find((i) => i.id === id);

  function add(ind: CompareIndicator, rows: CompareRow[]): void {
    const have = seen.get(ind.id)!;
    const fresh = rows.filter((r) => !have.has(r.obs));
    for (const r of fresh) have.add(r.obs);
    if (fresh.length) {
      ind.rows = [...ind.rows, ...fresh];
      ctx = stateContext(ds);
    }
  }

  const loadedShards = new Set<string>();
  async function loadShard(id: string, shard: string): Promise<boolean> {
    const ind = indicator(id);
    const sum = summaries.get(id);
    if (!ind || !sum) return false;
    if (sum.complete || loadedShards.has(`${id}/${shard}`) || !sum.shards.includes(shard)) return true;
    const rows = (await get(part(id, `s-${shard}`))) as CompareRow[] | undefined;
    if (!rows) return false;
    loadedShards.add(`${id}/${shard}`);
    add(ind, rows);
    return true;
  }

  return {
    ds,
    ctx: () => ctx,
    async load(id) {
      const ind = indicator(id);
      if (!ind) return false;
      if (summaries.has(id)) return true;
      const sum = (await get(`${base}${encodeURIComponent(id)}.json`)) as CompareSummary | undefined;
      if (!sum) return false;
      summaries.set(id, sum);
      seen.set(id, new Set());
      ind.defaultPlaces = sum.defaultPlaces;
      add(ind, sum.rows);
      ctx = stateContext(ds);
      return true;
    },
    wanted(search, fallback) {
      const asked = new URLSearchParams(search).get('indicator');
      return asked && ds.indicators.some((i) => i.id === asked) ? asked : fallback;
    },
    async ensure(id, search) {
      const sum = summaries.get(id);
      if (!sum || sum.complete) return;
      let places: string | null = null;
      try {
        places = new URLSearchParams(search).get('places');
      } catch {
        return;
      }
      if (!places || places.length > 2000) return;
      const shown = new Set(sum.defaultPlaces);
      const tokens = [...new Set(places.split(',').map((s) => s.trim()))].filter((t) => t && t.length <= 81 && !shown.has(t)).slice(0, MAX_TOKENS);
      const dirs = await Promise.all(tokens.map(async (t) => ((await get(part(id, `d${dirOf(t, sum.dirs)}`))) as Record<string, string[]> | undefined)?.[t] ?? []));
      const shards = [...new Set(dirs.flat())];
      await Promise.all(shards.map((s) => loadShard(id, s)));
    },
    loadShard,
    nameIndex: (id) => (indicator(id) ? (get(part(id, 'n')) as Promise<NameIndex | undefined>) : Promise.resolve(undefined)),
    nameFile: (id, key) => (indicator(id) ? (get(part(id, `n-${key}`)) as Promise<NameEntry[] | undefined>) : Promise.resolve(undefined)),
    summary: (id) => summaries.get(id),
  };
}
