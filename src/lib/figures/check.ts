/** Figures of a page, split into the cases whose passages hold them, checked against the data. */
import { findFigures } from './find.ts';
import { caseOfSource, type FinderData } from './data.ts';
import { matchFigures } from './match.ts';
import { explainFigures, type Explained, type NotFigure } from './not-figures.ts';
import { passageOf, type Passage } from './passage.ts';

export interface CaseCheck {
  /** Case slug, or '' for the part of the page before the first headline. */
  case: string;
  passage: Passage | undefined;
  figures: Explained[];
}

/**
 * All figures of a page: one entry per case whose source is on this page (in page order), plus
 * one with case '' for figures outside every passage. With `caseSlug`, only that case's passage.
 */
export function checkPage(page: string, file: string, data: FinderData, notFigures: readonly NotFigure[], caseSlug?: string): CaseCheck[] {
  const all = findFigures(page, { units: data.units });
  const onPage = data.sources.filter((s) => s.file === file);
  const passages = onPage.map((s) => passageOf(page, s, onPage)).sort((a, b) => a.start - b.start);
  const unitKinds = new Map(data.units.map((u) => [u.unit, u.kind]));
  const checks: CaseCheck[] = [];
  for (const p of passages) {
    const slug = caseOfSource(data, p.source);
    if (caseSlug !== undefined && slug !== caseSlug) continue;
    const figs = all.filter((f) => f.start >= p.start && f.start < p.end);
    checks.push({ case: slug, passage: p, figures: explainFigures(matchFigures(figs, data.observations, slug, unitKinds), notFigures, file, slug) });
  }
  if (caseSlug === undefined) {
    const rest = all.filter((f) => !passages.some((p) => f.start >= p.start && f.start < p.end));
    if (rest.length) checks.unshift({ case: '', passage: undefined, figures: rest.map((f) => ({ ...f, recorded: [] })) });
  } else if (!checks.length) {
    const known = [...new Set(onPage.map((s) => caseOfSource(data, s.id)))].join(', ') || 'none';
    throw new Error(`${file}: found no passage for case ${caseSlug}, expected one of the cases whose source is on this page: ${known}`);
  }
  return checks;
}
