// Every built page, both languages, on a 360×740 phone screen in Chromium: nothing scrolls sideways,
// no chart text is drawn smaller than 11 px as rendered, the header stays compact, and the console
// stays clean.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { htmlFiles } from '../helpers/site.ts';
import { launch } from './browser.ts';

const site = inject('siteUrl');
const dist = inject('distDir');
const PHONE = { width: 360, height: 740 };
/** Smallest chart text a phone reader can read, in CSS px as rendered (GUIDE: “chart text at least 11 px”). */
const MIN_TEXT = 11;
const MAX_HEADER = 100;

/** Addresses of every built page: en/cases/x/index.html → en/cases/x/ (the search index's files are not pages). */
const pages = htmlFiles(dist)
  .filter((f) => !f.startsWith('pagefind/'))
  .map((f) => f.replace(/(^|\/)index\.html$/, '$1'));

let browser: Browser;
let context: BrowserContext;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
  page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
});
afterAll(async () => {
  await browser?.close();
});

interface PhoneFacts {
  scrollWidth: number;
  innerWidth: number;
  /** Elements sticking out past the right edge (to say what overflows). */
  wide: string[];
  header: number;
  /** SVG text drawn below the minimum: “chart id: text (size px)”. */
  small: string[];
}

/** Measure the page as it is on screen. */
function measure(p: Page, min: number): Promise<PhoneFacts> {
  return p.evaluate((minText) => {
    const doc = document.scrollingElement ?? document.documentElement;
    const wide: string[] = [];
    for (const e of document.querySelectorAll('body *')) {
      const r = e.getBoundingClientRect();
      if (r.right > innerWidth + 1 && r.width > 0 && !e.closest('[hidden], .table-wrap, nav, svg')) {
        wide.push(`${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className && typeof e.className === 'string' ? `.${e.className.split(' ')[0]}` : ''} (right edge ${Math.round(r.right)} px)`);
        if (wide.length >= 5) break;
      }
    }
    const small: string[] = [];
    for (const svg of document.querySelectorAll<SVGSVGElement>('svg')) {
      const box = svg.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue; // not shown (a closed <details>, hidden)
      const vb = svg.viewBox.baseVal;
      const scale = vb && vb.width > 0 ? box.width / vb.width : 1;
      const where = svg.closest('figure[id]')?.id ?? svg.id ?? 'svg';
      for (const t of svg.querySelectorAll<SVGTextElement>('text')) {
        const text = t.textContent?.trim();
        if (!text || t.getBoundingClientRect().width === 0) continue;
        const size = parseFloat(getComputedStyle(t).fontSize) * scale;
        if (size < minText - 0.05) small.push(`${where}: “${text.slice(0, 40)}” (${size.toFixed(1)} px)`);
      }
    }
    const header = document.querySelector('.site-header')?.getBoundingClientRect().height ?? 0;
    return { scrollWidth: doc.scrollWidth, innerWidth, wide, header, small };
  }, min);
}

describe(`every page at ${PHONE.width}×${PHONE.height}`, () => {
  it('finds the built pages of both languages', () => {
    expect(pages.filter((p) => p.startsWith('en/')).length).toBeGreaterThan(50);
    expect(pages.filter((p) => p.startsWith('zh/')).length).toBe(pages.filter((p) => p.startsWith('en/')).length);
  });

  for (const path of pages) {
    it(`/${path}`, async () => {
      errors.length = 0;
      await page.goto(new URL(path, site).href);
      await page.waitForLoadState('networkidle');
      const facts = await measure(page, MIN_TEXT);
      const problems: string[] = [];
      if (facts.scrollWidth > facts.innerWidth) problems.push(`scrolls sideways: ${facts.scrollWidth} px wide on a ${facts.innerWidth} px screen; ${facts.wide.join(', ')}`);
      if (facts.header > MAX_HEADER) problems.push(`header ${Math.round(facts.header)} px tall (at most ${MAX_HEADER})`);
      for (const s of facts.small) problems.push(`chart text below ${MIN_TEXT} px: ${s}`);
      for (const e of errors) problems.push(`console: ${e}`);
      expect(problems).toEqual([]);
    });
  }
});
