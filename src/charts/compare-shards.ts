/**
 * The comparison's figures cut into files small enough for a national atlas: what the comparison page
 * fetches first (an indicator's summary: its meta and the figures of the places shown by default), and
 * what it fetches only when a reader asks for more (the figures of one province, the provinces a place
 * or case in the address needs, the names that start like what the reader types). Pure functions over
 * CompareIndicator rows, used by the build (src/pages/[lang]/compare/data/…) and by the browser
 * (src/browser/compare-data.ts), so both agree on which file holds what. The picker's name files are
 * src/charts/compare-search.ts's.
 */
import { defaultPlaces, type CompareIndicator, type CompareRow } from './compare.ts';
export type { NameEntry } from './compare-search.ts';

/** What `<lang>/compare/data/<indicator>.json` holds: the indicator, the default view's figures, and where the rest is. */
export interface CompareSummary extends Omit<CompareIndicator, 'rows'> {
  /** The figures of the places shown by default (every figure when `complete`). */
  rows: CompareRow[];
  /** The places the default view shows (all of them when there are at most COMPARE_TOP). */
  defaultPlaces: string[];
  /** How many places and figures the indicator has in all. */
  placeCount: number;
  rowCount: number;
  /** True when `rows` is every figure: no other file of the indicator is needed. */
  complete: boolean;
  /** Keys of the indicator's shards (`data/<indicator>/s-<key>.json`): one per province. */
  shards: string[];
  /** Number of directory files (`data/<indicator>/d<n>.json`) mapping an address token to its shards. */
  dirs: number;
}

/** Directory entries per file: a token's shards are found by fetching one file of about this many tokens. */
export const DIR_TOKENS = 400;

/** The shard of a row: the province it lies in (its chain is country first), else its top place. */
export function shardOf(row: Pick<CompareRow, 'within' | 'place'>): string {
  return row.within[1] ?? row.within[0] ?? row.place;
}

/** The indicator's figures by shard, in row order. */
export function compareShards(ind: CompareIndicator): Map<string, CompareRow[]> {
  const out = new Map<string, CompareRow[]>();
  for (const r of ind.rows) {
    const k = shardOf(r);
    let list = out.get(k);
    if (!list) out.set(k, (list = []));
    list.push(r);
  }
  return out;
}

/** Every token the address may carry for an indicator (places with figures, the places they lie in, case slugs), with its shards. */
export function tokenShards(ind: CompareIndicator): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (t: string, s: string) => {
    let set = out.get(t);
    if (!set) out.set(t, (set = new Set()));
    set.add(s);
  };
  for (const r of ind.rows) {
    const s = shardOf(r);
    for (const p of r.within) add(p, s);
    add(r.place, s);
    add(r.case, s);
  }
  return out;
}

/** FNV-1a of a string, as an unsigned 32-bit number (the same in Node and the browser). */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The directory file a token is listed in, of `dirs` files. */
export function dirOf(token: string, dirs: number): number {
  return hash(token) % Math.max(1, dirs);
}

/** The directory files: for each, token → its shards (sorted). */
export function compareDirectory(ind: CompareIndicator): { dirs: number; files: Map<number, Record<string, string[]>> } {
  const tokens = tokenShards(ind);
  const dirs = Math.max(1, Math.ceil(tokens.size / DIR_TOKENS));
  const files = new Map<number, Record<string, string[]>>();
  for (let i = 0; i < dirs; i++) files.set(i, {});
  for (const [t, s] of [...tokens].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) files.get(dirOf(t, dirs))![t] = [...s].sort();
  return { dirs, files };
}

/** The summary file of an indicator: its meta, the figures of the default view, where the rest is. */
export function compareSummary(ind: CompareIndicator): CompareSummary {
  const { rows, ...meta } = ind;
  const shown = defaultPlaces(ind);
  const keep = new Set(shown);
  const first = rows.filter((r) => keep.has(r.place));
  const places = new Set(rows.map((r) => r.place));
  const complete = first.length === rows.length;
  return {
    ...meta,
    rows: first,
    defaultPlaces: shown,
    placeCount: places.size,
    rowCount: rows.length,
    complete,
    shards: complete ? [] : [...compareShards(ind).keys()].sort(),
    dirs: complete ? 0 : compareDirectory(ind).dirs,
  };
}
