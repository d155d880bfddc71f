import { getEntry } from 'astro:content';
import { Atlas } from '../lib/atlas.ts';
import { AtlasValidationError } from '../lib/validate.ts';
import type { Lang } from '../lib/i18n.ts';
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

/** A case file's entry for rendering its MDX body; its `data` is the validated frontmatter. */
export async function getCaseEntry(lang: Lang, slug: string) {
  const doc = (await getAtlas()).cases.get(slug)?.docs[lang];
  const entry = await getEntry('cases', `${lang}/${slug}`);
  return entry && doc ? { ...entry, data: doc.frontmatter } : undefined;
}
