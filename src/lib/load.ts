import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { decodeText } from './csv.ts';
import { contentDir, dataDir, listFiles } from './paths.ts';
import { TABLES, type TableName } from './schema.ts';
import { readStoryFiles } from './stories.ts';
import { validateStories } from './validate-stories.ts';
import { checkCorrections } from './corrections.ts';
import { AtlasValidationError, validateAtlas, type AtlasData, type AtlasInput, type TextFile, type ValidationError } from './validate.ts';

/** Where the research pages live: ATLAS_SOURCES_DIR, or next to the checkout as ../shared/sources. */
export function sourcePagesDir(root: string): string {
  return process.env.ATLAS_SOURCES_DIR ?? join(root, '..', 'shared', 'sources');
}

export interface LoadOptions {
  dataDir?: string;
  contentDir?: string;
  /** Directory of the source page files (*.txt); defaults to ATLAS_SOURCES_DIR or ../shared/sources. */
  sourcesDir?: string;
}

/** Every file the atlas is read from (for watching): the tables and everything under content/cases. */
export function atlasFiles(root: string, opts: LoadOptions = {}): { dataDir: string; contentDir: string; tables: string[] } {
  const data = opts.dataDir ?? dataDir(root);
  return { dataDir: data, contentDir: opts.contentDir ?? contentDir(root), tables: TABLES.map((t) => join(data, `${t}.csv`)) };
}

/** Read the data tables and case files of a project directory. */
export function readAtlasInput(root: string, opts: LoadOptions = {}): AtlasInput {
  const { dataDir: dataPath, contentDir: contentPath } = atlasFiles(root, opts);
  // Paths in messages: relative to the project when inside it, absolute otherwise (a corpus elsewhere).
  const shown = (path: string) => {
    const rel = relative(root, path);
    return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
  };
  const read = (path: string): TextFile => {
    if (!existsSync(path)) return { path: shown(path), text: '' };
    const { text, notUtf8 } = decodeText(readFileSync(path));
    return { path: shown(path), text, ...(notUtf8 && { notUtf8 }) };
  };
  const tables = Object.fromEntries(TABLES.map((t) => [t, read(join(dataPath, `${t}.csv`))])) as Record<TableName, TextFile>;
  // Every file under content/cases: a stray one (.DS_Store, notes.txt) gets a message, not a crash.
  const cases = listFiles(contentPath).map((rel) => {
    const path = join(contentPath, rel);
    return { ...(rel.endsWith('.mdx') ? read(path) : { path: shown(path), text: '' }), rel };
  });
  const pages = opts.sourcesDir ?? sourcePagesDir(root);
  const sourceFiles = existsSync(pages) ? listFiles(pages).filter((f) => f.endsWith('.txt') && !f.includes('/')) : undefined;
  return { tables, cases, sourceFiles };
}

export interface CheckResult {
  data: AtlasData;
  errors: ValidationError[];
  /** Checks that could not run this time, one line each (e.g. no source pages to check sources.file against). */
  skipped: string[];
}

/** Validate a project's data; every problem of the run is collected. */
export function checkProject(root: string, opts?: LoadOptions): CheckResult {
  const input = readAtlasInput(root, opts);
  const missing: ValidationError[] = TABLES.filter((t) => input.tables[t].text === '' && !input.tables[t].notUtf8).map((t) => ({
    file: input.tables[t].path,
    line: 1,
    message: 'found no file (or an empty one), expected a CSV table with a header row',
  }));
  const result = validateAtlas(input);
  const skipped = input.sourceFiles
    ? []
    : [`skipped the check of sources.csv [file] against the source pages: found no folder ${opts?.sourcesDir ?? sourcePagesDir(root)} (set ATLAS_SOURCES_DIR to the folder of the *.txt pages)`];
  const stories = validateStories(result.data, readStoryFiles(root));
  const corrections = checkCorrections(root, [...new Set(result.data.cases.map((c) => c.slug))]);
  return { data: result.data, errors: [...missing, ...result.errors, ...stories.errors, ...corrections.errors], skipped };
}

/** Load and validate, throwing one error that lists every problem. */
export function loadProject(root: string, opts?: LoadOptions): AtlasData {
  const { data, errors } = checkProject(root, opts);
  if (errors.length) throw new AtlasValidationError(errors);
  return data;
}
