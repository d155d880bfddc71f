// The yardstick the search is measured against: what a reader sees as each page's own text. Each page is opened
// in Chromium and the text is the rendered `innerText` of its <main> — what is on screen, laid out, with blocks
// apart — not anything the indexer is given. It shares no rule with the indexing code: no element list, no
// exclusion list, no data-pagefind-* attribute. Three things a reader does not take as the page's own words are
// left out, by rules of this file:
//  - teaser cards: a list item that opens with a heading linking to another page (a case card on a region or
//    theme page) shows that other page's title and summary;
//  - credits for other cases' figures: a chart's line that opens “Compared with figures from” / “对比数字来自”
//    lists the reports other cases come from;
//  - controls: buttons, form fields and download links (“Download CSV”, “Copy link”).
import { readFileSync } from 'node:fs';
import { listFiles } from '../../src/lib/paths.ts';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';

export interface VisiblePage {
  /** Site-relative URL, as Pagefind reports it without a base: /en/cases/lianjiang/ */
  url: string;
  lang: 'en' | 'zh';
  text: string;
}

/** Site-relative URLs of the built pages that ask to be searchable (carry a data-pagefind-body element). */
export function searchablePages(distDir: string): string[] {
  return listFiles(distDir)
    .filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'))
    .filter((f) => readFileSync(join(distDir, f), 'utf8').includes('data-pagefind-body'))
    .map((f) => '/' + f.replace(/index\.html$/, ''));
}

/** The visible own text of each page (whitespace collapsed, NFC), read in Chromium from the served site. */
export async function visiblePages(browser: Browser, siteUrl: string, urls: readonly string[]): Promise<VisiblePage[]> {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  await context.route('**/*', (route) => (['image', 'font', 'media'].includes(route.request().resourceType()) ? route.abort() : route.continue()));
  const pages: VisiblePage[] = [];
  try {
    const page = await context.newPage();
    for (const url of urls) {
      await page.goto(new URL(url.replace(/^\//, ''), siteUrl).href);
      const creditOpening = ['Compared with figures from', '对比数字来自'];
      const text = await page.evaluate((creditOpening) => {
        const main = document.querySelector('main');
        if (!main) return '';
        const here = location.pathname;
        const teaser = (li: Element) => {
          const link = li.querySelector(':scope > h2 > a[href], :scope > h3 > a[href], :scope > h4 > a[href]');
          return !!link && new URL((link as HTMLAnchorElement).href).pathname !== here;
        };
        const out: HTMLElement[] = [];
        for (const li of main.querySelectorAll('li')) if (teaser(li)) out.push(li as HTMLElement);
        for (const p of main.querySelectorAll('p')) if (creditOpening.some((o) => (p as HTMLElement).innerText.trim().startsWith(o))) out.push(p as HTMLElement);
        for (const el of main.querySelectorAll('button, select, input, textarea, a[download]')) out.push(el as HTMLElement);
        // take them out of the layout, read the text, put them back
        const saved = out.map((el) => [el, el.style.display] as const);
        for (const el of out) el.style.display = 'none';
        const text = main.innerText;
        for (const [el, display] of saved) el.style.display = display;
        return text;
      }, creditOpening);
      pages.push({ url, lang: url.startsWith('/zh/') ? 'zh' : 'en', text: text.replace(/\s+/g, ' ').trim().normalize('NFC') });
    }
  } finally {
    await context.close();
  }
  return pages;
}

/**
 * Is the page about the term, as a keyword search understands it? Chinese: the term as a substring (a reader
 * typing 三无 wants 三无, not 三 and 无 apart). Latin script: every word of the term begins a word of the text,
 * in any order, ignoring case (“contest” finds “contests”; “village secretaries” finds a page that has both).
 */
export function containsTerm(text: string, term: string): boolean {
  if (/\p{Script=Han}/u.test(term)) return text.includes(term);
  return term
    .split(/[\s-]+/)
    .filter(Boolean)
    .every((word) => new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'iu').test(text));
}
