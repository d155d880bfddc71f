// Data stories in the built site: each story in both languages with its charts, figures that link to rows of
// its figures table, charts legible on a 360 px phone without sideways scrolling, CSV downloads that hold the
// chart's rows, and the stories' place in the index, the home page, the navigation, search, feeds, sitemap
// and preview images.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { loadProject } from '../../src/lib/load.ts';
import { parseCsv } from '../../src/lib/csv.ts';
import { readStoryFiles } from '../../src/lib/stories.ts';
import { validateStories } from '../../src/lib/validate-stories.ts';
import { STORY_CSV_COLUMNS } from '../../src/charts/story.ts';
import { ROOT } from '../helpers/fixture.ts';
import { loadPagefind, resultUrls } from '../helpers/pagefind.ts';
import { launch, watchErrors } from './browser.ts';

const site = inject('siteUrl');
const dist = inject('distDir');
const url = (path: string) => new URL(path, site).href;
const { stories } = validateStories(loadProject(ROOT), readStoryFiles(ROOT));
const slugs = [...new Set(stories.map((s) => s.slug))].sort();
const LANGS = ['en', 'zh'] as const;

let browser: Browser;
let context: BrowserContext;
let problems: string[];
beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  problems = watchErrors(context);
});
afterAll(async () => {
  await browser?.close();
});

describe('story pages', () => {
  it('there are at least three stories, each in both languages', () => {
    expect(slugs.length).toBeGreaterThanOrEqual(3);
    for (const slug of slugs) for (const lang of LANGS) expect(existsSync(join(dist, lang, 'stories', slug, 'index.html')), `${lang}/${slug}`).toBe(true);
  });

  for (const slug of slugs)
    for (const lang of LANGS)
      it(`/${lang}/stories/${slug}/: charts, linked figures, no sideways scroll and legible chart text at 360 px`, async () => {
        const before = problems.length;
        const page = await context.newPage();
        await page.goto(url(`${lang}/stories/${slug}/`));
        const story = stories.find((s) => s.slug === slug && s.lang === lang)!;
        expect(await page.locator('h1').textContent()).toBe(story.frontmatter.title);

        // at least two charts, each with a table and a CSV download
        const charts = page.locator('figure.chart[data-story-chart]');
        expect(await charts.count()).toBe(story.frontmatter.charts.length);
        expect(story.frontmatter.charts.length).toBeGreaterThanOrEqual(2);

        // every figure in the text and every value in a chart links to a row of the figures table on the page
        const targets = await page.$$eval('a.fig, figure.chart[data-story-chart] svg a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
        expect(targets.length).toBeGreaterThan(5);
        for (const href of targets) {
          expect(href, href).toMatch(/^#obs-/);
          expect(await page.locator(`tr[id="${href.slice(1)}"]`).count(), href).toBe(1);
        }

        // the page links to every case it draws on
        const caseLinks = await page.$$eval('a[href*="/cases/"]', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
        for (const c of story.frontmatter.cases) expect(caseLinks).toContain(new URL(url(`${lang}/cases/${c}/`)).pathname);

        // no horizontal overflow on a phone
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

        // chart text as rendered: at least 11 px, and inside the drawing
        const sizes = await page.$$eval('figure.chart[data-story-chart] svg.chart-svg', (svgs) =>
          svgs.flatMap((svg) => {
            const box = svg.getBoundingClientRect();
            const scale = box.width / (svg as SVGSVGElement).viewBox.baseVal.width;
            return [...svg.querySelectorAll('text')].map((t) => {
              const r = t.getBoundingClientRect();
              return { size: Number(t.getAttribute('font-size')) * scale, left: r.left - box.left, right: box.right - r.right, text: t.textContent };
            });
          }),
        );
        expect(sizes.length).toBeGreaterThan(10);
        for (const s of sizes) {
          expect(s.size, s.text ?? '').toBeGreaterThanOrEqual(10.99);
          expect(s.left, s.text ?? '').toBeGreaterThanOrEqual(-1);
          expect(s.right, s.text ?? '').toBeGreaterThanOrEqual(-1);
        }
        // the SVG and PNG downloads of a chart of panels export all its panels, stacked
        for (const fig of await page.locator('figure.chart[data-story-chart="panels"]').all()) {
          const heights = await fig.locator('.story-chart svg').evaluateAll((svgs) => svgs.map((s) => Number(s.getAttribute('height'))));
          const exported = await fig.locator('[data-chart-body] svg').first().getAttribute('height');
          if (heights.length > 1) expect(Number(exported)).toBe(heights.reduce((a, b) => a + b, 0) + 16 * (heights.length - 1));
        }
        expect(problems.slice(before)).toEqual([]);
        await page.close();
      });

  it('each chart’s CSV holds the rows of its table, in order', async () => {
    const page = await context.newPage();
    for (const lang of LANGS) {
      await page.goto(url(`${lang}/stories/${slugs[0]}/`));
      const charts = await page.$$eval('figure.chart[data-story-chart]', (figs) =>
        figs.map((f) => ({ csv: (f.querySelector('a[data-download="csv"]') as HTMLAnchorElement).href, rows: [...f.querySelectorAll('table tbody tr')].map((tr) => tr.getAttribute('data-obs')) })),
      );
      for (const c of charts) {
        const res = await fetch(c.csv);
        expect(res.status).toBe(200);
        const parsed = parseCsv(await res.text(), STORY_CSV_COLUMNS);
        expect(parsed.problems).toEqual([]);
        expect(parsed.rows.map((r) => r.record.observation)).toEqual(c.rows);
      }
    }
    await page.close();
  });
});

describe('where stories appear', () => {
  it('the story index of each language lists every story', async () => {
    const page = await context.newPage();
    for (const lang of LANGS) {
      await page.goto(url(`${lang}/stories/`));
      const links = await page.$$eval('.story-list a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      for (const slug of slugs) expect(links).toContain(new URL(url(`${lang}/stories/${slug}/`)).pathname);
      // the navigation marks the stories section as current
      expect(await page.locator('header nav a[aria-current="page"]').getAttribute('href')).toMatch(/\/stories\/$/);
    }
    await page.close();
  });

  it('the home page features stories and every page’s navigation links to them', async () => {
    const page = await context.newPage();
    for (const lang of LANGS) {
      await page.goto(url(`${lang}/`));
      expect(await page.locator('.featured-stories .story-list li').count()).toBeGreaterThan(0);
      expect(await page.locator(`header nav a[href$="/${lang}/stories/"]`).count()).toBe(1);
    }
    await page.close();
  });

  it('search finds the stories on their topics in both languages, and the kind filter selects exactly the stories', async () => {
    const queries: Record<(typeof LANGS)[number], [string, string][]> = {
      en: [['arena contest', 'arena-contests'], ['abandoned compounds', 'three-no-compounds'], ['collective income', 'village-money-and-people']],
      zh: [['擂台', 'arena-contests'], ['弃管小区', 'three-no-compounds'], ['集体收入', 'village-money-and-people']],
    };
    for (const lang of LANGS) {
      const pf = await loadPagefind(site, lang);
      for (const [q, slug] of queries[lang]) {
        if (!slugs.includes(slug)) continue;
        const urls = await resultUrls(pf, q);
        expect(urls, q).toContain(new URL(url(`${lang}/stories/${slug}/`)).pathname);
      }
      const onlyStories = await resultUrls(pf, null, { filters: { kind: 'story' } });
      expect(onlyStories.sort()).toEqual(slugs.map((s) => new URL(url(`${lang}/stories/${s}/`)).pathname).sort());
    }
  });
});
