/**
 * The key of Astro's incremental build (experimental.incrementalBuild in astro.config.mjs): a page whose
 * getStaticPaths() entry carries a `cacheKey` is not rendered again when its key, its code (Astro hashes the
 * page's module graph) and the content entries it rendered (the case bodies, hashed by Astro) are all unchanged;
 * its previous output is restored from the cache instead.
 *
 * The key is one digest of every input a page may read: the data tables, the frontmatter of every case file,
 * every other file under content/ (stories, theme notes, about), the source pages, and the date the build stands for; a case's
 * page adds the digest of its own text (the MDX body, which no other page renders). So an edit to a case's text
 * re-renders only that case's page in that language, and any other edit re-renders every keyed page: never a
 * page left stale. (Astro's own tracking of rendered content entries is not relied on.)
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { contentDir, dataDir, listFiles } from '../lib/paths.ts';
import { storiesDir } from '../lib/stories.ts';
import { sourcePagesDir } from '../lib/load.ts';
import { siteBuildDate } from './build-date.ts';

/** A case file's frontmatter block (what pages other than its own read), or the whole text if it has none. */
export function frontmatterOf(text: string): string {
  const m = /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/.exec(text);
  return m ? m[0] : text;
}

/** The key of a case's own page: every page's key and the digest of the case file's text in that language. */
export async function caseCacheKey(lang: string, slug: string): Promise<string> {
  const file = join(contentDir(process.cwd()), lang, `${slug}.mdx`);
  const text = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
  return `${await pageCacheKey()}-${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
}

/** Digest of the inputs under `root` (the project): tables, case frontmatter, other content, build date. */
export function inputsDigest(root: string, buildDate: string | undefined): string {
  const hash = createHash('sha256');
  const add = (label: string, data: string | Buffer) => hash.update(`${label}\0${data.length}\0`).update(data);
  const cases = resolve(contentDir(root));
  const dirs = [...new Set([resolve(dataDir(root)), cases, resolve(storiesDir(root)), resolve(join(root, 'content')), resolve(root, sourcePagesDir(root))])];
  for (const dir of dirs)
    for (const rel of listFiles(dir)) {
      const file = join(dir, rel);
      // a case's text is in its own page's key (caseCacheKey), not in everyone's
      if (file.startsWith(cases + '/') && rel.endsWith('.mdx')) add(file, frontmatterOf(readFileSync(file, 'utf8')));
      else if (existsSync(file)) add(file, readFileSync(file));
    }
  add('build-date', buildDate ?? '');
  // which pages a build makes (the page-size test's index-only builds)
  add('indexes-only', process.env.ATLAS_INDEXES_ONLY ?? '');
  return hash.digest('hex').slice(0, 32);
}

let cached: Promise<string> | undefined;

/** The cacheKey of every keyed page of this build (computed once). */
export function pageCacheKey(): Promise<string> {
  cached ??= siteBuildDate().then((date) => inputsDigest(process.cwd(), date));
  return cached;
}
