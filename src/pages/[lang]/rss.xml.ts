// RSS 2.0 feed of the cases, one per language, newest report first. RSS needs absolute links:
// without SITE the feeds are not built (astro.config.mjs says so when the build starts).
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { htmlLang, type Lang, localName } from '../../lib/i18n.ts';
import { t } from '../../lib/ui.ts';
import { absoluteUrl, routes } from '../../lib/urls.ts';
import { getAtlas } from '../../site/atlas.ts';
import { langPaths } from '../../site/paths.ts';
import { storiesIn } from '../../site/stories.ts';
import { storyFeedItems } from '../../lib/story-feed.ts';

/** How many of the newest cases the feed carries. */
const RSS_ITEMS = 50;

export const getStaticPaths = () => (import.meta.env.SITE ? langPaths() : []);

export const GET: APIRoute = async ({ params, site }) => {
  const lang = params.lang as Lang;
  const ui = t(lang);
  const atlas = await getAtlas();
  const abs = (path: string) => absoluteUrl(site!, import.meta.env.BASE_URL, path);
  return rss({
    title: ui.rssTitle,
    description: ui.siteTagline,
    site: abs(routes.home(lang)),
    customData: `<language>${htmlLang(lang)}</language>`,
    // No pubDate: the site does not record when a case was added, and the report's date is not the item's.
    // the newest cases only: a feed reader fetches the whole file every time it checks
    items: [...storyFeedItems(atlas, await storiesIn(lang), lang, abs), ...atlas.sortedCases(lang, 'date').slice(0, RSS_ITEMS).flatMap((c) => {
      const fm = c.docs[lang]?.frontmatter;
      if (!fm) return [];
      return [{ title: fm.title, link: abs(routes.case(lang, c.slug)), description: fm.summary, categories: c.themes.map((th) => localName(th, lang)) }];
    })],
  });
};
