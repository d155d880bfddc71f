// Preview images (1200×630 PNG) for link previews: one per case, per theme and for the site, per language, at
// og/<lang>/<path>.png. In a build by scripts/build.ts (ATLAS_OG_PLAN set) the route only lists them: it writes
// the plan that scripts/draw-cards.ts draws from beside Astro and the search indexer (src/site/og-draw.ts), and
// gives Astro no paths. The dev server and a plain `astro build` draw each image here.
import { pageCacheKey } from '../../../site/cache-key.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { caseCard, siteCard, themeCard } from '../../../lib/cards.ts';
import { LANGS, type Lang } from '../../../lib/i18n.ts';
import { ogCard, type CardInput } from '../../../lib/og-card.ts';
import { getAtlas } from '../../../site/atlas.ts';
import { getStories } from '../../../site/stories.ts';
import { storyCard } from '../../../lib/story-cards.ts';
import { renderCardCached } from '../../../site/og.ts';
import { writePlan } from '../../../site/og-draw.ts';
import { indexesOnly } from '../../../site/paths.ts';

export const getStaticPaths = (async () => {
  // set by scripts/build.ts only; not gated on import.meta.env.DEV, which a build run from the tests (NODE_ENV=test) did not pass
  const plan = process.env.ATLAS_OG_PLAN;
  if (indexesOnly()) {
    if (plan) writePlan(plan, []);
    return [];
  }
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
  if (plan) {
    writePlan(plan, paths.map((p) => ({ path: `og/${p.params.lang}/${p.params.path}.png`, card: p.props.card })));
    return [];
  }
  return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: CardInput }> = async ({ props }) => {
  const png = await renderCardCached(ogCard(props.card));
  return new Response(png, { headers: { 'content-type': 'image/png' } });
};
