// The comparison's figures in the browser, one indicator at a time: the list of indicators first
// (compare/indicators.json, no figures), then the file of each indicator as it is shown
// (compare/data/<id>.json). No page fetches every indicator's figures.
import { datasetFromIndex, stateContext, type CompareDataset, type CompareIndex, type CompareIndicator } from '../charts/compare.ts';
import type { StateContext } from '../lib/url-state.ts';

export interface CompareData {
  ds: CompareDataset;
  /** The state context over the figures loaded so far (an indicator's places are known once it is loaded). */
  ctx(): StateContext;
  /** Load an indicator's figures (once); false if it is not offered or its file cannot be read. */
  load(id: string): Promise<boolean>;
  /** The indicator the address asks for, if offered, else `fallback`. */
  wanted(search: string, fallback: string): string;
}

/** From the figure's data-json-index and data-json-base; undefined when the list cannot be read. */
export async function compareData(fig: HTMLElement): Promise<CompareData | undefined> {
  const res = await fetch(fig.dataset.jsonIndex!);
  if (!res.ok) return undefined;
  const ds = datasetFromIndex((await res.json()) as CompareIndex);
  const loaded = new Set<string>();
  let ctx = stateContext(ds);
  return {
    ds,
    ctx: () => ctx,
    async load(id) {
      const ind = ds.indicators.find((i) => i.id === id);
      if (!ind) return false;
      if (loaded.has(id)) return true;
      const r = await fetch(`${fig.dataset.jsonBase}${encodeURIComponent(id)}.json`);
      if (!r.ok) return false;
      ind.rows = ((await r.json()) as CompareIndicator).rows;
      loaded.add(id);
      ctx = stateContext(ds);
      return true;
    },
    wanted(search, fallback) {
      const asked = new URLSearchParams(search).get('indicator');
      return asked && ds.indicators.some((i) => i.id === asked) ? asked : fallback;
    },
  };
}
