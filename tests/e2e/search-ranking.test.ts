// Ranking of the built search index: for a set of queries (themes, programme names and place names, typed in
// English, in simplified and in traditional Chinese), the case a reader is looking for must be among the first
// three results, on both language pages. Queries run the way the search page runs them (searchWholeTerms after
// toSimplified), through Pagefind's own pagefind.js against the served site. The mean reciprocal rank per
// language is printed, so a change in ranking shows as a number.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Lang } from '../../src/lib/i18n.ts';
import type { PagefindApi } from '../../src/lib/pagefind-api.ts';
import { loadPagefind, siteResultUrls } from '../helpers/pagefind.ts';

const site = inject('siteUrl');
const basePath = new URL(site).pathname.replace(/\/$/, '');

/** [query, the case it is about, what kind of query]. Every query runs on both language pages. */
const QUERIES: [string, string, string][] = [
  // themes
  ['three-no communities', 'shuangliao', 'theme, English'],
  ['three no', 'shuangliao', 'theme, English, without the hyphen'],
  ['三无小区', 'shuangliao', 'theme, Chinese'],
  ['三無小區', 'shuangliao', 'theme, traditional'],
  ['abandoned compounds', 'shuangliao', 'theme synonym, English'],
  ['arena contest', 'zhenping', 'theme, English'],
  ['擂台比武', 'zhenping', 'theme, Chinese'],
  // programmes
  ['red proxy', 'yutai', 'programme, English'],
  ['红色代办', 'yutai', 'programme, Chinese'],
  ['紅色代辦', 'yutai', 'programme, traditional'],
  ['three lights', 'xiqiao', 'programme, English'],
  ['三亮', 'xiqiao', 'programme, Chinese'],
  ['村书记论坛', 'dongying', 'programme, Chinese'],
  ['交接单', 'jingning', 'programme, Chinese'],
  ['首善先锋', 'maonan', 'programme, Chinese'],
  // places
  ['Lianjiang', 'lianjiang', 'place, English'],
  ['廉江', 'lianjiang', 'place, Chinese'],
  ['Shuangliao', 'shuangliao', 'place, English'],
  ['雙遼', 'shuangliao', 'place, traditional'],
  ['Zunyi', 'zunyi', 'place, English'],
  ['遵义', 'zunyi', 'place, Chinese'],
  ['Xiqiao', 'xiqiao', 'place, English'],
  ['西樵', 'xiqiao', 'place, Chinese'],
  ['澄迈', 'chengmai', 'place, Chinese'],
  ['東營', 'dongying', 'place, traditional'],
  ['Jingning', 'jingning', 'place, English'],
  ['花桥', 'huaqiao', 'place, Chinese'],
];

const pagefind: Partial<Record<Lang, PagefindApi>> = {};

beforeAll(async () => {
  pagefind.en = await loadPagefind(site, 'en');
  pagefind.zh = await loadPagefind(site, 'zh');
});

describe('search ranking', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`puts the expected case in the top 3 for ${QUERIES.length} queries on /${lang}/search/`, async () => {
      const rows: { query: string; slug: string; kind: string; rank: number; top: string[] }[] = [];
      for (const [query, slug, kind] of QUERIES) {
        const urls = (await siteResultUrls(pagefind[lang]!, query)).map((u) => u.slice(basePath.length));
        const rank = urls.indexOf(`/${lang}/cases/${slug}/`) + 1;
        rows.push({ query, slug, kind, rank, top: urls.slice(0, 3) });
      }
      const mrr = rows.reduce((a, r) => a + (r.rank ? 1 / r.rank : 0), 0) / rows.length;
      const lines = rows.map((r) => `  ${r.query.padEnd(22)} ${r.slug.padEnd(11)} rank ${r.rank || '—'}  (${r.kind}) top: ${r.top.join(' ')}`);
      console.log(`search ranking, ${lang}: ${rows.length} queries, mean reciprocal rank ${mrr.toFixed(3)}\n${lines.join('\n')}`);
      const outside = rows.filter((r) => r.rank === 0 || r.rank > 3).map((r) => `${r.query} → ${r.slug}: rank ${r.rank || 'not found'}; top 3: ${r.top.join(', ')}`);
      expect(outside, 'queries whose case is not in the top 3').toEqual([]);
    });
  }

  it('ranks no region, theme or story page above the case for a place or programme query', async () => {
    // the region and theme pages index their own names, not copies of the cases' summaries; a story, which retells
    // several cases, is indexed at the weight of a theme page
    const above: string[] = [];
    for (const lang of ['en', 'zh'] as const) {
      for (const [query, slug, kind] of QUERIES) {
        if (kind.startsWith('theme')) continue;
        const urls = (await siteResultUrls(pagefind[lang]!, query)).map((u) => u.slice(basePath.length));
        const at = urls.indexOf(`/${lang}/cases/${slug}/`);
        const before = urls.slice(0, at).filter((u) => /\/(regions|themes|stories)\//.test(u));
        if (before.length) above.push(`/${lang}/ ${query}: ${before.join(', ')} above ${slug}`);
      }
    }
    expect(above).toEqual([]);
  });

  it('ranks pages with the words of a query together above pages that have them apart', async () => {
    // “three no” is the three-no theme, not Xiqiao's “three lights” (which has “three” and “no” apart)
    const urls = (await siteResultUrls(pagefind.en!, 'three no')).map((u) => u.slice(basePath.length));
    expect(urls.slice(0, 5)).not.toContain('/en/cases/xiqiao/');
  });

  it('ranks a page with a two-character term above pages that share one character of it', async () => {
    // 三无 (three-no) against 三亮 (three lights): Xiqiao's page has 三 and 无 but never 三无
    const urls = (await siteResultUrls(pagefind.zh!, '三无')).map((u) => u.slice(basePath.length));
    const xiqiao = urls.indexOf('/zh/cases/xiqiao/');
    const shuangliao = urls.indexOf('/zh/cases/shuangliao/');
    expect(shuangliao).toBeGreaterThanOrEqual(0);
    expect(xiqiao === -1 || xiqiao > shuangliao).toBe(true);
    expect(urls.slice(0, 5)).not.toContain('/zh/cases/xiqiao/');
  });
});
