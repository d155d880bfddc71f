export { findFigures, FIGURE_KINDS, type Figure, type FigureKind, type FindOptions, type UnitInfo } from './find.ts';
export { parseChineseNumeral, parseArabic, toHalfWidth } from './numerals.ts';
export { passageOf, headlineOffset, type Passage, type SourceRef } from './passage.ts';
export { matchFigures, type CheckedFigure, type ObservationRef } from './match.ts';
export { readFinderData, caseOfSource, sourceOfCase, type FinderData } from './data.ts';
export { parseNotFigures, explainFigures, coverage, NOT_FIGURE_COLUMNS, NOT_FIGURE_REASONS, type NotFigure, type NotFigureReason, type Explained, type CoverageReport } from './not-figures.ts';
export { checkPage, type CaseCheck } from './check.ts';
