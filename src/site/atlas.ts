import { getEntry } from 'astro:content';
import { Atlas } from '../lib/atlas.ts';
import { AtlasValidationError } from '../lib/validate.ts';
import { ATLAS_ENTRY, type StoredAtlas } from './loader.ts';

let cached: { version: string; atlas: Atlas } | undefined;

/**
 * The validated, indexed data every page reads (src/site/loader.ts). Built once per version of the data:
 * once per build, again in the dev server after an edit. Throws the located messages when the data is wrong.
 */
export async function getAtlas(): Promise<Atlas> {
  const entry = await getEntry('atlas', ATLAS_ENTRY);
  if (!entry) throw new Error('the atlas collection is empty: src/content.config.ts must define atlas: defineCollection({ loader: atlasLoader() })');
  const stored = entry.data as StoredAtlas;
  if (stored.errors) throw new AtlasValidationError(stored.errors);
  if (cached?.version !== stored.version) cached = { version: stored.version, atlas: new Atlas(stored.data) };
  return cached.atlas;
}
