// Preview images (1200×630 PNG) for link previews: one per case, per theme and for the site, per language, at
// og/<lang>/<path>.png. The first folder is a parameter (always "og") rather than a literal folder so that Astro,
// which generates routes with a literal first folder before those with a parameter, generates these images after
// the pages: by then the worker threads planned below have rendered them, and the build only copies them out.
import { pageCacheKey } from '../../../site/cache-key.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { caseCard, siteCard, themeCard } from '../../../lib/cards.ts';
import { LANGS, type Lang } from '../../../lib/i18n.ts';
import { ogCard, type CardInput } from '../../../lib/og-card.ts';
import { getAtlas } from '../../../site/atlas.ts';
import { getStories } from '../../../site/stories.ts';
import { storyCard } from '../../../lib/story-cards.ts';
import { cardSummary, planCards, renderCardCached } from '../../../site/og.ts';
import { indexesOnly } from '../../../site/paths.ts';

export const getStaticPaths = (async () => {
  if (indexesOnly()) return [];
  const atlas = await getAtlas();
  const stories = await getStories();
  const cacheKey = await pageCacheKey();
  const image = (lang: Lang, path: string, card: CardInput) => ({ params: { og: 'og', lang, path }, props: { card }, cacheKey });
  const paths = LANGS.flatMap((lang) => [
    ...stories.filter((s) => s.lang === lang).map((s) => image(lang, `stories/${s.slug}`, storyCard(atlas, s))),
    image(lang, 'site', siteCard(atlas, lang)),
    ...atlas.caseList().map((c) => image(lang, `cases/${c.slug}`, caseCard(atlas, c.slug, lang))),
    ...atlas.data.themes.map((th) => image(lang, `themes/${th.id}`, themeCard(atlas, th.id, lang))),
  ]);
  // A build renders these cards on spare cores too (src/site/og.ts); the dev server renders the one asked for.
  if (!import.meta.env.DEV) {
    planCards(paths.map((p) => ogCard(p.props.card)));
    process.once('exit', () => console.log(cardSummary()));
  }
  return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: CardInput }> = async ({ props }) => {
  const png = await renderCardCached(ogCard(props.card));
  return new Response(png, { headers: { 'content-type': 'image/png' } });
};
