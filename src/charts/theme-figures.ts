/**
 * The figures that matter for a theme: observations of the theme's indicators (themes.csv `indicators`)
 * reported by the theme's cases. Pure: an Atlas in, plain records out; used by the theme page's cards,
 * its chart (one panel per comparable indicator) and the chart's CSV.
 */
import type { Atlas, CaseEntry } from '../lib/atlas.ts';
import type { Observation, Theme } from '../lib/schema.ts';
import type { Lang } from '../lib/i18n.ts';
import { AXIS_UNIT, compareRowOf } from './datasets.ts';
import type { CompareDataset, CompareIndicator } from './compare.ts';
import { localName } from '../lib/i18n.ts';

/**
 * At most this many figures per indicator panel on a theme's page (the largest): a theme with thousands of
 * cases keeps a page a phone can load; every figure stays in the chart's CSV and on the comparison page.
 */
export const THEME_PANEL_MAX = 12;

/** The `max` rows with the largest values, largest first (ties in their given order). */
export function largestRows<T extends { value: number }>(rows: T[], max: number): T[] {
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.value - a.r.value || a.i - b.i)
    .slice(0, max)
    .map((x) => x.r);
}

/** A case's observations of the theme's indicators, in the order of the theme's indicator list, then table order. */
export function themeObservations(th: Theme, c: CaseEntry): Observation[] {
  const rank = (o: Observation) => th.indicators.indexOf(o.indicator);
  return c.observations.filter((o) => rank(o) >= 0).sort((a, b) => rank(a) - rank(b));
}

/**
 * A comparison dataset limited to one theme: its comparable indicators that at least one of its cases
 * reports, each with the rows of those cases (in the theme's indicator order).
 */
export function themeDataset(atlas: Atlas, th: Theme, lang: Lang, base: string): CompareDataset {
  const cases = new Set(atlas.casesWithTheme(th.id).map((c) => c.slug));
  const indicators: CompareIndicator[] = [];
  for (const id of th.indicators) {
    const ind = atlas.indicators.get(id);
    if (!ind || !ind.comparable) continue;
    const rows = atlas.observationsOf(id).filter((o) => cases.has(o.case)).map((o) => compareRowOf(atlas, o, lang, base));
    if (rows.length === 0) continue;
    indicators.push({ id, name: localName(ind, lang), description: lang === 'en' ? ind.description_en : ind.description_zh, kind: ind.unit_kind, axis: AXIS_UNIT[ind.unit_kind]?.[lang] ?? '', rows });
  }
  return { lang, defaultIndicator: indicators[0]?.id ?? '', indicators };
}
