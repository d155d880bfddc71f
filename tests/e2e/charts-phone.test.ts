// The charts as a reader sees them on a 360 px phone (and on a desktop): rendered text size, labels
// whole, nothing sticking out of the chart or the page, the layout that fits shown, downloads complete.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, watchErrors } from './browser.ts';
import { Atlas } from '../../src/lib/atlas.ts';
import { loadProject } from '../../src/lib/load.ts';
import { ROOT } from '../helpers/fixture.ts';

const site = inject('siteUrl');
const url = (path: string) => new URL(path, site).href;

let browser: Browser;
let phone: BrowserContext;
let desktop: BrowserContext;
let problems: string[];

beforeAll(async () => {
  browser = await launch();
  phone = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, hasTouch: true, isMobile: true });
  desktop = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  problems = [...watchErrors(phone), ...watchErrors(desktop)];
});
afterAll(async () => {
  await browser?.close();
});

const PAGES = [
  ['home (map, timeline)', '', 2],
  ['case page (key figures in context)', 'cases/lianjiang/', 1],
  ['case page (key figures in context)', 'cases/jiangyang/', 1],
  ['county page (map)', 'regions/lianjiang/', 1],
  ['province page (map)', 'regions/guangdong/', 1],
  ['themes index (matrix)', 'themes/', 1],
] as const;

interface ChartReport {
  figure: string;
  shown: number;
  texts: number;
  small: string[];
  cut: string[];
  outside: string[];
  figureOverflow: number;
}

/** Every chart drawing on the page that is displayed: its text as rendered (font size × SVG scale), cut labels, marks beyond the SVG. */
async function measure(page: Page): Promise<ChartReport[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('figure.chart')].map((fig) => {
      const svgs = [...fig.querySelectorAll<SVGSVGElement>('[data-chart-body] svg')].filter((s) => s.getClientRects().length > 0);
      const small: string[] = [];
      const cut: string[] = [];
      const outside: string[] = [];
      let texts = 0;
      for (const svg of svgs) {
        const box = svg.getBoundingClientRect();
        const scale = box.width / svg.viewBox.baseVal.width;
        for (const t of svg.querySelectorAll<SVGTextElement>('text')) {
          if (!t.textContent?.trim()) continue;
          texts++;
          const px = parseFloat(getComputedStyle(t).fontSize) * scale;
          if (px < 11 - 0.01) small.push(`“${t.textContent}” at ${px.toFixed(1)} px`);
          if (t.textContent.includes('…')) cut.push(t.textContent);
          const r = t.getBoundingClientRect();
          if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) outside.push(`text “${t.textContent}”`);
        }
        for (const m of svg.querySelectorAll<SVGGraphicsElement>('.points path, .points circle, rect[fill="#9b1c1c"], .other line, .other rect')) {
          const r = m.getBoundingClientRect();
          if (r.width === 0 && r.height === 0) continue;
          if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) outside.push(`${m.tagName} in ${m.parentElement?.getAttribute('class') ?? m.parentElement?.tagName}`);
        }
      }
      return { figure: fig.id, shown: svgs.length, texts, small, cut, outside, figureOverflow: fig.scrollWidth - fig.clientWidth };
    }),
  );
}

for (const lang of ['en', 'zh'] as const)
  describe(`charts on a 360 px phone (${lang})`, () => {
    for (const [what, path, count] of PAGES)
      it(`${what}: ${count} chart(s), one drawing each, text ≥ 11 px as rendered, whole labels, nothing outside, no sideways scroll`, async () => {
        const page = await phone.newPage();
        await page.goto(url(`${lang}/${path}`));
        const charts = await measure(page);
        expect(charts.map((c) => c.figure)).toHaveLength(count);
        for (const c of charts) {
          expect(c.shown, `${c.figure}: exactly one drawing shown`).toBe(1);
          expect(c.texts, `${c.figure}: has text`).toBeGreaterThan(3);
          expect(c.small, `${c.figure}: text below 11 px`).toEqual([]);
          expect(c.cut, `${c.figure}: labels cut with …`).toEqual([]);
          expect(c.outside, `${c.figure}: marks or text outside the chart`).toEqual([]);
          expect(c.figureOverflow, `${c.figure}: wider than its column`).toBeLessThanOrEqual(0);
        }
        // the charts themselves never push the page sideways
        const widest = await page.evaluate(() => Math.max(...[...document.querySelectorAll('figure.chart, figure.chart svg')].map((e) => e.getBoundingClientRect().right)));
        expect(widest).toBeLessThanOrEqual(360);
        await page.close();
      });
  });

describe('charts on a desktop', () => {
  for (const lang of ['en', 'zh'] as const)
    for (const [what, path] of PAGES)
      it(`${lang}, ${what}: the wide drawing is shown where it fits, its text ≥ 11 px`, async () => {
        const page = await desktop.newPage();
        await page.goto(url(`${lang}/${path}`));
        for (const c of await measure(page)) {
          expect(c.shown).toBe(1);
          expect(c.small, `${c.figure}: text below 11 px`).toEqual([]);
          expect(c.cut).toEqual([]);
          expect(c.outside).toEqual([]);
        }
        // the map and the key figures have room for their wide drawing at 1280 px
        const wide = await page.evaluate(() => [...document.querySelectorAll('#fig-map svg, #fig-key-figures svg')].filter((s) => s.getClientRects().length > 0).map((s) => s.classList.contains('chart-v-wide')));
        expect(wide.every(Boolean)).toBe(true);
        await page.close();
      });
});

describe('every case and region page on a phone', () => {
  const atlas = new Atlas(loadProject(ROOT));
  const kinds = [
    ['case', atlas.caseList().map((c) => `cases/${c.slug}/`)],
    ['region', atlas.regions().map((r) => `regions/${r.id}/`)],
  ] as const;
  for (const lang of ['en', 'zh'] as const)
    for (const [kind, paths] of kinds)
      it(`${lang}: every ${kind} page's chart keeps text ≥ 11 px and inside the drawing, with no label cut`, async () => {
        const page = await phone.newPage();
        const bad: string[] = [];
        for (const path of paths) {
          await page.goto(url(`${lang}/${path}`));
          for (const c of await measure(page)) for (const p of [...c.small, ...c.cut, ...c.outside]) bad.push(`${path} ${c.figure}: ${p}`);
        }
        expect(bad).toEqual([]);
        await page.close();
      }, 240_000);
});

describe('maps a reader can use on a touch screen', () => {
  it('numbers every symbol on the national map and lists the numbers with their places; the Chinese map has the South China Sea inset', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const page = await phone.newPage();
      await page.goto(url(`${lang}/`));
      const r = await page.evaluate(() => {
        const svg = [...document.querySelectorAll<SVGSVGElement>('#fig-map svg')].find((s) => s.getClientRects().length > 0)!;
        return {
          numbers: [...svg.querySelectorAll('.map-point')].map((a) => a.getAttribute('data-n')),
          labels: [...svg.querySelectorAll('.map-point .map-n')].map((t) => t.textContent),
          key: [...svg.querySelectorAll('.map-key-entry')].map((a) => a.getAttribute('data-n')),
          colours: [...svg.querySelectorAll('.map-legend path')].map((p) => p.getAttribute('fill')),
          inset: svg.querySelectorAll('.map-inset circle').length,
          insetLabel: svg.querySelector('.map-inset text')?.textContent ?? null,
        };
      });
      expect(r.numbers.length).toBeGreaterThan(10);
      expect(r.labels).toEqual(r.numbers);
      expect(r.key).toEqual(r.numbers);
      expect(new Set(r.colours).size).toBe(r.colours.length);
      if (lang === 'zh') {
        expect(r.inset).toBeGreaterThan(5);
        expect(r.insetLabel).toBe('南海诸岛');
      } else expect(r.inset).toBe(0);
      await page.close();
    }
  });
});

describe('downloads explain themselves', () => {
  it('the SVG of the key figures chart carries title, legend, this case’s source, the compared sources, the address and the licence', async () => {
    const page = await phone.newPage();
    await page.goto(url('en/cases/lianjiang/'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#fig-key-figures button[data-download="svg"]')]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const svg = readFileSync(path, 'utf8');
    expect(download.suggestedFilename()).toBe('fig-key-figures.svg');
    expect(svg).toContain('Key figures in context');
    expect(svg).toContain('Dark bar');
    expect(svg).toContain('Source:');
    expect(svg).toContain('Compared with figures from');
    expect(svg).toContain('CC BY 4.0');
    expect(svg).toContain(url('en/cases/lianjiang/#fig-key-figures'));
    // the wide drawing, even from a phone: an image is read outside the page
    expect(svg).toMatch(/<svg[^>]+width="680"/);
    await page.close();
  });
  it('no console errors on these pages', () => {
    expect(problems).toEqual([]);
  });
});
