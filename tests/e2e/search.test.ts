// The search page in Chromium: typing a query, results with highlighted excerpts, filters with counts, sorting,
// the search kept in the URL (reload and history), the header search box, the cross-language queries on both
// language pages, and the page without JavaScript.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadProject } from '../../src/lib/load.ts';
import { ROOT } from '../helpers/fixture.ts';
import { launch, watchErrors } from './browser.ts';

const site = inject('siteUrl');
const url = (path: string) => new URL(path, site).href;
const data = loadProject(ROOT);
const slugs = new Set(data.cases.map((c) => c.slug));
const threeNo = [...new Set([...['lianjiang', 'jiangyang', 'maonan', 'shuangliao'].filter((s) => slugs.has(s)), ...data.cases.filter((c) => c.frontmatter.themes.includes('three-no-communities')).map((c) => c.slug)])].sort();
const provinceOf = (slug: string) => {
  const place = data.cases.find((c) => c.slug === slug)!.frontmatter.place;
  let p = data.places.find((x) => x.id === place);
  while (p && p.level !== 'province') p = data.places.find((x) => x.id === p!.parent);
  return p?.id;
};

let browser: Browser;
let context: BrowserContext;
let problems: string[];

beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext();
  problems = watchErrors(context);
});
afterAll(async () => {
  await browser?.close();
});

/** Wait until the search has settled, then return the case slugs and all result paths shown. */
async function results(page: Page): Promise<{ paths: string[]; cases: string[]; status: string }> {
  await page.waitForFunction(() => {
    const root = document.querySelector('[data-search]');
    const status = document.querySelector('[data-search-status]')?.textContent ?? '';
    return root && !root.hasAttribute('aria-busy') && status !== '' && !/Searching|正在搜索/.test(status);
  });
  const paths = await page.$$eval('[data-search-results] li h2 a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  const cases = paths.map((p) => /\/(?:en|zh)\/cases\/([^/]+)\/$/.exec(p)?.[1]).filter((s): s is string => !!s);
  return { paths, cases, status: (await page.textContent('[data-search-status]')) ?? '' };
}

async function search(page: Page, query: string): Promise<void> {
  await page.fill('#search-q', query);
  await page.press('#search-q', 'Enter');
}

describe('search page', () => {
  for (const lang of ['en', 'zh'] as const) {
    for (const query of ['three-no communities', '三无小区']) {
      it(`“${query}” on /${lang}/search/ finds the three-no community cases`, async () => {
        const before = problems.length;
        const page = await context.newPage();
        await page.goto(url(`${lang}/search/`));
        await search(page, query);
        const r = await results(page);
        expect(r.cases).toEqual(expect.arrayContaining(threeNo));
        expect(r.paths.every((p) => p.startsWith(new URL(url(`${lang}/`)).pathname))).toBe(true);
        expect(new URL(page.url()).searchParams.get('q')).toBe(query);
        // every result shows a title, a line of context and a highlighted excerpt
        const first = page.locator('[data-search-results] li').first();
        expect((await first.locator('h2').textContent())?.trim()).not.toBe('');
        expect(await page.locator('[data-search-results] mark').count()).toBeGreaterThan(0);
        expect(problems.slice(before)).toEqual([]);
        await page.close();
      });
    }
  }

  it('shows place and both dates (report, events) for case results', async () => {
    const page = await context.newPage();
    await page.goto(url('en/search/?q=Lianjiang'));
    const r = await results(page);
    expect(r.cases).toContain('lianjiang');
    const item = page.locator('[data-search-results] li', { has: page.locator('a[href$="/en/cases/lianjiang/"]') });
    expect(await item.locator('.result-meta').textContent()).toBe('Case · Lianjiang, Zhanjiang, Guangdong · reported 2023 · events 2023');
    await page.close();
  });

  it('filters with counts, keeps the search in the URL, and restores it on reload and going back', async () => {
    const before = problems.length;
    const page = await context.newPage();
    await page.goto(url('en/search/'));
    await search(page, 'three-no communities');
    const all = await results(page);
    const guangdong = threeNo.filter((s) => provinceOf(s) === 'guangdong');
    expect(guangdong.length).toBeGreaterThan(0);
    expect(guangdong.length).toBeLessThan(threeNo.length);

    // the count beside a filter says how many results ticking it gives
    const box = page.locator('fieldset[data-filter="province"] input[value="guangdong"]');
    const label = page.locator('fieldset[data-filter="province"] label:has(input[value="guangdong"])');
    expect(await label.locator('[data-count]').textContent()).toBe(`(${all.cases.filter((s) => provinceOf(s) === 'guangdong').length})`);

    await box.check();
    await page.waitForURL((u) => u.searchParams.get('province') === 'guangdong');
    const filtered = await results(page);
    expect(filtered.cases.sort()).toEqual(guangdong);
    expect(filtered.paths.length).toBe(guangdong.length); // filters apply to cases only
    const address = new URL(page.url());
    expect(address.searchParams.get('q')).toBe('three-no communities');

    await page.reload();
    const again = await results(page);
    expect(again.cases.sort()).toEqual(guangdong);
    expect(await page.inputValue('#search-q')).toBe('three-no communities');
    expect(await box.isChecked()).toBe(true);

    await page.goBack();
    await page.waitForURL((u) => !u.searchParams.has('province'));
    const back = await results(page);
    expect(back.cases.sort()).toEqual(all.cases.sort());
    expect(await box.isChecked()).toBe(false);
    expect(problems.slice(before)).toEqual([]);
    await page.close();
  });

  it('opens a shared address with filters only, and sorts by date', async () => {
    const page = await context.newPage();
    await page.goto(url('zh/search/?theme=three-no-communities&sort=date'));
    const r = await results(page);
    expect(r.cases.sort()).toEqual([...threeNo].sort());
    expect(await page.inputValue('#search-sort')).toBe('date');
    const dates = data.cases.filter((c) => c.lang === 'zh' && threeNo.includes(c.slug));
    const order = (await results(page)).cases.map((s) => dates.find((c) => c.slug === s)!.frontmatter.events.date.replace('unknown', '0000'));
    expect(order).toEqual([...order].sort().reverse());
    await page.selectOption('#search-sort', 'relevance');
    await page.waitForURL((u) => !u.searchParams.has('sort'));
    await page.close();
  });

  it('the header search box leads to the search page with results', async () => {
    const page = await context.newPage();
    await page.goto(url('zh/cases/lianjiang/'));
    await page.fill('.site-header input[name="q"]', '弃管小区');
    await page.press('.site-header input[name="q"]', 'Enter');
    await page.waitForURL((u) => u.pathname.endsWith('/zh/search/'));
    const r = await results(page);
    expect(r.cases).toContain('shuangliao');
    expect(await page.inputValue('#search-q')).toBe('弃管小区');
    // the language switch carries the search over
    await page.click('[data-lang-switch]');
    await page.waitForURL((u) => u.pathname.endsWith('/en/search/'));
    expect((await results(page)).cases).toContain('shuangliao');
    await page.close();
  });

  it('without JavaScript says so and links to the theme and region indexes', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(url('en/search/?q=three-no+communities'));
    expect(await page.isVisible('[data-search-nojs]')).toBe(true);
    expect(await page.isVisible('[data-search]')).toBe(false);
    const links = await page.$$eval('[data-search-nojs] a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(links).toEqual(expect.arrayContaining([new URL(url('en/themes/')).pathname, new URL(url('en/regions/')).pathname]));
    await ctx.close();
  });
});
