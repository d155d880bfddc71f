import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import Papa from 'papaparse';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { launch, watchErrors } from './browser.ts';

const site = inject('siteUrl');
const url = (path: string) => new URL(path, site).href;

let browser: Browser;
let context: BrowserContext;
let problems: string[];

beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext({ acceptDownloads: true });
  problems = watchErrors(context);
});
afterAll(async () => {
  await browser?.close();
});

/**
 * What the chart shows: one entry per drawn value, in order, with its mark, its length relative to
 * the longest bar (the chart takes the width it is given, so pixels differ between screens) and label.
 */
async function bars(page: Page) {
  return page.$$eval('#fig-compare [data-chart-body] .bar-row', (rows) => {
    const longest = Math.max(1, ...rows.map((g) => Number(g.querySelector('rect.bar')?.getAttribute('width') ?? 0)));
    return rows.map((g) => {
      const mark = g.querySelector('rect.bar, circle.dot')!;
      return {
        obs: g.getAttribute('data-obs'),
        mark: g.getAttribute('data-mark'),
        shape: mark.tagName === 'rect' ? 'rect' : 'circle',
        /** bar length as a share of the longest bar (pixels differ with the chart's width) */
        share: mark.tagName === 'rect' ? Number(mark.getAttribute('width')) / longest : null,
        label: g.querySelector('a text')!.textContent,
      };
    });
  });
}

/** Two drawings of the same chart at different widths: same values, marks and labels, same proportions. */
function expectSameBars(live: Awaited<ReturnType<typeof bars>>, still: Awaited<ReturnType<typeof bars>>) {
  const key = (bs: typeof live) => bs.map(({ share: _, ...b }) => b);
  expect(key(live)).toEqual(key(still));
  live.forEach((b, i) => expect(b.share ?? 0).toBeCloseTo(still[i]!.share ?? 0, 1));
}

/**
 * Everything on the page that names the comparison's state, read back: the chart, its title, the
 * page title and heading, the highlighted indicator, the place chips, the address and the language switch.
 */
async function stateShown(page: Page) {
  return page.evaluate(() => {
    const sel = document.querySelector<HTMLSelectElement>('#fig-compare select[name=indicator]')!;
    const drawn = [...document.querySelectorAll('#fig-compare [data-chart-body] .bar-row')].map((g) => g.getAttribute('data-obs'));
    const placeOf = new Map([...document.querySelectorAll('#fig-compare [data-compare-table] tbody tr')].map((tr) => [tr.getAttribute('data-obs'), tr.getAttribute('data-place')]));
    const chips = [...document.querySelectorAll<HTMLElement>('#fig-compare [data-chips] li[data-place]')];
    const current = [...document.querySelectorAll('.indicator-nav a[aria-current=page]')];
    const sw = document.querySelector<HTMLAnchorElement>('a[data-lang-switch]')!;
    return {
      indicator: sel.value,
      indicatorName: sel.selectedOptions[0]!.textContent!.trim(),
      chartTitle: document.querySelector('#fig-compare .chart-title')!.textContent!.trim(),
      title: document.title,
      heading: document.querySelector('h1')!.textContent!.trim(),
      highlighted: current.map((a) => a.getAttribute('data-indicator')),
      checked: chips.map((c) => c.dataset.place!).sort(),
      drawnPlaces: [...new Set(drawn.map((o) => placeOf.get(o)))].sort(),
      tableRows: placeOf.size,
      drawn: drawn.length,
      search: location.search,
      switchSearch: new URL(sw.href).search,
    };
  });
}

/** The page agrees with itself: every element that names the state says what the chart shows. */
async function expectConsistent(page: Page, indicator: string) {
  const s = await stateShown(page);
  expect(s.indicator).toBe(indicator);
  expect(s.chartTitle).toBe(s.indicatorName);
  expect(s.title.startsWith(`${s.indicatorName} · `)).toBe(true);
  expect(s.heading).toContain(s.indicatorName);
  expect(s.highlighted).toEqual([indicator]);
  expect(s.checked).toEqual(s.drawnPlaces);
  expect(s.tableRows).toBe(s.drawn);
  expect(new URLSearchParams(s.search).get('indicator') ?? indicator).toBe(indicator);
  expect(s.switchSearch).toBe(s.search);
  return s;
}

async function openCompare(page: Page, path: string) {
  await page.goto(url(path));
  await page.waitForSelector('#fig-compare[data-ready="true"]');
}

function parseCsv(text: string): Record<string, string>[] {
  const r = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(r.errors).toEqual([]);
  return r.data;
}

describe('comparison page', () => {
  it('keeps title, heading, highlighted indicator, place chips and chart in step through every change, reload, back/forward and the language switch', async () => {
    const before = problems.length;
    const page = await context.newPage();
    await openCompare(page, 'en/compare/?indicator=money_invested');
    const first = await expectConsistent(page, 'money_invested');
    expect(first.checked).toContain('nanhai-xiqiao');
    expect(first.checked).toContain('nanhai-xiqiao-aiguo');
    expect(await page.textContent('#fig-compare [data-chips]')).toContain('Aiguo Community');

    // a place inside another shown place: removing its chip removes it, although its parent stays
    await page.click('#fig-compare [data-chips] li[data-place="nanhai-xiqiao-aiguo"] .chip-remove');
    const unticked = await expectConsistent(page, 'money_invested');
    expect(unticked.checked).toContain('nanhai-xiqiao');
    expect(unticked.checked).not.toContain('nanhai-xiqiao-aiguo');
    expect(unticked.drawn).toBeLessThan(first.drawn);

    await page.selectOption('#fig-compare select[name=indicator]', 'party_members');
    await page.waitForSelector('#fig-compare[data-ready="true"]'); // its figures are fetched when chosen
    await expectConsistent(page, 'party_members');

    await page.goBack();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('indicator') === 'money_invested');
    expect(await expectConsistent(page, 'money_invested')).toEqual(unticked);
    await page.goForward();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('indicator') === 'party_members');
    await expectConsistent(page, 'party_members');
    await page.goBack();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('indicator') === 'money_invested');

    await page.reload();
    await page.waitForSelector('#fig-compare[data-ready="true"]');
    expect(await expectConsistent(page, 'money_invested')).toEqual(unticked);

    await Promise.all([page.waitForURL(/\/zh\/compare\//), page.click('a[data-lang-switch]')]);
    await page.waitForSelector('#fig-compare[data-ready="true"]');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hans');
    const zh = await expectConsistent(page, 'money_invested');
    expect(zh.search).toBe(unticked.search);
    expect(zh.checked).toEqual(unticked.checked);
    expect(zh.title).toMatch(/ · 数字比较 · 党建案例图谱$/);
    await Promise.all([page.waitForURL(/\/en\/compare\//), page.click('a[data-lang-switch]')]);
    await page.waitForSelector('#fig-compare[data-ready="true"]');
    expect(await expectConsistent(page, 'money_invested')).toEqual(unticked);

    // the highlighted indicator follows an address that names one directly
    await openCompare(page, 'en/compare/?indicator=money_invested&scale=log');
    await expectConsistent(page, 'money_invested');
    expect(await page.isVisible('[data-compare-legend] li[data-mark="exactDot"]')).toBe(true);
    expect(await page.isHidden('[data-compare-legend] li[data-mark="exact"]')).toBe(true);
    expect(problems.slice(before)).toEqual([]);
    await page.close();
  });

  it('uses the width it has, flags mixed levels, and never clips a label', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await openCompare(page, 'en/compare/?indicator=party_members');
    const { svg, body } = await page.evaluate(() => ({
      svg: document.querySelector('#fig-compare [data-chart-body] svg')!.getBoundingClientRect().width,
      body: document.querySelector('#fig-compare [data-chart-body]')!.getBoundingClientRect().width,
    }));
    expect(svg).toBeGreaterThan(body - 2);
    expect(svg).toBeGreaterThan(900);
    expect(await page.isVisible('[data-compare-levels]')).toBe(true);
    expect(await page.textContent('#fig-compare [data-chart-body]')).toContain('· county level');
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 800 });
      await page.waitForTimeout(300);
      const clipped = await page.evaluate(() => {
        const svg = document.querySelector<SVGSVGElement>('#fig-compare [data-chart-body] svg')!;
        const box = svg.getBoundingClientRect();
        return [...svg.querySelectorAll('text')].filter((t) => {
          const b = t.getBoundingClientRect();
          return b.width > 0 && (b.left < box.left - 1 || b.right > box.right + 1);
        }).map((t) => t.textContent);
      });
      expect(clipped, `${width} px`).toEqual([]);
    }
    await page.close();
  });

  it('round-trips its state through the address: open → change → URL → reload → same chart', async () => {
    const before = problems.length;
    const page = await context.newPage();
    await openCompare(page, 'en/compare/?indicator=money_invested');
    expect(await page.textContent('#fig-compare .chart-title')).toBe('Money invested');
    const initial = await bars(page);
    expect(initial.length).toBeGreaterThan(2);

    await page.selectOption('#fig-compare select[name=indicator]', 'service_points');
    await page.waitForSelector('#fig-compare[data-ready="true"]'); // its figures are fetched when chosen
    await page.check('#fig-compare input[name=scale][value=log]');
    await page.selectOption('#fig-compare select[name=sort]', 'name');
    const places = await page.$$eval('#fig-compare [data-chips] li[data-place]', (cs) => cs.map((c) => (c as HTMLElement).dataset.place!));
    expect(places.length).toBeGreaterThan(1);
    await page.click(`#fig-compare [data-chips] li[data-place="${places[0]}"] .chip-remove`);

    const address = new URL(page.url());
    expect(address.pathname).toBe(new URL(url('en/compare/')).pathname);
    expect(address.searchParams.get('indicator')).toBe('service_points');
    expect(address.searchParams.get('scale')).toBe('log');
    expect(address.searchParams.get('sort')).toBe('name');
    expect(address.searchParams.get('places')?.split(',')).toEqual(places.slice(1));
    const changed = await bars(page);
    expect(changed).not.toEqual(initial);
    expect(changed.every((b) => b.shape.startsWith('circle'))).toBe(true); // a log scale draws dots

    await page.reload();
    await page.waitForSelector('#fig-compare[data-ready="true"]');
    expect(await bars(page)).toEqual(changed);
    expect(await page.inputValue('#fig-compare select[name=indicator]')).toBe('service_points');
    expect(await page.inputValue('#fig-compare select[name=sort]')).toBe('name');
    expect(await page.isChecked('#fig-compare input[name=scale][value=log]')).toBe(true);
    expect(await page.locator(`#fig-compare [data-chips] li[data-place="${places[0]}"]`).count()).toBe(0);
    expect(await page.isHidden('[data-compare-notes]')).toBe(true);

    await page.goBack();
    await page.waitForFunction(() => !location.search.includes(','));
    expect(problems.slice(before)).toEqual([]);
    await page.close();
  });

  it('draws the same bars in the browser as the static page does without JavaScript', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    for (const lang of ['en', 'zh'] as const) {
      const staticPage = await noJs.newPage();
      await staticPage.goto(url(`${lang}/compare/money_invested/`));
      const page = await context.newPage();
      await openCompare(page, `${lang}/compare/?indicator=money_invested`);
      expectSameBars(await bars(page), await bars(staticPage));
      await page.close();
      await staticPage.close();
    }
    await noJs.close();
  });

  it('downloads a CSV whose rows are the chart’s rows, in the chart’s order', async () => {
    const page = await context.newPage();
    await openCompare(page, 'zh/compare/?indicator=money_invested&scale=log&sort=asc');
    const shown = await bars(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#fig-compare a[data-download=csv]')]);
    const rows = parseCsv(readFileSync((await download.path())!, 'utf8'));
    expect(rows.map((r) => r.observation)).toEqual(shown.map((b) => b.obs));
    expect(rows.map((r) => `${r.display} · `)).toEqual(shown.map((b) => b.label!.slice(0, b.label!.indexOf(' · ') + 3)));
    const table = await page.$$eval('#fig-compare [data-compare-table] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-obs')));
    expect(table).toEqual(rows.map((r) => r.observation));
    expect(download.suggestedFilename()).toBe('compare-money_invested-zh.csv');
    await page.close();
  });

  it('shows values with their qualifiers and years, and links each to its case’s figure row', async () => {
    const page = await context.newPage();
    await openCompare(page, 'en/compare/?indicator=money_invested');
    const more = (await bars(page)).find((b) => b.mark === 'lower')!;
    expect(more.label).toMatch(/^[\d,]+\+ yuan · \d{4}$/);
    const href = await page.getAttribute(`#fig-compare .bar-row[data-obs="${more.obs}"] a`, 'href');
    expect(href).toMatch(new RegExp(`/en/cases/[a-z0-9-]+/#obs-${more.obs}$`));
    await page.click(`#fig-compare .bar-row[data-obs="${more.obs}"] a`);
    await page.waitForURL(/#obs-/);
    expect(await page.isVisible(`#obs-${more.obs}`)).toBe(true);
    await page.close();
  });

  it('falls back to the default view, with a visible note, for unknown or hostile parameters', async () => {
    const before = problems.length;
    const page = await context.newPage();
    let dialog = false;
    page.on('dialog', (d) => {
      dialog = true;
      void d.dismiss();
    });
    const hostile = '?indicator=%3Cscript%3Ealert(1)%3C%2Fscript%3E&places=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&scale=javascript:alert(1)&sort=%27';
    await openCompare(page, `en/compare/${hostile}`);
    const note = await page.textContent('[data-compare-notes]');
    expect(note).toContain('not compared here');
    expect(await page.isVisible('[data-compare-notes]')).toBe(true);
    expect(await page.$$('img')).toHaveLength(0);
    expect(await page.content()).not.toContain('onerror');
    expect(dialog).toBe(false);
    const def = await browser.newContext({ javaScriptEnabled: false });
    const plain = await def.newPage();
    await plain.goto(url('en/compare/'));
    expectSameBars(await bars(page), await bars(plain));
    await def.close();
    expect(problems.slice(before)).toEqual([]);
    await page.close();
  });

  it('adds places by typing in either language and picking with the keyboard; chips remove them; the address keeps them', async () => {
    const before = problems.length;
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/compare/data/')) fetched.push(new URL(r.url()).pathname.replace(/^.*\/compare\/data\//, ''));
    });
    await openCompare(page, 'en/compare/?indicator=money_invested&places=dali');
    const chips = () => page.$$eval('#fig-compare [data-chips] li[data-place]', (cs) => cs.map((c) => (c as HTMLElement).dataset.place!));
    const options = () => page.$$eval('#compare-place-list [role=option]', (os) => os.map((o) => (o as HTMLElement).dataset.place!));
    const input = page.locator('#compare-place-input');
    expect(await chips()).toEqual(['dali']);
    // the summary of the indicator only: its four places are all in it, nothing else is fetched
    expect(fetched).toEqual(['money_invested.json']);

    // one letter is not enough to look anything up; two are
    await input.click();
    await page.keyboard.type('G');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.type('uangdong');
    await page.waitForSelector('#compare-place-list:not([hidden]) [role=option]');
    expect(await input.getAttribute('role')).toBe('combobox');
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    expect(await page.getAttribute('#compare-place-list', 'role')).toBe('listbox');
    // the open picker, its options and the chips pass axe-core
    const axe = await new AxeBuilder({ page }).include('#fig-compare [data-places]').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
    // the places in Guangdong, by the name of the province they lie in, in name order
    expect(await options()).toEqual(['nanhai-xiqiao-aiguo', 'nanhai-xiqiao']);
    // on the first lookup: which name files there are, then the one for “gu”
    expect(fetched).toEqual(['money_invested.json', 'money_invested/n.json', 'money_invested/n-gu.json']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBe(await page.getAttribute('#compare-place-list [role=option][aria-selected=true]', 'id'));
    expect(await page.getAttribute('#compare-place-list [role=option][aria-selected=true]', 'data-place')).toBe('nanhai-xiqiao');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('places')?.includes('nanhai-xiqiao'));
    expect(await chips()).toEqual(['dali', 'nanhai-xiqiao']);
    expect(new URL(page.url()).searchParams.get('places')).toBe('dali,nanhai-xiqiao');
    expect(await input.inputValue()).toBe('');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('compare-place-input');
    expect(await expectConsistent(page, 'money_invested')).toMatchObject({ checked: ['dali', 'nanhai-xiqiao'] });

    // a place already shown is listed as such and picking it changes nothing; Escape closes, then clears
    await page.keyboard.type('xi');
    await page.waitForSelector('#compare-place-list:not([hidden]) [role=option]');
    expect(await page.getAttribute('#compare-place-list [data-place="nanhai-xiqiao"]', 'aria-disabled')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await page.isHidden('#compare-place-list')).toBe(true);
    expect(await input.inputValue()).toBe('xi');
    await page.keyboard.press('Escape');
    expect(await input.inputValue()).toBe('');

    // removing a chip removes its place from the chart and the address; reload restores the rest
    await page.click('#fig-compare [data-chips] li[data-place="dali"] .chip-remove');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('places') === 'nanhai-xiqiao');
    expect(await chips()).toEqual(['nanhai-xiqiao']);
    await page.reload();
    await page.waitForSelector('#fig-compare[data-ready="true"]');
    expect(await chips()).toEqual(['nanhai-xiqiao']);
    expect((await expectConsistent(page, 'money_invested')).drawnPlaces).toEqual(['nanhai-xiqiao']);

    // in Chinese: typed characters find the places of 广东 and the Chinese name of a place
    await Promise.all([page.waitForURL(/\/zh\/compare\//), page.click('a[data-lang-switch]')]);
    await page.waitForSelector('#fig-compare[data-ready="true"]');
    expect(await chips()).toEqual(['nanhai-xiqiao']);
    await page.locator('#compare-place-input').click();
    await page.keyboard.insertText('广东');
    await page.waitForSelector('#compare-place-list:not([hidden]) [role=option]');
    expect((await options()).sort()).toEqual(['nanhai-xiqiao', 'nanhai-xiqiao-aiguo']);
    await page.locator('#compare-place-input').fill('');
    await page.keyboard.insertText('爱国');
    await page.waitForFunction(() => document.querySelectorAll('#compare-place-list [role=option]').length === 1);
    expect(await page.textContent('#compare-place-list [role=option]')).toContain('爱国社区');
    await page.keyboard.press('Enter'); // the only place listed
    await page.waitForFunction(() => new URLSearchParams(location.search).get('places') === 'nanhai-xiqiao,nanhai-xiqiao-aiguo');
    expect((await chips()).sort()).toEqual(['nanhai-xiqiao', 'nanhai-xiqiao-aiguo']);
    expect(await page.textContent('#compare-place-status')).toContain('已添加爱国社区');
    // the reset brings back the default places (every place of this indicator)
    await page.click('[data-places-reset]');
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('places'));
    expect((await chips()).sort()).toEqual(['dali', 'jiangyang', 'nanhai-xiqiao', 'nanhai-xiqiao-aiguo']);
    expect(await page.isHidden('[data-places-reset]')).toBe(true);
    // no figures beyond the summary were fetched: this indicator's summary holds them all
    expect(fetched.filter((f) => /\/(s-|d)/.test(f))).toEqual([]);
    expect(problems.slice(before)).toEqual([]);
    await page.close();
  });

  it('the place picker works at 360 px: no sideways scroll, targets of at least 44 px', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await openCompare(page, 'zh/compare/?indicator=money_invested');
    await page.locator('#compare-place-input').click();
    await page.keyboard.insertText('广东');
    await page.waitForSelector('#compare-place-list:not([hidden]) [role=option]');
    const m = await page.evaluate(() => {
      const h = (sel: string) => [...document.querySelectorAll(sel)].map((e) => e.getBoundingClientRect().height);
      const w = (sel: string) => [...document.querySelectorAll(sel)].map((e) => e.getBoundingClientRect().width);
      return {
        scroll: document.documentElement.scrollWidth,
        input: h('#compare-place-input')[0]!,
        options: h('#compare-place-list [role=option]'),
        remove: [...h('.chip-remove'), ...w('.chip-remove')],
        listRight: document.querySelector('#compare-place-list')!.getBoundingClientRect().right,
      };
    });
    expect(m.scroll).toBeLessThanOrEqual(360);
    expect(m.listRight).toBeLessThanOrEqual(360);
    expect(m.input).toBeGreaterThanOrEqual(44);
    expect(Math.min(...m.options)).toBeGreaterThanOrEqual(44);
    expect(Math.min(...m.remove)).toBeGreaterThanOrEqual(44);
    await page.close();
  });

  it('downloads the chart as SVG and PNG', async () => {
    const page = await context.newPage();
    await openCompare(page, 'en/compare/');
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('#fig-compare button[data-download=svg]')]);
    const svgText = readFileSync((await svg.path())!, 'utf8');
    expect(svgText.startsWith('<?xml')).toBe(true);
    expect(svgText).toContain('class="bar-row"');
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#fig-compare button[data-download=png]')]);
    const bytes = readFileSync((await png.path())!);
    expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(png.suggestedFilename()).toBe('fig-compare.png');
    await page.close();
  });
});

describe('charts without JavaScript', () => {
  const pages = [
    ['compare', 'compare/', '#fig-compare', '.bar-row'],
    ['compare, one indicator', 'compare/collective_income/', '#fig-compare', '.bar-row'],
    ['home map', '', '#fig-map', '.map-point'],
    ['home timeline', '', '#fig-timeline', '.timeline-row'],
    ['themes matrix', 'themes/', '#fig-themes-matrix', '[data-kind]'],
    ['case key figures', 'cases/lianjiang/', '#fig-key-figures', '[data-obs]'],
    ['region map', 'regions/guangdong/', '#fig-map', '.map-point'],
  ] as const;
  for (const lang of ['en', 'zh'] as const)
    for (const [name, path, fig, mark] of pages) {
      it(`${name} (/${lang}/${path}): chart, table and a CSV download with the table’s rows`, async () => {
        const ctx = await browser.newContext({ javaScriptEnabled: false });
        const errors = watchErrors(ctx);
        const page = await ctx.newPage();
        await page.goto(url(`${lang}/${path}`));
        // charts drawn for a phone and a wide screen show one of the two
        const svg = page.locator(`${fig} [data-chart-body] svg:visible`);
        expect(await svg.isVisible()).toBe(true);
        const box = await svg.boundingBox();
        expect(box!.width).toBeGreaterThan(200);
        const marks = await page.$$(`${fig} [data-chart-body] ${mark}`);
        expect(marks.length).toBeGreaterThan(0);
        expect(await svg.getAttribute('aria-labelledby')).toBeTruthy();
        expect((await page.textContent(`${fig} .chart-source`))!.length).toBeGreaterThan(10);
        // SVG/PNG need the browser's help: hidden without it; the CSV is a plain file
        expect(await page.isHidden(`${fig} button[data-download=png]`)).toBe(true);
        expect(await page.getAttribute(`${fig} [data-copy-link]`, 'href')).toBe(fig);
        const href = await page.getAttribute(`${fig} a[data-download=csv]`, 'href');
        const res = await page.request.get(new URL(href!, page.url()).href);
        expect(res.status()).toBe(200);
        const rows = parseCsv(await res.text());
        const tableRows = await page.$$(`${fig} [data-chart-table] tbody tr`);
        expect(rows.length).toBe(tableRows.length);
        expect(rows.length).toBeGreaterThan(0);
        if (fig === '#fig-compare') {
          expect(await page.isHidden('[data-compare-controls]')).toBe(true);
          expect(rows.map((r) => r.observation)).toEqual((await bars(page)).map((b) => b.obs));
          const links = await page.$$eval('.indicator-nav a', (as) => as.map((a) => a.getAttribute('href')));
          expect(links.length).toBeGreaterThan(5);
        }
        expect(errors).toEqual([]);
        await ctx.close();
      });
    }

  it('every indicator link of the comparison page leads to a chart of that indicator', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(url('zh/compare/'));
    const links = await page.$$eval('.indicator-nav a', (as) => as.map((a) => ({ href: a.getAttribute('href')!, name: a.textContent })));
    for (const l of links) {
      const res = await page.goto(new URL(l.href, page.url()).href);
      expect(res?.status()).toBe(200);
      expect(await page.textContent('#fig-compare .chart-title')).toBe(l.name);
      expect((await bars(page)).length).toBeGreaterThanOrEqual(2);
    }
    await ctx.close();
  });
});
