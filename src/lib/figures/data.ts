/** The few columns of the data tables the figure finder reads, parsed with the project's CSV parser. */
import { parseCsv, type CsvRow } from '../csv.ts';
import type { UnitInfo } from './find.ts';
import type { ObservationRef } from './match.ts';
import type { SourceRef } from './passage.ts';

export interface FinderData {
  sources: SourceRef[];
  units: UnitInfo[];
  observations: ObservationRef[];
}

/** Rows of a table; only the listed columns are required, other columns are allowed. */
function rowsOf(path: string, text: string, needed: readonly string[]): CsvRow[] {
  const t = parseCsv(text, needed);
  const problems = t.problems.filter((p) => !p.message.startsWith('found unknown column'));
  if (problems.length) throw new Error(problems.map((p) => `${path}:${p.line}${p.field ? ` [${p.field}]` : ''}: ${p.message}`).join('\n'));
  return t.rows;
}

function num(path: string, row: CsvRow, field: string): number {
  const v = Number(row.record[field]);
  if (row.record[field] === '' || !Number.isFinite(v)) throw new Error(`${path}:${row.line} [${field}]: found ${JSON.stringify(row.record[field])}, expected a number`);
  return v;
}

/** Parse sources.csv, units.csv and observations.csv texts (paths are only used in messages). */
export function readFinderData(files: { sources: string; units: string; observations: string }, paths = { sources: 'data/sources.csv', units: 'data/units.csv', observations: 'data/observations.csv' }): FinderData {
  const sources = rowsOf(paths.sources, files.sources, ['id', 'file', 'headline_zh']).map((r) => ({ id: r.record.id!, file: r.record.file!, headline_zh: r.record.headline_zh! }));
  const units = rowsOf(paths.units, files.units, ['unit', 'kind', 'factor']).map((r) => ({ unit: r.record.unit!, kind: r.record.kind!, factor: num(paths.units, r, 'factor') }));
  const observations = rowsOf(paths.observations, files.observations, ['id', 'case', 'value', 'unit', 'qualifier', 'qualifier_zh', 'source']).map((r) => ({
    id: r.record.id!,
    case: r.record.case!,
    value: num(paths.observations, r, 'value'),
    unit: r.record.unit!,
    qualifier: r.record.qualifier!,
    qualifier_zh: r.record.qualifier_zh!,
    source: r.record.source!,
  }));
  return { sources, units, observations };
}

/** The case a source reports: the case of its observations, else the slug after the page prefix (s002-yutai → yutai). */
export function caseOfSource(data: FinderData, sourceId: string): string {
  const obs = data.observations.find((o) => o.source === sourceId);
  return obs ? obs.case : sourceId.replace(/^s\d+-/, '');
}

/** The source of a case on a given page file. */
export function sourceOfCase(data: FinderData, caseSlug: string, file?: string): SourceRef | undefined {
  const candidates = data.sources.filter((s) => caseOfSource(data, s.id) === caseSlug);
  return candidates.find((s) => file === undefined || s.file === file) ?? undefined;
}
