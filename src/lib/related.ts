/**
 * Related cases: which other cases a reader of one case should see next, and why.
 * Pure: plain records in, a ranked list out; the same input always gives the same order.
 */
import type { Atlas, CaseEntry } from './atlas.ts';

/** What the ranking needs to know about a case. */
export interface RelatedInput {
  slug: string;
  /** Theme ids, the case's main theme first. */
  themes: string[];
  /** Ids of comparable indicators the case reports figures for. */
  indicators: string[];
  /** Province id, if any. */
  province?: string;
  /** Prefecture id, if any (a city or prefecture containing the case's place). */
  prefecture?: string;
}

export type RelatedReason =
  | { kind: 'theme'; id: string }
  | { kind: 'indicator'; id: string }
  | { kind: 'prefecture'; id: string }
  | { kind: 'province'; id: string };

export interface RelatedCase {
  slug: string;
  score: number;
  /** Why, strongest first: shared themes (in the case's own theme order), same place, shared indicators. */
  reasons: RelatedReason[];
}

/** Weights of each kind of link; a shared main theme counts extra. */
export const RELATED_WEIGHTS = { theme: 3, mainTheme: 2, prefecture: 3, province: 2, indicator: 1 } as const;

/** What `other` shares with `of`: its score, and with `reasons` the reasons, strongest first. */
function link(of: RelatedInput, ofIndicators: string[], other: RelatedInput, reasons?: RelatedReason[]): number {
  let score = 0;
  for (const th of of.themes) {
    if (!other.themes.includes(th)) continue;
    reasons?.push({ kind: 'theme', id: th });
    score += RELATED_WEIGHTS.theme;
    if (th === of.themes[0] && th === other.themes[0]) score += RELATED_WEIGHTS.mainTheme;
  }
  if (of.prefecture && of.prefecture === other.prefecture) {
    reasons?.push({ kind: 'prefecture', id: of.prefecture });
    score += RELATED_WEIGHTS.prefecture;
  } else if (of.province && of.province === other.province) {
    reasons?.push({ kind: 'province', id: of.province });
    score += RELATED_WEIGHTS.province;
  }
  for (const ind of ofIndicators) {
    if (!other.indicators.includes(ind)) continue;
    reasons?.push({ kind: 'indicator', id: ind });
    score += RELATED_WEIGHTS.indicator;
  }
  return score;
}

/**
 * Rank the other cases by what they share with `of`: themes, region, comparable indicators.
 * Cases sharing nothing are left out. Ties are broken by slug, so the order is deterministic.
 * One pass over the cases keeping only the best `max` (no list of every case, no full sort): a
 * page of an atlas with thousands of cases costs a scan, not a sort.
 */
export function relatedCases(of: RelatedInput, all: RelatedInput[], max = 4): RelatedCase[] {
  const ofIndicators = [...new Set(of.indicators)].sort();
  const best: Scored[] = [];
  for (const other of all) {
    if (other.slug === of.slug) continue;
    const score = link(of, ofIndicators, other);
    if (score > 0) keepBest(best, { score, other }, max);
  }
  return withReasons(of, ofIndicators, best);
}

interface Scored {
  score: number;
  other: RelatedInput;
}
/** Higher score first; between equal scores, the earlier slug. */
const before = (a: Scored, b: Scored) => a.score > b.score || (a.score === b.score && a.other.slug < b.other.slug);
/** Put `cand` in its place in `best` (ranked, at most `max` long) if it ranks there. */
function keepBest(best: Scored[], cand: Scored, max: number): void {
  if (best.length === max && !before(cand, best[max - 1]!)) return;
  let i = best.length;
  while (i > 0 && before(cand, best[i - 1]!)) i--;
  best.splice(i, 0, cand);
  if (best.length > max) best.pop();
}
/** The ranked cases with what each shares with `of`. */
function withReasons(of: RelatedInput, ofIndicators: string[], best: Scored[]): RelatedCase[] {
  return best.map(({ score, other }) => {
    const reasons: RelatedReason[] = [];
    link(of, ofIndicators, other, reasons);
    return { slug: other.slug, score, reasons };
  });
}

/** The ranking's view of a case in the atlas: its themes, comparable indicators and region. */
export function relatedInput(atlas: Atlas, c: CaseEntry): RelatedInput {
  const comparable = c.observations.map((o) => atlas.indicators.get(o.indicator)!).filter((i) => i.comparable).map((i) => i.id);
  return {
    slug: c.slug,
    themes: c.themes.map((t) => t.id),
    indicators: [...new Set(comparable)],
    province: c.province?.id,
    prefecture: c.chain.find((p) => p.level === 'prefecture')?.id,
  };
}

/**
 * Every case's ranking view, with each case's position in slug order and, for each theme, main theme,
 * place and indicator, the positions of the cases that have it (ascending): what `relatedFrom` needs to
 * rank a case's related cases without scoring every case.
 */
export interface RelatedIndex {
  /** The cases in slug order. */
  all: RelatedInput[];
  bySlug: Map<string, RelatedInput>;
  byTheme: Map<string, Int32Array>;
  /** Cases by their main (first) theme. */
  byMainTheme: Map<string, Int32Array>;
  byProvince: Map<string, Int32Array>;
  byPrefecture: Map<string, Int32Array>;
  byIndicator: Map<string, Int32Array>;
  /** Cases of a province outside a prefecture, or with any of a set of indicators (built on first use). */
  unions: Map<string, Int32Array>;
}

/** Index a list of cases for `relatedFrom`. */
export function relatedIndex(cases: RelatedInput[]): RelatedIndex {
  const all = [...cases].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const lists = () => new Map<string, number[]>();
  const add = (m: Map<string, number[]>, k: string | undefined, i: number) => {
    if (k === undefined) return;
    const list = m.get(k);
    if (!list) m.set(k, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  const [theme, main, province, prefecture, indicator] = [lists(), lists(), lists(), lists(), lists()];
  all.forEach((x, i) => {
    for (const th of x.themes) add(theme, th, i);
    add(main, x.themes[0], i);
    add(province, x.province, i);
    add(prefecture, x.prefecture, i);
    for (const ind of x.indicators) add(indicator, ind, i);
  });
  const frozen = (m: Map<string, number[]>) => new Map([...m].map(([k, v]) => [k, Int32Array.from(v)]));
  return {
    all,
    bySlug: new Map(all.map((x) => [x.slug, x])),
    byTheme: frozen(theme),
    byMainTheme: frozen(main),
    byProvince: frozen(province),
    byPrefecture: frozen(prefecture),
    byIndicator: frozen(indicator),
    unions: new Map(),
  };
}

/** The cases on any of `lists` (each once, ascending), kept under `key` for the next case asking. */
function unionOf(index: RelatedIndex, key: string, lists: (Int32Array | undefined)[]): Int32Array {
  let union = index.unions.get(key);
  if (union) return union;
  const all = new Int32Array(lists.reduce((n, l) => n + (l?.length ?? 0), 0));
  let n = 0;
  for (const l of lists) if (l) all.set(l, (n += l.length) - l.length);
  all.sort();
  n = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i]!;
  union = all.slice(0, n);
  index.unions.set(key, union);
  return union;
}

/** The cases of `province` not in `prefecture`, kept for the next case asking. */
function without(index: RelatedIndex, province: string, ofProvince: Int32Array | undefined, prefecture: string | undefined, ofPrefecture: Int32Array | undefined): Int32Array | undefined {
  if (!ofProvince || !ofPrefecture) return ofProvince;
  const key = `province\0${province}\0${prefecture}`;
  let rest = index.unions.get(key);
  if (!rest) {
    const drop = new Set(ofPrefecture);
    rest = ofProvince.filter((i) => !drop.has(i));
    index.unions.set(key, rest);
  }
  return rest;
}

/** A list of case positions being walked, and the most any case on it can gain from it. */
interface Cursor {
  ids: Int32Array;
  at: number;
  bound: number;
}
const current = (c: Cursor) => (c.at < c.ids.length ? c.ids[c.at]! : Infinity);
/** Move `c` to its first case at or after position `target`. */
function seek(c: Cursor, target: number) {
  let lo = c.at;
  let hi = c.ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (c.ids[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  c.at = lo;
}

/**
 * What `relatedCases(of, index.all, max)` gives, without scoring every case: the cases that share
 * something with `of` are walked together in slug order, list by list (a theme's cases, the main
 * theme's, the prefecture's, the rest of the province's, the indicators'), and a case is scored only when the lists it can be on could
 * lift it above the current `max`-th best (WAND, Broder et al. 2003). A case later in slug order must
 * score strictly more to displace an earlier one, as in `relatedCases`.
 */
export function relatedFrom(index: RelatedIndex, of: RelatedInput, max = 4): RelatedCase[] {
  if (max <= 0) return [];
  const ofIndicators = [...new Set(of.indicators)].sort();
  const cursors: Cursor[] = [];
  const walk = (ids: Int32Array | undefined, bound: number) => {
    if (ids && ids.length && bound > 0) cursors.push({ ids, at: 0, bound });
  };
  // the bounds are what link() can add for each: 3 per occurrence of a theme, 2 per occurrence of the
  // main theme for a case with the same main theme, 3 for the same prefecture or 2 for the same province
  for (const th of of.themes) walk(index.byTheme.get(th), RELATED_WEIGHTS.theme);
  const main = of.themes[0];
  if (main !== undefined) walk(index.byMainTheme.get(main), RELATED_WEIGHTS.mainTheme * of.themes.filter((t) => t === main).length);
  // the same prefecture (3), else the same province (2): two lists with no case on both, so that the
  // few cases of the prefecture are what a high score needs, not every case of the province; and the
  // indicators as one list (most cases report the common ones: a list each would be walked in step)
  const ofPrefecture = of.prefecture ? index.byPrefecture.get(of.prefecture) : undefined;
  walk(ofPrefecture, RELATED_WEIGHTS.prefecture);
  if (of.province) walk(without(index, of.province, index.byProvince.get(of.province), of.prefecture, ofPrefecture), RELATED_WEIGHTS.province);
  if (ofIndicators.length) walk(unionOf(index, `indicators\0${ofIndicators.join('\0')}`, ofIndicators.map((ind) => index.byIndicator.get(ind))), RELATED_WEIGHTS.indicator * ofIndicators.length);

  const best: Scored[] = [];
  for (;;) {
    cursors.sort((a, b) => current(a) - current(b));
    // the first case any list is on that could beat the max-th best: to beat it a case must score
    // more than it (or than nothing), and can gain at most the bounds of the lists at or before it
    const floor = best.length === max ? best[max - 1]!.score : 0;
    let sum = 0;
    let pivot = -1;
    for (const c of cursors) {
      if (current(c) === Infinity) break;
      sum += c.bound;
      if (sum > floor) {
        pivot = current(c);
        break;
      }
    }
    if (pivot < 0) break;
    if (current(cursors[0]!) === pivot) {
      const other = index.all[pivot]!;
      if (other.slug !== of.slug) {
        const score = link(of, ofIndicators, other);
        if (score > floor) keepBest(best, { score, other }, max);
      }
      for (const c of cursors) if (current(c) === pivot) c.at++;
    } else {
      // no case before the pivot can beat the max-th best: skip the lists ahead to it
      for (const c of cursors) {
        if (current(c) >= pivot) break;
        seek(c, pivot);
      }
    }
  }
  return withReasons(of, ofIndicators, best);
}

const indexes = new WeakMap<Atlas, RelatedIndex>();

/**
 * Related cases of `c` among every case of the atlas: the same as `relatedCases` over every case, with the index
 * built once per atlas. Each language's page ranks them again rather than keep the list: ranking takes 0.03–0.08
 * ms a case, while the lists kept, each related case with its reasons, were 53 objects a case held until the
 * build ended (a heap snapshot of a 2,000-case build: 106,000; about a million at 20,000 cases), each marked by
 * every full garbage collection.
 */
export function relatedOf(atlas: Atlas, c: CaseEntry, max = 4): RelatedCase[] {
  let index = indexes.get(atlas);
  if (!index) {
    index = relatedIndex(atlas.caseList().map((x) => relatedInput(atlas, x)));
    indexes.set(atlas, index);
  }
  return relatedFrom(index, index.bySlug.get(c.slug) ?? relatedInput(atlas, c), max);
}
