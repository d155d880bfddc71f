import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentDir } from './lib/paths.ts';
import { atlasLoader } from './site/loader.ts';
import { storiesDir, storyFrontmatterSchema } from './lib/stories.ts';

export const collections = {
  // Every table and every case's frontmatter, validated in one pass (src/lib/validate.ts): what pages read.
  atlas: defineCollection({ loader: atlasLoader() }),
  // The MDX bodies of the case files, rendered by Astro; their frontmatter is read from `atlas`.
  cases: defineCollection({ loader: glob({ pattern: '*/*.mdx', base: contentDir(fileURLToPath(new URL('..', import.meta.url))) }) }),
  // The stories' MDX bodies and frontmatter (checked with the rest of the data by src/lib/validate-stories.ts).
  stories: defineCollection({ loader: glob({ pattern: '*/*.mdx', base: storiesDir(fileURLToPath(new URL('..', import.meta.url))) }), schema: storyFrontmatterSchema }),
};
