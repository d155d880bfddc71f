import { closest, distance } from 'fastest-levenshtein';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { parseCsv, stripBom } from './csv.ts';
import { parseProse, type ParsedProse } from './prose.ts';
import {
  COLUMNS,
  QUALIFIER_WORDS,
  SCHEMAS,
  caseFrontmatterSchema,
  type CaseFrontmatter,
  type Indicator,
  type Observation,
  type Place,
  type Source,
  type TableName,
  type Theme,
  type Unit,
} from './schema.ts';
import { LANGS, type Lang } from './i18n.ts';
import { qualifierPlacementProblem, qualifierWord } from './qualifiers.ts';
import { tidy } from './format.ts';
import { caseDateIssue, caseDateTwinProblems, caseDateYears, frontmatterLine } from './case-dates.ts';

export interface TextFile {
  /** Path shown in messages, relative to the project root (e.g. data/places.csv). */
  path: string;
  text: string;
  /** Path inside content/cases (en/alpha.mdx), for case files; defaults to what follows cases/ in `path`. */
  rel?: string;
  /** Set when the bytes are not UTF-8: the line of the first bad byte and the encoding they look like. */
  notUtf8?: { line: number; looksLike: string | null };
}

export interface AtlasInput {
  tables: Record<TableName, TextFile>;
  /** content/cases/<lang>/<slug>.mdx */
  cases: TextFile[];
  /** Names of the source page files available, when known; used to check sources.file. */
  sourceFiles?: string[];
}

export interface ValidationError {
  file: string;
  line: number;
  field?: string;
  message: string;
}

export interface CaseDoc {
  slug: string;
  lang: Lang;
  path: string;
  frontmatter: CaseFrontmatter;
  body: string;
}

export interface AtlasData {
  sources: Source[];
  places: Place[];
  indicators: Indicator[];
  units: Unit[];
  observations: Observation[];
  themes: Theme[];
  cases: CaseDoc[];
}

export function formatError(e: ValidationError): string {
  return `${e.file}:${e.line}${e.field ? ` [${e.field}]` : ''}: ${e.message}`;
}

export class AtlasValidationError extends Error {
  /** Every problem of the run. (Not named `errors`: Astro would print such an error as a list of build errors.) */
  readonly problems: ValidationError[];
  /** Heading of the dev server's error overlay. */
  readonly title: string;
  constructor(errors: ValidationError[]) {
    super(`${errors.length} data error${errors.length === 1 ? '' : 's'}:\n${errors.map((e) => '  ' + formatError(e)).join('\n')}`);
    this.name = 'AtlasValidationError';
    this.problems = errors;
    // The messages say where the problem is; a stack trace into the loader would only bury them.
    this.stack = '';
    this.title = 'The data has errors: fix the files listed below';
  }
}

/** A "did you mean" suffix when a near-miss exists. */
export function suggest(found: string, candidates: readonly string[]): string {
  if (!found || candidates.length === 0) return '';
  const best = closest(found, candidates as string[]);
  const d = distance(found, best);
  return d <= Math.max(2, Math.floor(found.length / 3)) ? ` — did you mean "${best}"?` : '';
}

function show(value: unknown): string {
  return value === '' || value === undefined ? 'an empty value' : JSON.stringify(value);
}

/** A validated row and the line of the CSV it came from. */
type Row<K extends TableName> = z.output<(typeof SCHEMAS)[K]> & { line: number };

interface ParsedTable<K extends TableName> {
  path: string;
  /** Rows that passed their schema and are not duplicates, in file order. */
  rows: Row<K>[];
  /** Key → line of every valid row. */
  ids: Map<string, number>;
  /** First cell of every row, valid or not: a reference to an invalid row is not reported again. */
  rawIds: Set<string>;
  /** The file did not parse (encoding, quoting, header, a row of the wrong width): checks that depend on it are skipped. */
  broken: boolean;
}

type ParsedTables = { [K in TableName]: ParsedTable<K> };

interface ParsedCase {
  path: string;
  slug: string;
  lang: Lang;
  /** null when the frontmatter does not validate (its problems are reported). */
  frontmatter: CaseFrontmatter | null;
  fmText: string;
  body: string;
  /** Line of the file the body starts on. */
  bodyLine: number;
  prose: ParsedProse;
}

/** Everything read from the files, typed, before the cross-file checks. */
interface ParsedInput {
  tables: ParsedTables;
  cases: ParsedCase[];
  /** lang → slugs of every case file present, valid or not. */
  present: Map<Lang, Set<string>>;
  /** Slugs with a case file in any language. */
  slugs: Set<string>;
  observationsById: Map<string, Row<'observations'>>;
  sourceFiles?: string[];
}

/** Collects the messages of a run: problems that stop a file from being read come first. */
class Report {
  readonly structural: ValidationError[] = [];
  readonly other: ValidationError[] = [];
  err(file: string, line: number, field: string | undefined, message: string): void {
    this.other.push({ file, line, field, message });
  }
  structure(file: string, line: number, field: string | undefined, message: string): void {
    this.structural.push({ file, line, field, message });
  }
  all(): ValidationError[] {
    const order = (a: ValidationError, b: ValidationError) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1);
    return [...this.structural.sort(order), ...this.other.sort(order)];
  }
}

const PLACEHOLDER = 'TODO';
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function notUtf8Message(file: TextFile): string {
  const looks = file.notUtf8?.looksLike;
  const like = looks === 'GB18030/GBK' ? ' (the file looks like GB18030/GBK, which Chinese Windows and Excel save by default)' : looks ? ` (the file looks like ${looks})` : '';
  return `found text that is not UTF-8${like}, expected UTF-8 — open the file and save it again as UTF-8 (Excel: Save As › "CSV UTF-8 (Comma delimited)"; WPS or a text editor: choose the encoding UTF-8)`;
}

/** Parse one table: encoding, CSV structure, placeholders, schema, duplicate keys. */
function readTable<K extends TableName>(name: K, file: TextFile, report: Report): ParsedTable<K> {
  const table: ParsedTable<K> = { path: file.path, rows: [], ids: new Map(), rawIds: new Set(), broken: false };
  if (file.notUtf8) {
    report.structure(file.path, file.notUtf8.line, undefined, notUtf8Message(file));
    return { ...table, broken: true };
  }
  if (file.text.trim() === '') return table;
  const csv = parseCsv(file.text, COLUMNS[name]);
  for (const id of csv.firstCells) table.rawIds.add(id);
  for (const p of csv.problems) report.structure(file.path, p.line, p.field, p.message);
  table.broken = csv.problems.length > 0;
  if (csv.problems.some((p) => p.line === 1)) return table;
  const key = name === 'units' ? 'unit' : 'id';
  // The schema of this table, typed for K (indexing SCHEMAS by a generic key gives a union).
  const schema = SCHEMAS[name] as unknown as z.ZodType<z.output<(typeof SCHEMAS)[K]>>;
  for (const row of csv.rows) {
    const placeholders = new Set<string>();
    for (const [field, value] of Object.entries(row.record))
      if (value.includes(PLACEHOLDER)) {
        placeholders.add(field);
        report.err(file.path, row.line, field, `found the placeholder ${JSON.stringify(value)}, expected the real value`);
      }
    const result = schema.safeParse(row.record);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = String(issue.path[0] ?? '');
        if (!placeholders.has(field)) report.err(file.path, row.line, field, `found ${show(row.record[field])}, expected ${expectation(issue)}`);
      }
      continue;
    }
    const r: Row<K> = { ...result.data, line: row.line };
    const k = row.record[key]!;
    const first = table.ids.get(k);
    if (first !== undefined) report.err(file.path, row.line, key, `duplicate ${key} "${k}", already defined on line ${first}`);
    else {
      table.ids.set(k, row.line);
      table.rows.push(r);
    }
  }
  return table;
}

function readTables(input: AtlasInput, report: Report): ParsedTables {
  return {
    sources: readTable('sources', input.tables.sources, report),
    places: readTable('places', input.tables.places, report),
    indicators: readTable('indicators', input.tables.indicators, report),
    units: readTable('units', input.tables.units, report),
    observations: readTable('observations', input.tables.observations, report),
    themes: readTable('themes', input.tables.themes, report),
  };
}

/** Parse each case file: where it is, its frontmatter (YAML + schema) and its MDX (parsed and gated). */
function readCases(input: AtlasInput, report: Report): { cases: ParsedCase[]; present: Map<Lang, Set<string>> } {
  const cases: ParsedCase[] = [];
  const present = new Map<Lang, Set<string>>(LANGS.map((l) => [l, new Set<string>()]));
  for (const file of input.cases) {
    const rel = file.rel ?? /(?:^|\/)cases\/(.+)$/.exec(file.path)?.[1] ?? file.path;
    const m = /^(en|zh)\/([^/]+)\.mdx$/.exec(rel);
    if (!m) {
      report.structure(file.path, 1, undefined, 'found a file that is not a case profile, expected only content/cases/<en|zh>/<slug>.mdx here (delete the file or move it out of content/cases/)');
      continue;
    }
    const lang = m[1] as Lang;
    const slug = m[2]!;
    present.get(lang)!.add(slug);
    if (file.notUtf8) {
      report.structure(file.path, file.notUtf8.line, undefined, notUtf8Message(file).replace(/ \(Excel:.*\)$/, ' (in a text editor, choose the encoding UTF-8)'));
      continue;
    }
    if (!SLUG.test(slug)) report.err(file.path, 1, 'slug', `found "${slug}", expected a lowercase ASCII slug (a-z, 0-9, hyphens)`);
    const split = splitFrontmatter(file.text);
    if (!split) {
      report.structure(file.path, 1, undefined, 'found no frontmatter, expected the file to start with a --- YAML block ---');
      continue;
    }
    let raw: unknown;
    try {
      raw = parseYaml(split.frontmatter);
    } catch (e) {
      const line = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line ?? 0;
      report.structure(file.path, line + 1, undefined, `found invalid YAML frontmatter (${(e as Error).message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}), expected key: value lines`);
      continue;
    }
    const fields: Record<string, unknown> = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
    const placeholders = new Set<string>();
    // Top-level fields and the keys of a nested block (events.date, events.note_en, …)
    const entries = Object.entries(fields).flatMap(([field, value]): [string[], unknown][] =>
      value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value).map(([k, v]) => [[field, k], v]) : [[[field], value]],
    );
    for (const [path, value] of entries) {
      const text = Array.isArray(value) ? value.map(String).join(', ') : typeof value === 'string' ? value : '';
      if (text.includes(PLACEHOLDER)) {
        const field = path.join('.');
        placeholders.add(field);
        report.err(file.path, frontmatterLine(split.frontmatter, path), field, `found the placeholder ${JSON.stringify(Array.isArray(value) ? `[${text}]` : text)}, expected the real ${field}`);
      }
    }
    const fm = caseFrontmatterSchema.safeParse(fields);
    if (!fm.success)
      for (const issue of fm.error.issues) {
        const dated = caseDateIssue(issue, fields, split.frontmatter);
        if (dated) {
          if (!placeholders.has(dated.field)) report.err(file.path, dated.line, dated.field, dated.message);
          continue;
        }
        const field = String(issue.path[0] ?? '');
        if (!placeholders.has(field)) report.err(file.path, fmLine(split.frontmatter, field), field, `found ${show(fields[field])}, expected ${expectation(issue)}`);
      }
    const prose = parseProse(stripBom(file.text).replace(/\r\n?/g, '\n'));
    for (const p of prose.problems)
      if (prose.parsed) report.err(file.path, p.line, 'prose', p.message);
      else report.structure(file.path, p.line, 'prose', p.message);
    cases.push({ path: file.path, slug, lang, frontmatter: fm.success ? fm.data : null, fmText: split.frontmatter, body: split.body, bodyLine: split.bodyLine, prose });
  }
  return { cases, present };
}

/** Typed records and every message about reading them. */
function parseInput(input: AtlasInput, report: Report): ParsedInput {
  const tables = readTables(input, report);
  const { cases, present } = readCases(input, report);
  const slugs = new Set([...present.values()].flatMap((set) => [...set]));
  const observationsById = new Map(tables.observations.rows.map((o) => [o.id, o]));
  return { tables, cases, present, slugs, observationsById, sourceFiles: input.sourceFiles };
}

/** Is `id` defined in table `name` (possibly on an invalid row, which has its own message)? Always true for a table that did not parse. */
function exists(p: ParsedInput, name: TableName, id: string): boolean {
  const t = p.tables[name];
  return t.broken || t.ids.has(id) || t.rawIds.has(id);
}

function known(p: ParsedInput, name: TableName): string[] {
  return [...p.tables[name].ids.keys()];
}

/** sources.csv: the page file exists, the date and its basis agree. */
function checkSources(p: ParsedInput, report: Report): void {
  const { path, rows } = p.tables.sources;
  for (const s of rows) {
    if (p.sourceFiles && !p.sourceFiles.includes(s.file))
      report.err(path, s.line, 'file', `found "${s.file}", expected one of the source pages: ${p.sourceFiles.join(', ')}${suggest(s.file, p.sourceFiles)}`);
    if (s.date_basis === 'inferred' && (!s.date_note_en || !s.date_note_zh))
      report.err(path, s.line, 'date_note_en', 'an inferred date needs date_note_en and date_note_zh saying what it was inferred from');
    if ((s.date === 'unknown') !== (s.date_basis === 'unknown'))
      report.err(path, s.line, 'date_basis', `found "${s.date_basis}" with date "${s.date}", expected "unknown" exactly when the date is unknown`);
  }
}

/** places.csv: every parent exists and the chain ends at the country without a cycle. */
function checkPlaces(p: ParsedInput, report: Report): void {
  const { path, rows } = p.tables.places;
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const place of rows) {
    if (place.level === 'country') {
      if (place.parent) report.err(path, place.line, 'parent', `found "${place.parent}", expected no parent for a country`);
      continue;
    }
    if (!place.parent) {
      report.err(path, place.line, 'parent', `found an empty value, expected the id of the place that contains "${place.id}"`);
      continue;
    }
    if (!exists(p, 'places', place.parent)) {
      report.err(path, place.line, 'parent', `found "${place.parent}", expected an existing place id${suggest(place.parent, known(p, 'places'))}`);
      continue;
    }
    const chain = new Set<string>([place.id]);
    for (let cur = byId.get(place.parent); cur; cur = cur.parent ? byId.get(cur.parent) : undefined) {
      if (chain.has(cur.id)) {
        report.err(path, place.line, 'parent', `found a cycle in the parent chain (${[...chain, cur.id].join(' → ')}), expected a chain ending at the country`);
        break;
      }
      chain.add(cur.id);
    }
  }
}

/** observations.csv: references to cases, places, sources, indicators and units; qualifiers as printed. */
function checkObservations(p: ParsedInput, report: Report): void {
  const { path, rows } = p.tables.observations;
  const unitByName = new Map(p.tables.units.rows.map((u) => [u.unit, u]));
  const indicatorById = new Map(p.tables.indicators.rows.map((i) => [i.id, i]));
  const slugs = [...new Set(p.cases.map((c) => c.slug))].sort();
  const ref = (o: Row<'observations'>, field: 'place' | 'source' | 'indicator', table: TableName, what: string) => {
    if (!exists(p, table, o[field])) report.err(path, o.line, field, `found "${o[field]}", expected ${what} from ${p.tables[table].path}${suggest(o[field], known(p, table))}`);
  };
  for (const o of rows) {
    if (!p.slugs.has(o.case)) report.err(path, o.line, 'case', `found "${o.case}", expected a case slug (content/cases/<lang>/<slug>.mdx)${suggest(o.case, slugs)}`);
    ref(o, 'place', 'places', 'a place id');
    ref(o, 'source', 'sources', 'a source id');
    ref(o, 'indicator', 'indicators', 'an indicator id');
    const ind = indicatorById.get(o.indicator);
    const unit = unitByName.get(o.unit);
    if (!exists(p, 'units', o.unit)) report.err(path, o.line, 'unit', `found "${o.unit}", expected a unit from ${p.tables.units.path}${suggest(o.unit, known(p, 'units'))}`);
    else if (ind && unit && unit.kind !== ind.unit_kind) report.err(path, o.line, 'unit', `found "${o.unit}" (a ${unit.kind} unit), expected a ${ind.unit_kind} unit for indicator "${ind.id}"`);
    if (o.value < 0) report.err(path, o.line, 'value', `found ${o.value}, expected a value of zero or more`);
    checkQualifier(path, o, unit, report);
  }
}

/** The qualifier agrees with the word the report prints (余 → more_than) and sits where it is printed. */
function checkQualifier(path: string, o: Row<'observations'>, unit: Row<'units'> | undefined, report: Report): void {
  if (o.qualifier === 'exact') {
    if (o.qualifier_zh) report.err(path, o.line, 'qualifier_zh', `found "${o.qualifier_zh}" with qualifier "exact", expected an empty qualifier_zh or a non-exact qualifier`);
    return;
  }
  const word = qualifierWord(o.qualifier_zh);
  const placement = word && unit ? qualifierPlacementProblem(o.qualifier_zh, o.unit, tidy(o.value / unit.factor)) : undefined;
  if (!word)
    report.err(path, o.line, 'qualifier_zh', `found ${show(o.qualifier_zh)}, expected the qualifying word as printed, one of ${Object.keys(QUALIFIER_WORDS).join(' ')} (余 and 多 printed after 千, 万 or 亿 keep it: 万余, 千多)`);
  else if (placement) report.err(path, o.line, 'qualifier_zh', placement);
  else if (word.qualifier !== o.qualifier) report.err(path, o.line, 'qualifier', `found "${o.qualifier}", expected "${word.qualifier}" for the printed word "${o.qualifier_zh}"`);
}

/** themes.csv: the indicators a theme names exist. */
function checkThemes(p: ParsedInput, report: Report): void {
  const { path, rows } = p.tables.themes;
  for (const t of rows)
    for (const i of t.indicators)
      if (!exists(p, 'indicators', i)) report.err(path, t.line, 'indicators', `found "${i}", expected an indicator id from ${p.tables.indicators.path}${suggest(i, known(p, 'indicators'))}`);
}

type TypedCase = ParsedCase & { frontmatter: CaseFrontmatter };

function typedCases(p: ParsedInput): TypedCase[] {
  return p.cases.filter((c): c is TypedCase => c.frontmatter !== null);
}

/** Every case exists in both languages, and the twins agree on place, source, date, themes and key figures. */
function checkTwins(p: ParsedInput, report: Report): void {
  const bySlug = Map.groupBy(typedCases(p), (c) => c.slug);
  for (const [slug, docs] of bySlug) {
    for (const lang of LANGS)
      if (!p.present.get(lang)!.has(slug))
        report.err(docs[0]!.path, 1, undefined, `case "${slug}" has no ${lang === 'en' ? 'English' : 'Chinese'} twin, expected content/cases/${lang}/${slug}.mdx`);
    const en = docs.find((c) => c.lang === 'en');
    const zh = docs.find((c) => c.lang === 'zh');
    if (!en || !zh) continue;
    for (const field of ['place', 'source'] as const)
      if (en.frontmatter[field] !== zh.frontmatter[field])
        report.err(zh.path, fmLine(zh.fmText, field), field, `found "${zh.frontmatter[field]}", expected the same value as ${en.path} ("${en.frontmatter[field]}")`);
    for (const d of caseDateTwinProblems({ path: en.path, events: en.frontmatter.events }, { events: zh.frontmatter.events, frontmatter: zh.fmText })) report.err(zh.path, d.line, d.field, d.message);
    for (const field of ['themes', 'key'] as const)
      if ([...en.frontmatter[field]].sort().join('|') !== [...zh.frontmatter[field]].sort().join('|'))
        report.err(zh.path, fmLine(zh.fmText, field), field, `found [${zh.frontmatter[field].join(', ')}], expected the same list as ${en.path} ([${en.frontmatter[field].join(', ')}])`);
  }
}

/** An observation id cited by a case (key or <Fig>) exists and belongs to that case. */
function checkCitedObservation(p: ParsedInput, c: ParsedCase, id: string, line: number, field: string, shown: string, report: Report): void {
  if (p.tables.observations.broken) return;
  const o = p.observationsById.get(id);
  if (!o) {
    if (!exists(p, 'observations', id)) report.err(c.path, line, field, `found ${shown}, expected an observation id of case "${c.slug}"${suggest(id, caseObsIds(p.tables.observations.rows, c.slug))}`);
  } else if (o.case !== c.slug && p.slugs.has(o.case)) report.err(c.path, line, field, `found ${shown}, which belongs to case "${o.case}", expected an observation of case "${c.slug}"`);
}

/** Frontmatter references: place, source, themes and key figures. */
function checkCaseReferences(p: ParsedInput, report: Report): void {
  for (const c of typedCases(p)) {
    const fm = c.frontmatter;
    const at = (field: string) => fmLine(c.fmText, field);
    if (!exists(p, 'places', fm.place)) report.err(c.path, at('place'), 'place', `found "${fm.place}", expected a place id from ${p.tables.places.path}${suggest(fm.place, known(p, 'places'))}`);
    if (!exists(p, 'sources', fm.source)) report.err(c.path, at('source'), 'source', `found "${fm.source}", expected a source id from ${p.tables.sources.path}${suggest(fm.source, known(p, 'sources'))}`);
    for (const t of fm.themes)
      if (!exists(p, 'themes', t)) report.err(c.path, at('themes'), 'themes', `found "${t}", expected a theme id from ${p.tables.themes.path}${suggest(t, known(p, 'themes'))}`);
    for (const k of fm.key) checkCitedObservation(p, c, k, at('key'), 'key', `"${k}"`, report);
  }
}

/**
 * Profile text: no TODO left, every <Fig> cites an observation of the case, and no number is typed
 * into the text (figures come from rows; printed names go in <Term>). Read from the parsed MDX.
 */
function checkProse(p: ParsedInput, report: Report): void {
  const obsByCase = Map.groupBy(p.tables.observations.rows, (o) => o.case);
  for (const c of p.cases) {
    c.body.split('\n').forEach((text, i) => {
      if (text.includes(PLACEHOLDER)) report.err(c.path, c.bodyLine + i, 'prose', 'found a TODO placeholder, expected the finished text');
    });
    for (const f of c.prose.figs) checkCitedObservation(p, c, f.id, f.line, 'Fig', `<Fig id="${f.id}" />`, report);
    // Years allowed in the text come from the frontmatter and the case's rows: without them, skip.
    if (!c.frontmatter || p.tables.observations.broken) continue;
    const allowedYears = new Set<string>();
    const source = p.tables.sources.rows.find((s) => s.id === c.frontmatter!.source);
    for (const y of caseDateYears(c.frontmatter.events, source?.date)) allowedYears.add(y);
    for (const o of obsByCase.get(c.slug) ?? []) for (const y of o.period.match(/\d{4}/g) ?? []) allowedYears.add(y);
    for (const t of c.prose.texts) {
      let text = t.text;
      for (const name of c.frontmatter.names) text = text.split(name).join(' ');
      for (const m of text.matchAll(/\d+(?:[.,]\d+)*/g)) {
        const n = m[0];
        if (/^\d{4}$/.test(n) && allowedYears.has(n)) continue;
        const line = t.line + (text.slice(0, m.index).match(/\n/g)?.length ?? 0);
        report.err(c.path, line, 'prose', `found the number "${n}" typed into the text, expected <Fig id="…" /> rendering an observation of case "${c.slug}" (or a year of the events' date, the report's date or the observations' periods, or a printed name, grade or date marked <Term>…</Term>)`);
      }
    }
  }
}

/** Validate every table and case file, checking all cross-references. Collects every error. */
export function validateAtlas(input: AtlasInput): { data: AtlasData; errors: ValidationError[] } {
  const report = new Report();
  const p = parseInput(input, report);
  checkSources(p, report);
  checkPlaces(p, report);
  checkObservations(p, report);
  checkThemes(p, report);
  checkTwins(p, report);
  checkCaseReferences(p, report);
  checkProse(p, report);
  const t = p.tables;
  const data: AtlasData = {
    sources: t.sources.rows,
    places: t.places.rows,
    indicators: t.indicators.rows,
    units: t.units.rows,
    observations: t.observations.rows,
    themes: t.themes.rows,
    cases: typedCases(p).map(({ slug, lang, path, frontmatter, body }) => ({ slug, lang, path, frontmatter, body })),
  };
  return { data, errors: report.all() };
}

/** Observation ids of a case (only computed for a message's suggestion). */
function caseObsIds(rows: Observation[], slug: string): string[] {
  return rows.filter((o) => o.case === slug).map((o) => o.id);
}

function expectation(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value') return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (issue.code === 'invalid_type') return issue.expected === 'array' ? 'a list' : `a ${issue.expected}`;
  if (issue.code === 'too_small' && issue.origin === 'array') return `at least ${String(issue.minimum)} item(s)`;
  return issue.message;
}

function splitFrontmatter(text: string): { frontmatter: string; body: string; bodyLine: number } | null {
  const src = stripBom(text).replace(/\r\n?/g, '\n');
  const m = /^---\n([\s\S]*?)\n---\n?/.exec(src);
  if (!m) return null;
  const bodyLine = m[0].split('\n').length + (m[0].endsWith('\n') ? 0 : 1);
  return { frontmatter: m[1]!, body: src.slice(m[0].length), bodyLine };
}

/** Line of a frontmatter key in the file (frontmatter starts on line 2). */
function fmLine(frontmatter: string, key: string): number {
  const idx = frontmatter.split('\n').findIndex((l) => l.startsWith(`${key}:`));
  return idx < 0 ? 1 : idx + 2;
}
