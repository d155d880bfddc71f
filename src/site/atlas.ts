import { getEntry } from 'astro:content';
import { Atlas } from '../lib/atlas.ts';
import { ATLAS_ENTRY, atlasDataOf, type StoredAtlas } from './loader.ts';

let cached: { version: string; atlas: Atlas } | undefined;

/**
 * The validated, indexed data every page reads (src/site/loader.ts). Built once per version of the data:
 * once per build, again in the dev server after an edit. Throws the located messages when the data is wrong.
 */
export async function getAtlas(): Promise<Atlas> {
  const entry = await getEntry('atlas', ATLAS_ENTRY);
  if (!entry) throw new Error('the atlas collection is empty: src/content.config.ts must define atlas: defineCollection({ loader: atlasLoader() })');
  const stored = entry.data as StoredAtlas;
  if (cached?.version !== stored.version || stored.errors) cached = { version: stored.version, atlas: new Atlas(atlasDataOf(stored)) };
  return cached.atlas;
}
