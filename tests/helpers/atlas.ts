import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { ATLAS_ENTRY, atlasDataOf, loadAtlas, type StoredAtlas } from '../../src/site/loader.ts';
import type { AtlasData } from '../../src/lib/validate.ts';

/**
 * Run the site's content loader (src/site/loader.ts) as `astro build` does — no watcher — and return
 * what it stores, with the records the pages read (`data`). Throws what the build would stop with.
 */
export async function loadAsBuilt(root: string): Promise<StoredAtlas & { data?: AtlasData }> {
  const stored = await storeAsBuilt(root);
  return { ...stored, data: stored.errors ? undefined : atlasDataOf(stored) };
}

/** What the loader puts in Astro's data store (which the build bundles), as `astro build` runs it. */
export async function storeAsBuilt(root: string): Promise<StoredAtlas> {
  const entries = new Map<string, unknown>();
  const store = { set: ({ id, data }: { id: string; data: unknown }) => (entries.set(id, data), true) } as unknown as LoaderContext['store'];
  const logger = { warn() {}, error() {}, info() {} } as unknown as LoaderContext['logger'];
  const config = { root: pathToFileURL(root.endsWith('/') ? root : `${root}/`) } as LoaderContext['config'];
  await loadAtlas({ store, config, logger, watcher: undefined, generateDigest: (d) => createHash('sha256').update(JSON.stringify(d)).digest('hex') });
  return entries.get(ATLAS_ENTRY) as StoredAtlas;
}
