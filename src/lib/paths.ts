import { existsSync, readdirSync } from 'node:fs';
import { isAbsolute, join, resolve, sep } from 'node:path';

/**
 * Where the data tables and case files are read from. ATLAS_DATA_DIR and ATLAS_CONTENT_DIR
 * point a build at another corpus (test fixtures, benchmark corpora).
 */
export function dataDir(root: string): string {
  const env = process.env.ATLAS_DATA_DIR;
  return env ? (isAbsolute(env) ? env : resolve(root, env)) : join(root, 'data');
}

export function contentDir(root: string): string {
  const env = process.env.ATLAS_CONTENT_DIR;
  return env ? (isAbsolute(env) ? env : resolve(root, env)) : join(root, 'content', 'cases');
}

/** Every file under a directory (not directories), as sorted paths relative to it with forward slashes; [] when it does not exist. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => join(e.parentPath, e.name).slice(dir.length).replace(/^[\\/]+/, '').split(sep).join('/'))
    .sort();
}
