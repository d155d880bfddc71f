import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { atlasLoader } from './site/loader.ts';
import { storiesDir, storyFrontmatterSchema } from './lib/stories.ts';

export const collections = {
  // Every table and every case's frontmatter, validated in one pass (src/lib/validate.ts): what pages read,
  // case profiles' MDX bodies included (compiled by the case page, src/site/prose.ts).
  atlas: defineCollection({ loader: atlasLoader() }),
  // The stories' MDX bodies and frontmatter (checked with the rest of the data by src/lib/validate-stories.ts).
  stories: defineCollection({ loader: glob({ pattern: '*/*.mdx', base: storiesDir(fileURLToPath(new URL('..', import.meta.url))) }), schema: storyFrontmatterSchema }),
};
