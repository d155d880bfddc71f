import { getCollection } from 'astro:content';
import type { Lang } from '../lib/i18n.ts';
import type { StoryDoc } from '../lib/stories.ts';

let cached: Promise<StoryDoc[]> | undefined;

/** Every story file (both languages), validated by the build's first step; sorted by slug. */
export function getStories(): Promise<StoryDoc[]> {
  cached ??= (async () => {
    const entries = await getCollection('stories');
    return entries
      .map((e) => {
        const [lang, slug] = e.id.split('/') as [Lang, string];
        return { slug, lang, path: e.filePath ?? '', frontmatter: e.data, body: e.body ?? '' };
      })
      .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : a.lang < b.lang ? -1 : 1));
  })();
  return cached;
}

/** Stories of one language: featured first (by their place), then by title. */
export async function storiesIn(lang: Lang): Promise<StoryDoc[]> {
  const all = (await getStories()).filter((s) => s.lang === lang);
  const coll = new Intl.Collator(lang === 'zh' ? 'zh-CN-u-co-pinyin' : 'en');
  return all.sort((a, b) => (a.frontmatter.featured ?? 1e9) - (b.frontmatter.featured ?? 1e9) || coll.compare(a.frontmatter.title, b.frontmatter.title));
}

export async function getStoryEntry(lang: Lang, slug: string) {
  const { getEntry } = await import('astro:content');
  return getEntry('stories', `${lang}/${slug}`);
}
