// The search page in Chromium: typing a query, results with highlighted excerpts, filters with counts, sorting,
// the search kept in the URL (reload and history), the header search box, the cross-language queries on both
// language pages, and the page without JavaScript.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadProject } from '../../src/lib/load.ts';
import { ROOT } from '../helpers/fixture.ts';
import { launch, watchErrors } from './browser.ts';
import { searchResults } from './search-page.ts';

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
        const r = await searchResults(page, { all: true });
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
    const r = await searchResults(page);
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
    const all = await searchResults(page, { all: true });
    const guangdong = threeNo.filter((s) => provinceOf(s) === 'guangdong');
    expect(guangdong.length).toBeGreaterThan(0);
    expect(guangdong.length).toBeLessThan(threeNo.length);

    // the count beside a filter says how many results ticking it gives
    const box = page.locator('fieldset[data-filter="province"] input[value="guangdong"]');
    const label = page.locator('fieldset[data-filter="province"] label:has(input[value="guangdong"])');
    expect(await label.locator('[data-count]').textContent()).toBe(`(${all.cases.filter((s) => provinceOf(s) === 'guangdong').length})`);

    await box.check();
    await page.waitForURL((u) => u.searchParams.get('province') === 'guangdong');
    const filtered = await searchResults(page, { all: true });
    expect(filtered.cases.sort()).toEqual(guangdong);
    expect(filtered.paths.length).toBe(guangdong.length); // filters apply to cases only
    const address = new URL(page.url());
    expect(address.searchParams.get('q')).toBe('three-no communities');

    await page.reload();
    const again = await searchResults(page, { all: true });
    expect(again.cases.sort()).toEqual(guangdong);
    expect(await page.inputValue('#search-q')).toBe('three-no communities');
    expect(await box.isChecked()).toBe(true);

    await page.goBack();
    await page.waitForURL((u) => !u.searchParams.has('province'));
    const back = await searchResults(page, { all: true });
    expect(back.cases.sort()).toEqual(all.cases.sort());
    expect(await box.isChecked()).toBe(false);
    expect(problems.slice(before)).toEqual([]);
    await page.close();
  });

  it('opens a shared address with filters only, and sorts by date', async () => {
    const page = await context.newPage();
    await page.goto(url('zh/search/?theme=three-no-communities&sort=date'));
    const r = await searchResults(page, { all: true });
    expect(r.cases.sort()).toEqual([...threeNo].sort());
    expect(await page.inputValue('#search-sort')).toBe('date');
    const dates = data.cases.filter((c) => c.lang === 'zh' && threeNo.includes(c.slug));
    const order = (await searchResults(page, { all: true })).cases.map((s) => dates.find((c) => c.slug === s)!.frontmatter.events.date.replace('unknown', '0000'));
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
    const r = await searchResults(page);
    expect(r.cases).toContain('shuangliao');
    expect(await page.inputValue('#search-q')).toBe('弃管小区');
    // the language switch carries the search over
    await page.click('[data-lang-switch]');
    await page.waitForURL((u) => u.pathname.endsWith('/en/search/'));
    expect((await searchResults(page)).cases).toContain('shuangliao');
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

describe('search on a phone (390×844)', () => {
  const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };

  for (const [lang, query, slug] of [['en', 'three-no communities', 'shuangliao'], ['zh', '三无小区', 'shuangliao']] as const) {
    it(`shows the count and the first result of “${query}” within the first screen on /${lang}/search/`, async () => {
      const ctx = await browser.newContext(phone);
      const page = await ctx.newPage();
      await page.goto(url(`${lang}/search/?q=${encodeURIComponent(query)}`));
      const r = await searchResults(page);
      expect(r.cases.slice(0, 3)).toContain(slug);
      const status = (await page.locator('[data-search-status]').boundingBox())!;
      const first = (await page.locator('[data-search-results] li h2').first().boundingBox())!;
      expect(status.y + status.height).toBeLessThanOrEqual(844);
      expect(first.y + first.height, 'bottom of the first result title').toBeLessThanOrEqual(844);
      // the filters are folded away under a summary, not spread above the results
      expect(await page.locator('[data-search-panel]').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      // the header box shows the query too
      expect(await page.inputValue('#header-search-q')).toBe(query);
      await ctx.close();
    });
  }

  it('folds the filters into a panel whose summary names the active ones; tap targets are at least 24×24 px', async () => {
    const ctx = await browser.newContext(phone);
    const page = await ctx.newPage();
    await page.goto(url('en/search/?q=three-no+communities&province=guangdong&sort=date'));
    await searchResults(page);
    const panel = page.locator('[data-search-panel]');
    expect(await panel.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await panel.locator('summary').textContent()).toContain('Guangdong');
    expect(await panel.locator('summary').textContent()).toContain('Newest events first');
    await panel.locator('summary').click();
    expect(await panel.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    const small = await page.$$eval('[data-search] input, [data-search] button:not([hidden]), [data-search] select, [data-search] summary, [data-search-results] h2 a', (els) =>
      els
        .map((e) => ({ what: e.outerHTML.slice(0, 80), box: e.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && (box.width < 24 || box.height < 24))
        .map(({ what, box }) => `${what} ${Math.round(box.width)}×${Math.round(box.height)}`),
    );
    expect(small).toEqual([]);
    // unticking the province updates the summary
    await page.locator('fieldset[data-filter="province"] input[value="guangdong"]').uncheck();
    await page.waitForURL((u) => !u.searchParams.has('province'));
    expect(await panel.locator('summary').textContent()).not.toContain('Guangdong');
    await ctx.close();
  });

  it('works out the filter counts only when the folded panel is opened', async () => {
    const ctx = await browser.newContext(phone);
    const page = await ctx.newPage();
    const filterFiles: string[] = [];
    ctx.on('request', (req) => {
      if (req.url().endsWith('.pf_filter')) filterFiles.push(req.url());
    });
    await page.goto(url('zh/search/?q=三无小区'));
    expect((await searchResults(page)).cases).toContain('shuangliao');
    const count = page.locator('fieldset[data-filter="theme"] input[value="three-no-communities"]').locator('xpath=..').locator('[data-count]');
    expect(await count.textContent()).toBe('');
    expect(filterFiles, 'filter indexes fetched before the panel was opened').toEqual([]);
    await page.locator('[data-search-panel] summary').click();
    await expect.poll(() => count.textContent()).toMatch(/^\(\d+\)$/);
    expect(Number(/\d+/.exec((await count.textContent())!)![0])).toBeGreaterThan(0);
    expect(filterFiles.length).toBeGreaterThan(0);
    await ctx.close();
  });

  it('keeps the filters open beside the results on a wide screen', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(url('zh/search/?q=三无小区'));
    await searchResults(page);
    expect(await page.locator('[data-search-panel]').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    // with their counts as soon as the results are listed
    expect(await page.locator('fieldset[data-filter="theme"] input[value="three-no-communities"]').locator('xpath=..').locator('[data-count]').textContent()).toMatch(/^\(\d+\)$/);
    // every control stays inside the panel's column (the sort menu is as wide as its longest option otherwise)
    for (const lang of ['en', 'zh']) {
      await page.goto(url(`${lang}/search/?q=${lang === 'en' ? 'three-no communities' : '三无小区'}`));
      await searchResults(page);
      const panel = (await page.locator('[data-search-panel]').boundingBox())!;
      for (const sel of ['#search-sort', 'fieldset[data-filter]']) {
        const box = (await page.locator(sel).first().boundingBox())!;
        expect(box.x + box.width, `${lang} ${sel}`).toBeLessThanOrEqual(panel.x + panel.width);
      }
    }
    await ctx.close();
  });
});

describe('search loading', () => {
  it('loads result texts only for the results shown, and the next ones on request', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const fragments: string[] = [];
    page.on('request', (req) => {
      if (req.url().endsWith('.pf_fragment')) fragments.push(req.url());
    });
    await page.goto(url('en/search/?q=Party'));
    const first = await searchResults(page);
    const total = Number(/\d+/.exec(first.status)?.[0]);
    expect(total).toBeGreaterThan(first.paths.length);
    expect(fragments.length).toBe(first.paths.length);
    await page.click('[data-search-more]');
    await page.waitForFunction((n) => document.querySelectorAll('[data-search-results] li').length > n, first.paths.length);
    const shown = await page.locator('[data-search-results] li').count();
    expect(fragments.length).toBe(shown);
    await ctx.close();
  });

  it('converts a traditional query to simplified characters, loading the tables only then', async () => {
    const ctx = await browser.newContext();
    const scripts = (page: Page) => {
      const loaded: string[] = [];
      page.on('request', (req) => {
        if (req.resourceType() === 'script') loaded.push(new URL(req.url()).pathname);
      });
      return loaded;
    };
    const plain = await ctx.newPage();
    const plainScripts = scripts(plain);
    await plain.goto(url('zh/search/?q=三无小区'));
    const simplified = await searchResults(plain);

    const trad = await ctx.newPage();
    const tradScripts = scripts(trad);
    await trad.goto(url('zh/search/?q=三無小區'));
    const traditional = await searchResults(trad);
    expect(traditional.paths).toEqual(simplified.paths);
    expect(traditional.status).toContain('三无小区');
    expect(await trad.inputValue('#search-q')).toBe('三無小區');
    // the conversion tables are extra scripts that a simplified query never loads
    const extra = tradScripts.filter((s) => !plainScripts.includes(s) && !s.includes('/pagefind/'));
    expect(extra.length).toBeGreaterThan(0);
    expect(plainScripts.filter((s) => extra.includes(s))).toEqual([]);

    const en = await ctx.newPage();
    await en.goto(url('en/search/?q=紅色代辦'));
    expect((await searchResults(en)).cases[0]).toBe('yutai');
    await ctx.close();
  });
});
