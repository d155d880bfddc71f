// The one way data reaches pages: a content loader that reads and validates every table and case file
// (src/lib/load.ts → validate.ts) and stores the validated records, or the located messages.
import { fileURLToPath } from 'node:url';
import { resolve, sep } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { atlasFiles, checkProject } from '../lib/load.ts';
import { AtlasValidationError, type AtlasData, type ValidationError } from '../lib/validate.ts';

/** Id of the single entry of the `atlas` collection. */
export const ATLAS_ENTRY = 'atlas';

/** What the loader stores: the validated records, or the messages saying why there are none. */
export type StoredAtlas = { version: string; data: AtlasData; errors?: undefined } | { version: string; data?: undefined; errors: ValidationError[] };

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
    const body = errors.length ? { errors } : { data };
    const version = generateDigest(body);
    store.set({ id: ATLAS_ENTRY, data: { ...body, version } satisfies StoredAtlas, digest: version });
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
