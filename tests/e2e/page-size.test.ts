// Pages that stay small as the corpus grows: a synthetic corpus shaped like the real data (the scale
// benchmark's, scripts/bench/_corpus.ts) is built with only the pages that list or count cases
// (ATLAS_INDEXES_ONLY=1), and what each page costs a reader (HTML + scripts + styles + the data its script
// fetches first, gzip) is compared with the same page of the real site (18 cases). The paged case index
// is walked through its plain links.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateCorpus } from '../../scripts/bench/_corpus.ts';
import { pageCost } from '../../scripts/bench/_measure.ts';
import { PAGE_SIZE } from '../../src/lib/listing.ts';
import { COMPARE_TOP } from '../../src/charts/compare.ts';
import type { CompareSummary } from '../../src/charts/compare-shards.ts';
import { serveStatic, type StaticServer } from '../../src/lib/serve.ts';
import { ROOT } from '../helpers/fixture.ts';
import { launch, watchErrors } from './browser.ts';
import type { Browser } from 'playwright-core';
import Papa from 'papaparse';

/** Enough cases for every aggregation and for paging (PAGE_SIZE 30 → 40 pages per order), small enough to build in about a minute. */
const N = 1200;
/** The bound: a page at N cases costs at most this many times the same page at 18 cases. */
const RATIO = 1.5;

const real = inject('distDir');
let dir: string;
let big: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-page-size-'));
  const c = generateCorpus(ROOT, dir, N);
  big = join(dir, 'dist');
  const env: NodeJS.ProcessEnv = { ...process.env, ATLAS_OUT_DIR: big, ATLAS_DATA_DIR: c.data, ATLAS_CONTENT_DIR: c.content, ATLAS_SOURCES_DIR: c.sources, ATLAS_INDEXES_ONLY: '1', SITE: 'http://localhost:4321' };
  for (const k of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'ASSETS_PREFIX']) delete env[k];
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--silent'], { cwd: ROOT, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building the ${N}-case corpus failed:\n${r.stdout}\n${r.stderr}`);
}, 600_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const gzCache = new Map<string, number>();
const gz = (f: string) => {
  let n = gzCache.get(f);
  if (n === undefined) gzCache.set(f, (n = gzipSync(readFileSync(f), { level: 6 }).byteLength));
  return n;
};
const cost = (dist: string, rel: string) => pageCost(dist, rel, gz).total;
const largest = (dist: string, rels: string[]) => Math.max(...rels.map((r) => cost(dist, r)));
const pagesUnder = (dist: string, sub: string): string[] => {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dist, rel), { withFileTypes: true })) {
      const next = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(next);
      else if (e.name === 'index.html') out.push(next);
    }
  };
  walk(sub);
  return out;
};
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

describe(`page sizes at ${N} cases stay within ×${RATIO} of the real site's (18 cases)`, () => {
  const types: [string, (dist: string) => string[]][] = [
    ['home', () => ['en/index.html', 'zh/index.html']],
    ['themes index', () => ['en/themes/index.html', 'zh/themes/index.html']],
    ['regions index', () => ['en/regions/index.html', 'zh/regions/index.html']],
    // a theme's page: its map aggregates, its figure panels draw the largest figures, its list the newest cases
    ['theme', (dist) => [...pagesUnder(dist, 'en/themes'), ...pagesUnder(dist, 'zh/themes')].filter((p) => /^(en|zh)\/themes\/[^/]+\/index\.html$/.test(p))],
    ['case index (every page of every listing and facet)', (dist) => [...pagesUnder(dist, 'en/cases'), ...pagesUnder(dist, 'zh/cases')].filter((p) => !/^(en|zh)\/cases\/[^/]+\/index\.html$/.test(p) || /\/by-[a-z]+\//.test(p))],
    ['compare (the default page and every indicator’s page)', (dist) => [...pagesUnder(dist, 'en/compare'), ...pagesUnder(dist, 'zh/compare')]],
    // one page per chart for other sites' iframes: the map, the timeline, the theme matrix, each region's and theme's map, each case's key figures
    ['embed (every chart’s embed page)', (dist) => [...pagesUnder(dist, 'en/embed'), ...pagesUnder(dist, 'zh/embed')]],
  ];
  for (const [type, pages] of types)
    it(type, () => {
      const small = largest(real, pages(real));
      const large = largest(big, pages(big));
      expect(large, `${type}: ${kib(large)} at ${N} cases vs ${kib(small)} at 18`).toBeLessThanOrEqual(small * RATIO);
    });

  it('the comparison page fetches the summary of the indicator it shows: its default places’ figures, not every figure', () => {
    for (const lang of ['en', 'zh']) {
      expect(existsSync(join(big, lang, 'compare', 'data.json'))).toBe(false);
      const html = readFileSync(join(big, lang, 'compare', 'index.html'), 'utf8');
      const shown = /data-indicator="([^"]+)"/.exec(html)![1]!;
      expect(html).toContain(`data-json="/${lang}/compare/data/${shown}.json"`);
      const files = readdirSync(join(big, lang, 'compare', 'data')).filter((f) => f.endsWith('.json'));
      expect(files.length).toBeGreaterThan(2);
      const index = JSON.parse(readFileSync(join(big, lang, 'compare', 'indicators.json'), 'utf8')) as { indicators: { id: string; count: number; rows?: unknown }[] };
      expect(index.indicators.map((i) => `${i.id}.json`).sort()).toEqual(files.sort());
      expect(index.indicators.every((i) => i.rows === undefined && i.count >= 2)).toBe(true);
      const one = JSON.parse(readFileSync(join(big, lang, 'compare', 'data', `${shown}.json`), 'utf8')) as CompareSummary;
      expect(one.id).toBe(shown);
      expect(one.rowCount).toBe(index.indicators.find((i) => i.id === shown)!.count);
      expect(one.complete).toBe(false);
      expect(one.defaultPlaces).toHaveLength(COMPARE_TOP);
      expect(new Set(one.rows.map((r) => r.place))).toEqual(new Set(one.defaultPlaces));
      // the rest is in one file per province, each fetched only when asked for
      const shards = one.shards.map((k) => JSON.parse(readFileSync(join(big, lang, 'compare', 'data', shown, `s-${k}.json`), 'utf8')) as unknown[]);
      expect(shards.length).toBeGreaterThan(20);
      expect(shards.reduce((a, r) => a + r.length, 0)).toBe(one.rowCount);
      expect(Math.max(...shards.map((r) => r.length))).toBeLessThan(one.rowCount / 10);
    }
  });

  it('the static comparison draws a bounded set of bars, says how many of how many, and links every figure', () => {
    for (const lang of ['en', 'zh'] as const) {
      const html = readFileSync(join(big, lang, 'compare', 'index.html'), 'utf8');
      const shown = /data-indicator="([^"]+)"/.exec(html)![1]!;
      const bars = [...html.matchAll(/class="bar-row" data-obs="([^"]+)"/g)].map((m) => m[1]!);
      const rows = [...html.matchAll(/<tr data-obs="([^"]+)" data-place="([^"]+)"/g)];
      expect(new Set(rows.map((m) => m[2])).size).toBe(COMPARE_TOP);
      expect(bars).toEqual(rows.map((m) => m[1]));
      // no place picker rendered as one box per place
      expect(html).not.toContain('name="place"');
      const note = html.slice(html.indexOf('data-compare-bounded'), html.indexOf('</p>', html.indexOf('data-compare-bounded')));
      expect(note).not.toMatch(/^data-compare-bounded[^>]*hidden/);
      expect(note).toContain(lang === 'en' ? `${COMPARE_TOP} of 1,200 places shown` : `共1200个地点，显示数字最大的${COMPARE_TOP}个`);
      expect(note).toContain(`href="/${lang}/compare/${shown}.csv"`);
      expect(note).toContain(`href="/${lang}/data/"`);
      // the CSV stays whole: every figure of the indicator
      const csv = Papa.parse<Record<string, string>>(readFileSync(join(big, lang, 'compare', `${shown}.csv`), 'utf8'), { header: true, skipEmptyLines: true });
      expect(csv.data).toHaveLength(N);
      // the bars are the largest figures: their values are the CSV's first (largest-first) values; which of
      // several equal figures is drawn is a tie-break, not part of the rule
      const valueOf = new Map(csv.data.map((r) => [r.observation, Number(r.value)]));
      expect(bars.map((b) => valueOf.get(b)!).sort((a, b) => b - a)).toEqual(csv.data.slice(0, bars.length).map((r) => Number(r.value)));
    }
    // the real site, where no indicator has more places than that, shows every figure and no such line
    const real18 = readFileSync(join(real, 'en', 'compare', 'index.html'), 'utf8');
    expect(real18).toMatch(/data-compare-bounded hidden/);
  });
});

describe('the comparison at 1,200 cases, in the browser', () => {
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await serveStatic(big, { port: 0 });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('fetches a province’s figures only when a place in it is picked, and again on reload from the address', async () => {
    const context = await browser.newContext();
    const problems = watchErrors(context);
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/compare/')) fetched.push(new URL(r.url()).pathname);
    });
    await page.goto(`${server.url}en/compare/`);
    await page.waitForSelector('#fig-compare[data-ready="true"]');
    const ind = /data-indicator="([^"]+)"/.exec(await page.content())![1]!;
    const summary = JSON.parse(readFileSync(join(big, 'en', 'compare', 'data', `${ind}.json`), 'utf8')) as CompareSummary;
    // first load: the page, the list of indicators and the indicator's summary — no province, directory or name file
    expect(fetched.filter((f) => f.endsWith('.json')).sort()).toEqual([`/en/compare/data/${ind}.json`, '/en/compare/indicators.json']);
    const chips = () => page.$$eval('#fig-compare [data-chips] li[data-place]', (cs) => cs.map((c) => (c as HTMLElement).dataset.place!).sort());
    expect(await chips()).toEqual([...summary.defaultPlaces].sort());

    // a place that is not shown: find it by name, pick it with the keyboard
    const csv = Papa.parse<Record<string, string>>(readFileSync(join(big, 'en', 'compare', `${ind}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data;
    const other = csv.find((r) => !summary.defaultPlaces.includes(r.place_id!))!;
    // its province: the first segment of its chain under the country (src/charts/compare-shards.ts)
    const shards = summary.shards.filter((k) => existsSync(join(big, 'en', 'compare', 'data', ind, `s-${k}.json`)) && (JSON.parse(readFileSync(join(big, 'en', 'compare', 'data', ind, `s-${k}.json`), 'utf8')) as { place: string }[]).some((r) => r.place === other.place_id));
    expect(shards).toHaveLength(1);
    const shard = shards[0]!;
    fetched.length = 0;
    await page.locator('#compare-place-input').click();
    await page.keyboard.type(other.place!);
    await page.waitForSelector(`#compare-place-list [role=option][data-place="${other.place_id}"]`);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => new URLSearchParams(location.search).get('places')?.split(',').includes(id), other.place_id!);
    await page.waitForSelector('#fig-compare[data-ready="true"]');
    expect(await chips()).toEqual([...summary.defaultPlaces, other.place_id!].sort());
    expect(await page.locator(`#fig-compare [data-chart-body] .bar-row[data-obs="${other.observation}"]`).count()).toBe(1);
    const jsonFetched = () => fetched.filter((f) => f.endsWith('.json')).map((f) => f.replace(`/en/compare/data/${ind}/`, ''));
    // which name files there are, the name files on the way (“Vi”, then as more is typed the longer prefixes), then the province's figures
    const got = jsonFetched();
    expect(got[0]).toBe('n.json');
    expect(got.slice(1, -1).every((f) => f.startsWith('n-'))).toBe(true);
    expect(got.slice(1, -1).length).toBeGreaterThanOrEqual(1);
    expect(got.at(-1)).toBe(`s-${shard}.json`);
    expect(await page.textContent('[data-compare-bounded]')).toContain(`${COMPARE_TOP + 1} of 1,200 places shown`);

    // reload: the address's places are found through the directory, and only their province's file is read
    fetched.length = 0;
    await page.reload();
    await page.waitForSelector('#fig-compare[data-ready="true"]');
    expect(await chips()).toEqual([...summary.defaultPlaces, other.place_id!].sort());
    const after = jsonFetched();
    expect(after.filter((f) => f.startsWith('s-'))).toEqual([`s-${shard}.json`]);
    expect(after.filter((f) => /^d\d+\.json$/.test(f)).length).toBeGreaterThanOrEqual(1);
    expect(after.filter((f) => f.startsWith('n-'))).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});

describe('the paged case index, through its plain links', () => {
  const hrefs = (html: string, re: RegExp) => [...html.matchAll(re)].map((m) => m[1]!);
  const read = (path: string) => readFileSync(join(big, path.replace(/^\//, ''), 'index.html'), 'utf8');
  /** The case links of a listing page: the headings of its case list. */
  const casesOn = (html: string) => hrefs(html.slice(html.indexOf('class="case-list"'), html.indexOf('</ul>', html.indexOf('class="case-list"'))), /<a href="(\/(?:en|zh)\/cases\/case-\d+\/)"/g);
  /** Follow rel="next" from a listing's first page; every page it reaches, in order. */
  const walk = (first: string) => {
    const seen: string[] = [];
    let at: string | undefined = first;
    while (at) {
      expect(seen, `the pager loops back to ${at}`).not.toContain(at);
      seen.push(at);
      at = /<a href="([^"]+)" rel="next"/.exec(read(at))?.[1];
    }
    return seen;
  };

  for (const lang of ['en', 'zh'] as const)
    it(`${lang}: every case once, ${PAGE_SIZE} a page, by name and by date`, () => {
      for (const first of [`/${lang}/cases/`, `/${lang}/cases/by-date/`]) {
        const pages = walk(first);
        expect(pages).toHaveLength(Math.ceil(N / PAGE_SIZE));
        const listed = pages.flatMap((p) => casesOn(read(p)));
        expect(listed).toHaveLength(N);
        expect(new Set(listed).size).toBe(N);
        for (const p of pages.slice(0, -1)) expect(casesOn(read(p))).toHaveLength(PAGE_SIZE);
        // the pager of a middle page links the first and last pages and its neighbours, and marks itself
        const mid = read(pages[5]!);
        const pager = mid.slice(mid.indexOf('data-pager'), mid.indexOf('</nav>', mid.indexOf('data-pager')));
        expect(pager).toContain(`href="${pages[0]}"`);
        expect(pager).toContain(`href="${pages.at(-1)}"`);
        expect(pager).toContain(`href="${pages[4]}" rel="prev"`);
        expect(pager).toMatch(new RegExp(`href="${pages[5]}" aria-current="page"`));
      }
    });

  it('each facet value lists exactly its cases, page by page; the overview counts add up', () => {
    const overview = read('/en/cases/by-theme/');
    const values = [...overview.matchAll(/<a href="(\/en\/cases\/theme\/[^"]+\/)">[^<]+<\/a><span class="small"> \((\d+) cases?\)/g)].map((m) => ({ href: m[1]!, count: Number(m[2]) }));
    expect(values.length).toBeGreaterThan(3);
    for (const v of values) {
      const listed = walk(v.href).flatMap((p) => casesOn(read(p)));
      expect(new Set(listed).size).toBe(v.count);
      expect(listed).toHaveLength(v.count);
    }
    // every case has one or two themes: the themes' counts add up to between N and 2N
    const sum = values.reduce((a, v) => a + v.count, 0);
    expect(sum).toBeGreaterThanOrEqual(N);
    expect(sum).toBeLessThanOrEqual(2 * N);
    for (const facet of ['province', 'year', 'level']) {
      const page = read(`/zh/cases/by-${facet}/`);
      const counts = [...page.matchAll(/<span class="small">（(\d+)个案例）<\/span>/g)].map((m) => Number(m[1]));
      expect(counts.reduce((a, b) => a + b, 0), `zh/cases/by-${facet}/`).toBe(N);
    }
  });

  it('the RSS feed carries the 50 newest cases, newest first, not every case', () => {
    const xml = readFileSync(join(big, 'en', 'rss.xml'), 'utf8');
    const links = hrefs(xml, /<item><title>[^<]*<\/title><link>[^<]*(\/en\/cases\/case-\d+\/)<\/link>/g);
    expect(links).toHaveLength(50);
    expect(links.slice(0, PAGE_SIZE)).toEqual(casesOn(read('/en/cases/by-date/')));
  });

  it('the old addresses of the views are the first pages of the new listings', () => {
    for (const v of ['', 'by-date/', 'by-province/', 'by-theme/']) expect(existsSync(join(big, 'en', 'cases', v, 'index.html')), `/en/cases/${v}`).toBe(true);
    for (const v of ['', 'by-date/', 'by-province/', 'by-theme/']) expect(existsSync(join(real, 'en', 'cases', v, 'index.html')), `/en/cases/${v}`).toBe(true);
  });
});
