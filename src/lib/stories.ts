/**
 * Data stories: content/stories/<lang>/<slug>.mdx. A story's frontmatter names its title, summary,
 * the cases it draws on, its themes and its charts; each chart lists the observation rows it is made
 * from. The prose places a chart with <Chart id="…" />, every figure with <Fig id="…" />, and links to
 * a case with <CaseLink slug="…">…</CaseLink>.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { z } from 'zod';
import type { Lang } from './i18n.ts';

/** Chart forms a story can use; each is a pure function of its rows (src/charts/story.ts). */
export const STORY_CHART_KINDS = ['bars', 'panels', 'periods'] as const;
export type StoryChartKind = (typeof STORY_CHART_KINDS)[number];

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a lowercase ASCII slug (a-z, 0-9, hyphens)');
const required = z.string().min(1, 'a non-empty value');

/** A row of a chart: an observation id, or an id with a short label for the chart (the full label stays in the table). */
export const storyRowSchema = z.union([slug, z.object({ id: slug, label: required })]);
export type StoryRowSpec = z.output<typeof storyRowSchema>;

export const storyPanelSchema = z.object({ title: required, rows: z.array(storyRowSchema).min(1, 'at least one row') });

export const storyChartSchema = z.object({
  id: slug,
  kind: z.enum(STORY_CHART_KINDS),
  title: required,
  desc: required,
  notes: z.array(z.string()).default([]),
  /** bars and periods: the rows; panels: one list per panel. */
  rows: z.array(storyRowSchema).default([]),
  panels: z.array(storyPanelSchema).default([]),
});
export type StoryChartSpec = z.output<typeof storyChartSchema>;

export const storyFrontmatterSchema = z.object({
  title: required,
  summary: required.max(300, 'at most 300 characters'),
  /** Cases the story draws on; the page links to each. */
  cases: z.array(slug).min(1, 'at least one case'),
  themes: z.array(slug).default([]),
  /** Place on the home page's featured list (lower first); stories without it are not featured. */
  featured: z.number().int().positive().optional(),
  /** Printed names containing digits that the prose may quote without <Term>. */
  names: z.array(z.string()).default([]),
  charts: z.array(storyChartSchema).min(2, 'at least two charts'),
});
export type StoryFrontmatter = z.output<typeof storyFrontmatterSchema>;

export interface StoryDoc {
  slug: string;
  lang: Lang;
  path: string;
  frontmatter: StoryFrontmatter;
  body: string;
}

export interface StoryFile {
  /** Path shown in messages, relative to the project root. */
  path: string;
  text: string;
}

export const rowId = (r: StoryRowSpec): string => (typeof r === 'string' ? r : r.id);
export const rowLabel = (r: StoryRowSpec): string | undefined => (typeof r === 'string' ? undefined : r.label);

/** Every row id a chart is made from, in order. */
export function chartRowIds(c: StoryChartSpec): string[] {
  return c.kind === 'panels' ? c.panels.flatMap((p) => p.rows.map(rowId)) : c.rows.map(rowId);
}

/**
 * Where story files are read from: ATLAS_STORIES_DIR; else, when another corpus is in use
 * (ATLAS_CONTENT_DIR), its sibling `stories` directory; else content/stories.
 */
export function storiesDir(root: string): string {
  const env = process.env.ATLAS_STORIES_DIR;
  if (env) return isAbsolute(env) ? env : resolve(root, env);
  const content = process.env.ATLAS_CONTENT_DIR;
  if (content) return join(isAbsolute(content) ? content : resolve(root, content), '..', 'stories');
  return join(root, 'content', 'stories');
}

/** content/stories/<lang>/*.mdx of a project, sorted. */
export function readStoryFiles(root: string, dir = storiesDir(root)): StoryFile[] {
  const out: StoryFile[] = [];
  if (!existsSync(dir)) return out;
  for (const lang of readdirSync(dir).sort()) {
    const sub = join(dir, lang);
    let names: string[];
    try {
      names = readdirSync(sub).sort();
    } catch {
      continue;
    }
    for (const f of names) if (f.endsWith('.mdx')) out.push({ path: relative(root, join(sub, f)), text: readFileSync(join(sub, f), 'utf8') });
  }
  return out;
}
