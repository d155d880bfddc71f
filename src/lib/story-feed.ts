/** RSS items for stories (they come before the cases in each language's feed). */
import type { Atlas } from './atlas.ts';
import type { Lang } from './i18n.ts';
import type { StoryDoc } from './stories.ts';
import { storyRoutes, storyUi } from './ui-stories.ts';
import { localName } from './i18n.ts';

export interface FeedItem {
  title: string;
  link: string;
  description: string;
  categories: string[];
}

export function storyFeedItems(atlas: Atlas, stories: StoryDoc[], lang: Lang, abs: (path: string) => string): FeedItem[] {
  return stories
    .filter((s) => s.lang === lang)
    .map((s) => ({
      title: s.frontmatter.title,
      link: abs(storyRoutes.story(lang, s.slug)),
      description: s.frontmatter.summary,
      categories: [storyUi(lang).rss, ...s.frontmatter.themes.map((id) => atlas.themes.get(id)).filter((th) => th !== undefined).map((th) => localName(th, lang))],
    }));
}
