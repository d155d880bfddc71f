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
  const before = (a: { score: number; other: RelatedInput }, b: { score: number; other: RelatedInput }) =>
    a.score > b.score || (a.score === b.score && a.other.slug < b.other.slug);
  const best: { score: number; other: RelatedInput }[] = [];
  for (const other of all) {
    if (other.slug === of.slug) continue;
    const score = link(of, ofIndicators, other);
    if (score <= 0) continue;
    const cand = { score, other };
    if (best.length === max && !before(cand, best[max - 1]!)) continue;
    let i = best.length;
    while (i > 0 && before(cand, best[i - 1]!)) i--;
    best.splice(i, 0, cand);
    if (best.length > max) best.pop();
  }
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

interface RelatedIndex {
  all: RelatedInput[];
  bySlug: Map<string, RelatedInput>;
  /** Cases by each theme they have, by province and by prefecture. */
  byTheme: Map<string, RelatedInput[]>;
  byPlace: Map<string, RelatedInput[]>;
}
const inputsOf = new WeakMap<Atlas, RelatedIndex>();

function indexOf(atlas: Atlas): RelatedIndex {
  let index = inputsOf.get(atlas);
  if (index) return index;
  const all = atlas.caseList().map((x) => relatedInput(atlas, x));
  const byTheme = new Map<string, RelatedInput[]>();
  const byPlace = new Map<string, RelatedInput[]>();
  const add = (m: Map<string, RelatedInput[]>, k: string, x: RelatedInput) => {
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  };
  for (const x of all) {
    for (const th of new Set(x.themes)) add(byTheme, th, x);
    if (x.province) add(byPlace, x.province, x);
    if (x.prefecture && x.prefecture !== x.province) add(byPlace, x.prefecture, x);
  }
  index = { all, bySlug: new Map(all.map((x) => [x.slug, x])), byTheme, byPlace };
  inputsOf.set(atlas, index);
  return index;
}

/**
 * Related cases of `c` among every case of the atlas (each case's view built once per atlas).
 * A case that shares no theme and no place with `c` can score at most one point per shared indicator;
 * so the cases sharing a theme or a place are ranked first, and only when fewer than `max` of them
 * score above that bound are all cases ranked. The result is the same as ranking every case.
 */
export function relatedOf(atlas: Atlas, c: CaseEntry, max = 4): RelatedCase[] {
  const index = indexOf(atlas);
  const of = index.bySlug.get(c.slug) ?? relatedInput(atlas, c);
  const near = new Set<RelatedInput>();
  for (const th of of.themes) for (const x of index.byTheme.get(th) ?? []) near.add(x);
  for (const place of [of.province, of.prefecture]) if (place) for (const x of index.byPlace.get(place) ?? []) near.add(x);
  const best = relatedCases(of, [...near], max);
  const outsider = new Set(of.indicators).size * RELATED_WEIGHTS.indicator;
  if (best.length === max && best[max - 1]!.score > outsider) return best;
  return relatedCases(of, index.all, max);
}
