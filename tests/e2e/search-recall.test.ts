// Recall and precision of the built search index, measured through Pagefind's own JavaScript API against
// the served site. The expected pages for a term are those whose visible own text (tests/helpers/indexed-text.ts:
// innerText of <main> in Chromium, without teaser cards and controls) contains it; the actual pages are what the
// search page's query returns (searchWholeTerms). Chinese recall depends on how Pagefind segments text when
// indexing and queries when searching, which has changed between releases — so this test also pins the version.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Lang } from '../../src/lib/i18n.ts';
import type { PagefindApi } from '../../src/lib/pagefind-api.ts';
import { loadProject } from '../../src/lib/load.ts';
import { ROOT } from '../helpers/fixture.ts';
import type { Browser } from 'playwright-core';
import { containsTerm, searchablePages, visiblePages, type VisiblePage } from '../helpers/indexed-text.ts';
import { loadPagefind, siteResultUrls } from '../helpers/pagefind.ts';
import { EN_TERMS, ZH_TERMS } from '../helpers/search-terms.ts';
import { launch } from './browser.ts';

const site = inject('siteUrl');
const dist = inject('distDir');
const basePath = new URL(site).pathname.replace(/\/$/, '');

interface Row {
  term: string;
  expected: number;
  found: number;
  missed: string[];
  extra: number;
  extraUrls: string[];
}

/**
 * Precision floors. Measured with Pagefind 1.6.0 (18 cases): 0.95 English, 0.99 Chinese. Before region and
 * theme pages stopped indexing copies of case summaries, and before a Chinese term had to match whole, it was
 * about 0.8 (a query for 三无 returned every page with 三 and 无). English sits lower because a query of two
 * words finds pages that have both words apart, which the yardstick counts as a miss only when one word is
 * absent. 0.9 leaves room for a new case's vocabulary and fails if copies or single-character matches return.
 */
const MIN_PRECISION: Record<Lang, number> = { en: 0.9, zh: 0.9 };

let pages: VisiblePage[];
let browser: Browser | undefined;
const pagefind: Partial<Record<Lang, PagefindApi>> = {};

beforeAll(async () => {
  browser = await launch();
  try {
    pages = await visiblePages(browser, site, searchablePages(dist));
  } finally {
    await browser.close();
  }
  pagefind.en = await loadPagefind(site, 'en');
  pagefind.zh = await loadPagefind(site, 'zh');
}, 180_000);

async function measure(lang: Lang, terms: string[]): Promise<{ rows: Row[]; recall: number; precision: number }> {
  const mine = pages.filter((p) => p.lang === lang);
  const rows: Row[] = [];
  let hit = 0;
  let expectedTotal = 0;
  let foundTotal = 0;
  for (const term of terms) {
    const expected = new Set(mine.filter((p) => containsTerm(p.text, term)).map((p) => p.url));
    const found = new Set((await siteResultUrls(pagefind[lang]!, term)).map((u) => u.slice(basePath.length)));
    const missed = [...expected].filter((u) => !found.has(u));
    hit += expected.size - missed.length;
    expectedTotal += expected.size;
    foundTotal += found.size;
    const extraUrls = [...found].filter((u) => !expected.has(u));
    rows.push({ term, expected: expected.size, found: found.size, missed, extra: extraUrls.length, extraUrls });
  }
  const recall = expectedTotal ? hit / expectedTotal : 0;
  const precision = foundTotal ? hit / foundTotal : 0;
  const lines = rows.map((r) => `  ${r.term.padEnd(24)} expected ${String(r.expected).padStart(3)}  found ${String(r.found).padStart(3)}  missed ${r.missed.length}${r.missed.length ? ` (${r.missed.join(', ')})` : ''}  extra ${r.extra}${r.extraUrls.length ? ` (${r.extraUrls.join(', ')})` : ''}`);
  console.log(`search recall, ${lang}: ${terms.length} terms, ${mine.length} pages — recall ${recall.toFixed(3)}, precision ${precision.toFixed(3)}\n${lines.join('\n')}`);
  return { rows, recall, precision };
}

describe('search recall', () => {
  it('indexes every page with a data-pagefind-body, in both languages', () => {
    const entry = JSON.parse(readFileSync(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(entry.languages.en?.page_count).toBe(pages.filter((p) => p.lang === 'en').length);
    expect(entry.languages['zh-hans']?.page_count).toBe(pages.filter((p) => p.lang === 'zh').length);
    expect(pages.some((p) => p.url.startsWith('/zh/cases/'))).toBe(true);
  });

  it('runs the pinned Pagefind version', () => {
    const pinned = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies.pagefind;
    expect(pinned, 'pagefind must be pinned to an exact version in package.json').toMatch(/^\d+\.\d+\.\d+$/);
    const entry = JSON.parse(readFileSync(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { version: string };
    expect(entry.version).toBe(pinned);
  });

  it(`finds ${ZH_TERMS.length} Chinese terms with recall ≥ 0.95 and precision ≥ ${MIN_PRECISION.zh}`, async () => {
    const { rows, recall, precision } = await measure('zh', ZH_TERMS);
    expect(rows.filter((r) => r.expected === 0).map((r) => r.term), 'terms that no Chinese page contains').toEqual([]);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(MIN_PRECISION.zh);
  });

  it(`finds ${EN_TERMS.length} English terms with recall ≥ 0.95 and precision ≥ ${MIN_PRECISION.en}`, async () => {
    const { rows, recall, precision } = await measure('en', EN_TERMS);
    expect(rows.filter((r) => r.expected === 0).map((r) => r.term), 'terms that no English page contains').toEqual([]);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(MIN_PRECISION.en);
  });
});

describe('cross-language search', () => {
  // Every case carrying the theme; the four the source reports describe as three-no compounds must be among them.
  const data = loadProject(ROOT);
  const wanted = data.cases.filter((c) => c.lang === 'en' && c.frontmatter.themes.includes('three-no-communities')).map((c) => c.slug).sort();

  for (const lang of ['en', 'zh'] as const) {
    for (const query of ['three-no communities', '三无小区']) {
      it(`“${query}” finds the three-no community cases on /${lang}/`, async () => {
        expect(wanted).toEqual(expect.arrayContaining(['jiangyang', 'lianjiang', 'maonan', 'shuangliao']));
        const urls = (await siteResultUrls(pagefind[lang]!, query)).map((u) => u.slice(basePath.length));
        const cases = urls.filter((u) => u.startsWith(`/${lang}/cases/`)).map((u) => u.split('/')[3]);
        expect(cases.sort()).toEqual(expect.arrayContaining(wanted));
      });
    }
  }
});
