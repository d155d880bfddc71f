import { z } from 'zod';
import { QUALIFIERS } from './qualifiers.ts';

// Qualifiers live in a zod-free module so browser code can format figures without loading zod.
export { QUALIFIERS, QUALIFIER_WORDS, type Qualifier } from './qualifiers.ts';

/** Column order of every table: the contract for data/*.csv. */
export const COLUMNS = {
  sources: ['id', 'file', 'headline_zh', 'headline_en', 'publication', 'section', 'byline', 'date', 'date_basis', 'date_note_en', 'date_note_zh'],
  places: ['id', 'name_en', 'name_zh', 'level', 'parent', 'adcode', 'lat', 'lon'],
  indicators: ['id', 'name_en', 'name_zh', 'unit_kind', 'comparable', 'description_en', 'description_zh'],
  units: ['unit', 'kind', 'factor', 'en', 'scale'],
  observations: ['id', 'case', 'place', 'indicator', 'value', 'unit', 'qualifier', 'qualifier_zh', 'period', 'period_basis', 'source', 'label_en', 'label_zh', 'note_en', 'note_zh'],
  themes: ['id', 'name_en', 'name_zh', 'synonyms_en', 'synonyms_zh', 'definition_en', 'definition_zh', 'indicators'],
} as const;

export type TableName = keyof typeof COLUMNS;
export const TABLES = Object.keys(COLUMNS) as TableName[];

export const LEVELS = ['country', 'province', 'prefecture', 'county', 'township', 'village', 'community', 'other'] as const;
export const UNIT_KINDS = ['count', 'currency', 'area', 'mass', 'percent', 'duration', 'frequency'] as const;
export type Level = (typeof LEVELS)[number];
export type UnitKind = (typeof UNIT_KINDS)[number];

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a lowercase ASCII slug (a-z, 0-9, hyphens)');
const snake = z.string().regex(/^[a-z][a-z0-9_]*$/, 'a snake_case id (a-z, 0-9, underscores)');
const required = z.string().min(1, 'a non-empty value');
const optional = z.string();
/** YYYY, YYYY-MM, YYYY-MM-DD or unknown (the shape only; see dateProblem for dates that cannot exist). */
export const DATE_RE = /^(?:unknown|\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?)$/;
const DATE_SHAPE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Why a YYYY, YYYY-MM or YYYY-MM-DD date cannot exist (month 13, 30 February), or null when it can. */
export function impossibleDate(value: string): string | null {
  const [y, m, d] = value.split('-').map(Number) as [number, number?, number?];
  if (m === undefined) return null;
  if (m < 1 || m > 12) return `there is no month ${value.split('-')[1]}`;
  if (d === undefined) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d < 1 || d > days ? `${MONTHS[m - 1]} ${y} has ${days} days` : null;
}

/** A date as YYYY, YYYY-MM, YYYY-MM-DD or unknown, checked against the calendar. */
const date = z.string().superRefine((value, ctx) => {
  if (value !== 'unknown' && !DATE_SHAPE.test(value)) ctx.addIssue({ code: 'custom', message: 'YYYY, YYYY-MM, YYYY-MM-DD or unknown' });
  else if (value !== 'unknown' && impossibleDate(value)) ctx.addIssue({ code: 'custom', message: `a date that exists (${impossibleDate(value)})` });
});

/** A period: a date, or a span start/end of two dates with the start not after the end. */
const period = z.string().superRefine((value, ctx) => {
  if (value === 'unknown') return;
  const parts = value.split('/');
  if (parts.length > 2 || !parts.every((p) => DATE_SHAPE.test(p))) {
    ctx.addIssue({ code: 'custom', message: 'YYYY, YYYY-MM, YYYY-MM-DD, YYYY/YYYY or unknown' });
    return;
  }
  for (const p of parts) {
    const why = impossibleDate(p);
    if (why) {
      ctx.addIssue({ code: 'custom', message: `a period of dates that exist (${why})` });
      return;
    }
  }
  const [start, end] = parts as [string, string?];
  const n = Math.min(start.length, end?.length ?? 0);
  if (end !== undefined && start.slice(0, n) > end.slice(0, n)) ctx.addIssue({ code: 'custom', message: `a span from the earlier to the later date (${end}/${start})` });
});
const decimal = (what: string) => z.string().regex(/^-?\d+(?:\.\d+)?$/, what).transform(Number);
const optionalNumber = (what: string, min: number, max: number) =>
  z
    .string()
    .regex(/^(?:|-?\d+(?:\.\d+)?)$/, what)
    .transform((s) => (s === '' ? null : Number(s)))
    .refine((n) => n === null || (n >= min && n <= max), `${what} between ${min} and ${max}`);
const list = z.string().transform((s) => s.split('|').map((x) => x.trim()).filter(Boolean));

export const sourceSchema = z.object({
  id: z.string().regex(/^s\d{3}-[a-z0-9-]+$/, 's + three-digit page number + - + slug, e.g. s000-lianjiang'),
  file: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/, 'a page file name like 000_760a4ec6377f531e.txt'),
  headline_zh: required,
  headline_en: required,
  publication: required,
  section: required,
  byline: required,
  date,
  date_basis: z.enum(['stated', 'inferred', 'unknown']),
  date_note_en: optional,
  date_note_zh: optional,
});

export const placeSchema = z.object({
  id: slug,
  name_en: required,
  name_zh: required,
  level: z.enum(LEVELS),
  parent: optional,
  adcode: z.string().regex(/^(?:|\d{6})$/, 'a six-digit GB/T 2260 code or empty'),
  lat: optionalNumber('a latitude', 3, 54),
  lon: optionalNumber('a longitude', 73, 136),
});

export const indicatorSchema = z.object({
  id: snake,
  name_en: required,
  name_zh: required,
  unit_kind: z.enum(UNIT_KINDS),
  comparable: z.enum(['true', 'false']).transform((s) => s === 'true'),
  description_en: required,
  description_zh: required,
});

export const unitSchema = z.object({
  unit: required,
  kind: z.enum(UNIT_KINDS),
  factor: decimal('a positive number').refine((n) => n > 0, 'a positive number'),
  en: z.string().regex(/^(?:[^|]*\|)?[^|]*\{n\}[^|]*$/, 'an English template containing {n}, or singular|plural templates such as "{n} year|{n} years" or "once a month|{n} times a month"'),
  scale: z.enum(['base', 'printed']),
});

export const observationSchema = z.object({
  id: slug,
  case: slug,
  place: slug,
  indicator: snake,
  value: decimal('a number in base units without separators (e.g. 460000)'),
  unit: required,
  qualifier: z.enum(QUALIFIERS),
  qualifier_zh: optional,
  period,
  period_basis: z.enum(['stated', 'inferred', 'unknown']),
  source: required,
  label_en: required,
  label_zh: required,
  note_en: optional,
  note_zh: optional,
});

export const themeSchema = z.object({
  id: slug,
  name_en: required,
  name_zh: required,
  synonyms_en: list,
  synonyms_zh: list,
  definition_en: required,
  definition_zh: required,
  /** Indicators whose figures matter for this theme (shown on the theme page). */
  indicators: list,
});

export const DATE_BASES = ['stated', 'inferred', 'unknown'] as const;
export type DateBasis = (typeof DATE_BASES)[number];

/**
 * When the events a case describes happened — not when the report was published (that is the
 * source's `date`). Precision is what the date says (a year, a month, a day); `basis` says whether
 * the report prints it or we inferred it, and an inferred date says from what, in both languages.
 */
export const caseEventsSchema = z
  .object({
    date,
    basis: z.enum(DATE_BASES),
    note_en: z.string().optional(),
    note_zh: z.string().optional(),
  })
  .superRefine((e, ctx) => {
    if ((e.date === 'unknown') !== (e.basis === 'unknown'))
      ctx.addIssue({ code: 'custom', path: ['basis'], message: `"unknown" exactly when the date is unknown (date is ${JSON.stringify(e.date)})` });
    if (e.basis === 'inferred')
      for (const k of ['note_en', 'note_zh'] as const)
        if (!e[k]?.trim()) ctx.addIssue({ code: 'custom', path: [k], message: `a note saying what the inferred date was inferred from (${k === 'note_en' ? 'in English' : 'in Chinese'})` });
  });
export type CaseEvents = z.output<typeof caseEventsSchema>;

export const caseFrontmatterSchema = z.object({
  title: required,
  summary: required.max(260, 'at most 260 characters'),
  place: slug,
  source: required,
  /** The date of the events the case describes (the report's own date is the source's). */
  events: caseEventsSchema,
  /** The old single `date` field: rejected with a pointer to `events` (and the source's date). */
  date: z.undefined({ error: 'no "date:" key — the date of the events goes in "events:" (date, basis, note_en, note_zh); the report\'s publication date is the source\'s date in data/sources.csv' }).optional(),
  themes: z.array(slug).min(1, 'at least one theme'),
  key: z.array(slug).default([]),
  names: z.array(z.string()).default([]),
});

export const SCHEMAS = {
  sources: sourceSchema,
  places: placeSchema,
  indicators: indicatorSchema,
  units: unitSchema,
  observations: observationSchema,
  themes: themeSchema,
} as const;

export type Source = z.output<typeof sourceSchema>;
export type Place = z.output<typeof placeSchema>;
export type Indicator = z.output<typeof indicatorSchema>;
export type Unit = z.output<typeof unitSchema>;
export type Observation = z.output<typeof observationSchema> & { line?: number };
export type Theme = z.output<typeof themeSchema>;
export type CaseFrontmatter = z.output<typeof caseFrontmatterSchema>;
