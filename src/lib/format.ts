import { qualifierPlacementProblem, qualifierWord, type Qualifier } from './qualifiers.ts';
import type { CaseEvents, Observation, Source, Unit } from './schema.ts';
import { intlLocale, type Lang } from './i18n.ts';

/** Remove floating-point noise from a division (0.46 * 100000 → 46000, not 46000.000000001). */
export function tidy(n: number): number {
  return Number.parseFloat(n.toPrecision(12));
}

let compactFormat: Intl.NumberFormat | undefined;
// Intl.NumberFormat is costly to construct and every page formats many numbers: one formatter per language.
const numberFormats = new Map<Lang, Intl.NumberFormat>();

export function formatNumber(n: number, lang: Lang): string {
  let f = numberFormats.get(lang);
  if (!f) numberFormats.set(lang, (f = new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits: 2, useGrouping: lang === 'en' ? 'always' : false })));
  return f.format(tidy(n));
}

/** The number as printed in the source's unit (46 for 460000 yuan printed as 万元). */
export function printedNumber(value: number, unit: Unit): number {
  return tidy(value / unit.factor);
}

const EN_PROSE: Record<Qualifier, (s: string) => string> = {
  exact: (s) => s,
  about: (s) => `about ${s}`,
  nearly: (s) => `nearly ${s}`,
  more_than: (s) => `more than ${s}`,
  at_least: (s) => `at least ${s}`,
  up_to: (s) => `up to ${s}`,
  less_than: (s) => `under ${s}`,
};

const EN_COMPACT: Record<Qualifier, (s: string) => string> = {
  exact: (s) => s,
  about: (s) => `~${s}`,
  nearly: (s) => `nearly ${s}`,
  more_than: (s) => `${s}+`,
  at_least: (s) => `≥${s}`,
  up_to: (s) => `≤${s}`,
  less_than: (s) => `<${s}`,
};

export const QUALIFIER_LABEL: Record<Qualifier, Record<Lang, string>> = {
  exact: { en: 'exact', zh: '确数' },
  about: { en: 'about', zh: '约数' },
  nearly: { en: 'nearly (just under)', zh: '接近（略少于）' },
  more_than: { en: 'more than (lower bound)', zh: '多于（下限）' },
  at_least: { en: 'at least (minimum)', zh: '不少于（最低值）' },
  up_to: { en: 'up to (maximum)', zh: '不超过（最高值）' },
  less_than: { en: 'under (upper bound)', zh: '少于（上限）' },
};

/**
 * Chinese: the number in the printed unit, with the qualifying word where the report printed it —
 * before the number (近4000名), after it (20余万元), after the scale character that begins the unit
 * (1.6万余人次, 3千多名: qualifier_zh 万余 / 千多) or after the unit (100个以上). A placement no report
 * prints (1.6余万人次) throws instead of being shown; validation reports it first, with file and line.
 */
function formatFigureZh(o: Pick<Observation, 'value' | 'qualifier' | 'qualifier_zh'>, unit: Unit): string {
  const printed = printedNumber(o.value, unit);
  const n = formatNumber(printed, 'zh');
  const word = o.qualifier === 'exact' ? '' : o.qualifier_zh;
  const q = word ? qualifierWord(word) : undefined;
  if (!q) return `${n}${unit.unit}`;
  const problem = qualifierPlacementProblem(word, unit.unit, printed);
  if (problem) throw new Error(`formatFigure: ${problem}`);
  switch (q.position) {
    case 'before':
      return `${word}${n}${unit.unit}`;
    case 'after-number':
      return `${n}${word}${unit.unit}`;
    case 'inside-unit':
      return `${n}${word}${unit.unit.slice(q.scale!.length)}`;
    default:
      return `${n}${unit.unit}${word}`;
  }
}

export type FigureStyle = 'prose' | 'compact';

/**
 * A figure as the reader of a language expects it:
 * zh — as printed: 30余个, 近4000名, 46万元, 100个以上; en — “more than 30”, “460,000 yuan”, or compact “30+”.
 */
export function formatFigure(o: Pick<Observation, 'value' | 'qualifier' | 'qualifier_zh'>, unit: Unit, lang: Lang, style: FigureStyle = 'prose'): string {
  if (lang === 'zh') return formatFigureZh(o, unit);
  const base = unit.scale === 'base' ? o.value : printedNumber(o.value, unit);
  const [singular, plural = singular] = unit.en.split('|') as [string, string?];
  const template = tidy(base) === 1 ? singular : plural;
  // compact: the mark goes on the number (300,000+ yuan), unless the template has no number (“once a month”)
  if (style === 'compact' && template.includes('{n}')) return template.replace('{n}', EN_COMPACT[o.qualifier](formatNumber(base, 'en')));
  const text = template.replace('{n}', formatNumber(base, 'en'));
  return (style === 'compact' ? EN_COMPACT : EN_PROSE)[o.qualifier](text);
}

/** Compact axis label for a value in base units (46万 / 460k). */
export function formatAxis(value: number, lang: Lang, kind: string): string {
  if (lang === 'zh') {
    if (Math.abs(value) >= 1e8) return `${formatNumber(value / 1e8, 'zh')}亿`;
    if (Math.abs(value) >= 1e4) return `${formatNumber(value / 1e4, 'zh')}万`;
    return formatNumber(value, 'zh');
  }
  compactFormat ??= new Intl.NumberFormat('en-GB', { notation: 'compact', maximumFractionDigits: 1 });
  const s = compactFormat.format(tidy(value));
  return kind === 'percent' ? `${s}%` : s;
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date of known precision: 2023 → “2023” / “2023年”; 2023-06 → “June 2023” / “2023年6月”. Never shows a day it does not have. */
export function formatDate(date: string, lang: Lang): string {
  if (date === 'unknown') return lang === 'en' ? 'date unknown' : '日期不详';
  const [y, m, d] = date.split('-');
  if (lang === 'zh') return `${y}年${m ? `${Number(m)}月` : ''}${d ? `${Number(d)}日` : ''}`;
  if (!m) return y!;
  if (!d) return `${MONTHS_EN[Number(m) - 1]} ${y}`;
  return `${Number(d)} ${MONTHS_EN[Number(m) - 1]} ${y}`;
}

export function datePrecision(date: string): 'year' | 'month' | 'day' | 'unknown' {
  if (date === 'unknown') return 'unknown';
  return (['year', 'month', 'day'] as const)[date.split('-').length - 1]!;
}

/** A period: 2023, 2019/2023 → 2019–2023, unknown. */
export function formatPeriod(period: string, lang: Lang): string {
  if (period === 'unknown') return lang === 'en' ? 'unknown' : '不详';
  return period
    .split('/')
    .map((p) => formatDate(p, lang))
    .join('–');
}

/** A date that may be a span (2019/2021 → 2019–2021) or unknown (“date unknown” / “日期不详”). */
export function formatEventDate(date: string, lang: Lang): string {
  return date === 'unknown' ? formatDate(date, lang) : formatPeriod(date, lang);
}

/** A date with its basis: the case's events, or the report (the source row). */
export interface DatedFact {
  date: string;
  basis: 'stated' | 'inferred' | 'unknown';
  note_en?: string | undefined;
  note_zh?: string | undefined;
}

export function reportDate(s: Pick<Source, 'date' | 'date_basis' | 'date_note_en' | 'date_note_zh'>): DatedFact {
  return { date: s.date, basis: s.date_basis, note_en: s.date_note_en, note_zh: s.date_note_zh };
}

export function eventsDate(e: CaseEvents): DatedFact {
  return { date: e.date, basis: e.basis, note_en: e.note_en, note_zh: e.note_zh };
}

/** The note of a dated fact in the reader's language ('' when there is none). */
export function dateNote(d: DatedFact, lang: Lang): string {
  return ((lang === 'en' ? d.note_en : d.note_zh) ?? '').trim();
}

const DATE_KIND: Record<'reported' | 'events', Record<Lang, string>> = {
  reported: { en: 'reported', zh: '报道' },
  events: { en: 'events', zh: '事件' },
};

/** “reported 2021 · events 2020” / “报道 2021年 · 事件 2020年”: which date is which, in one line. */
export function formatCaseDates(events: Pick<DatedFact, 'date'>, reported: Pick<DatedFact, 'date'>, lang: Lang): string {
  return [`${DATE_KIND.reported[lang]} ${formatEventDate(reported.date, lang)}`, `${DATE_KIND.events[lang]} ${formatEventDate(events.date, lang)}`].join(' · ');
}
