// Theme pages, related cases, the About page, how sources are named, and embeddable charts.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { Parser } from 'htmlparser2';
import type { Browser, BrowserContext } from 'playwright-core';
import { Atlas } from '../../src/lib/atlas.ts';
import { loadProject } from '../../src/lib/load.ts';
import { checkCorrections } from '../../src/lib/corrections.ts';
import { themeObservations } from '../../src/charts/theme-figures.ts';
import { ROOT } from '../helpers/fixture.ts';
import { htmlFiles, readText } from '../helpers/site.ts';
import { launch, watchErrors } from './browser.ts';

const site = inject('siteUrl');
const dist = inject('distDir');
const url = (path: string) => new URL(path, site).href;
const atlas = new Atlas(loadProject(ROOT));
const LANGS = ['en', 'zh'] as const;

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

describe('theme pages', () => {
  for (const lang of LANGS) {
    it(`every theme with cases has a synthesis, a map of its cases, a chart of its indicators and theme figures on its cards (${lang})`, async () => {
      const page = await context.newPage();
      for (const th of atlas.data.themes) {
        const cases = atlas.casesWithTheme(th.id);
        if (!cases.length) continue;
        await page.goto(url(`${lang}/themes/${th.id}/`));
        const synthesis = page.locator('[data-theme-synthesis]');
        expect(await synthesis.count(), th.id).toBe(1);
        expect((await synthesis.innerText()).length, th.id).toBeGreaterThan(lang === 'en' ? 200 : 80);
        // the map has one symbol per case, linking to it
        const symbols = await page.locator('#fig-theme-map svg a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
        for (const c of cases) expect(symbols.some((h) => h.endsWith(`/${lang}/cases/${c.slug}/`)), `${th.id} map: ${c.slug}`).toBe(true);
        // the chart: one panel per comparable indicator that the theme's cases report
        const hasFigures = cases.some((c) => c.observations.some((o) => th.indicators.includes(o.indicator) && atlas.indicators.get(o.indicator)!.comparable));
        expect(await page.locator('#fig-theme-figures .theme-panel svg').count() > 0, `${th.id} chart`).toBe(hasFigures);
        // the cards: each case's figures are those of the theme's indicators, none other
        for (const c of cases) {
          const card = page.locator('.case-list li', { has: page.locator(`a[href$="/${lang}/cases/${c.slug}/"]`) });
          const text = await card.innerText();
          for (const o of themeObservations(th, c)) expect(text, `${th.id} card ${c.slug}`).toContain(lang === 'en' ? o.label_en : o.label_zh);
          for (const o of c.key) if (!th.indicators.includes(o.indicator)) expect(text, `${th.id} card ${c.slug} shows unrelated ${o.id}`).not.toContain(lang === 'en' ? `${o.label_en}:` : `${o.label_zh}：`);
        }
      }
      await page.close();
      expect(problems).toEqual([]);
    });
  }
  it('the Chinese page lists Chinese terms first, the English page English terms first', async () => {
    const page = await context.newPage();
    for (const lang of LANGS) {
      await page.goto(url(`${lang}/themes/three-no-communities/`));
      expect(await page.locator('.meta dd span').first().getAttribute('lang')).toBe(lang === 'en' ? 'en' : 'zh-Hans');
    }
    await page.close();
  });
  it('themes are listed in one order: the themes index, the home page and the matrix agree', () => {
    for (const lang of LANGS) {
      const ids = (file: string, re: RegExp) => [...readText(dist, file).matchAll(re)].map((m) => m[1]!);
      const index = ids(`${lang}/themes/index.html`, /<dt><a href="[^"]*\/themes\/([a-z-]+)\/"/g);
      const home = ids(`${lang}/index.html`, /<li><a href="[^"]*\/themes\/([a-z-]+)\/"/g);
      const matrix = readText(dist, `${lang}/charts/themes-matrix.csv`).trim().split('\n').slice(1).map((l) => l.split(',')[0]!);
      expect(index.length).toBe(atlas.data.themes.length);
      expect(home).toEqual(index);
      expect(matrix).toEqual(index);
      const counts = index.map((id) => atlas.casesWithTheme(id).length);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    }
  });
});

describe('related cases', () => {
  it('every case page lists related cases, each with its reason in words (both languages)', () => {
    for (const lang of LANGS)
      for (const c of atlas.caseList()) {
        const html = readText(dist, `${lang}/cases/${c.slug}/index.html`);
        const items = [...html.matchAll(/<li data-related-case="([a-z0-9-]+)"[^>]*>([\s\S]*?)<\/li>/g)];
        expect(items.length, `${lang} ${c.slug}`).toBeGreaterThan(0);
        for (const [, slug, body] of items) {
          expect(slug).not.toBe(c.slug);
          const why = /class="related-why"[^>]*>([^<]+)</.exec(body!)?.[1] ?? '';
          expect(why, `${lang} ${c.slug} → ${slug}`).toMatch(lang === 'en' ? /^(also |same (province|city): )/ : /^(同为|同在|也报告了)/);
        }
      }
  });
  it('Lianjiang names Maonan as in the same province', () => {
    const html = readText(dist, 'en/cases/lianjiang/index.html');
    expect(html).toMatch(/data-related-case="maonan"[\s\S]*?same province: Guangdong/);
    expect(readText(dist, 'zh/cases/lianjiang/index.html')).toMatch(/data-related-case="maonan"[\s\S]*?同在广东省/);
  });
});

describe('About page', () => {
  const log = checkCorrections(ROOT, atlas.caseList().map((c) => c.slug)).rows;
  for (const lang of LANGS) {
    it(`explains who it is for, how cases are chosen, how to report an error, and shows the corrections log (${lang})`, async () => {
      const page = await context.newPage();
      await page.goto(url(`${lang}/`));
      await page.locator('.site-footer a[href$="/about/"]').click();
      expect(page.url()).toBe(url(`${lang}/about/`));
      expect(await page.locator('h2').count()).toBeGreaterThanOrEqual(4);
      const text = await page.locator('main').innerText();
      expect(text).toContain(String(atlas.caseList().length)); // case count from the data, not typed
      expect(await page.locator('[data-corrections] > li').count()).toBe(log.length);
      expect(await page.locator('[data-last-changed]').getAttribute('data-last-changed')).toBe('2026-11-29');
      await page.close();
    });
  }
});

/** Visible text of a built page: no script, style or attribute; BibTeX keys and the data page's column documentation left aside. */
function visibleText(html: string, file: string): string {
  let out = '';
  let skip = 0;
  const stack: string[] = [];
  const docs = /(^|\/)data\/index\.html$/.test(file);
  const parser = new Parser({
    onopentag(name) {
      stack.push(name);
      if (name === 'script' || name === 'style' || name === 'textarea' || (docs && name === 'code')) skip++;
    },
    ontext(t) {
      if (!skip && !(stack.includes('pre') && /^\s*@\w+\{/.test(t))) out += t + ' ';
    },
    onclosetag(name) {
      stack.pop();
      if (name === 'script' || name === 'style' || name === 'textarea' || (docs && name === 'code')) skip--;
    },
  }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  return out;
}

describe('sources are named by their report', () => {
  it('no page shows a source id or a page file name as text', () => {
    const ids = atlas.data.sources.flatMap((s) => [s.id, s.file]);
    const found: string[] = [];
    for (const file of htmlFiles(dist)) {
      const text = visibleText(readText(dist, file), file);
      for (const id of ids) if (text.includes(id)) found.push(`${file}: ${id}`);
    }
    expect(found).toEqual([]);
  });
  it('the case page names the report and says what the page does not print', () => {
    const en = readText(dist, 'en/cases/lianjiang/index.html');
    expect(en).toContain('publication not printed on the page');
    expect(readText(dist, 'zh/cases/lianjiang/index.html')).toContain('版面未印报纸名称');
    const xiqiao = readText(dist, 'en/cases/xiqiao/index.html');
    expect(xiqiao).toContain('珠江时报');
  });
});

describe('embeddable charts', () => {
  let parent: Server;
  let parentUrl = '';
  beforeAll(async () => {
    // A page on ANOTHER origin (localhost and another port, the site being on 127.0.0.1) that frames two pages of the site.
    parent = createServer((req, res) => {
      const src = new URL(req.url ?? '/', 'http://x').searchParams.get('src') ?? '';
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><title>parent</title><iframe id="f" src="${src.replace(/"/g, '&quot;')}" width="600" height="500"></iframe>`);
    });
    await new Promise<void>((r) => parent.listen(0, 'localhost', () => r()));
    const a = parent.address();
    parentUrl = `http://localhost:${typeof a === 'object' && a ? a.port : 0}/`;
    expect(new URL(parentUrl).origin).not.toBe(new URL(site).origin);
  });
  afterAll(async () => {
    await new Promise<void>((r) => parent.close(() => r()));
  });

  async function framed(path: string): Promise<{ ok: boolean; title: string }> {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${parentUrl}?src=${encodeURIComponent(url(path))}`);
    await page.waitForLoadState('load');
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    let ok = false;
    let title = '';
    try {
      await frame.waitForSelector('figure.chart', { timeout: 5000 });
      ok = frame.url().startsWith(new URL(site).origin);
      title = ok ? await frame.locator('.chart-title').first().innerText() : '';
    } catch {
      ok = false;
    }
    await ctx.close();
    return { ok, title };
  }

  it('an embed page renders inside an iframe on another origin', async () => {
    const r = await framed('en/embed/map/');
    expect(r.ok).toBe(true);
    expect(r.title).toBe('Cases on the map');
  });
  it('a normal page refuses to be framed there', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${parentUrl}?src=${encodeURIComponent(url('en/'))}`);
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    await page.waitForLoadState('load');
    // the blocked frame holds the browser's error page, never the site's header
    expect(frame.url().startsWith(new URL(site).origin) && (await frame.locator('.site-header').count()) > 0).toBe(false);
    await ctx.close();
  });
  it('every chart on a page has an Embed control with an <iframe> snippet for its embed page', async () => {
    const page = await context.newPage();
    for (const [path, key] of [['en/', 'map'], ['zh/themes/contests/', 'theme-contests-figures'], ['en/cases/lianjiang/', 'case-lianjiang-key']] as const) {
      await page.goto(url(path));
      const charts = await page.locator('figure.chart').count();
      expect(await page.locator('figure.chart details[data-embed]').count(), path).toBe(charts);
      // opening the control completes the address (a build without SITE writes it root-relative)
      const control = page.locator(`figure.chart details[data-embed][data-embed-src*="/embed/${key}/"]`);
      await control.locator('summary').click();
      // the address is completed when the control's toggle event has run
      await expect.poll(() => control.locator('textarea').inputValue()).toContain(`src="${new URL(url(path)).origin}/`);
      const snippet = await control.locator('textarea').inputValue();
      expect(snippet, path).toMatch(new RegExp(`^<iframe src="[^"]*/${path.slice(0, 2)}/embed/${key}/" title="[^"]+" width="100%"`));
      const src = /src="([^"]+)"/.exec(snippet)![1]!;
      const res = await fetch(url(new URL(src).pathname.replace(/^\//, '')));
      expect(res.status, src).toBe(200);
    }
    await page.close();
  });
  it('the comparison embed takes the comparison page’s address state, and its snippet follows the page', async () => {
    const page = await context.newPage();
    await page.goto(url('en/compare/?indicator=money_invested&places=guangdong&sort=asc'));
    await page.locator('#fig-compare details[data-embed] summary').click();
    const area = page.locator('#fig-compare details[data-embed] textarea');
    await expect.poll(() => area.inputValue()).toContain('/en/embed/compare/?indicator=money_invested&amp;places=guangdong&amp;sort=asc');
    const rows = atlas.observationsOf('money_invested').filter((o) => atlas.within(o.place, 'guangdong'));
    await page.goto(url('en/embed/compare/?indicator=money_invested&places=guangdong&sort=asc'));
    await page.waitForFunction((n) => document.querySelectorAll('#fig-compare [data-chart-body] svg a').length === n, rows.length);
    expect(await page.locator('#fig-compare .chart-title').innerText()).toBe(atlas.indicators.get('money_invested')!.name_en);
    expect(await page.locator('a[data-embed-full]').getAttribute('href')).toMatch(/\/en\/compare\/\?indicator=money_invested&places=guangdong&sort=asc$/);
    await page.close();
  });
  for (const lang of LANGS)
    it(`embed pages fit a 320 px iframe without sideways scroll, with title, source line, licence and a link back (${lang})`, async () => {
      const ctx = await browser.newContext({ viewport: { width: 320, height: 640 } });
      const page = await ctx.newPage();
      for (const key of ['map', 'timeline', 'themes-matrix', 'case-lianjiang-key', 'theme-three-no-communities-map', 'theme-contests-figures', 'compare']) {
        await page.goto(url(`${lang}/embed/${key}/`));
        expect(await page.evaluate(() => document.documentElement.scrollWidth), key).toBeLessThanOrEqual(320);
        expect(await page.locator('.chart-title').count(), key).toBeGreaterThan(0);
        expect(await page.locator('[data-chart-source]').count(), key).toBeGreaterThan(0);
        expect(await page.locator('a[rel=license]').count(), key).toBe(1);
        expect(await page.locator('a[data-embed-full]').count(), key).toBe(1);
        expect(await page.locator('.site-header').count(), key).toBe(0);
      }
      // a chart whose title does not name its case says which case it is
      await page.goto(url(`${lang}/embed/case-lianjiang-key/`));
      expect(await page.locator('.embed-kicker').innerText()).toBe(atlas.cases.get('lianjiang')!.docs[lang]!.frontmatter.title);
      await ctx.close();
    });
});
