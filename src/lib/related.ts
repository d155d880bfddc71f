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

/**
 * Rank the other cases by what they share with `of`: themes, region, comparable indicators.
 * Cases sharing nothing are left out. Ties are broken by slug, so the order is deterministic.
 */
export function relatedCases(of: RelatedInput, all: RelatedInput[], max = 4): RelatedCase[] {
  const out: RelatedCase[] = [];
  for (const other of all) {
    if (other.slug === of.slug) continue;
    const reasons: RelatedReason[] = [];
    let score = 0;
    for (const th of of.themes) {
      if (!other.themes.includes(th)) continue;
      reasons.push({ kind: 'theme', id: th });
      score += RELATED_WEIGHTS.theme;
      if (th === of.themes[0] && th === other.themes[0]) score += RELATED_WEIGHTS.mainTheme;
    }
    if (of.prefecture && of.prefecture === other.prefecture) {
      reasons.push({ kind: 'prefecture', id: of.prefecture });
      score += RELATED_WEIGHTS.prefecture;
    } else if (of.province && of.province === other.province) {
      reasons.push({ kind: 'province', id: of.province });
      score += RELATED_WEIGHTS.province;
    }
    for (const ind of [...new Set(of.indicators)].sort()) {
      if (!other.indicators.includes(ind)) continue;
      reasons.push({ kind: 'indicator', id: ind });
      score += RELATED_WEIGHTS.indicator;
    }
    if (score > 0) out.push({ slug: other.slug, score, reasons });
  }
  out.sort((a, b) => b.score - a.score || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  return out.slice(0, max);
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

/** Related cases of `c` among every case of the atlas. */
export function relatedOf(atlas: Atlas, c: CaseEntry, max = 4): RelatedCase[] {
  const all = atlas.caseList().map((x) => relatedInput(atlas, x));
  return relatedCases(relatedInput(atlas, c), all, max);
}
