/** What a story uses from the data: pure helpers shared by its page, its charts' CSV files, feeds and cards. */
import { chartRowIds, type StoryDoc } from './stories.ts';
import { FIG_TAG } from './validate-stories.ts';

/** Observation ids a story uses, in order of first use: figures in the text, then chart rows. */
export function storyObservationIds(story: Pick<StoryDoc, 'body' | 'frontmatter'>): string[] {
  const ids = [...story.body.matchAll(FIG_TAG)].map((m) => m[1]!);
  for (const c of story.frontmatter.charts) ids.push(...chartRowIds(c));
  return [...new Set(ids)];
}
