import { isAbsolute, join, resolve } from 'node:path';

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
