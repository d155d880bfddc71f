import { getCollection, getEntry } from 'astro:content';
import { Atlas } from '../lib/atlas.ts';
import type { AtlasData } from '../lib/validate.ts';
import type { Lang } from '../lib/i18n.ts';

let cached: Promise<Atlas> | undefined;

/** The validated, indexed data every page reads (built once per build). */
export function getAtlas(): Promise<Atlas> {
  cached ??= (async () => {
    const [sources, places, indicators, units, observations, themes, cases] = await Promise.all([
      getCollection('sources'),
      getCollection('places'),
      getCollection('indicators'),
      getCollection('units'),
      getCollection('observations'),
      getCollection('themes'),
      getCollection('cases'),
    ]);
    const data: AtlasData = {
      sources: sources.map((e) => e.data),
      places: places.map((e) => e.data).sort((a, b) => a.line - b.line),
      indicators: indicators.map((e) => e.data),
      units: units.map((e) => e.data),
      observations: observations.map((e) => e.data).sort((a, b) => a.line - b.line),
      themes: themes.map((e) => e.data),
      cases: cases.map((e) => {
        const [lang, slug] = e.id.split('/') as [Lang, string];
        return { slug, lang, path: e.filePath ?? '', frontmatter: e.data, body: e.body ?? '' };
      }),
    };
    return new Atlas(data);
  })();
  return cached;
}

export async function getCaseEntry(lang: Lang, slug: string) {
  return getEntry('cases', `${lang}/${slug}`);
}
