// Recall (and precision) of the built search index, measured through Pagefind's own JavaScript API against
// the served site. The expected pages for a term are those whose indexed text (the data-pagefind-body element)
// contains it; the actual pages are what pagefind.search() returns. Chinese recall depends on how Pagefind
// segments text when indexing and queries when searching, which has changed between releases — so this test
// is also what pins the Pagefind version.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Lang } from '../../src/lib/i18n.ts';
import type { PagefindApi } from '../../src/lib/pagefind-api.ts';
import { loadProject } from '../../src/lib/load.ts';
import { ROOT } from '../helpers/fixture.ts';
import { containsTerm, indexedPages, type IndexedPage } from '../helpers/indexed-text.ts';
import { loadPagefind, resultUrls } from '../helpers/pagefind.ts';

const site = inject('siteUrl');
const dist = inject('distDir');
const basePath = new URL(site).pathname.replace(/\/$/, '');

/** Place names, programme names and policy terms from the Chinese profiles, 2–4 characters each. */
const ZH_TERMS = [
  // places
  '廉江', '湛江', '双辽', '四平', '茂南', '茂名', '崇明', '东平镇', '景宁', '丽水', '东营', '六户镇', '锣鼓坳', '英山',
  '庐阳', '合肥', '西樵', '南海', '澄迈', '大理', '弥渡', '花桥', '广安', '遵义', '安铺镇', '老马村', '王奔镇', '武王村',
  // programmes and slogans
  '三无小区', '弃管小区', '书记论坛', '头雁', '三亮', '一网通办', '幸福工程', '首善先锋', '交接单', '擂台比武', '楼道管家',
  '长者饭堂', '联合社', '示范岗', '党日',
  // policy vocabulary
  '脱贫攻坚', '乡村振兴', '集体经济', '党建引领', '志愿服务', '离任', '述职评议', '网格', '党史学习', '基层治理', '非公企业',
  '党员干部', '灾后重建', '牛粪', '西红柿', '创评',
];

/** The same kinds of terms from the English profiles. */
const EN_TERMS = [
  'Lianjiang', 'Shuangliao', 'Maonan', 'Chongming', 'Jingning', 'Dongying', 'Xiqiao', 'Chengmai', 'Dali', 'Huaqiao',
  'Zunyi', 'Luoguao', 'three-no communities', 'abandoned compounds', 'contest', 'forum', 'tomatoes', 'manure',
  'handover', 'collective income', 'volunteers', 'grid', 'service centre', 'poverty alleviation', 'homestays',
  'pioneer', 'village secretaries', 'lead goose', 'one-stop', 'museum',
];

interface Row {
  term: string;
  expected: number;
  found: number;
  missed: string[];
  extra: number;
}

let pages: IndexedPage[];
const pagefind: Partial<Record<Lang, PagefindApi>> = {};

beforeAll(async () => {
  pages = indexedPages(dist);
  pagefind.en = await loadPagefind(site, 'en');
  pagefind.zh = await loadPagefind(site, 'zh');
});

async function measure(lang: Lang, terms: string[]): Promise<{ rows: Row[]; recall: number; precision: number }> {
  const mine = pages.filter((p) => p.lang === lang);
  const rows: Row[] = [];
  let hit = 0;
  let expectedTotal = 0;
  let foundTotal = 0;
  for (const term of terms) {
    const expected = new Set(mine.filter((p) => containsTerm(p.text, term)).map((p) => p.url));
    const found = new Set((await resultUrls(pagefind[lang]!, term)).map((u) => u.slice(basePath.length)));
    const missed = [...expected].filter((u) => !found.has(u));
    hit += expected.size - missed.length;
    expectedTotal += expected.size;
    foundTotal += found.size;
    rows.push({ term, expected: expected.size, found: found.size, missed, extra: [...found].filter((u) => !expected.has(u)).length });
  }
  const recall = expectedTotal ? hit / expectedTotal : 0;
  const precision = foundTotal ? hit / foundTotal : 0;
  const lines = rows.map((r) => `  ${r.term.padEnd(24)} expected ${String(r.expected).padStart(3)}  found ${String(r.found).padStart(3)}  missed ${r.missed.length}${r.missed.length ? ` (${r.missed.join(', ')})` : ''}  extra ${r.extra}`);
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

  it(`finds ${ZH_TERMS.length} Chinese terms with recall ≥ 0.95`, async () => {
    expect(ZH_TERMS.length).toBeGreaterThanOrEqual(40);
    for (const term of ZH_TERMS) expect([...term].length, term).toBeGreaterThanOrEqual(2), expect([...term].length, term).toBeLessThanOrEqual(4);
    const { rows, recall } = await measure('zh', ZH_TERMS);
    expect(rows.filter((r) => r.expected === 0).map((r) => r.term), 'terms that no Chinese page contains').toEqual([]);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it(`finds ${EN_TERMS.length} English terms with recall ≥ 0.95`, async () => {
    expect(EN_TERMS.length).toBeGreaterThanOrEqual(20);
    const { rows, recall } = await measure('en', EN_TERMS);
    expect(rows.filter((r) => r.expected === 0).map((r) => r.term), 'terms that no English page contains').toEqual([]);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
});

describe('cross-language search', () => {
  // The cases the issue names, as far as they exist yet, and every case carrying the theme.
  const data = loadProject(ROOT);
  const slugs = new Set(data.cases.map((c) => c.slug));
  const themed = data.cases.filter((c) => c.frontmatter.themes.includes('three-no-communities')).map((c) => c.slug);
  const wanted = [...new Set([...['lianjiang', 'jiangyang', 'maonan', 'shuangliao'].filter((s) => slugs.has(s)), ...themed])].sort();

  for (const lang of ['en', 'zh'] as const) {
    for (const query of ['three-no communities', '三无小区']) {
      it(`“${query}” finds the three-no community cases on /${lang}/`, async () => {
        expect(wanted.length).toBeGreaterThanOrEqual(3);
        const urls = (await resultUrls(pagefind[lang]!, query)).map((u) => u.slice(basePath.length));
        const cases = urls.filter((u) => u.startsWith(`/${lang}/cases/`)).map((u) => u.split('/')[3]);
        expect(cases.sort()).toEqual(expect.arrayContaining(wanted));
      });
    }
  }
});
