import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { contentDir, dataDir } from './paths.ts';
import { TABLES, type TableName } from './schema.ts';
import { readStoryFiles } from './stories.ts';
import { validateStories } from './validate-stories.ts';
import { AtlasValidationError, validateAtlas, type AtlasData, type AtlasInput, type TextFile, type ValidationError } from './validate.ts';

/** Where the research pages live: next to the checkout, as ../shared/sources. */
export function sourcePagesDir(root: string): string {
  return process.env.ATLAS_SOURCES_DIR ?? join(root, '..', 'shared', 'sources');
}

export interface LoadOptions {
  dataDir?: string;
  contentDir?: string;
  /** Directory of the source page files (*.txt); defaults to ../shared/sources. */
  sourcesDir?: string;
}

/** Read the data tables and case files of a project directory. */
export function readAtlasInput(root: string, opts: LoadOptions = {}): AtlasInput {
  const dataPath = opts.dataDir ?? dataDir(root);
  const contentPath = opts.contentDir ?? contentDir(root);
  const read = (path: string): TextFile => ({ path: relative(root, path), text: existsSync(path) ? readFileSync(path, 'utf8') : '' });
  const tables = Object.fromEntries(TABLES.map((t) => [t, read(join(dataPath, `${t}.csv`))])) as Record<TableName, TextFile>;
  const cases: TextFile[] = [];
  if (existsSync(contentPath))
    for (const lang of readdirSync(contentPath).sort()) {
      const dir = join(contentPath, lang);
      for (const f of readdirSync(dir).sort()) if (f.endsWith('.mdx')) cases.push(read(join(dir, f)));
    }
  const pages = opts.sourcesDir ?? sourcePagesDir(root);
  const sourceFiles = existsSync(pages) ? readdirSync(pages).filter((f) => f.endsWith('.txt')).sort() : undefined;
  return { tables, cases, sourceFiles };
}

/** Validate a project's data; every problem of the run is collected. */
export function checkProject(root: string, opts?: LoadOptions): { data: AtlasData; errors: ValidationError[] } {
  const input = readAtlasInput(root, opts);
  const missing: ValidationError[] = TABLES.filter((t) => input.tables[t].text === '').map((t) => ({
    file: input.tables[t].path,
    line: 1,
    message: 'found no file (or an empty one), expected a CSV table with a header row',
  }));
  const result = validateAtlas(input);
  const stories = validateStories(result.data, readStoryFiles(root));
  return { data: result.data, errors: [...missing, ...result.errors, ...stories.errors] };
}

/** Load and validate, throwing one error that lists every problem. */
export function loadProject(root: string): AtlasData {
  const { data, errors } = checkProject(root);
  if (errors.length) throw new AtlasValidationError(errors);
  return data;
}
