import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { loadProject } from '../../src/lib/load.ts';
import { formatCaseDates, formatDate, formatFigure } from '../../src/lib/format.ts';
import { ROOT } from '../helpers/fixture.ts';
import { launch, watchErrors } from './browser.ts';

const site = inject('siteUrl');
const data = loadProject(ROOT);
const url = (path: string) => new URL(path, site).href;

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

const PAGE_TYPES = [
  ['home', ''],
  ['case index', 'cases/'],
  ['cases by date', 'cases/by-date/'],
  ['cases by province', 'cases/by-province/'],
  ['cases by theme', 'cases/by-theme/'],
  ['case profile', 'cases/lianjiang/'],
  ['case profile', 'cases/jiangyang/'],
  ['theme index', 'themes/'],
  ['theme', 'themes/three-no-communities/'],
  ['region index', 'regions/'],
  ['region', 'regions/guangdong/'],
  ['methodology', 'methodology/'],
  ['search', 'search/'],
  ['compare', 'compare/'],
  ['data', 'data/'],
  ['404', '404/'],
] as const;

describe('every page type renders in both languages', () => {
  for (const lang of ['en', 'zh'] as const) {
    for (const [type, path] of PAGE_TYPES) {
      it(`${type} (/${lang}/${path})`, async () => {
        const before = problems.length;
        const page = await context.newPage();
        const res = await page.goto(url(`${lang}/${path}`));
        expect(res?.status()).toBe(200);
        expect(await page.getAttribute('html', 'lang')).toBe(lang === 'en' ? 'en' : 'zh-Hans');
        const h1 = (await page.textContent('h1'))?.trim() ?? '';
        expect(h1.length).toBeGreaterThan(0);
        if (lang === 'zh') expect(h1).toMatch(/[\u4e00-\u9fff]/);
        expect(problems.slice(before)).toEqual([]);
        await page.close();
      });
    }
  }
});

describe('language switch', () => {
  for (const [type, path] of PAGE_TYPES) {
    it(`round-trips on the ${type} page (${path || 'home'})`, async () => {
      const page = await context.newPage();
      await page.goto(url(`en/${path}`));
      await page.click('[data-lang-switch]');
      expect(new URL(page.url()).pathname).toBe(new URL(url(`zh/${path}`)).pathname);
      expect(await page.getAttribute('html', 'lang')).toBe('zh-Hans');
      await page.click('[data-lang-switch]');
      expect(new URL(page.url()).pathname).toBe(new URL(url(`en/${path}`)).pathname);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      await page.close();
    });
  }
});

describe('missing pages', () => {
  it('answer 404 with the site’s not-found page', async () => {
    const page = await context.newPage();
    const res = await page.goto(url('en/cases/no-such-case/'));
    expect(res?.status()).toBe(404);
    expect(await page.textContent('h1')).toBe('Page not found');
    await page.close();
  });
});

describe('case profiles show the data', () => {
  for (const slug of ['lianjiang', 'jiangyang']) {
    for (const lang of ['en', 'zh'] as const) {
      it(`${slug} (${lang}): one table row per observation, figures in prose link to rows`, async () => {
        const expected = data.observations.filter((o) => o.case === slug);
        const units = new Map(data.units.map((u) => [u.unit, u]));
        const page = await context.newPage();
        await page.goto(url(`${lang}/cases/${slug}/`));
        const rowIds = await page.$$eval('#figures tbody tr', (rows) => rows.map((r) => r.id));
        expect(rowIds).toEqual(expected.map((o) => `obs-${o.id}`));
        const values = await page.$$eval('#figures tbody tr td:nth-child(3)', (cells) => cells.map((c) => c.textContent?.trim()));
        expect(values).toEqual(expected.map((o) => formatFigure(o, units.get(o.unit)!, lang)));
        const figs = await page.$$eval('.prose a.fig', (as) => as.map((a) => ({ href: a.getAttribute('href'), text: a.textContent })));
        expect(figs.length).toBeGreaterThan(0);
        for (const f of figs) expect(rowIds).toContain(f.href!.slice(1));
        await page.close();
      });
    }
  }
});

describe('case pages say which date is which', () => {
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  const units = new Map(data.units.map((u) => [u.unit, u]));
  // Xiqiao: events printed (2020), report inferred (2021); Chengmai: a day whose year is inferred; Maonan: both unknown
  for (const slug of ['xiqiao', 'chengmai', 'maonan']) {
    for (const lang of ['en', 'zh'] as const) {
      it(`${slug} (${lang}): the events’ date and the report’s date, an “inferred” mark only where inferred`, async () => {
        const doc = data.cases.find((c) => c.slug === slug && c.lang === lang)!;
        const events = doc.frontmatter.events;
        const source = sources.get(doc.frontmatter.source)!;
        const page = await context.newPage();
        await page.goto(url(`${lang}/cases/${slug}/`));
        const box = page.locator('.fact-box');
        const ev = box.locator('[data-date-kind=events]');
        const rep = box.locator('[data-date-kind=reported]');
        expect(await ev.getAttribute('data-date')).toBe(events.date);
        expect(await rep.getAttribute('data-date')).toBe(source.date);
        expect(await ev.locator('.date-value').textContent()).toBe(formatDate(events.date, lang));
        expect(await rep.locator('.date-value').textContent()).toBe(formatDate(source.date, lang));
        expect(await ev.locator('.date-inferred').count()).toBe(events.basis === 'inferred' ? 1 : 0);
        expect(await rep.locator('.date-inferred').count()).toBe(source.date_basis === 'inferred' ? 1 : 0);
        if (events.basis === 'inferred') {
          const mark = ev.locator('.date-inferred summary');
          expect(await mark.isVisible()).toBe(true);
          expect(await mark.textContent()).toBe(lang === 'en' ? 'date inferred' : '日期为推断');
          await mark.click();
          expect(await ev.locator('.date-inferred p').textContent()).toBe(lang === 'en' ? events.note_en : events.note_zh);
        }
        // the search result line names both
        const meta = await box.locator('[data-pagefind-meta^="date:"]').getAttribute('data-pagefind-meta');
        expect(meta).toBe(`date:${formatCaseDates(events, source, lang)}`);
        // the key figures as cards, from their rows
        const nums = await box.locator('.fact-num').allTextContents();
        expect(nums).toEqual(doc.frontmatter.key.map((k) => {
          const o = data.observations.find((x) => x.id === k)!;
          return formatFigure(o, units.get(o.unit)!, lang, 'compact');
        }));
        if (source.publication === 'unknown') expect(await box.locator('.fact-publication').textContent()).toBe(lang === 'en' ? 'publication not printed' : '报纸名称未印');
        await page.close();
      });
    }
  }

  it('the case list names both dates', async () => {
    const page = await context.newPage();
    await page.goto(url('en/cases/'));
    const text = await page.locator('.case-list li', { has: page.locator('a[href$="/cases/xiqiao/"]') }).textContent();
    expect(text).toContain('reported 2021 · events 2020');
    await page.close();
  });

  for (const lang of ['en', 'zh'] as const) {
    for (const width of [360, 1280]) {
      it(`fact box at ${width} px (${lang}): no sideways scroll, text at least 11 px, key figures on the first screen`, async () => {
        const page = await browser.newPage({ viewport: { width, height: 800 } });
        for (const slug of ['dazhong', 'jingning']) {
          await page.goto(url(`${lang}/cases/${slug}/`));
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
          const small = await page.$$eval('.fact-box *', (els) =>
            els.filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()) && (e as HTMLElement).offsetParent !== null && parseFloat(getComputedStyle(e).fontSize) < 11).map((e) => e.textContent),
          );
          expect(small).toEqual([]);
          const card = await page.locator('.fact-card').first().boundingBox();
          expect(card!.y + 40).toBeLessThan(800);
          // desktop: the box sits to the right of the text
          if (width === 1280) expect(card!.x).toBeGreaterThan(width / 2);
        }
        await page.close();
      });
    }
  }
});
