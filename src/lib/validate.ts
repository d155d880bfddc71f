import { closest, distance } from 'fastest-levenshtein';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { parseCsv, stripBom } from './csv.ts';
import {
  COLUMNS,
  QUALIFIER_WORDS,
  SCHEMAS,
  TABLES,
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
import { caseDateIssue, caseDatePlaceholders, caseDateTwinProblems, caseDateYears } from './case-dates.ts';

export interface TextFile {
  /** Path shown in messages, relative to the project root (e.g. data/places.csv). */
  path: string;
  text: string;
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
  readonly errors: ValidationError[];
  constructor(errors: ValidationError[]) {
    super(`${errors.length} data error${errors.length === 1 ? '' : 's'}:\n${errors.map((e) => '  ' + formatError(e)).join('\n')}`);
    this.name = 'AtlasValidationError';
    this.errors = errors;
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

const CASE_PATH = /(?:^|\/)cases\/(en|zh)\/([^/]+)\.mdx$/;
const FIG_TAG = /<Fig\s+id\s*=\s*["']([^"']*)["']\s*\/>/g;
/** A printed term or date (a grade, a rank, a year, a programme name with digits), rendered as printed. */
const TERM_TAG = /<Term>([^<]*)<\/Term>/g;

/** Validate every table and case file, checking all cross-references. Collects every error. */
export function validateAtlas(input: AtlasInput): { data: AtlasData; errors: ValidationError[] } {
  const errors: ValidationError[] = [];
  const err = (file: string, line: number, field: string | undefined, message: string) => errors.push({ file, line, field, message });

  const parsed = {} as { [K in TableName]: { rows: (z.output<(typeof SCHEMAS)[K]> & { line: number })[]; path: string } };
  /** Ids of every row, valid or not: a reference to an invalid row is not reported again. */
  const rawIds = {} as Record<TableName, Set<string>>;
  /** Tables whose header is unusable: references into them cannot be checked this run. */
  const broken = new Set<TableName>();
  for (const name of TABLES) {
    const file = input.tables[name];
    rawIds[name] = new Set();
    if (file.text.trim() === '') {
      parsed[name] = { rows: [], path: file.path } as any;
      continue;
    }
    const table = parseCsv(file.text, COLUMNS[name]);
    for (const id of table.firstCells) rawIds[name].add(id);
    if (table.problems.some((p) => p.line === 1)) broken.add(name);
    for (const p of table.problems) err(file.path, p.line, p.field, p.message);
    const rows: any[] = [];
    if (table.problems.some((p) => p.line === 1)) {
      parsed[name] = { rows: [], path: file.path } as any;
      continue;
    }
    for (const row of table.rows) {
      for (const [field, value] of Object.entries(row.record))
        if (value.includes('TODO')) err(file.path, row.line, field, `found the placeholder ${JSON.stringify(value)}, expected the real value`);
      const result = SCHEMAS[name].safeParse(row.record);
      if (result.success) rows.push({ ...result.data, line: row.line });
      else
        for (const issue of result.error.issues) {
          const field = String(issue.path[0] ?? '');
          err(file.path, row.line, field, `found ${show(row.record[field])}, expected ${expectation(issue)}`);
        }
    }
    parsed[name] = { rows, path: file.path } as any;
  }

  // Duplicate keys
  const keyOf = (name: TableName, r: any): string => (name === 'units' ? r.unit : r.id);
  const ids = {} as Record<TableName, Map<string, number>>;
  for (const name of TABLES) {
    const seen = new Map<string, number>();
    for (const r of parsed[name].rows) {
      const k = keyOf(name, r);
      if (seen.has(k)) err(parsed[name].path, r.line, name === 'units' ? 'unit' : 'id', `duplicate ${name === 'units' ? 'unit' : 'id'} "${k}", already defined on line ${seen.get(k)}`);
      else seen.set(k, r.line);
    }
    ids[name] = seen;
    (parsed[name] as { rows: { line: number }[] }).rows = parsed[name].rows.filter((r: any) => seen.get(keyOf(name, r)) === r.line);
  }
  const known = (name: TableName) => [...ids[name].keys()];
  /** Defined at all (possibly on an invalid row, which has its own error). */
  const exists = (name: TableName, id: string) => broken.has(name) || ids[name].has(id) || rawIds[name].has(id);

  // Sources
  for (const s of parsed.sources.rows) {
    if (input.sourceFiles && !input.sourceFiles.includes(s.file))
      err(parsed.sources.path, s.line, 'file', `found "${s.file}", expected one of the source pages: ${input.sourceFiles.join(', ')}${suggest(s.file, input.sourceFiles)}`);
    if (s.date_basis === 'inferred' && (!s.date_note_en || !s.date_note_zh))
      err(parsed.sources.path, s.line, 'date_note_en', 'an inferred date needs date_note_en and date_note_zh saying what it was inferred from');
    if ((s.date === 'unknown') !== (s.date_basis === 'unknown'))
      err(parsed.sources.path, s.line, 'date_basis', `found "${s.date_basis}" with date "${s.date}", expected "unknown" exactly when the date is unknown`);
  }

  // Places: parents exist, no cycles
  const placeById = new Map(parsed.places.rows.map((p) => [p.id, p]));
  for (const p of parsed.places.rows) {
    if (p.level === 'country') {
      if (p.parent) err(parsed.places.path, p.line, 'parent', `found "${p.parent}", expected no parent for a country`);
      continue;
    }
    if (!p.parent) err(parsed.places.path, p.line, 'parent', `found an empty value, expected the id of the place that contains "${p.id}"`);
    else if (!exists('places', p.parent)) err(parsed.places.path, p.line, 'parent', `found "${p.parent}", expected an existing place id${suggest(p.parent, known('places'))}`);
    else {
      const chain = new Set<string>([p.id]);
      let cur = placeById.get(p.parent);
      if (!cur) continue;
      while (cur) {
        if (chain.has(cur.id)) {
          err(parsed.places.path, p.line, 'parent', `found a cycle in the parent chain (${[...chain, cur.id].join(' → ')}), expected a chain ending at the country`);
          break;
        }
        chain.add(cur.id);
        cur = cur.parent ? placeById.get(cur.parent) : undefined;
      }
    }
  }

  // Cases (MDX)
  const cases: CaseDoc[] = [];
  /** lang → slugs of every case file present, valid or not. */
  const present = new Map<Lang, Set<string>>(LANGS.map((l) => [l, new Set<string>()]));
  for (const file of input.cases) {
    const m = CASE_PATH.exec(file.path);
    if (!m) {
      err(file.path, 1, undefined, 'expected a case file at content/cases/<en|zh>/<slug>.mdx');
      continue;
    }
    const lang = m[1] as Lang;
    const slug = m[2]!;
    present.get(lang)!.add(slug);
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) err(file.path, 1, 'slug', `found "${slug}", expected a lowercase ASCII slug (a-z, 0-9, hyphens)`);
    const split = splitFrontmatter(file.text);
    if (!split) {
      err(file.path, 1, undefined, 'found no frontmatter, expected the file to start with a --- YAML block ---');
      continue;
    }
    let fmRaw: unknown;
    try {
      fmRaw = parseYaml(split.frontmatter);
    } catch (e) {
      const line = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line ?? 0;
      err(file.path, line + 1, undefined, `found invalid YAML frontmatter (${(e as Error).message.split('\n')[0]}), expected key: value lines`);
      continue;
    }
    const fm = caseFrontmatterSchema.safeParse(fmRaw ?? {});
    if (!fm.success) {
      for (const issue of fm.error.issues) {
        const dated = caseDateIssue(issue, fmRaw, split.frontmatter);
        if (dated) {
          err(file.path, dated.line, dated.field, dated.message);
          continue;
        }
        const field = String(issue.path[0] ?? '');
        err(file.path, fmLine(split.frontmatter, field), field, `found ${show((fmRaw as any)?.[field])}, expected ${expectation(issue)}`);
      }
      continue;
    }
    cases.push({ slug, lang, path: file.path, frontmatter: fm.data, body: split.body, bodyLine: split.bodyLine, fmText: split.frontmatter } as CaseDoc & { bodyLine: number; fmText: string });
  }
  const slugs = [...new Set(cases.map((c) => c.slug))].sort();
  const bySlug = new Map<string, Map<Lang, CaseDoc & { bodyLine: number; fmText: string }>>();
  for (const c of cases as (CaseDoc & { bodyLine: number; fmText: string })[]) {
    if (!bySlug.has(c.slug)) bySlug.set(c.slug, new Map());
    bySlug.get(c.slug)!.set(c.lang, c);
  }
  // Twins
  for (const [slug, langs] of bySlug) {
    for (const lang of LANGS) {
      if (!present.get(lang)!.has(slug)) {
        const other = [...langs.values()][0]!;
        err(other.path, 1, undefined, `case "${slug}" has no ${lang === 'en' ? 'English' : 'Chinese'} twin, expected content/cases/${lang}/${slug}.mdx`);
      }
    }
    const en = langs.get('en');
    const zh = langs.get('zh');
    if (en && zh) {
      for (const field of ['place', 'source'] as const) {
        if (en.frontmatter[field] !== zh.frontmatter[field])
          err(zh.path, fmLine(zh.fmText, field), field, `found "${zh.frontmatter[field]}", expected the same value as ${en.path} ("${en.frontmatter[field]}")`);
      }
      for (const p of caseDateTwinProblems({ path: en.path, events: en.frontmatter.events }, { events: zh.frontmatter.events, frontmatter: zh.fmText })) err(zh.path, p.line, p.field, p.message);
      for (const field of ['themes', 'key'] as const) {
        if ([...en.frontmatter[field]].sort().join('|') !== [...zh.frontmatter[field]].sort().join('|'))
          err(zh.path, fmLine(zh.fmText, field), field, `found [${zh.frontmatter[field].join(', ')}], expected the same list as ${en.path} ([${en.frontmatter[field].join(', ')}])`);
      }
    }
  }

  // Observations
  const unitByName = new Map(parsed.units.rows.map((u) => [u.unit, u]));
  const indicatorById = new Map(parsed.indicators.rows.map((i) => [i.id, i]));
  const obsPath = parsed.observations.path;
  for (const o of parsed.observations.rows) {
    if (![...present.values()].some((set) => set.has(o.case))) err(obsPath, o.line, 'case', `found "${o.case}", expected a case slug (content/cases/<lang>/<slug>.mdx)${suggest(o.case, slugs)}`);
    if (!exists('places', o.place)) err(obsPath, o.line, 'place', `found "${o.place}", expected a place id from ${parsed.places.path}${suggest(o.place, known('places'))}`);
    if (!exists('sources', o.source)) err(obsPath, o.line, 'source', `found "${o.source}", expected a source id from ${parsed.sources.path}${suggest(o.source, known('sources'))}`);
    const ind = indicatorById.get(o.indicator);
    if (!exists('indicators', o.indicator)) err(obsPath, o.line, 'indicator', `found "${o.indicator}", expected an indicator id from ${parsed.indicators.path}${suggest(o.indicator, known('indicators'))}`);
    const unit = unitByName.get(o.unit);
    if (!exists('units', o.unit)) err(obsPath, o.line, 'unit', `found "${o.unit}", expected a unit from ${parsed.units.path}${suggest(o.unit, known('units'))}`);
    else if (ind && unit && unit.kind !== ind.unit_kind)
      err(obsPath, o.line, 'unit', `found "${o.unit}" (a ${unit.kind} unit), expected a ${ind.unit_kind} unit for indicator "${ind.id}"`);
    if (o.value < 0) err(obsPath, o.line, 'value', `found ${o.value}, expected a value of zero or more`);
    if (o.qualifier === 'exact' && o.qualifier_zh)
      err(obsPath, o.line, 'qualifier_zh', `found "${o.qualifier_zh}" with qualifier "exact", expected an empty qualifier_zh or a non-exact qualifier`);
    if (o.qualifier !== 'exact') {
      const word = qualifierWord(o.qualifier_zh);
      const placement = word && unit ? qualifierPlacementProblem(o.qualifier_zh, o.unit, tidy(o.value / unit.factor)) : undefined;
      if (!word)
        err(obsPath, o.line, 'qualifier_zh', `found ${show(o.qualifier_zh)}, expected the qualifying word as printed, one of ${Object.keys(QUALIFIER_WORDS).join(' ')} (余 and 多 printed after 千, 万 or 亿 keep it: 万余, 千多)`);
      else if (placement) err(obsPath, o.line, 'qualifier_zh', placement);
      else if (word.qualifier !== o.qualifier)
        err(obsPath, o.line, 'qualifier', `found "${o.qualifier}", expected "${word.qualifier}" for the printed word "${o.qualifier_zh}"`);
    }
  }
  const obsById = new Map(parsed.observations.rows.map((o) => [o.id, o]));

  // Themes name the indicators that matter for them
  for (const t of parsed.themes.rows)
    for (const i of t.indicators)
      if (!exists('indicators', i)) err(parsed.themes.path, t.line, 'indicators', `found "${i}", expected an indicator id from ${parsed.indicators.path}${suggest(i, known('indicators'))}`);

  // Case cross-references
  const themeIds = known('themes');
  const obsByCase = new Map<string, Observation[]>();
  for (const o of parsed.observations.rows) {
    const list = obsByCase.get(o.case) ?? [];
    list.push(o);
    obsByCase.set(o.case, list);
  }
  for (const c of cases as (CaseDoc & { bodyLine: number; fmText: string })[]) {
    const fm = c.frontmatter;
    if (!exists('places', fm.place)) err(c.path, fmLine(c.fmText, 'place'), 'place', `found "${fm.place}", expected a place id from ${parsed.places.path}${suggest(fm.place, known('places'))}`);
    if (!exists('sources', fm.source)) err(c.path, fmLine(c.fmText, 'source'), 'source', `found "${fm.source}", expected a source id from ${parsed.sources.path}${suggest(fm.source, known('sources'))}`);
    for (const t of fm.themes)
      if (!exists('themes', t)) err(c.path, fmLine(c.fmText, 'themes'), 'themes', `found "${t}", expected a theme id from ${parsed.themes.path}${suggest(t, themeIds)}`);
    for (const k of fm.key) {
      const o = obsById.get(k);
      if (!o) {
        if (!exists('observations', k)) err(c.path, fmLine(c.fmText, 'key'), 'key', `found "${k}", expected an observation id of case "${c.slug}"${suggest(k, caseObsIds(parsed.observations.rows, c.slug))}`);
      } else if (o.case !== c.slug && bySlug.has(o.case)) err(c.path, fmLine(c.fmText, 'key'), 'key', `found "${k}", which belongs to case "${o.case}", expected an observation of case "${c.slug}"`);
    }
    // <Fig id> references and numbers typed into prose
    const lines = c.body.split('\n');
    const allowedYears = new Set<string>();
    for (const y of caseDateYears(fm.events, parsed.sources.rows.find((s) => s.id === fm.source)?.date)) allowedYears.add(y);
    for (const o of obsByCase.get(c.slug) ?? []) for (const y of o.period.match(/\d{4}/g) ?? []) allowedYears.add(y);
    for (const field of ['title', 'summary'] as const)
      if (fm[field].includes('TODO')) err(c.path, fmLine(c.fmText, field), field, `found the placeholder ${JSON.stringify(fm[field])}, expected the real ${field}`);
    for (const p of caseDatePlaceholders(fm.events, c.fmText)) err(c.path, p.line, p.field, p.message);
    lines.forEach((text, i) => {
      const line = c.bodyLine + i;
      if (text.includes('TODO')) err(c.path, line, 'prose', 'found a TODO placeholder, expected the finished text');
      for (const m of text.matchAll(FIG_TAG)) {
        const id = m[1]!;
        const o = obsById.get(id);
        if (!o) {
          if (!exists('observations', id)) err(c.path, line, 'Fig', `found <Fig id="${id}" />, expected an observation id of case "${c.slug}"${suggest(id, caseObsIds(parsed.observations.rows, c.slug))}`);
        } else if (o.case !== c.slug && bySlug.has(o.case)) err(c.path, line, 'Fig', `found <Fig id="${id}" />, which belongs to case "${o.case}", expected an observation of case "${c.slug}"`);
      }
      let prose = text.replace(FIG_TAG, ' ').replace(TERM_TAG, ' ');
      for (const name of fm.names) prose = prose.split(name).join(' ');
      for (const m of prose.matchAll(/\d+(?:[.,]\d+)*/g)) {
        const n = m[0];
        if (/^\d{4}$/.test(n) && allowedYears.has(n)) continue;
        err(c.path, line, 'prose', `found the number "${n}" typed into the text, expected <Fig id="…" /> rendering an observation of case "${c.slug}" (or a year of the events' date, the report's date or the observations' periods, or a printed name, grade or date marked <Term>…</Term>)`);
      }
    });
  }

  const data: AtlasData = {
    sources: parsed.sources.rows,
    places: parsed.places.rows,
    indicators: parsed.indicators.rows,
    units: parsed.units.rows,
    observations: parsed.observations.rows,
    themes: parsed.themes.rows,
    cases: cases.map(({ slug, lang, path, frontmatter, body }) => ({ slug, lang, path, frontmatter, body })),
  };
  errors.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  return { data, errors };
}

/** Observation ids of a case (only computed for a message's suggestion). */
function caseObsIds(rows: Observation[], slug: string): string[] {
  return rows.filter((o) => o.case === slug).map((o) => o.id);
}

function expectation(issue: z.core.$ZodIssue): string {
  const anyIssue = issue as any;
  if (issue.code === 'invalid_value' && Array.isArray(anyIssue.values)) return `one of ${anyIssue.values.map((v: unknown) => JSON.stringify(v)).join(', ')}`;
  if (issue.code === 'invalid_type') return `${anyIssue.expected === 'array' ? 'a list' : `a ${anyIssue.expected}`}`;
  if (issue.code === 'too_small' && anyIssue.origin === 'array') return `at least ${anyIssue.minimum} item(s)`;
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
