// CSV of each story chart, written at build time (the same rows as the chart and its table).
import type { APIRoute } from 'astro';
import { getAtlas } from '../../../../site/atlas.ts';
import { getStories } from '../../../../site/stories.ts';
import { storyChartRows, storyCsvRecords, STORY_CSV_COLUMNS } from '../../../../charts/story.ts';
import { toCsv } from '../../../../lib/csv.ts';
import type { Lang } from '../../../../lib/i18n.ts';

export async function getStaticPaths() {
  const stories = await getStories();
  return stories.flatMap((s) => s.frontmatter.charts.map((c) => ({ params: { lang: s.lang, slug: s.slug, chart: c.id } })));
}

export const GET: APIRoute = async ({ params }) => {
  const atlas = await getAtlas();
  const story = (await getStories()).find((s) => s.slug === params.slug && s.lang === params.lang)!;
  const spec = story.frontmatter.charts.find((c) => c.id === params.chart)!;
  const text = toCsv(STORY_CSV_COLUMNS, storyCsvRecords(spec.id, storyChartRows(atlas, spec, params.lang as Lang)));
  return new Response(text, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
