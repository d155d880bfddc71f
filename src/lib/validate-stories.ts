/**
 * Checks for data stories (content/stories/<lang>/<slug>.mdx), run with the rest of the validation:
 * frontmatter present and well-formed, both languages with the same slug, cases, themes and chart rows
 * that exist, charts that compare only like with like, every <Fig>, <Chart> and <CaseLink> resolving,
 * and no number typed into the text outside <Fig> and <Term>. Every error names file, line and field.
 */
import { closest, distance } from 'fastest-levenshtein';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { LANGS, type Lang } from './i18n.ts';
import type { Observation } from './schema.ts';
import { chartRowIds, rowId, storyFrontmatterSchema, type StoryDoc, type StoryFile } from './stories.ts';
import type { AtlasData, ValidationError } from './validate.ts';
import { parseProse, type ExtraElement } from './prose.ts';

/** Elements a story may use besides <Fig> and <Term>. */
const STORY_ELEMENTS: ExtraElement[] = [
  { name: 'Chart', attr: 'id' },
  { name: 'CaseLink', attr: 'slug', text: true },
];

const STORY_PATH = /(?:^|\/)stories\/(en|zh)\/([^/]+)\.mdx$/;
export const FIG_TAG = /<Fig\s+id\s*=\s*["']([^"']*)["']\s*\/>/g;
export const CHART_TAG = /<Chart\s+id\s*=\s*["']([^"']*)["']\s*\/>/g;
export const CASE_LINK = /<CaseLink\s+slug\s*=\s*["']([^"']*)["']\s*>/g;
const TERM_TAG = /<Term>([^<]*)<\/Term>/g;

function suggest(found: string, candidates: readonly string[]): string {
  if (!found || candidates.length === 0) return '';
  const best = closest(found, candidates as string[]);
  return distance(found, best) <= Math.max(2, Math.floor(found.length / 3)) ? ` — did you mean "${best}"?` : '';
}

function show(value: unknown): string {
  return value === '' || value === undefined ? 'an empty value' : JSON.stringify(value);
}

function splitFrontmatter(text: string): { frontmatter: string; body: string; bodyLine: number } | null {
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const m = /^---\n([\s\S]*?)\n---\n?/.exec(src);
  if (!m) return null;
  const bodyLine = m[0].split('\n').length + (m[0].endsWith('\n') ? 0 : 1);
  return { frontmatter: m[1]!, body: src.slice(m[0].length), bodyLine };
}

/** File line of the first frontmatter line matching `test` at or after frontmatter line `from` (0-based); else the key's line. */
function fmLineOf(fm: string, test: (line: string) => boolean, from = 0): number {
  const lines = fm.split('\n');
  for (let i = from; i < lines.length; i++) if (test(lines[i]!)) return i + 2;
  return 1;
}
const keyLine = (fm: string, key: string) => fmLineOf(fm, (l) => l.startsWith(`${key}:`));
/** The line where chart `id` starts, or the `charts:` line. */
function chartLine(fm: string, id: string): number {
  const n = fmLineOf(fm, (l) => new RegExp(`^\\s*-?\\s*id:\\s*["']?${id}["']?\\s*$`).test(l));
  return n > 1 ? n : keyLine(fm, 'charts');
}
/** The line of a row id inside chart `chartId` (first mention after the chart starts). */
function rowLine(fm: string, chartId: string, row: string): number {
  const start = chartLine(fm, chartId) - 2;
  const n = fmLineOf(fm, (l) => new RegExp(`(^|[\\s\\[,{:-])["']?${row}["']?([\\s,\\]}]|$)`).test(l), Math.max(0, start));
  return n > 1 ? n : chartLine(fm, chartId);
}

function expectation(issue: z.core.$ZodIssue): string {
  const anyIssue = issue as any;
  if (issue.code === 'invalid_value' && Array.isArray(anyIssue.values)) return `one of ${anyIssue.values.map((v: unknown) => JSON.stringify(v)).join(', ')}`;
  if (issue.code === 'invalid_type') return anyIssue.expected === 'array' ? 'a list' : `a ${anyIssue.expected}`;
  if (issue.code === 'too_small' && anyIssue.origin === 'array') return `at least ${anyIssue.minimum} item(s)`;
  if (issue.code === 'invalid_union') return 'an observation id, or { id, label }';
  return issue.message;
}

/** Years a story may type: those of the periods of the rows it uses. */
function allowedYears(rows: Observation[]): Set<string> {
  const out = new Set<string>();
  for (const o of rows) for (const y of o.period.match(/\d{4}/g) ?? []) out.add(y);
  return out;
}

/** Numbers typed into a piece of text (after removing tags, printed names and allowed years). */
function typedNumbers(text: string, names: string[], years: Set<string>): string[] {
  let prose = text.replace(FIG_TAG, ' ').replace(TERM_TAG, ' ').replace(CHART_TAG, ' ').replace(CASE_LINK, ' ');
  // link targets and HTML attributes are not prose
  prose = prose.replace(/\]\([^)]*\)/g, ']').replace(/<[A-Za-z][^>]*>/g, ' ');
  for (const name of names) prose = prose.split(name).join(' ');
  return [...prose.matchAll(/\d+(?:[.,]\d+)*/g)].map((m) => m[0]).filter((n) => !(/^\d{4}$/.test(n) && years.has(n)));
}

export interface StoryCheck {
  stories: StoryDoc[];
  errors: ValidationError[];
}

/** Validate story files against the validated atlas data; every problem is collected. */
export function validateStories(data: AtlasData, files: StoryFile[]): StoryCheck {
  const errors: ValidationError[] = [];
  const err = (file: string, line: number, field: string | undefined, message: string) => errors.push({ file, line, field, message });
  const obsById = new Map(data.observations.map((o) => [o.id, o]));
  const obsIds = [...obsById.keys()];
  const caseSlugs = [...new Set(data.cases.map((c) => c.slug))].sort();
  const themeIds = data.themes.map((t) => t.id);
  const unitKind = new Map(data.units.map((u) => [u.unit, u.kind]));
  const NUMBER_HINT = 'expected <Fig id="…" /> rendering an observation (or a year of the periods of the figures the story uses, or a printed name or date marked <Term>…</Term>)';

  type Parsed = StoryDoc & { text: string; fmText: string; bodyLine: number };
  const stories: Parsed[] = [];
  const present = new Map<Lang, Set<string>>(LANGS.map((l) => [l, new Set<string>()]));
  for (const file of files) {
    const m = STORY_PATH.exec(file.path);
    if (!m) {
      err(file.path, 1, undefined, 'expected a story file at content/stories/<en|zh>/<slug>.mdx');
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
    let raw: unknown;
    try {
      raw = parseYaml(split.frontmatter);
    } catch (e) {
      const line = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line ?? 0;
      err(file.path, line + 1, undefined, `found invalid YAML frontmatter (${(e as Error).message.split('\n')[0]}), expected key: value lines`);
      continue;
    }
    const fm = storyFrontmatterSchema.safeParse(raw ?? {});
    if (!fm.success) {
      for (const issue of fm.error.issues) {
        const field = issue.path.map(String).join('.');
        const top = String(issue.path[0] ?? '');
        let value: any = raw;
        for (const k of issue.path) value = value?.[k as any];
        err(file.path, keyLine(split.frontmatter, top), field || undefined, `found ${show(value)}, expected ${expectation(issue)}`);
      }
      continue;
    }
    stories.push({ slug, lang, path: file.path, text: file.text, frontmatter: fm.data, body: split.body, fmText: split.frontmatter, bodyLine: split.bodyLine });
  }

  // Twins: the same slug in both languages, with the same cases and the same charts made of the same rows
  const bySlug = new Map<string, Map<Lang, Parsed>>();
  for (const s of stories) {
    if (!bySlug.has(s.slug)) bySlug.set(s.slug, new Map());
    bySlug.get(s.slug)!.set(s.lang, s);
  }
  for (const [slug, langs] of bySlug) {
    for (const lang of LANGS)
      if (!present.get(lang)!.has(slug)) {
        const other = [...langs.values()][0]!;
        err(other.path, 1, undefined, `story "${slug}" has no ${lang === 'en' ? 'English' : 'Chinese'} twin, expected content/stories/${lang}/${slug}.mdx`);
      }
    const en = langs.get('en');
    const zh = langs.get('zh');
    if (!en || !zh) continue;
    const same = (a: string[], b: string[]) => [...a].sort().join('|') === [...b].sort().join('|');
    for (const field of ['cases', 'themes'] as const)
      if (!same(en.frontmatter[field], zh.frontmatter[field]))
        err(zh.path, keyLine(zh.fmText, field), field, `found [${zh.frontmatter[field].join(', ')}], expected the same list as ${en.path} ([${en.frontmatter[field].join(', ')}])`);
    const sig = (s: Parsed) => s.frontmatter.charts.map((c) => `${c.id}:${c.kind}:${chartRowIds(c).join(',')}`);
    const enSig = sig(en);
    const zhSig = sig(zh);
    if (enSig.join('|') !== zhSig.join('|'))
      err(zh.path, keyLine(zh.fmText, 'charts'), 'charts', `found charts [${zhSig.join('; ')}], expected the same charts, kinds and rows in the same order as ${en.path} ([${enSig.join('; ')}])`);
  }

  for (const s of stories) {
    const fm = s.frontmatter;
    for (const c of fm.cases)
      if (!caseSlugs.includes(c)) err(s.path, keyLine(s.fmText, 'cases'), 'cases', `found "${c}", expected a case slug (content/cases/<lang>/<slug>.mdx)${suggest(c, caseSlugs)}`);
    for (const t of fm.themes) if (!themeIds.includes(t)) err(s.path, keyLine(s.fmText, 'themes'), 'themes', `found "${t}", expected a theme id from data/themes.csv${suggest(t, themeIds)}`);

    const used: Observation[] = [];
    /** A row or figure must exist and belong to one of the story's cases. */
    const checkObs = (id: string, line: number, field: string, what: string): Observation | undefined => {
      const o = obsById.get(id);
      if (!o) {
        err(s.path, line, field, `found ${what}, expected an observation id from data/observations.csv${suggest(id, obsIds)}`);
        return undefined;
      }
      if (!fm.cases.includes(o.case)) err(s.path, line, field, `found ${what}, which belongs to case "${o.case}", expected an observation of the story's cases (${fm.cases.join(', ')}) — add "${o.case}" to cases`);
      used.push(o);
      return o;
    };

    // Charts
    const chartIds = new Set<string>();
    for (const c of fm.charts) {
      const line = chartLine(s.fmText, c.id);
      if (chartIds.has(c.id)) err(s.path, line, 'charts.id', `duplicate chart id "${c.id}"`);
      chartIds.add(c.id);
      if (c.kind === 'panels') {
        if (c.panels.length === 0) err(s.path, line, 'charts.panels', `chart "${c.id}" of kind panels found no panels, expected a list of { title, rows }`);
        if (c.rows.length) err(s.path, line, 'charts.rows', `chart "${c.id}" of kind panels found rows, expected its rows inside panels`);
      } else {
        if (c.rows.length === 0) err(s.path, line, 'charts.rows', `chart "${c.id}" of kind ${c.kind} found no rows, expected a list of observation ids`);
        if (c.panels.length) err(s.path, line, 'charts.panels', `chart "${c.id}" of kind ${c.kind} found panels, expected rows (panels belong to kind panels)`);
      }
      const groups = c.kind === 'panels' ? c.panels.map((p) => p.rows.map(rowId)) : [c.rows.map(rowId)];
      for (const group of groups) {
        const rows = group.map((id) => checkObs(id, rowLine(s.fmText, c.id, id), 'charts.rows', `"${id}" in chart "${c.id}"`)).filter((o): o is Observation => !!o);
        // One axis only for figures that measure the same thing
        if (c.kind === 'bars') {
          const inds = [...new Set(rows.map((o) => o.indicator))];
          if (inds.length > 1) err(s.path, line, 'charts.rows', `chart "${c.id}" of kind bars found indicators ${inds.join(', ')}, expected rows of one indicator on a shared axis (use kind panels for different measures)`);
        }
        if (c.kind === 'panels') {
          const kinds = [...new Set(rows.map((o) => unitKind.get(o.unit) ?? '?'))];
          if (kinds.length > 1) err(s.path, line, 'charts.panels', `chart "${c.id}" has a panel mixing unit kinds (${kinds.join(', ')}), expected one kind of figure per panel`);
        }
      }
    }

    // The MDX is text: markdown and the story elements only (no import, export or expression)
    for (const p of parseProse(s.text, STORY_ELEMENTS).problems) err(s.path, p.line, 'prose', p.message);
    // Body: figures, charts, case links, typed numbers
    const lines = s.body.split('\n');
    const placed = new Set<string>();
    lines.forEach((text, i) => {
      const line = s.bodyLine + i;
      if (text.includes('TODO')) err(s.path, line, 'prose', 'found a TODO placeholder, expected the finished text');
      for (const m of text.matchAll(FIG_TAG)) checkObs(m[1]!, line, 'Fig', `<Fig id="${m[1]}" />`);
      for (const m of text.matchAll(CHART_TAG)) {
        if (!chartIds.has(m[1]!)) err(s.path, line, 'Chart', `found <Chart id="${m[1]}" />, expected a chart id from the frontmatter (${[...chartIds].join(', ')})${suggest(m[1]!, [...chartIds])}`);
        placed.add(m[1]!);
      }
      for (const m of text.matchAll(CASE_LINK))
        if (!caseSlugs.includes(m[1]!)) err(s.path, line, 'CaseLink', `found <CaseLink slug="${m[1]}">, expected a case slug${suggest(m[1]!, caseSlugs)}`);
        else if (!fm.cases.includes(m[1]!)) err(s.path, line, 'CaseLink', `found <CaseLink slug="${m[1]}">, expected one of the story's cases (${fm.cases.join(', ')}) — add "${m[1]}" to cases`);
    });
    for (const id of chartIds) if (!placed.has(id)) err(s.path, chartLine(s.fmText, id), 'charts', `chart "${id}" is never placed, expected <Chart id="${id}" /> in the text`);

    const years = allowedYears(used);
    lines.forEach((text, i) => {
      for (const n of typedNumbers(text, fm.names, years)) err(s.path, s.bodyLine + i, 'prose', `found the number "${n}" typed into the text, ${NUMBER_HINT}`);
    });
    // Frontmatter text a reader sees: title, summary, chart titles, descriptions, notes, labels
    const shown: [string, string, number][] = [
      ['title', fm.title, keyLine(s.fmText, 'title')],
      ['summary', fm.summary, keyLine(s.fmText, 'summary')],
    ];
    for (const c of fm.charts) {
      const start = chartLine(s.fmText, c.id);
      /** The line of a piece of the chart's text, searched from the chart's first line. */
      const at = (text: string) => {
        const n = fmLineOf(s.fmText, (l) => l.includes(text.slice(0, 24)), Math.max(0, start - 2));
        return n > 1 ? n : start;
      };
      shown.push(['charts.title', c.title, at(c.title)], ['charts.desc', c.desc, at(c.desc)], ...c.notes.map((n): [string, string, number] => ['charts.notes', n, at(n)]));
      for (const p of c.panels) shown.push(['charts.panels.title', p.title, at(p.title)]);
      for (const r of [...c.rows, ...c.panels.flatMap((p) => p.rows)]) if (typeof r !== 'string') shown.push(['charts.rows.label', r.label, rowLine(s.fmText, c.id, r.id)]);
    }
    for (const [field, text, line] of shown) {
      if (text.includes('TODO')) err(s.path, line, field, `found the placeholder ${JSON.stringify(text)}, expected the real text`);
      for (const n of typedNumbers(text, fm.names, years)) err(s.path, line, field, `found the number "${n}" typed into the text, ${NUMBER_HINT}`);
    }
  }

  errors.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  return { stories: stories.map(({ slug, lang, path, frontmatter, body }) => ({ slug, lang, path, frontmatter, body })), errors };
}
