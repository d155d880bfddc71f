// Hostile strings planted in a copy of the data come out as inert, escaped text on every page that shows them,
// including the two places where data enters the page at run time: the comparison chart (drawn from
// compare/indicators.json and compare/data/<indicator>.json) and search results (from the Pagefind index built over the fixture).
// Plant: in src/charts/render-svg.ts (or src/browser/search.ts) write text with el.innerHTML = … instead of
// textContent — the payload runs (window.__pwned is set) and the compare or search test below fails.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../src/lib/serve.ts';
import { fixtureCopy, ROOT } from '../helpers/fixture.ts';
import { htmlFiles, readText } from '../helpers/site.ts';
import { launch } from './browser.ts';

const TITLE = `<script>window.__pwned=1</script>"'><b>`;
const SUMMARY = `" onmouseover="window.__pwned=2" x="`;
const PLACE = `<img src=x onerror="window.__pwned=3">`;
const LABEL = `javascript:window.__pwned=4`;
const THEME = `</a><svg onload="window.__pwned=5">`;
const HEADLINE = `"><iframe src="javascript:window.__pwned=6"></iframe>`;
const DATE_NOTE = `</p><img src=x onerror="window.__pwned=7"><p title="`;
const BETA = `<img src=x onerror="window.__pwned=7">Beta`;
const INDICATOR = `<script>window.__pwned=8</script>Contest participants`;
const LABEL2 = `</text><image href=x onerror="window.__pwned=9"/>`;

let fixture: ReturnType<typeof fixtureCopy>;
let out: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  fixture = fixtureCopy();
  const yaml = (s: string) => JSON.stringify(s);
  for (const f of ['content/cases/en/alpha.mdx', 'content/cases/zh/alpha.mdx']) {
    fixture.edit(f, /^title: .*$/m, `title: ${yaml(TITLE)}`);
    fixture.edit(f, /^summary: .*$/m, `summary: ${yaml(SUMMARY)}`);
    fixture.edit(f, /^events: .*$/m, `events: { date: "2020-06", basis: inferred, note_en: ${yaml(DATE_NOTE)}, note_zh: ${yaml(DATE_NOTE)} }`);
  }
  const csv = (s: string) => `"${s.replace(/"/g, '""')}"`;
  fixture.edit('data/places.csv', 'alpha,Alpha,阿尔法县', `alpha,${csv(PLACE)},${csv(PLACE)}`);
  fixture.edit('data/observations.csv', 'Party organisations in the contest,参赛党组织', `${csv(LABEL)},${csv(LABEL)}`);
  fixture.edit('data/themes.csv', 'contests,Contests and arena competitions,擂台比武', `contests,${csv(THEME)},${csv(THEME)}`);
  // A second place with the contest indicator makes it comparable: the compare chart draws both hostile places.
  fixture.edit('data/places.csv', 'alpha-beta,Beta village,贝塔村', `alpha-beta,${csv(BETA)},${csv(BETA)}`);
  fixture.edit('data/indicators.csv', 'contest_participants,Contest participants,参赛人数（组织数）', `contest_participants,${csv(INDICATOR)},${csv(INDICATOR)}`);
  fixture.edit('data/observations.csv', /\n?$/, `\nalpha-beta-contestants,alpha,alpha-beta,contest_participants,12,个,exact,,2020,stated,s000-alpha,${csv(LABEL2)},${csv(LABEL2)},,\n`);
  fixture.edit('data/sources.csv', '阿尔法县开展擂台比武,Alpha County holds an arena contest', `${csv(HEADLINE)},${csv(HEADLINE)}`);
  out = join(ROOT, '.tmp', 'hostile-dist');
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.ts')], {
    cwd: ROOT,
    env: { ...process.env, ATLAS_OUT_DIR: out, ATLAS_DATA_DIR: join(fixture.dir, 'data'), ATLAS_CONTENT_DIR: join(fixture.dir, 'content', 'cases'), ATLAS_SOURCES_DIR: join(fixture.dir, 'sources') },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`hostile fixture build failed:\n${r.stdout}\n${r.stderr}`);
  server = await serveStatic(out, { port: 0 });
  browser = await launch();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  fixture?.remove();
});

describe('hostile data', () => {
  it('never reaches the HTML as markup', () => {
    const files = htmlFiles(out);
    let shown = 0;
    for (const file of files) {
      const html = readText(out, file);
      const found: string[] = [];
      // Parse the page as a browser would and look for any element or attribute the data could have planted.
      const parser = new Parser({
        onopentag(name, attrs) {
          if (['img', 'iframe', 'b'].includes(name)) found.push(`<${name}>`); // charts draw <svg>; a planted one is caught by its on* attribute
          for (const [k, v] of Object.entries(attrs)) {
            if (/^on/i.test(k)) found.push(`${name}[${k}]`);
            if ((k === 'href' || k === 'src') && /^\s*javascript:/i.test(v)) found.push(`${name}[${k}=${v}]`);
          }
        },
        ontext(text) {
          if (text.includes('__pwned')) shown++;
        },
      });
      // Executable script must never carry the data; a JSON-LD data block may, escaped so it cannot end the element.
      let script: 'none' | 'code' | 'json' = 'none';
      let json = '';
      const scriptParser = new Parser({
        onopentag(name, attrs) {
          script = name !== 'script' ? 'none' : attrs.type === 'application/ld+json' ? 'json' : 'code';
          json = '';
        },
        ontext(text) {
          if (script === 'code' && text.includes('__pwned')) found.push('script text');
          if (script === 'json') json += text;
        },
        onclosetag(name) {
          if (name === 'script' && script === 'json') {
            if (json.includes('<')) found.push('unescaped < in JSON-LD');
            JSON.parse(json);
          }
          script = 'none';
        },
      });
      parser.end(html);
      scriptParser.end(html);
      expect(found, file).toEqual([]);
    }
    expect(shown).toBeGreaterThan(5); // the strings are on the pages, as text
  });

  for (const path of ['en/', 'en/cases/alpha/', 'zh/cases/alpha/', 'en/cases/by-theme/', 'en/themes/', 'en/themes/contests/', 'en/regions/', 'en/regions/alpha/', 'zh/cases/']) {
    it(`/${path} shows the strings as text and runs none of them`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(new URL(path, server.url).href);
      await page.hover('body');
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
      const text = (await page.textContent('body')) ?? '';
      expect(text.includes(TITLE) || text.includes(PLACE) || text.includes(THEME)).toBe(true);
      await context.close();
    });
  }

  /** A page with a dialog and script watch: what ran, and what was asked of the reader. */
  async function open(path: string) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(new URL(path, server.url).href);
    const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
    return { context, page, dialogs, pwned };
  }

  for (const lang of ['en', 'zh']) {
    it(`the comparison chart, drawn in the browser from its indicator's JSON file, shows hostile places and labels as text (${lang})`, async () => {
      // sort by name and log scale differ from the static default, so the script redraws the chart from the JSON
      const { context, page, dialogs, pwned } = await open(`${lang}/compare/?indicator=contest_participants&sort=name&scale=log`);
      await page.locator('#fig-compare[data-ready="true"] [data-chart-body] svg').waitFor({ state: 'visible' });
      const svg = page.locator('#fig-compare [data-chart-body] svg');
      const svgText = (await svg.textContent()) ?? '';
      // the chart shortens long names with “…”; the start of each, markup characters included, is drawn as text
      expect(svgText).toContain(PLACE.slice(0, 20));
      expect(svgText).toContain(BETA.slice(0, 20));
      expect(svgText).toContain(LABEL2.slice(0, 20));
      expect(await page.locator('#fig-compare [data-chart-body] svg image, #fig-compare [data-chart-body] svg img, #fig-compare img, #fig-compare script:not([type="module"][src*="/_astro/"])').count()).toBe(0);
      const table = (await page.locator('[data-compare-table] tbody').textContent()) ?? '';
      for (const x of [PLACE, BETA, LABEL2]) expect(table).toContain(x);
      expect(await page.locator('select[name="indicator"] option:checked').textContent()).toBe(INDICATOR);
      expect(await page.locator('#fig-compare .chart-title').textContent()).toBe(INDICATOR);
      await svg.hover();
      expect(await pwned()).toBeUndefined();
      expect(dialogs).toEqual([]);
      await context.close();
    });

    it(`search results from the fixture's Pagefind index show hostile titles and places as text (${lang})`, async () => {
      const { context, page, dialogs, pwned } = await open(`${lang}/search/?q=pwned`);
      const result = page.locator('[data-search-results] li').first();
      await result.waitFor({ state: 'visible' });
      const text = (await page.locator('[data-search-results]').textContent()) ?? '';
      expect(text).toContain(TITLE);
      expect(text).toContain(PLACE);
      expect(await page.locator('[data-search-results] a').first().textContent()).toBe(TITLE);
      expect(await page.locator('[data-search-results] :is(script, img, iframe, svg, b)').count()).toBe(0);
      await result.hover();
      expect(await pwned()).toBeUndefined();
      expect(dialogs).toEqual([]);
      await context.close();
    });
  }

  it('the case page shows every hostile field verbatim as text', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(new URL('en/cases/alpha/', server.url).href);
    expect(await page.textContent('h1')).toBe(TITLE);
    expect(await page.textContent('.lede')).toBe(SUMMARY);
    expect(await page.getAttribute('meta[name="description"]', 'content')).toBe(SUMMARY);
    const body = (await page.textContent('body')) ?? '';
    for (const s of [PLACE, LABEL, THEME, HEADLINE, DATE_NOTE]) expect(body).toContain(s);
    // the events' date note, opened: text, not markup
    await page.click('[data-date-kind=events] .date-inferred summary');
    expect(await page.textContent('[data-date-kind=events] .date-inferred p')).toBe(DATE_NOTE);
    await context.close();
  });
});
