// The one way data reaches pages: a content loader that reads and validates every table and case file
// (src/lib/load.ts → validate.ts), stops a build that has errors, and gives pages the validated records
// (atlasDataOf) or the located messages.
import { fileURLToPath } from 'node:url';
import { resolve, sep } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { atlasFiles, checkProject, loadProject } from '../lib/load.ts';
import { AtlasValidationError, type AtlasData, type ValidationError } from '../lib/validate.ts';

/** Id of the single entry of the `atlas` collection. */
export const ATLAS_ENTRY = 'atlas';

/**
 * What the loader stores in Astro's data store: which version of the data the pages are to read (a digest of the
 * validated records), where the project is, and the messages when the data is wrong — not the records. Astro
 * writes its data store into the build as one JavaScript module holding it all as a string, and keeps that text
 * alive while every page renders: at 5,000 cases 121 MB of strings besides the records themselves.
 */
export type StoredAtlas = { version: string; root: string; errors?: undefined } | { version: string; root: string; errors: ValidationError[] };

/** The records the loader validated last, for the pages rendered by the same process (a build, the dev server). */
const VALIDATED = Symbol.for('party-building-atlas.validated');
type Validated = { version: string; data: AtlasData };
const shared = globalThis as { [VALIDATED]?: Validated };

/**
 * The validated records of the stored version: those the loader validated in this process, or, when the pages
 * render elsewhere, the project read and validated again (throwing the located messages if it no longer is valid).
 */
export function atlasDataOf(stored: StoredAtlas): AtlasData {
  if (stored.errors) throw new AtlasValidationError(stored.errors);
  const kept = shared[VALIDATED];
  return kept?.version === stored.version ? kept.data : loadProject(stored.root);
}

/**
 * Load the atlas. A build (no watcher) stops with every located message before anything is rendered.
 * The dev server keeps running: it stores the messages, so every page shows them (getAtlas throws),
 * and it re-validates whenever a table or case file changes, clearing them once the data is right.
 */
export function atlasLoader(): Loader {
  return {
    name: 'atlas',
    load: async (context) => loadAtlas(context),
  };
}

export async function loadAtlas({ store, config, watcher, logger, generateDigest }: Pick<LoaderContext, 'store' | 'config' | 'watcher' | 'logger' | 'generateDigest'>): Promise<void> {
  const root = fileURLToPath(config.root);
  let first = true;
  const sync = () => {
    const { data, errors, skipped } = checkProject(root);
    // `astro build --silent` hides the logger: a build says it on stderr, once.
    if (first) for (const s of skipped) (watcher ? logger.warn(s) : console.warn(`! ${s}`));
    first = false;
    if (errors.length && !watcher) throw new AtlasValidationError(errors);
    if (errors.length) logger.error(new AtlasValidationError(errors).message);
    // the project's place is part of the version: an entry kept in Astro's cache from a copy elsewhere is replaced
    const version = generateDigest(errors.length ? { root, errors } : { root, data });
    if (!errors.length) shared[VALIDATED] = { version, data };
    const stored: StoredAtlas = errors.length ? { version, root, errors } : { version, root };
    store.set({ id: ATLAS_ENTRY, data: stored, digest: version });
  };
  sync();
  if (!watcher) return;
  const files = atlasFiles(root);
  const tables = new Set(files.tables.map((f) => resolve(f)));
  const content = resolve(files.contentDir) + sep;
  watcher.add([...tables, resolve(files.contentDir)]);
  let timer: ReturnType<typeof setTimeout> | undefined;
  watcher.on('all', (_event, path) => {
    const abs = resolve(path);
    if (!tables.has(abs) && !abs.startsWith(content)) return;
    // An editor's save can be several events (write, rename): validate once they settle.
    clearTimeout(timer);
    timer = setTimeout(() => {
      logger.info(`Reloading data after a change to ${abs}`);
      sync();
    }, 50);
  });
}
