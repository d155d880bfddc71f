/**
 * data/not-figures.csv: printed figures a case deliberately has no observation for, each with a
 * reason. A row names the page file, the case, the figure as printed and the clause it stands in.
 */
import { parseCsv } from '../csv.ts';
import type { CheckedFigure } from './match.ts';

export const NOT_FIGURE_COLUMNS = ['file', 'case', 'printed', 'clause', 'reason', 'note'] as const;
/**
 * omission: a figure the case should have as an observation (not yet recorded);
 * duplicate: the same figure printed again, recorded once (note names the observation);
 * name: part of a name, title or slogan; article: 一 + counter meaning “a”, not a count;
 * phrase: a fixed expression; date: a date, year or period; ordinal: a rank or list marker;
 * context: a figure about something other than the case's practice (note says what).
 */
export const NOT_FIGURE_REASONS = ['omission', 'duplicate', 'name', 'article', 'phrase', 'date', 'ordinal', 'context'] as const;
export type NotFigureReason = (typeof NOT_FIGURE_REASONS)[number];

export interface NotFigure {
  line: number;
  file: string;
  case: string;
  printed: string;
  clause: string;
  reason: NotFigureReason;
  note: string;
}

export interface NotFigureProblem {
  line: number;
  field?: string;
  message: string;
}

/** Parse data/not-figures.csv; every problem is collected with its line. */
export function parseNotFigures(text: string): { rows: NotFigure[]; problems: NotFigureProblem[] } {
  const t = parseCsv(text, NOT_FIGURE_COLUMNS);
  const problems: NotFigureProblem[] = [...t.problems];
  const rows: NotFigure[] = [];
  for (const r of t.rows) {
    const reason = r.record.reason!;
    if (!(NOT_FIGURE_REASONS as readonly string[]).includes(reason)) {
      problems.push({ line: r.line, field: 'reason', message: `found ${JSON.stringify(reason)}, expected one of ${NOT_FIGURE_REASONS.join(', ')}` });
      continue;
    }
    for (const f of ['file', 'case', 'printed', 'clause'] as const)
      if (!r.record[f]) problems.push({ line: r.line, field: f, message: 'found an empty value, expected the text as the finder prints it' });
    rows.push({ line: r.line, file: r.record.file!, case: r.record.case!, printed: r.record.printed!, clause: r.record.clause!, reason: reason as NotFigureReason, note: r.record.note ?? '' });
  }
  return { rows, problems };
}

export interface Explained extends CheckedFigure {
  /** The not-figures row that explains this unrecorded figure. */
  explained?: NotFigure;
}

const key = (file: string, c: string, printed: string, clause: string) => `${file}\u0000${c}\u0000${printed}\u0000${clause}`;

/**
 * Attach the not-figures row to each unrecorded figure of a case's passage. One row explains every
 * figure with the same printed text in the same clause.
 */
export function explainFigures(figures: readonly CheckedFigure[], rows: readonly NotFigure[], file: string, caseSlug: string): Explained[] {
  const byKey = new Map(rows.filter((r) => r.file === file && r.case === caseSlug).map((r) => [key(r.file, r.case, r.printed, r.clause), r]));
  return figures.map((f) => {
    const row = f.recorded.length ? undefined : byKey.get(key(file, caseSlug, f.printed, f.clause));
    return row ? { ...f, explained: row } : { ...f };
  });
}

export interface CoverageReport {
  /** Quantities neither recorded nor explained. */
  unexplained: Explained[];
  /** Rows that explain nothing: the figure is now recorded, or the text no longer matches. */
  stale: { row: NotFigure; why: string }[];
}

/**
 * Coverage of one case's passage: every quantity must be recorded or explained; every row of
 * not-figures.csv for this file and case must explain a figure that is still unrecorded.
 */
export function coverage(figures: readonly Explained[], rows: readonly NotFigure[], file: string, caseSlug: string): CoverageReport {
  const unexplained = figures.filter((f) => f.kind === 'quantity' && !f.recorded.length && !f.explained);
  const stale: CoverageReport['stale'] = [];
  for (const r of rows.filter((r) => r.file === file && r.case === caseSlug)) {
    const same = figures.filter((f) => f.printed === r.printed && f.clause === r.clause);
    if (!same.length) stale.push({ row: r, why: `found no figure “${r.printed}” in the clause “${r.clause}” of case ${caseSlug}, expected the printed text and clause as the finder reports them` });
    else if (same.every((f) => f.recorded.length)) stale.push({ row: r, why: `“${r.printed}” is now recorded (${[...new Set(same.flatMap((f) => f.recorded))].join(', ')}): remove the row` });
  }
  return { unexplained, stale };
}
