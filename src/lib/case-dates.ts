/**
 * Checks of a case's dates, called from the case-file validation: the frontmatter's `events`
 * block (the date of the events a case describes) located to its line, the two language files of
 * a case agreeing on it, and the years a profile may write as plain digits.
 *
 * The report's own publication date is not here: it is the source's `date` in data/sources.csv.
 */
import type { z } from 'zod';
import type { CaseEvents } from './schema.ts';

export interface DateProblem {
  line: number;
  field: string;
  message: string;
}

const EVENT_FIELDS = ['date', 'basis', 'note_en', 'note_zh'] as const;

function show(value: unknown): string {
  return value === undefined || value === null ? 'nothing' : value === '' ? 'an empty value' : JSON.stringify(value);
}

/**
 * Line of a frontmatter key, nested keys included (`events.basis` is the `basis:` line indented
 * under `events:`); falls back to the parent's line when the key is absent. Frontmatter starts on
 * line 2 of the file.
 */
export function frontmatterLine(frontmatter: string, path: readonly (string | number)[]): number {
  const lines = frontmatter.split('\n');
  const top = lines.findIndex((l) => l.startsWith(`${String(path[0])}:`));
  if (top < 0) return 1;
  if (path.length < 2) return top + 2;
  for (let i = top + 1; i < lines.length && /^(?:\s|$)/.test(lines[i]!); i++)
    if (new RegExp(`^\\s+${String(path[1])}\\s*:`).test(lines[i]!)) return i + 2;
  return top + 2;
}

/**
 * A schema problem of the `events` block (or the retired `date` key), as a located message; any
 * other frontmatter problem → undefined (the caller reports it as usual).
 */
export function caseDateIssue(issue: z.core.$ZodIssue, raw: unknown, frontmatter: string): DateProblem | undefined {
  const head = String(issue.path[0] ?? '');
  if (head !== 'events' && head !== 'date') return undefined;
  const path = issue.path.map(String);
  let value: unknown = raw;
  for (const k of path) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[k] : undefined;
  const any = issue as { values?: unknown[]; expected?: string };
  let expected: string;
  if (head === 'date') expected = issue.message;
  else if (issue.code === 'invalid_value' && Array.isArray(any.values)) expected = `one of ${any.values.map((v) => JSON.stringify(v)).join(', ')}`;
  else if (issue.code === 'invalid_type' && path.length === 1)
    expected = 'an "events:" block with date (YYYY, YYYY-MM, YYYY-MM-DD or unknown), basis (stated, inferred or unknown) and, for an inferred date, note_en and note_zh';
  else if (issue.code === 'invalid_type') expected = path.at(-1) === 'date' ? 'a date: YYYY, YYYY-MM, YYYY-MM-DD or unknown, in quotes' : 'a text';
  else expected = issue.message;
  return { line: frontmatterLine(frontmatter, path), field: path.join('.'), message: `found ${show(value)}, expected ${expected}` };
}

/** The Chinese file's events block must say what the English one says, field by field. */
export function caseDateTwinProblems(en: { path: string; events: CaseEvents }, zh: { events: CaseEvents; frontmatter: string }): DateProblem[] {
  const out: DateProblem[] = [];
  for (const k of EVENT_FIELDS) {
    const a = (en.events[k] ?? '').trim();
    const b = (zh.events[k] ?? '').trim();
    if (a !== b) out.push({ line: frontmatterLine(zh.frontmatter, ['events', k]), field: `events.${k}`, message: `found ${show(b)}, expected the same value as ${en.path} (${show(a)})` });
  }
  return out;
}

/** Years a profile may write as digits: those of the events' date and of the report's date. */
export function caseDateYears(events: CaseEvents, reportDate: string | undefined): string[] {
  return [...new Set([events.date, reportDate ?? ''].flatMap((d) => d.match(/\d{4}/g) ?? []))];
}

/** Placeholders left in the events block (a scaffolded case), reported without stopping other checks. */
export function caseDatePlaceholders(events: CaseEvents, frontmatter: string): DateProblem[] {
  return (['note_en', 'note_zh'] as const)
    .filter((k) => events[k]?.includes('TODO'))
    .map((k) => ({ line: frontmatterLine(frontmatter, ['events', k]), field: `events.${k}`, message: `found the placeholder ${JSON.stringify(events[k])}, expected the real note` }));
}
