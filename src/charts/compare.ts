/**
 * The comparison chart: which rows a state selects, in what order, and the chart, table and CSV
 * made from them. Used at build time (static pages, CSV files) and in the browser (compare.ts),
 * so the chart, its table and its download always hold the same rows.
 */
import type { Qualifier } from '../lib/qualifiers.ts';
import { collator, type Lang } from '../lib/i18n.ts';
import type { CompareState, Sort, StateContext } from '../lib/url-state.ts';
import { barLayout, barSvg, type BarLayout, type BarRow } from './bars.ts';
import type { SvgNode } from './svg.ts';

export interface CompareRow {
  /** Observation id (the #obs-… row on the case page). */
  obs: string;
  place: string;
  placeName: string;
  /** The place and its ancestors (ids), for selecting a region. */
  within: readonly string[];
  /** Level of the place (province … village, community, other) and its kind in words (“county-level city”). */
  level: string;
  kind: string;
  case: string;
  caseName: string;
  label: string;
  value: number;
  /** Unit as printed (万元, 个…). */
  unit: string;
  qualifier: Qualifier;
  qualifierZh: string;
  display: string;
  period: string;
  periodText: string;
  periodShort: string;
  source: string;
  sourceName: string;
  /** Case page URL with #obs-… (base included). */
  href: string;
}

export interface CompareIndicator {
  id: string;
  name: string;
  description: string;
  kind: string;
  /** Caption of the value axis (the base unit). */
  axis: string;
  rows: CompareRow[];
  /**
   * The places the default view shows, when given (the browser gets it with the indicator's summary, before
   * it has every figure); otherwise worked out from `rows` (see `defaultPlaces`).
   */
  defaultPlaces?: string[];
}

/** The default view (no `places` in the address) shows at most this many places: those with the largest figures. */
export const COMPARE_TOP = 15;

/**
 * …and at most this many figures, a bar each, however many cases share those places: at 20,000 cases the 15
 * counties with the largest figures had 120 between them, and the page's bars with their labels made it 1.7×
 * the real site's. Always at least one place.
 */
export const COMPARE_TOP_FIGURES = 40;

const topMemo = new WeakMap<CompareIndicator, string[]>();

/**
 * The places the default view shows: every place with a figure when there are at most COMPARE_TOP and they
 * have at most COMPARE_TOP_FIGURES figures, else the places whose largest figure is largest (ties by id), as
 * many as fit both bounds (at least one), so the page and its data stay the same size however many places
 * report the indicator and however many cases share a place.
 */
export function defaultPlaces(ind: CompareIndicator): string[] {
  if (ind.defaultPlaces) return ind.defaultPlaces;
  let top = topMemo.get(ind);
  if (!top) {
    const best = new Map<string, number>();
    const figures = new Map<string, number>();
    for (const r of ind.rows) {
      best.set(r.place, Math.max(best.get(r.place) ?? -Infinity, r.value));
      figures.set(r.place, (figures.get(r.place) ?? 0) + 1);
    }
    const ranked = [...best].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)).map(([id]) => id);
    top = [];
    let shown = 0;
    for (const id of ranked) {
      if (top.length === COMPARE_TOP || (top.length > 0 && shown + figures.get(id)! > COMPARE_TOP_FIGURES)) break;
      top.push(id);
      shown += figures.get(id)!;
    }
    topMemo.set(ind, top);
  }
  return top;
}

export interface CompareStrings {
  title: (indicator: string) => string;
  /** Short level tag shown beside a place's name when the rows are about places of different levels. */
  levelTag: (level: string) => string;
  desc: (indicator: CompareIndicator, n: number) => string;
  zero: string;
  linkLabel: (r: { name: string; sub: string; label: string }) => string;
}

export interface CompareDataset {
  lang: Lang;
  defaultIndicator: string;
  indicators: CompareIndicator[];
}

/** What src/pages/[lang]/compare/indicators.json.ts publishes: every indicator offered, without its figures. */
export interface CompareIndex {
  lang: Lang;
  defaultIndicator: string;
  indicators: (Omit<CompareIndicator, 'rows'> & { count: number })[];
}

/** The index without the figures (the figures of each indicator are a file of their own). */
export function compareIndex(ds: CompareDataset): CompareIndex {
  return { lang: ds.lang, defaultIndicator: ds.defaultIndicator, indicators: ds.indicators.map(({ rows, ...meta }) => ({ ...meta, count: rows.length })) };
}

/** A dataset from the index with no figures loaded yet: the page's script fills each indicator's rows as it loads them. */
export function datasetFromIndex(index: CompareIndex): CompareDataset {
  return { lang: index.lang, defaultIndicator: index.defaultIndicator, indicators: index.indicators.map(({ count: _count, ...meta }) => ({ ...meta, rows: [] })) };
}

export function stateContext(ds: CompareDataset): StateContext {
  const tokens = new Map<string, Set<string>>();
  for (const ind of ds.indicators) {
    const set = new Set<string>();
    for (const r of ind.rows) {
      for (const p of r.within) set.add(p);
      set.add(r.case);
    }
    tokens.set(ind.id, set);
  }
  return {
    indicators: ds.indicators.map((i) => i.id),
    defaultIndicator: ds.defaultIndicator,
    placeTokens: (id) => tokens.get(id) ?? new Set(),
  };
}

const periodKey = (p: string) => (p === 'unknown' ? '9999' : p);

export function sortRows(rows: CompareRow[], sort: Sort, lang: Lang): CompareRow[] {
  const coll = collator(lang);
  const byName = (a: CompareRow, b: CompareRow) => coll.compare(a.placeName, b.placeName) || coll.compare(a.label, b.label);
  const tie = (a: CompareRow, b: CompareRow) => (a.obs < b.obs ? -1 : a.obs > b.obs ? 1 : 0);
  const cmp: Record<Sort, (a: CompareRow, b: CompareRow) => number> = {
    desc: (a, b) => b.value - a.value || byName(a, b) || tie(a, b),
    asc: (a, b) => a.value - b.value || byName(a, b) || tie(a, b),
    name: (a, b) => byName(a, b) || b.value - a.value || tie(a, b),
    period: (a, b) => (periodKey(a.period) < periodKey(b.period) ? -1 : periodKey(a.period) > periodKey(b.period) ? 1 : 0) || b.value - a.value || tie(a, b),
  };
  return [...rows].sort(cmp[sort]);
}

/**
 * The places (with figures for this indicator) that the tokens of `places` select. One rule, the
 * same for the address and the checkboxes:
 * - a place that has figures of its own selects exactly those — not the places inside it, which
 *   have their own boxes (unticking “Aiguo Community” removes it even while “Xiqiao Town” is ticked);
 * - a region with no figure of its own (`guangdong`) selects every place inside it;
 * - a case slug selects the places of that case's figures.
 * null (no `places`) selects the default places (`defaultPlaces`: every place, up to COMPARE_TOP).
 */
export function selectedPlaces(ind: CompareIndicator, places: readonly string[] | null): Set<string> {
  if (!places) return new Set(defaultPlaces(ind));
  const own = new Set(ind.rows.map((r) => r.place));
  const out = new Set<string>();
  for (const t of places) {
    if (own.has(t)) out.add(t);
    else {
      const inside = ind.rows.filter((r) => r.within.includes(t));
      for (const r of inside.length ? inside : ind.rows.filter((r) => r.case === t)) out.add(r.place);
    }
  }
  return out;
}

/** The rows a state shows: the figures of the selected places (see `selectedPlaces`), sorted. */
export function selectRows(ind: CompareIndicator, state: CompareState, lang: Lang): CompareRow[] {
  const chosen = selectedPlaces(ind, state.places);
  return sortRows(
    ind.rows.filter((r) => chosen.has(r.place)),
    state.sort,
    lang,
  );
}

/** The levels of the places some rows are about, largest first, when there is more than one (else []). */
export function mixedLevels(rows: { level: string }[]): string[] {
  const order = ['country', 'province', 'prefecture', 'county', 'township', 'village', 'community', 'other'];
  const levels = [...new Set(rows.map((r) => r.level))].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return levels.length > 1 ? levels : [];
}

export interface CompareView {
  indicator: CompareIndicator;
  rows: CompareRow[];
  /** Levels of the places shown, when they differ (each bar is then tagged with its level). */
  levels: string[];
  layout: BarLayout;
  svg: SvgNode;
}

/** The chart for a state. `width` (px) lets the browser fit the chart to a narrow screen; the static page uses the default. */
export function compareView(ds: CompareDataset, state: CompareState, strings: CompareStrings, figId: string, width?: number): CompareView {
  const indicator = ds.indicators.find((i) => i.id === state.indicator) ?? ds.indicators.find((i) => i.id === ds.defaultIndicator)!;
  const rows = selectRows(indicator, state, ds.lang);
  const levels = mixedLevels(rows);
  const layout = barLayout(
    rows.map((r) => ({ id: r.obs, name: r.placeName, tag: levels.length ? strings.levelTag(r.level) : undefined, sub: r.label, value: r.value, qualifier: r.qualifier, display: r.display, period: r.periodShort, href: r.href })),
    { scale: state.scale, lang: ds.lang, kind: indicator.kind, width },
  );
  const svg = barSvg(
    layout,
    {
      title: strings.title(indicator.name),
      desc: strings.desc(indicator, rows.length),
      axis: indicator.axis,
      zero: strings.zero,
      linkLabel: (r: BarRow) => strings.linkLabel(r),
    },
    `${figId}-svg`,
    ds.lang,
  );
  return { indicator, rows, levels, layout, svg };
}

/** The legend lines a view needs: only the marks drawn (a square end on bars, a dot on a log scale), and the zero note. */
export function legendKeys(view: CompareView): string[] {
  const keys = view.layout.marks.map((m) => (m === 'exact' && view.layout.scale === 'log' ? 'exactDot' : m));
  return view.layout.offScale.length ? [...keys, 'zero'] : keys;
}

export interface PlaceOption {
  id: string;
  name: string;
  /** Name of the nearest other listed place this one lies inside, if any (“Aiguo Community” in “Xiqiao Town”). */
  inside?: string | undefined;
}

/**
 * The places of some rows (the chips of the place picker), by name, each saying which other place of the
 * rows it lies in (“Aiguo Community”, in “Xiqiao Town”).
 */
export function placeOptions(rows: readonly CompareRow[], lang: Lang): PlaceOption[] {
  const names = new Map(rows.map((r) => [r.place, r.placeName]));
  const within = new Map(rows.map((r) => [r.place, r.within]));
  const coll = collator(lang);
  return [...names.entries()]
    .map(([id, name]) => {
      const parent = [...(within.get(id) ?? [])].reverse().find((p) => p !== id && names.has(p));
      return { id, name, inside: parent ? names.get(parent) : undefined };
    })
    .sort((a, b) => coll.compare(a.name, b.name));
}

/** Columns of the comparison CSV (machine-readable names in both languages). */
export const COMPARE_CSV_COLUMNS = ['observation', 'indicator', 'place_id', 'place', 'place_level', 'counted', 'value', 'unit_printed', 'qualifier', 'qualifier_zh', 'display', 'period', 'case', 'source'] as const;

export function compareCsvRecords(indicator: string, rows: CompareRow[]): Record<string, string | number>[] {
  return rows.map((r) => ({
    observation: r.obs,
    indicator,
    place_id: r.place,
    place: r.placeName,
    place_level: r.level,
    counted: r.label,
    value: r.value,
    unit_printed: r.unit,
    qualifier: r.qualifier,
    qualifier_zh: r.qualifierZh,
    display: r.display,
    period: r.period,
    case: r.case,
    source: r.source,
  }));
}

/** Names of the sources of some rows, once each, in first-seen order. */
export function sourceNames(rows: { source: string; sourceName: string }[]): string[] {
  const seen = new Map<string, string>();
  for (const r of rows) if (!seen.has(r.source)) seen.set(r.source, r.sourceName);
  return [...seen.values()];
}
