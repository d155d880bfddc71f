import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { ATLAS_ENTRY, loadAtlas, type StoredAtlas } from '../../src/site/loader.ts';

/**
 * Run the site's content loader (src/site/loader.ts) as `astro build` does — no watcher — and return
 * what it stores for the pages. Throws what the build would stop with.
 */
export async function loadAsBuilt(root: string): Promise<StoredAtlas> {
  const entries = new Map<string, unknown>();
  const store = { set: ({ id, data }: { id: string; data: unknown }) => (entries.set(id, data), true) } as unknown as LoaderContext['store'];
  const logger = { warn() {}, error() {}, info() {} } as unknown as LoaderContext['logger'];
  const config = { root: pathToFileURL(root.endsWith('/') ? root : `${root}/`) } as LoaderContext['config'];
  await loadAtlas({ store, config, logger, watcher: undefined, generateDigest: (d) => String(JSON.stringify(d).length) });
  return entries.get(ATLAS_ENTRY) as StoredAtlas;
}
