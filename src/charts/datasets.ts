/**
 * The data behind every chart, read from the validated atlas: one function per chart, used by the
 * chart, its table and its CSV file alike. Pure (an Atlas in, plain records out); build time only.
 */
import type { Atlas, CaseEntry } from '../lib/atlas.ts';
import type { Indicator, Observation, Place, Source } from '../lib/schema.ts';
import { collator, type Lang, localName } from '../lib/i18n.ts';
import { dateNote, datePrecision, eventsDate, formatCaseDates, formatDate, formatFigure, formatPeriod } from '../lib/format.ts';
import type { TimelineItem } from './timeline.ts';
import { t } from '../lib/ui.ts';
import { routes, withBase } from '../lib/urls.ts';
import { orderThemes } from '../lib/theme-order.ts';
import type { CompareDataset, CompareIndicator, CompareRow } from './compare.ts';
import { placeKind, placeName } from '../lib/place-kind.ts';

const nameOf = localName;

/** Caption of a value axis for each unit kind (values are in base units). */
export const AXIS_UNIT: Record<string, Record<Lang, string>> = {
  count: { en: 'number', zh: '数量' },
  currency: { en: 'yuan', zh: '元' },
  area: { en: 'm²', zh: '平方米' },
  mass: { en: 'kg', zh: '千克' },
  percent: { en: 'per cent', zh: '%' },
  duration: { en: 'years', zh: '年' },
  frequency: { en: 'times a month', zh: '次/月' },
};

/** A period as a short label: the year (or span of years), never a day. */
export function periodShort(period: string, lang: Lang): string {
  if (period === 'unknown') return lang === 'en' ? 'year unknown' : '年份不详';
  const years = [...new Set(period.split('/').map((p) => p.slice(0, 4)))];
  return lang === 'en' ? years.join('–') : `${years.join('–')}年`;
}

/** A source named for a chart's source line: headline, publication and date where printed. */
export function sourceName(s: Source, lang: Lang): string {
  const extra = [s.publication !== 'unknown' ? s.publication : '', s.date !== 'unknown' ? formatDate(s.date, lang) : ''].filter(Boolean);
  // joined from parts, not a template: V8 keeps `${a}${b}` as a tree of pieces, join writes one string (see compareRow)
  if (lang === 'en') return ['“', nestQuotes(s.headline_en), '”', extra.length ? ` (${extra.join(', ')})` : ''].join('');
  return ['“', nestQuotes(s.headline_zh), '”', extra.length ? `（${extra.join('，')}）` : ''].join('');
}

/** Quotation marks inside a quoted headline become single ones (“A ‘B’ C”), never doubled (““B”…”). */
export function nestQuotes(s: string): string {
  return s.replace(/“/g, '‘').replace(/”/g, '’');
}

/** Indicators the comparison offers: marked comparable, with figures for at least two places. */
export function offeredIndicators(atlas: Atlas): Indicator[] {
  return atlas.data.indicators.filter((i) => i.comparable && new Set(atlas.observationsOf(i.id).map((o) => o.place)).size >= 2);
}

/** The default indicator: the one reported by the most cases (then most figures, then table order). */
/** The indicator shown by default: the one most cases report; '' when no indicator can be compared yet. */
export function defaultIndicator(atlas: Atlas): string {
  const offered = offeredIndicators(atlas);
  // each indicator's score once (its observations are indexed by indicator)
  const scores = new Map(
    offered.map((i) => {
      const obs = atlas.observationsOf(i.id);
      return [i.id, [new Set(obs.map((o) => o.case)).size, obs.length]] as const;
    }),
  );
  if (offered.length === 0) return '';
  let best = offered[0]!;
  for (const i of offered) {
    const [a, b] = scores.get(i.id)!;
    const [c, d] = scores.get(best.id)!;
    if (a! > c! || (a === c && b! > d!)) best = i;
  }
  return best.id;
}

const withinMemo = new WeakMap<Atlas, Map<string, readonly string[]>>();
const sourceNameMemo = new WeakMap<Source, Partial<Record<Lang, string>>>();

/**
 * A figure's row of the comparison. Every figure has one a language, all kept while the site is built (at 20,000
 * cases 320,000 rows), and every full garbage collection marks each object they hold; so what rows have in common
 * is shared and what is theirs alone is one string each. The place's chain of ids is one frozen array a place and
 * the source's name one string a source and language; the address is joined from its parts: a template literal
 * (`${a}#obs-${b}`) is kept by V8 as a tree of its pieces, three or four objects where one will do. Measured with a
 * heap snapshot of a 2,000-case build while its case pages rendered: the rows held 15.6 objects each (the source's
 * name 6.5, the address 4, the chain 2) before, and 4.1 after.
 */
export function compareRow(atlas: Atlas, o: Observation, lang: Lang, base: string): CompareRow {
  const place = atlas.places.get(o.place)!;
  const c = atlas.cases.get(o.case)!;
  const s = atlas.sources.get(o.source)!;
  let chains = withinMemo.get(atlas);
  if (!chains) withinMemo.set(atlas, (chains = new Map()));
  let within = chains.get(o.place);
  if (!within) chains.set(o.place, (within = Object.freeze(atlas.chain(o.place).map((p) => p.id))));
  let names = sourceNameMemo.get(s);
  if (!names) sourceNameMemo.set(s, (names = {}));
  return {
    obs: o.id,
    place: o.place,
    placeName: placeName(place, lang),
    within,
    level: place.level,
    kind: placeKind(place, lang),
    case: o.case,
    caseName: nameOf(c.place, lang),
    label: lang === 'en' ? o.label_en : o.label_zh,
    value: o.value,
    unit: o.unit,
    qualifier: o.qualifier,
    qualifierZh: o.qualifier_zh,
    display: formatFigure(o, atlas.unitOf(o), lang, 'compact'),
    period: o.period,
    periodText: formatPeriod(o.period, lang),
    periodShort: periodShort(o.period, lang),
    source: o.source,
    sourceName: (names[lang] ??= sourceName(s, lang)),
    href: [withBase(base, routes.case(lang, o.case)), '#obs-', o.id].join(''),
  };
}

const rowMemo = new WeakMap<Atlas, Map<string, Map<string, CompareRow>>>();

/**
 * compareRow, made once per atlas, language, base and observation. A figure's row is read by the comparison's
 * data, by the key figures of every case that shows the figure among its context (up to KEY_CONTEXT_MAX other
 * figures for each key figure, on each case page and in its chart's CSV: at 20,000 cases about 30 s of a build
 * made the same rows again) and by the theme pages. The rows are shared: read them, never change them.
 */
export function compareRowOf(atlas: Atlas, o: Observation, lang: Lang, base: string): CompareRow {
  let byKey = rowMemo.get(atlas);
  if (!byKey) rowMemo.set(atlas, (byKey = new Map()));
  const key = `${lang}|${base}`;
  let rows = byKey.get(key);
  if (!rows) byKey.set(key, (rows = new Map()));
  let row = rows.get(o.id);
  if (!row) rows.set(o.id, (row = compareRow(atlas, o, lang, base)));
  return row;
}

const compareMemo = new WeakMap<Atlas, Map<string, CompareDataset>>();

/** The comparison's data in one language: built once per atlas, language and base (every compare page, CSV and JSON file reads it). */
export function compareDataset(atlas: Atlas, lang: Lang, base: string): CompareDataset {
  let byKey = compareMemo.get(atlas);
  if (!byKey) compareMemo.set(atlas, (byKey = new Map()));
  const key = `${lang}|${base}`;
  let ds = byKey.get(key);
  if (!ds) byKey.set(key, (ds = buildCompareDataset(atlas, lang, base)));
  return ds;
}

function buildCompareDataset(atlas: Atlas, lang: Lang, base: string): CompareDataset {
  const indicators: CompareIndicator[] = offeredIndicators(atlas).map((i) => ({
    id: i.id,
    name: nameOf(i, lang),
    description: lang === 'en' ? i.description_en : i.description_zh,
    kind: i.unit_kind,
    axis: AXIS_UNIT[i.unit_kind]?.[lang] ?? '',
    rows: atlas.observationsOf(i.id).map((o) => compareRowOf(atlas, o, lang, base)),
  }));
  const coll = collator(lang);
  indicators.sort((a, b) => coll.compare(a.name, b.name));
  return { lang, defaultIndicator: defaultIndicator(atlas), indicators };
}

// ---------------------------------------------------------------- map points

export interface CasePoint {
  case: string;
  title: string;
  placeName: string;
  /** The place whose coordinates are used (the case's own place or its nearest ancestor with coordinates). */
  located: string;
  locatedName: string;
  fallback: boolean;
  lat: number;
  lon: number;
  province: string;
  provinceName: string;
  adcode: string;
  theme: string;
  themeName: string;
  date: string;
  href: string;
}

/** The place itself if it has coordinates, else its nearest ancestor that has them. */
export function locate(atlas: Atlas, placeId: string): Place | undefined {
  return atlas
    .chain(placeId)
    .reverse()
    .find((p) => p.lat !== null && p.lon !== null);
}

export function casePoints(atlas: Atlas, lang: Lang, base: string, cases: CaseEntry[] = atlas.caseList()): CasePoint[] {
  const out: CasePoint[] = [];
  for (const c of atlas.sortCases(cases, lang)) {
    const at = locate(atlas, c.place.id);
    if (!at || at.level === 'country') continue;
    const doc = c.docs[lang] ?? c.docs.en ?? c.docs.zh!;
    const theme = c.themes[0]!;
    out.push({
      case: c.slug,
      title: doc.frontmatter.title,
      placeName: nameOf(c.place, lang),
      located: at.id,
      locatedName: nameOf(at, lang),
      fallback: at.id !== c.place.id,
      lat: at.lat!,
      lon: at.lon!,
      province: c.province?.id ?? '',
      provinceName: c.province ? nameOf(c.province, lang) : '',
      adcode: c.province?.adcode ?? '',
      theme: theme.id,
      themeName: nameOf(theme, lang),
      date: c.date,
      href: withBase(base, routes.case(lang, c.slug)),
    });
  }
  return out;
}

export const MAP_CSV_COLUMNS = ['case', 'title', 'place', 'located_at', 'lat', 'lon', 'province', 'primary_theme', 'date'] as const;

export function mapCsvRecords(points: CasePoint[]): Record<string, string | number>[] {
  return points.map((p) => ({ case: p.case, title: p.title, place: p.placeName, located_at: p.locatedName, lat: p.lat, lon: p.lon, province: p.provinceName, primary_theme: p.themeName, date: p.date }));
}

// ---------------------------------------------------------------- timeline

/** A case on the timeline: the date of its events (what is plotted), with basis, and its report's date. */
export interface TimelineCase {
  case: string;
  title: string;
  placeName: string;
  /** The events' date: YYYY, YYYY-MM, YYYY-MM-DD or unknown. */
  date: string;
  dateText: string;
  precision: 'year' | 'month' | 'day' | 'unknown';
  /** stated | inferred | unknown, of the events' date. */
  basis: string;
  /** What an inferred (or unknown) events date rests on, in the reader's language; '' if nothing. */
  basisNote: string;
  /** The report's publication date and its basis (not plotted). */
  reported: string;
  reportedText: string;
  reportedBasis: string;
  href: string;
}

export function timelineCases(atlas: Atlas, lang: Lang, base: string, cases: CaseEntry[] = atlas.caseList()): TimelineCase[] {
  return atlas
    .sortCases(cases, lang, 'date')
    .reverse()
    .map((c) => {
      const doc = c.docs[lang] ?? c.docs.en ?? c.docs.zh!;
      return {
        case: c.slug,
        title: doc.frontmatter.title,
        placeName: nameOf(c.place, lang),
        date: c.events.date,
        dateText: formatDate(c.events.date, lang),
        precision: datePrecision(c.events.date),
        basis: c.events.basis,
        basisNote: dateNote(eventsDate(c.events), lang),
        reported: c.source.date,
        reportedText: formatDate(c.source.date, lang),
        reportedBasis: c.source.date_basis,
        href: withBase(base, routes.case(lang, c.slug)),
      };
    });
}

/** The basis of a timeline date as text: “inferred: from …” / “推断：…”. */
export function timelineBasisText(c: Pick<TimelineCase, 'basis' | 'basisNote'>, lang: Lang): string {
  const ui = t(lang);
  const word = c.basis === 'stated' ? ui.stated : c.basis === 'inferred' ? ui.inferred : ui.unknown;
  return c.basis === 'inferred' && c.basisNote ? `${word}${lang === 'en' ? ': ' : '：'}${c.basisNote}` : word;
}

/**
 * What the timeline geometry is given for each case: the events' date and basis, and a title
 * (the tooltip) that says which date this is and, when inferred, from what.
 */
export function timelineItems(items: TimelineCase[], lang: Lang): TimelineItem[] {
  return items.map((c) => ({
    id: c.case,
    label: c.placeName,
    date: c.date,
    basis: c.basis,
    href: c.href,
    title: `${c.title} — ${formatCaseDates({ date: c.date }, { date: c.reported }, lang)}${c.basis === 'inferred' ? (lang === 'en' ? ` (${timelineBasisText(c, lang)})` : `（${timelineBasisText(c, lang)}）`) : ''}`,
  }));
}

export const TIMELINE_CSV_COLUMNS = ['case', 'place', 'title', 'events_date', 'events_date_precision', 'events_date_basis', 'events_date_note', 'reported_date', 'reported_date_basis'] as const;

/** The timeline's CSV rows, in the order given (the chart's order). */
export function timelineCsvRecords(items: TimelineCase[]): Record<(typeof TIMELINE_CSV_COLUMNS)[number], string>[] {
  return items.map((c) => ({
    case: c.case,
    place: c.placeName,
    title: c.title,
    events_date: c.date,
    events_date_precision: c.precision,
    events_date_basis: c.basis,
    events_date_note: c.basisNote,
    reported_date: c.reported,
    reported_date_basis: c.reportedBasis,
  }));
}

// ---------------------------------------------------------------- theme × case matrix

export interface MatrixData {
  themes: { id: string; name: string; href: string }[];
  cases: { id: string; name: string; href: string }[];
  /** theme id → case id → 'primary' | 'yes' */
  cells: Record<string, Record<string, 'primary' | 'yes'>>;
}

export function themeMatrix(atlas: Atlas, lang: Lang, base: string, of: CaseEntry[] = atlas.caseList()): MatrixData {
  const cases = atlas.sortCases(of, lang);
  const cells: MatrixData['cells'] = {};
  for (const th of atlas.data.themes) cells[th.id] = {};
  for (const c of cases) c.themes.forEach((th, i) => (cells[th.id]![c.slug] = i === 0 ? 'primary' : 'yes'));
  return {
    themes: orderThemes(atlas.data.themes, atlas.caseList()).map((th) => ({ id: th.id, name: nameOf(th, lang), href: withBase(base, routes.theme(lang, th.id)) })),
    cases: cases.map((c) => ({ id: c.slug, name: nameOf(c.place, lang), href: withBase(base, routes.case(lang, c.slug)) })),
    cells,
  };
}

export function matrixCsv(m: MatrixData): { columns: string[]; records: Record<string, string>[] } {
  const columns = ['theme_id', 'theme', ...m.cases.map((c) => c.id)];
  const records = m.themes.map((th) => {
    const r: Record<string, string> = { theme_id: th.id, theme: th.name };
    for (const c of m.cases) r[c.id] = m.cells[th.id]?.[c.id] ?? '';
    return r;
  });
  return { columns, records };
}

// ---------------------------------------------------------------- a case's key figures in context

export interface KeyFigure {
  row: CompareRow;
  indicatorName: string;
  comparable: boolean;
  /** Figures of other cases for the same indicator: all of them up to KEY_CONTEXT_MAX, else an even sample across their range. */
  others: CompareRow[];
  /** How many figures other cases report for the indicator (others may be a sample of them). */
  othersCount: number;
  /** The largest value among all the others. */
  largestOther: number | null;
}

/** At most this many other places are drawn and listed beside a key figure; a page's size must not grow with the corpus. */
export const KEY_CONTEXT_MAX = 24;

/** An even, deterministic sample of values across their sorted range (always keeping the smallest and largest). */
export function sampleByValue<T extends { value: number; id: string }>(items: T[], max: number): T[] {
  const sorted = [...items].sort((a, b) => a.value - b.value || (a.id < b.id ? -1 : 1));
  if (sorted.length <= max) return sorted;
  const out: T[] = [];
  for (let i = 0; i < max; i++) out.push(sorted[Math.round((i * (sorted.length - 1)) / (max - 1))]!);
  return out;
}

/**
 * `sampleByValue(sorted.filter((_, i) => !skip.includes(i)), max)` for a list already in sampleByValue's
 * order and a few positions to leave out (ascending), without copying the list: a case page of a large
 * atlas costs the sample, not a pass over every figure of the indicator.
 */
export function sampleSortedExcept<T>(sorted: readonly T[], skip: readonly number[], max: number): T[] {
  const m = sorted.length - skip.length;
  // the j-th kept item: j plus every skipped position at or before it
  const at = (j: number) => {
    let i = j;
    for (const p of skip) if (p <= i) i++;
    return sorted[i]!;
  };
  if (m <= max) return Array.from({ length: m }, (_, j) => at(j));
  return Array.from({ length: max }, (_, k) => at(Math.round((k * (m - 1)) / (max - 1))));
}

interface ByValue {
  sorted: Observation[];
  /** Positions in `sorted` of each case's figures, ascending. */
  casePositions: Map<string, number[]>;
}
const sortedMemo = new WeakMap<Atlas, Map<string, ByValue>>();

/** An indicator's observations in sampleByValue's order: sorted once per atlas and indicator, not once per case page. */
function sortedByValue(atlas: Atlas, indicator: string): ByValue {
  let byInd = sortedMemo.get(atlas);
  if (!byInd) sortedMemo.set(atlas, (byInd = new Map()));
  let hit = byInd.get(indicator);
  if (!hit) {
    const sorted = sampleByValue(atlas.observationsOf(indicator), Infinity);
    const casePositions = new Map<string, number[]>();
    sorted.forEach((x, i) => {
      const list = casePositions.get(x.case);
      if (list) list.push(i);
      else casePositions.set(x.case, [i]);
    });
    byInd.set(indicator, (hit = { sorted, casePositions }));
  }
  return hit;
}

export function keyFigures(atlas: Atlas, c: CaseEntry, lang: Lang, base: string): KeyFigure[] {
  return c.key.map((o) => {
    const ind = atlas.indicators.get(o.indicator)!;
    const comparable = ind.comparable;
    // context is other cases: the case's own other figures for the indicator are in its table, not on its scale
    let others: Observation[] = [];
    let othersCount = 0;
    let largestOther: number | null = null;
    if (comparable) {
      const { sorted, casePositions } = sortedByValue(atlas, o.indicator);
      let skip = casePositions.get(c.slug) ?? [];
      if (o.case !== c.slug) {
        // a figure of another case shown on this one (not in its own positions): left out too
        const own = sorted.findIndex((x) => x.id === o.id);
        if (own >= 0) skip = [...skip, own].sort((a, b) => a - b);
      }
      others = sampleSortedExcept(sorted, skip, KEY_CONTEXT_MAX);
      othersCount = sorted.length - skip.length;
      // the largest kept figure: the last position not left out
      let i = sorted.length - 1;
      while (i >= 0 && skip.includes(i)) i--;
      largestOther = i >= 0 ? sorted[i]!.value : null;
    }
    return {
      row: compareRowOf(atlas, o, lang, base),
      indicatorName: nameOf(ind, lang),
      comparable,
      others: others.map((x) => compareRowOf(atlas, x, lang, base)),
      othersCount,
      largestOther,
    };
  });
}

export const KEY_CSV_COLUMNS = ['observation', 'indicator', 'counted', 'place', 'value', 'unit_printed', 'qualifier', 'qualifier_zh', 'display', 'period', 'compared_with', 'largest_other', 'source'] as const;
