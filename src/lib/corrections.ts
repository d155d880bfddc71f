/**
 * The corrections log (data/corrections.csv): one row per correction made to a case, its figures or its
 * sources, in both languages. Validated like every other table (file, line, field, what was found, what
 * was expected); shown on the About page, newest first.
 *
 * Hooked into validation in two places: the `validateData` integration of astro.config.mjs (every build
 * and the dev server) and scripts/validate.ts (`npm run validate`), both through `checkCorrections`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseCsv } from './csv.ts';
import { dataDir } from './paths.ts';
import type { ValidationError } from './validate.ts';

export const CORRECTION_COLUMNS = ['date', 'case', 'change_en', 'change_zh', 'reason_en', 'reason_zh'] as const;

/** `case` value for a correction that concerns every case (or the site as a whole). */
export const ALL_CASES = 'all';

export interface Correction {
  line: number;
  /** YYYY-MM-DD */
  date: string;
  /** Case slugs the correction concerns; empty = all cases. */
  cases: string[];
  change_en: string;
  change_zh: string;
  reason_en: string;
  reason_zh: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Parse and validate the log's text. `slugs`: the cases that exist. Every problem of the file is returned. */
export function parseCorrections(text: string, file: string, slugs: readonly string[]): { rows: Correction[]; errors: ValidationError[] } {
  const errors: ValidationError[] = [];
  const table = parseCsv(text, CORRECTION_COLUMNS);
  for (const p of table.problems) errors.push({ file, line: p.line, field: p.field, message: p.message });
  const known = new Set(slugs);
  const rows: Correction[] = [];
  for (const { line, record } of table.rows) {
    const r = (k: (typeof CORRECTION_COLUMNS)[number]) => (record[k] ?? '').trim();
    let ok = true;
    const fail = (field: string, message: string) => {
      errors.push({ file, line, field, message });
      ok = false;
    };
    if (!validDate(r('date'))) fail('date', `found "${r('date')}", expected a date YYYY-MM-DD (the day the correction was made)`);
    const caseCell = r('case');
    const cases = caseCell === ALL_CASES ? [] : caseCell.split('|').map((s) => s.trim());
    if (caseCell === '') fail('case', `found nothing, expected a case slug, several joined by "|", or "${ALL_CASES}"`);
    else for (const c of cases) if (!known.has(c)) fail('case', `found "${c}", expected a case slug (content/cases/<lang>/<slug>.mdx) or "${ALL_CASES}"`);
    for (const k of ['change_en', 'change_zh', 'reason_en', 'reason_zh'] as const) {
      if (r(k) === '') fail(k, `found nothing, expected ${k.startsWith('change') ? 'what changed' : 'why it changed'} in ${k.endsWith('_en') ? 'English' : 'Chinese'}`);
      else if (/\bTODO\b/.test(r(k))) fail(k, 'found a TODO placeholder, expected the finished text');
    }
    if (ok) rows.push({ line, date: r('date'), cases, change_en: r('change_en'), change_zh: r('change_zh'), reason_en: r('reason_en'), reason_zh: r('reason_zh') });
  }
  return { rows, errors };
}

/** Newest first; within a day, in the order of the file. */
export function sortCorrections(rows: readonly Correction[]): Correction[] {
  return [...rows].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.line - b.line));
}

/**
 * When the data last changed, as shown on the About page: the newest correction's date; with no
 * correction yet, the newest report date in the data (YYYY, YYYY-MM or YYYY-MM-DD). Derived from the
 * data alone, so every build of the same commit says the same.
 */
export function lastChanged(rows: readonly Correction[], reportDates: readonly string[]): string | undefined {
  const newest = (xs: readonly string[]) => xs.filter((d) => d && d !== 'unknown').sort().at(-1);
  return newest(rows.map((r) => r.date)) ?? newest(reportDates);
}

/** Read and validate `data/corrections.csv` of a project (a missing file is an empty log). */
export function checkCorrections(root: string, slugs: readonly string[]): { rows: Correction[]; errors: ValidationError[] } {
  const path = join(dataDir(root), 'corrections.csv');
  if (!existsSync(path)) return { rows: [], errors: [] };
  return parseCorrections(readFileSync(path, 'utf8'), relative(root, path) || path, slugs);
}
