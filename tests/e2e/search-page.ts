// Reading the search page in Chromium, shared by the search tests.
import type { Page } from 'playwright-core';

export interface Shown {
  /** Paths of the results shown, in order. */
  paths: string[];
  /** The case slugs among them. */
  cases: string[];
  /** The status line's text. */
  status: string;
}

/** Wait until the search has settled, then return the results shown (every one of them with `all`, pressing “Show more”). */
export async function searchResults(page: Page, { all = false } = {}): Promise<Shown> {
  await page.waitForFunction(() => {
    const root = document.querySelector('[data-search]');
    const status = document.querySelector('[data-search-status]')?.textContent ?? '';
    return root && !root.hasAttribute('aria-busy') && status !== '' && !/Searching|正在搜索/.test(status);
  });
  while (all && (await page.isVisible('[data-search-more]'))) {
    const shown = await page.locator('[data-search-results] li').count();
    await page.click('[data-search-more]');
    await page.waitForFunction((n) => document.querySelectorAll('[data-search-results] li').length > n, shown);
  }
  const paths = await page.$$eval('[data-search-results] li h2 a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  const cases = paths.map((p) => /\/(?:en|zh)\/cases\/([^/]+)\/$/.exec(p)?.[1]).filter((s): s is string => !!s);
  return { paths, cases, status: (await page.textContent('[data-search-status]')) ?? '' };
}
