import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { loadProject } from '../../src/lib/load.ts';
import { formatCaseDates, formatDate, formatFigure } from '../../src/lib/format.ts';
import { ROOT } from '../helpers/fixture.ts';
import { DomUtils, Parser, parseDocument } from 'htmlparser2';
import { mdxToMdast } from 'satteri';
import { htmlFiles, listFiles, readText } from '../helpers/site.ts';
import { launch, watchErrors } from './browser.ts';

const site = inject('siteUrl');
const dist = inject('distDir');
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
  it('answer 404 with the site’s not-found page and a search box', async () => {
    const page = await context.newPage();
    const res = await page.goto(url('en/cases/no-such-case/'));
    expect(res?.status()).toBe(404);
    expect(await page.textContent('h1')).toBe('Page not found');
    await page.fill('#not-found-q-en', 'Lianjiang');
    await page.press('#not-found-q-en', 'Enter');
    await page.waitForURL(/\/en\/search\/\?q=Lianjiang/);
    expect(await page.inputValue('#header-search-q')).toBe('Lianjiang');
    await page.waitForLoadState('networkidle');
    await page.close();
  });

  it('under /zh/ answer 404 with the Chinese not-found page (bundled server)', async () => {
    const page = await context.newPage();
    const res = await page.goto(url('zh/no-such-page/'));
    expect(res?.status()).toBe(404);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hans');
    expect(await page.textContent('h1')).toBe('页面不存在');
    expect(await page.getAttribute('form.not-found-search', 'action')).toMatch(/\/zh\/search\/$/);
    await page.close();
  });

  it('a host that serves only 404.html shows its Chinese text for /zh/ addresses, the English one elsewhere', async () => {
    const html = readText(dist, '404.html');
    const before = problems.length;
    const page = await context.newPage();
    // what such a host does: the one 404.html, whatever the address
    await page.route('**/zh/gone/', (route) => route.fulfill({ status: 404, contentType: 'text/html; charset=utf-8', body: html }));
    await page.route('**/en/gone/', (route) => route.fulfill({ status: 404, contentType: 'text/html; charset=utf-8', body: html }));
    await page.goto(url('zh/gone/'));
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
    expect(await page.isVisible('[data-not-found-lang="zh"] >> text=页面不存在')).toBe(true);
    expect(await page.isVisible('[data-not-found-lang="en"]')).toBe(false);
    expect(await page.title()).toBe('页面不存在 · 党建案例图谱');
    await page.goto(url('en/gone/'));
    expect(await page.isVisible('[data-not-found-lang="en"] >> text=Page not found')).toBe(true);
    expect(await page.isVisible('[data-not-found-lang="zh"]')).toBe(false);
    // (a favicon request cut short by the second navigation is not an error of the page)
    expect(problems.slice(before).filter((p) => !p.includes('404') && !/favicon\.svg net::ERR_ABORTED/.test(p))).toEqual([]);
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

/** The parts of a parsed profile this test reads. */
interface MdNode { type: string; depth?: number; name?: string | null; value?: string; attributes?: { name?: string; value?: unknown }[]; children?: MdNode[] }
const mdText = (n: MdNode): string => (n.type === 'text' ? n.value! : (n.children ?? []).map(mdText).join(''));
/** Typographic quotes and dashes as plain ones, so source text and rendered text compare. */
const plain = (s: string) => s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();

const hasAncestor = (e: { parent: unknown }, name: string): boolean => {
  for (let p = e.parent as { name?: string; parent: unknown } | null; p; p = p.parent as typeof p) if (p.name === name) return true;
  return false;
};

describe('every profile is rendered from its text', () => {
  for (const doc of data.cases) {
    it(`${doc.lang}/${doc.slug}: headings, paragraphs, figures and printed terms of the MDX, in order`, () => {
      const want = { headings: [] as string[], paragraphs: 0, items: 0, figs: [] as string[], terms: [] as string[] };
      const walk = (n: MdNode, inList = false) => {
        if (n.type === 'heading') want.headings.push(`h${n.depth} ${plain(mdText(n))}`);
        if (n.type === 'paragraph' && !inList) want.paragraphs++;
        if (n.type === 'listItem') want.items++;
        if (n.type === 'mdxJsxTextElement' && n.name === 'Fig') want.figs.push(String(n.attributes!.find((a) => a.name === 'id')!.value));
        if (n.type === 'mdxJsxTextElement' && n.name === 'Term') want.terms.push(plain(mdText(n)));
        for (const c of n.children ?? []) walk(c, inList || n.type === 'listItem');
      };
      walk(mdxToMdast(doc.body) as unknown as MdNode);
      expect(want.paragraphs).toBeGreaterThan(1);
      expect(want.figs.length + want.terms.length).toBeGreaterThan(0);

      const page = parseDocument(readText(dist, `${doc.lang}/cases/${doc.slug}/index.html`));
      const prose = DomUtils.findOne((e) => e.name === 'div' && e.attribs.class === 'prose', page.children)!;
      expect(prose).toBeTruthy();
      const all = DomUtils.findAll(() => true, prose.children);
      const headings = all.filter((e) => /^h[1-6]$/.test(e.name));
      expect(headings.map((h) => `${h.name} ${plain(DomUtils.textContent(h))}`)).toEqual(want.headings);
      const ids = headings.map((h) => h.attribs.id ?? '');
      expect(ids.every((id) => id.length > 0)).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
      expect(all.filter((e) => e.name === 'p' && !hasAncestor(e, 'li')).length).toBe(want.paragraphs);
      expect(all.filter((e) => e.name === 'li').length).toBe(want.items);
      expect(all.filter((e) => e.name === 'a' && e.attribs.class === 'fig').map((a) => a.attribs['data-obs'])).toEqual(want.figs);
      expect(all.filter((e) => e.name === 'span' && e.attribs.class === 'term').map((t) => plain(DomUtils.textContent(t)))).toEqual(want.terms);
      // nothing of the MDX left as text
      expect(DomUtils.textContent(prose)).not.toMatch(/<\/?(?:Fig|Term)\b|\{|\}/);
    });
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

describe('a build without SITE publishes no address it cannot know', () => {
  const files = listFiles(dist);
  it.skipIf(Boolean(process.env.SITE))('no built file names localhost or a loopback address', () => {
    const named = files.filter((f) => !/\.(png|wasm)$/.test(f) && /localhost|127\.0\.0\.1/.test(readText(dist, f)));
    expect(named).toEqual([]);
    expect(files.length).toBeGreaterThan(200);
  });

  it.skipIf(Boolean(process.env.SITE))('links are root-relative; sitemap, feeds, og:url, preview images and the QR code are left out', () => {
    for (const f of ['sitemap.xml', 'sitemap-index.xml', 'en/rss.xml', 'zh/rss.xml']) expect(files, f).not.toContain(f);
    expect(readText(dist, 'robots.txt')).not.toContain('Sitemap');
    const html = readText(dist, 'en/cases/lianjiang/index.html');
    expect(html).toContain('<link rel="canonical" href="/en/cases/lianjiang/">');
    expect(html).toContain('<link rel="alternate" hreflang="zh-Hans" href="/zh/cases/lianjiang/">');
    expect(html).not.toMatch(/og:url|og:image|application\/rss\+xml|aria-label="QR code/);
    expect(html).not.toMatch(/https?:\/\/[^"]*\/en\/cases\/lianjiang\//);
    expect(JSON.parse(readText(dist, 'data/datapackage.json'))).not.toHaveProperty('homepage');
  });

  it.skipIf(Boolean(process.env.SITE))('the share field is completed in the browser with the address the page was opened at', async () => {
    const page = await context.newPage();
    await page.goto(url('zh/cases/lianjiang/'));
    expect(await page.inputValue('#share-url')).toBe(url('zh/cases/lianjiang/'));
    await page.close();
  });
});

describe('words', () => {
  it('Chinese inside English pages is marked lang="zh-Hans" (outside scripts, SVG and titles)', () => {
    const unmarked: string[] = [];
    const RAW = new Set(['script', 'style', 'svg', 'title', 'code', 'pre', 'option', 'textarea']);
    const VOID = new Set(['meta', 'link', 'br', 'img', 'input', 'hr', 'source', 'wbr', 'area', 'base', 'col', 'embed', 'track']);
    const pages = htmlFiles(dist).filter((f) => f.startsWith('en/'));
    for (const f of pages) {
      const stack: { lang: string; raw: boolean }[] = [{ lang: 'en', raw: false }];
      const parser = new Parser(
        {
          onopentag(name, a) {
            if (VOID.has(name)) return;
            const top = stack.at(-1)!;
            stack.push({ lang: a.lang ?? top.lang, raw: top.raw || RAW.has(name) });
          },
          onclosetag(name) {
            if (!VOID.has(name)) stack.pop();
          },
          ontext(t) {
            const top = stack.at(-1)!;
            if (!top.raw && top.lang === 'en' && /\p{Script=Han}/u.test(t)) unmarked.push(`${f}: ${t.trim().slice(0, 40)}`);
          },
        },
        { decodeEntities: true },
      );
      parser.write(readText(dist, f));
      parser.end();
    }
    expect(pages.length).toBeGreaterThan(50);
    expect(unmarked).toEqual([]);
  });

  it('region pages name the kind of place rightly, and no heading repeats it', async () => {
    const page = await context.newPage();
    for (const [id, kind] of [['shanghai', 'Provincial-level municipality'], ['lianjiang', 'County-level city'], ['jiangyang', 'County-level district'], ['yingshan', 'County']]) {
      await page.goto(url(`en/regions/${id}/`));
      const dl = await page.$$eval('dl.meta dt, dl.meta dd', (els) => els.map((e) => e.textContent?.trim()));
      expect(dl[dl.indexOf('Kind of place') + 1], id).toBe(kind);
      expect(await page.textContent('h1')).not.toMatch(/County County|\bCounty\b.*\[County\]/);
      expect(await page.title()).toMatch(/ · Party-Building Case Atlas$/);
    }
    await page.close();
  });
});
