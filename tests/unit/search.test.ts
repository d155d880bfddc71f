import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PagefindApi, PagefindResult, PagefindResultData, PagefindSearchOptions, PagefindSearchResponse } from '../../src/lib/pagefind-api.ts';
import {
  dropIgnoredForIndex,
  chartTextForIndex,
  crossScriptTerms,
  dropIdsForIndex,
  dateSortKey,
  emptySearchState,
  excerptParts,
  isActive,
  pagefindFilters,
  newestFile,
  newestFirst,
  marksIndexedContent,
  pageForIndexer,
  parseSearchState,
  partSizes,
  partsFile,
  SEARCH_PART_PAGES,
  splitIntoParts,
  wordListUrl,
  wordListWords,
  withoutPages,
  mergeParts,
  hanTerms,
  indexChunkSize,
  placeLabel,
  proseExcerpt,
  resultKind,
  searchWholeTerms,
  searchStateToParams,
  spaceBlockBoundaries,
  yearOf,
} from '../../src/lib/search.ts';
import { needsSimplifying, toSimplified } from '../../src/lib/simplify.ts';
import { ROOT } from '../helpers/fixture.ts';

describe('search state in the URL', () => {
  it('reads the query, repeated and comma-separated filter values, and the sort', () => {
    const s = parseSearchState(new URLSearchParams('q=three-no+communities&theme=three-no-communities&province=jilin,guangdong&province=guangdong&sort=date'));
    expect(s.q).toBe('three-no communities');
    expect(s.filters.theme).toEqual(['three-no-communities']);
    expect(s.filters.province).toEqual(['guangdong', 'jilin']);
    expect(s.filters.year).toEqual([]);
    expect(s.sort).toBe('date');
  });

  it('falls back to relevance for an unknown sort and ignores unknown parameters', () => {
    const s = parseSearchState(new URLSearchParams('q=%E4%B8%89%E6%97%A0%E5%B0%8F%E5%8C%BA&sort=random&colour=red'));
    expect(s).toEqual({ ...emptySearchState(), q: '三无小区' });
  });

  it('writes only what differs from the defaults, in a stable order, and round-trips', () => {
    const s = emptySearchState();
    expect(searchStateToParams(s).toString()).toBe('');
    s.q = '  三无小区 ';
    s.filters.year = ['2023', '2021'];
    s.filters.theme = ['contests'];
    s.sort = 'date';
    const params = searchStateToParams(s);
    expect(params.toString()).toBe('q=%E4%B8%89%E6%97%A0%E5%B0%8F%E5%8C%BA&theme=contests&year=2021&year=2023&sort=date');
    expect(parseSearchState(params)).toEqual({ ...s, q: '三无小区', filters: { ...s.filters, year: ['2021', '2023'] } });
  });

  it('is active with a query or a filter, not with a sort alone', () => {
    const s = emptySearchState();
    s.sort = 'date';
    expect(isActive(s)).toBe(false);
    expect(isActive({ ...s, q: ' ' })).toBe(false);
    expect(isActive({ ...s, q: 'grid' })).toBe(true);
    expect(isActive({ ...s, filters: { ...s.filters, level: ['county'] } })).toBe(true);
  });
});

describe('Pagefind options', () => {
  it('ORs values within a filter, ANDs filters, and can leave one filter out for its counts', () => {
    const s = emptySearchState();
    s.filters.theme = ['contests', 'three-no-communities'];
    s.filters.province = ['guangdong'];
    expect(pagefindFilters(s)).toEqual({ theme: { any: ['contests', 'three-no-communities'] }, province: { any: ['guangdong'] } });
    expect(pagefindFilters(s, 'theme')).toEqual({ province: { any: ['guangdong'] } });
    expect(pagefindFilters(emptySearchState())).toEqual({});
  });

  it('sorts newest first by the order of the dated pages, leaving out pages without a date (not cases)', () => {
    const newest = new Map(['en_c', 'en_a', 'en_d'].map((id, i) => [id, i]));
    const results = ['en_x', 'en_a', 'en_y', 'en_d', 'en_c'].map((id) => ({ id }));
    expect(newestFirst(results, newest).map((r) => r.id)).toEqual(['en_c', 'en_a', 'en_d']);
    expect(newestFile('zh-Hans')).toBe('newest-zh-hans.json');
    expect(newestFile('en')).toBe('newest-en.json');
  });
});

describe('what a case page gives the index', () => {
  it('sort keys order dates of any precision, unknown last when newest come first', () => {
    const keys = ['2021-08-24', 'unknown', '2023', '2020-06', '2021'].map(dateSortKey);
    expect(keys).toEqual(['2021-08-24', '0000', '2023', '2020-06', '2021']);
    expect([...keys].sort().reverse()).toEqual(['2023', '2021-08-24', '2021', '2020-06', '0000']);
  });

  it('years of known dates only', () => {
    expect(yearOf('2021-08-24')).toBe('2021');
    expect(yearOf('2023')).toBe('2023');
    expect(yearOf('unknown')).toBeUndefined();
  });

  it('place labels: smallest first in English, an address in Chinese, without the country', () => {
    const chain = [
      { level: 'country', name_en: 'China', name_zh: '中国' },
      { level: 'province', name_en: 'Guangdong', name_zh: '广东省' },
      { level: 'prefecture', name_en: 'Zhanjiang', name_zh: '湛江市' },
      { level: 'county', name_en: 'Lianjiang', name_zh: '廉江市' },
    ];
    expect(placeLabel(chain, 'en')).toBe('Lianjiang, Zhanjiang, Guangdong');
    expect(placeLabel(chain, 'zh')).toBe('广东省湛江市廉江市');
  });
});

describe('results', () => {
  it('tells the kind of page from its address, under any base path', () => {
    expect(resultKind('/en/cases/lianjiang/')).toBe('case');
    expect(resultKind('/atlas/zh/themes/three-no-communities/')).toBe('theme');
    expect(resultKind('https://example.org/atlas/en/regions/guangdong/')).toBe('region');
    expect(resultKind('/zh/methodology/')).toBe('methodology');
    expect(resultKind('/en/cases/')).toBe('page');
  });

  it('takes excerpts apart into text and highlights, decoding what Pagefind escaped', () => {
    expect(excerptParts('the <mark>three-no</mark> <mark>communities</mark> of Lianjiang &amp; Maonan')).toEqual([
      { text: 'the ', mark: false },
      { text: 'three-no', mark: true },
      { text: ' ', mark: false },
      { text: 'communities', mark: true },
      { text: ' of Lianjiang & Maonan', mark: false },
    ]);
    expect(excerptParts('<mark>三</mark><mark>无</mark><mark>小区</mark>治理')).toEqual([
      { text: '三无小区', mark: true },
      { text: '治理', mark: false },
    ]);
  });

  it('never turns excerpt text into markup: escaped or stray tags stay literal text', () => {
    const parts = excerptParts('&lt;img src=x onerror=alert(1)&gt; <script>alert(2)</script> <mark>&lt;b&gt;</mark> &#60;i&#62; &#x3c;u&#x3e; &bogus;');
    expect(parts.map((p) => p.text).join('')).toBe('<img src=x onerror=alert(1)> <script>alert(2)</script> <b> <i> <u> &bogus;');
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['<b>']);
  });
});

describe('indexing', () => {
  it('puts a space after block end tags so adjacent blocks are not indexed as one word', () => {
    expect(spaceBlockBoundaries('<dl><dt>Date</dt><dd>2023</dd></dl><p>a<b>b</b></p>')).toBe('<dl><dt>Date</dt> <dd>2023</dd> </dl> <p>a<b>b</b></p> ');
    expect(spaceBlockBoundaries('<table><tr><th>一</th><TH >二</TH ></tr></table>')).toBe('<table><tr><th>一</th> <TH >二</TH > </tr> </table> ');
    expect(spaceBlockBoundaries('<span>x</span><a>y</a><mark>z</mark>')).toBe('<span>x</span><a>y</a><mark>z</mark>');
  });
});

describe('element ids for the index', () => {
  it('are left out of what the indexer reads, and nothing else is', () => {
    const html = `<h2 id="results" class="x">Results</h2><tr data-id="r1" id='fig-1'><td>id="not an attribute"</td></tr><svg id=map viewBox="0 0 1 1"></svg>`;
    expect(dropIdsForIndex(html)).toBe(`<h2 class="x">Results</h2><tr data-id="r1"><td>id="not an attribute"</td></tr><svg viewBox="0 0 1 1"></svg>`);
  });
});

describe('index chunk size', () => {
  it('grows with the square root of the pages while they are few, then with the pages, never below 500 word positions', () => {
    // 84 pages a language (18 cases): about 850 positions, a chunk of a few KiB instead of about 30
    expect(indexChunkSize(84)).toBeGreaterThan(600);
    expect(indexChunkSize(84)).toBeLessThan(1000);
    expect(indexChunkSize(2 * 84) / indexChunkSize(84)).toBeCloseTo(Math.SQRT2, 2);
    expect(indexChunkSize(0)).toBe(500);
    // a 4,650-page part: five positions a page, about those of a common query word (三, 无, 小区)
    expect(indexChunkSize(4650)).toBe(23_250);
    expect(indexChunkSize(2 * 4650) / indexChunkSize(4650)).toBe(2);
    expect(Number.isInteger(indexChunkSize(12_345))).toBe(true);
  });
});

describe('chart text for the index', () => {
  it('adds the visible text of each inline SVG after it, at a low weight, without its tooltips', () => {
    const html = '<p>Map</p><svg role="img"><title>Lianjiang: 1 case</title><g><text x="1">Lianjiang</text><text><tspan>Main</tspan> <tspan>theme</tspan></text></g></svg><p>after</p>';
    expect(chartTextForIndex(html)).toBe(
      '<p>Map</p><svg role="img"><title>Lianjiang: 1 case</title><g><text x="1">Lianjiang</text><text><tspan>Main</tspan> <tspan>theme</tspan></text></g></svg>' +
        '<span data-pagefind-weight="0.1"> Lianjiang · Main theme </span><p>after</p>',
    );
  });

  it('indexes a chart drawn twice once: the copy marked data-pagefind-ignore is left as it is', () => {
    const narrow = '<svg class="chart-v-narrow" data-pagefind-ignore=""><text>Lianjiang</text></svg>';
    const wide = '<svg class="chart-v-wide"><text>Lianjiang</text></svg>';
    expect(chartTextForIndex(narrow + wide)).toBe(`${narrow}${wide}<span data-pagefind-weight="0.1"> Lianjiang </span>`);
  });

  it('adds the labels of drawings nested in one after the outermost, all of them', () => {
    const html = '<svg class="stacked"><text>Jiangyang</text><svg><text>Funds</text></svg><svg><text>Pay</text></svg><text>Source</text></svg><p>after</p>';
    expect(chartTextForIndex(html)).toBe(html.replace('</svg><p>', '</svg><span data-pagefind-weight="0.1"> Jiangyang · Funds · Pay · Source </span><p>'));
  });

  it('leaves an SVG without text, and pages without SVG, as they are', () => {
    const html = '<svg><path d="M0 0"/></svg><p>x</p>';
    expect(chartTextForIndex(html)).toBe(html);
  });
});

describe('a page as the indexer is given it', () => {
  it('leaves out the elements marked data-pagefind-ignore, nested ones of the same name included', () => {
    expect(dropIgnoredForIndex('<p>a</p><div data-pagefind-ignore>b<div>c</div>d</div><p>e</p>')).toBe('<p>a</p><p>e</p>');
    expect(dropIgnoredForIndex('<p>Party<span data-pagefind-ignore="index">x</span>members</p>')).toBe('<p>Partymembers</p>');
    // an element holding a filter, metadata or sort key is sent whole, unless marked "all"
    const filtered = '<div data-pagefind-ignore><span data-pagefind-filter="year:2023">x</span></div>';
    expect(dropIgnoredForIndex(filtered)).toBe(filtered);
    expect(dropIgnoredForIndex("<div data-pagefind-ignore='all'><span data-pagefind-meta=\"m:1\">x</span></div>z")).toBe('z');
    // void and self-closing elements, an element never closed, and tags in comments and scripts are left as they are
    expect(dropIgnoredForIndex('<img data-pagefind-ignore alt="a"><br data-pagefind-ignore/><p>x</p>')).toBe('<img data-pagefind-ignore alt="a"><br data-pagefind-ignore/><p>x</p>');
    expect(dropIgnoredForIndex('<div data-pagefind-ignore>never closed<p>x</p>')).toBe('<div data-pagefind-ignore>never closed<p>x</p>');
    expect(dropIgnoredForIndex('<!-- <div data-pagefind-ignore> --><script>"<div data-pagefind-ignore>"</script><p>x</p>')).toBe('<!-- <div data-pagefind-ignore> --><script>"<div data-pagefind-ignore>"</script><p>x</p>');
    expect(dropIgnoredForIndex('<section data-pagefind-ignore><!-- </section> --><script>"</section>"</script>y</section>z')).toBe('z');
    // an attribute that only begins with the name is not the mark
    expect(dropIgnoredForIndex('<div data-pagefind-ignored>x</div>')).toBe('<div data-pagefind-ignored>x</div>');
  });

  it('is indexed when an element marks its content with data-pagefind-body, with or without a value', () => {
    expect(marksIndexedContent('<article class="case" data-pagefind-body><h1>x</h1></article>')).toBe(true);
    expect(marksIndexedContent('<main data-pagefind-body="">x</main>')).toBe(true);
    expect(marksIndexedContent('<main data-pagefind-body-x>x</main><p>data-pagefind-body</p>')).toBe(false);
  });

  it('keeps blocks apart, adds chart labels, empties drawings and drops element ids, in one pass of each', () => {
    const html = '<dl><dt id="d">Date</dt><dd>2023</dd></dl><svg id="m"><text>Lianjiang</text></svg><p id="p" class="x">text</p>';
    expect(pageForIndexer(html)).toBe(
      '<dl><dt>Date</dt> <dd>2023</dd> </dl> <svg></svg><span data-pagefind-weight="0.1"> Lianjiang </span><p class="x">text</p> ',
    );
  });
});

describe('names in the other script', () => {
  it('gives Chinese names whole, without their administrative suffix, and cut into words, for the English index', () => {
    const words = crossScriptTerms(['广东省', '廉江市', '广东西樵：“三亮”工程'], 'zh').split(' ');
    expect(words).toEqual(expect.arrayContaining(['广东省', '广东', '廉江市', '廉江', '广东西樵', '三亮', '工程']));
    expect(words).not.toContain('“三亮”工程');
    expect(new Set(words).size).toBe(words.length);
  });

  it('gives English names as words without punctuation, for the Chinese index and its metadata field', () => {
    expect(crossScriptTerms(['Guangdong', 'Xiqiao, Guangdong: the “three lights” programme'], 'en')).toBe('Guangdong Xiqiao the three lights programme');
    expect(crossScriptTerms(['Three-no communities'], 'en')).toBe('Three-no communities');
  });
});

describe('queries', () => {
  it('finds the runs of Han characters that must match whole', () => {
    expect(hanTerms('三无小区')).toEqual(['三无小区']);
    expect(hanTerms('廉江 Lianjiang 三亮')).toEqual(['廉江', '三亮']);
    expect(hanTerms('党 Lianjiang')).toEqual([]);
  });

  /** A stand-in for Pagefind: pages are ids with text; a word query matches pages with every word, a quoted one the phrase. */
  function fakePagefind(pages: Record<string, string>): PagefindApi & { queries: string[] } {
    const queries: string[] = [];
    const result = (id: string): PagefindResult => ({ id, data: async () => ({ url: `/${id}/`, excerpt: '', meta: {} }) });
    const respond = (ids: string[]): PagefindSearchResponse => ({ results: ids.map(result), unfilteredResultCount: ids.length, filters: { n: { [String(ids.length)]: ids.length } }, totalFilters: {} });
    return {
      queries,
      options: async () => {},
      init: async () => {},
      filters: async () => ({}),
      mergeIndex: async () => {},
      async search(term: string | null, _options?: PagefindSearchOptions) {
        queries.push(term ?? '');
        const q = term ?? '';
        const phrase = /^"(.*)"$/.exec(q)?.[1];
        if (phrase !== undefined) return respond(Object.keys(pages).filter((id) => pages[id]!.includes(phrase)));
        const chars = [...q.replace(/\s+/g, '')];
        return respond(Object.keys(pages).filter((id) => chars.every((c) => pages[id]!.includes(c))));
      },
    };
  }

  /** The same stand-in for word queries: a page matches when it has every word; a quoted query, the phrase. */
  function fakePagefindWords(pages: Record<string, string>): PagefindApi {
    const respond = (ids: string[]): PagefindSearchResponse => ({
      results: ids.map((id) => ({ id, data: async () => ({ url: `/${id}/`, excerpt: '', meta: {} }) })),
      unfilteredResultCount: ids.length,
      filters: {},
      totalFilters: {},
    });
    return {
      options: async () => {},
      init: async () => {},
      filters: async () => ({}),
      mergeIndex: async () => {},
      async search(term: string | null) {
        const q = term ?? '';
        const phrase = /^"(.*)"$/.exec(q)?.[1];
        if (phrase !== undefined) return respond(Object.keys(pages).filter((id) => pages[id]!.includes(phrase)));
        return respond(Object.keys(pages).filter((id) => q.split(' ').every((w) => pages[id]!.split(' ').includes(w))).sort());
      },
    };
  }

  it('returns only the pages with a one-term Chinese query whole, in Pagefind’s order, with the phrase search’s counts', async () => {
    const pf = fakePagefind({ xiqiao: '三亮工程无人', shuangliao: '三无小区', maonan: '典型的三无小区' });
    const r = (await searchWholeTerms(pf, '三无'))!;
    expect(r.results.map((x) => x.id)).toEqual(['shuangliao', 'maonan']);
    expect(r.filters).toEqual({ n: { '2': 2 } });
    expect(pf.queries).toEqual(['三无', '"三无"']);
  });

  it('keeps the word matches when no page has the term whole', async () => {
    const pf = fakePagefind({ a: '三亮无人', b: '无三' });
    expect((await searchWholeTerms(pf, '三无'))!.results.map((x) => x.id)).toEqual(['a', 'b']);
  });

  it('puts pages with every Chinese term whole first in a longer query, and keeps the rest after them', async () => {
    const pf = fakePagefind({ a: '三亮无 x', b: '三无 x', c: '三 无 x' });
    expect((await searchWholeTerms(pf, '三无 x'))!.results.map((x) => x.id)).toEqual(['b', 'a', 'c']);
  });

  it('puts pages with the words of a longer query side by side first', async () => {
    const words = fakePagefindWords({ apart: 'lights and three', together: 'the three lights programme' });
    expect((await searchWholeTerms(words, 'three lights'))!.results.map((x) => x.id)).toEqual(['together', 'apart']);
  });

  it('a search sorted newest first lists every match, whole or not, in date order', async () => {
    const pf = fakePagefind({ xiqiao: '三亮工程无人', shuangliao: '三无小区', maonan: '典型的三无小区' });
    const newest = new Map(['maonan', 'xiqiao', 'shuangliao'].map((id, i) => [id, i]));
    // one Chinese term: the pages with it whole, newest first
    expect((await searchWholeTerms(pf, '三无', {}, newest))!.results.map((x) => x.id)).toEqual(['maonan', 'shuangliao']);
    // a longer query: every match, newest first, whole terms no longer first
    const words = fakePagefindWords({ apart: 'lights and three', together: 'the three lights programme' });
    const order = new Map(['apart', 'together'].map((id, i) => [id, i]));
    expect((await searchWholeTerms(words, 'three lights', {}, order))!.results.map((x) => x.id)).toEqual(['apart', 'together']);
    expect((await searchWholeTerms(words, 'three', {}, new Map([['together', 0]])))!.results.map((x) => x.id)).toEqual(['together']);
  });

  it('runs a one-word query once, untouched', async () => {
    const pf = fakePagefind({ a: 'Lianjiang', b: 'Zunyi' });
    expect((await searchWholeTerms(pf, ' Lianjiang '))!.results.map((x) => x.id)).toEqual(['a']);
    expect(pf.queries).toEqual(['Lianjiang']);
  });
});

describe('traditional characters', () => {
  it('notices characters outside the simplified set, and only those', () => {
    expect(needsSimplifying('三無小區')).toBe(true);
    expect(needsSimplifying('紅色代辦')).toBe(true);
    expect(needsSimplifying('三无小区')).toBe(false);
    expect(needsSimplifying('Lianjiang 廉江 “12345”')).toBe(false);
  });

  it('converts a traditional query to its simplified form', async () => {
    expect(await toSimplified('三無小區')).toBe('三无小区');
    expect(await toSimplified('紅色代辦')).toBe('红色代办');
    expect(await toSimplified('雙遼 Shuangliao')).toBe('双辽 Shuangliao');
    expect(await toSimplified('三无小区')).toBe('三无小区');
  });
});

describe('prose excerpts', () => {
  const data = (raw: string, locations: [number, number][], names?: string): PagefindResultData => ({
    url: '/x/',
    excerpt: 'PAGEFIND',
    meta: names ? { names } : {},
    raw_content: raw,
    locations: locations.map(([l]) => l),
    weighted_locations: locations.map(([location, weight]) => ({ location, weight, balanced_score: weight * 100 })),
  });
  const text = (parts: { text: string; mark: boolean }[]) => parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

  it('takes the excerpt from body text, not from a field indexed at another weight', () => {
    const words = ['Place', 'Jilin.', 'Three-no', 'communities', ...Array.from({ length: 40 }, (_, i) => `w${i}`), 'the', 'three-no', 'compounds', 'end'];
    const parts = proseExcerpt(data(words.join(' '), [[2, 0.5], [3, 0.5], [45, 1]]), 6);
    expect(text(parts)).toBe('w38 w39 the [three-no] compounds end');
  });

  it('prefers a window with more different matched words over one repeating a word', () => {
    const words = ['a', 'community', 'b', 'community’s', 'c', ...Array.from({ length: 20 }, () => 'x'), 'three-no', 'communities', 'd'];
    expect(text(proseExcerpt(data(words.join(' '), [[1, 1], [3, 1], [25, 1], [26, 1]]), 4))).toContain('[three-no] [communities]');
  });

  it('starts after the title, which the result shows already', () => {
    const words = ['Lianjiang,', 'Guangdong:', 'branches', 'compete', 'Lianjiang', 'runs', 'a', 'yearly', 'evaluation'];
    const d = { ...data(words.join(' '), [[0, 1], [4, 1]]), meta: { title: 'Lianjiang, Guangdong: branches compete' } };
    expect(text(proseExcerpt(d, 4))).toBe('[Lianjiang] runs a yearly');
  });

  it('never shows the names in the other script that lead the text; without body matches, shows the text after them', () => {
    const raw = ['Guizhou', 'Zunyi', '贵州遵义：', '标题'].join('\u200b');
    expect(text(proseExcerpt(data(raw, [[1, 1]], 'Guizhou Zunyi')))).toBe('贵州遵义：标题');
    const summary = { ...data('Title words Summary of the case', [[0, 7]]), meta: { title: 'Title words' } };
    expect(text(proseExcerpt(summary))).toBe('Summary of the case');
    expect(text(proseExcerpt(data(raw, [[2, 1]], 'Guizhou Zunyi'), 2))).toBe('[贵州遵义：]标题');
  });
});

describe('an index in parts', () => {
  it('cuts a language into as few parts as the limit allows, of sizes one apart at most', () => {
    expect(partSizes(84, 4000)).toEqual([84]);
    expect(partSizes(0, 4000)).toEqual([0]);
    expect(partSizes(84, 25)).toEqual([21, 21, 21, 21]);
    expect(partSizes(10, 4)).toEqual([4, 3, 3]);
    expect(partSizes(24_000, 4000)).toEqual([4000, 4000, 4000, 4000, 4000, 4000]);
    expect(partSizes(23_300, SEARCH_PART_PAGES)).toEqual([4660, 4660, 4660, 4660, 4660]);
    expect(partSizes(24_001, 4000).reduce((a, b) => a + b)).toBe(24_001);
    expect(Math.max(...partSizes(24_001, 4000))).toBeLessThanOrEqual(4000);
    // pages dealt out in turn: each part a sample of every kind of page
    const pages = Array.from({ length: 10 }, (_, i) => i);
    expect(splitIntoParts(pages, 4)).toEqual([[0, 3, 6, 9], [1, 4, 7], [2, 5, 8]]);
    expect(splitIntoParts(pages, 10)).toEqual([pages]);
    expect(partsFile('zh-Hans')).toBe('parts-zh-hans.json');
    expect(wordListUrl('zh-Hans')).toBe('/pagefind/word-list-zh-hans/');
  });

  it('lists the words of a page: Latin-script tokens as written, Chinese cut into words, markup and scripts left out', () => {
    const words = new Set<string>();
    const html = '<html lang="zh-Hans"><head><script>var secret = 1;</script><style>.x{}</style></head><body><main data-pagefind-body><h1>三无小区 治理</h1><p>Three-no compounds, in <b>Lianjiang</b> &amp; Maonan.</p><svg><text>图例</text></svg></main></body></html>';
    wordListWords(html, words, new Intl.Segmenter('zh', { granularity: 'word' }));
    expect([...words]).toEqual(expect.arrayContaining(['三', '无', '小区', '治理', 'three-no', 'compounds', 'in', 'lianjiang', 'maonan', '图', '例']));
    expect(words.has('&')).toBe(false);
    // a character reference that names no character is left as written, never thrown on
    const odd = new Set<string>();
    wordListWords('<p>x&#99999999;y &#x41;</p>', odd, new Intl.Segmenter('en', { granularity: 'word' }));
    expect([...odd]).toEqual(['x&#99999999;y', 'a']);
    expect([...words].some((w) => /secret|var|\.x|<|>/.test(w))).toBe(false);
    // each word once, however often the pages repeat it
    wordListWords(html, words, new Intl.Segmenter('zh', { granularity: 'word' }));
    expect([...words].filter((w) => w === '小区')).toHaveLength(1);
    // text cut into one list is cut again for another
    const other = new Set<string>();
    wordListWords(html, other, new Intl.Segmenter('zh', { granularity: 'word' }));
    expect([...other].sort()).toEqual([...words].sort());
  });

  it('keeps the words of a list, not the pages they were read from', () => {
    // 200 pages of about 150 KB of text each, most of it the same on every page, with 40 runs of words of their own:
    // a run cut from a page's text and kept as it was cut holds the whole text in memory (64 MB over these pages,
    // about 7,500 bytes a word kept); the list keeps copies (about 200 bytes a word, the words and what was
    // remembered of the runs)
    const script = `
      const { wordListWords } = await import(${JSON.stringify(join(ROOT, 'src', 'lib', 'search.ts'))});
      const lists = { en: new Set(), zh: new Set() };
      const cut = { en: new Intl.Segmenter('en', { granularity: 'word' }), zh: new Intl.Segmenter('zh', { granularity: 'word' }) };
      const shared = Array.from({ length: 2500 }, (_, i) => 'branch secretaries 党支部书记述职评议' + (i % 50)).join(' ');
      globalThis.gc();
      const before = process.memoryUsage().heapUsed;
      for (let p = 0; p < 200; p++) {
        const own = Array.from({ length: 20 }, (_, i) => 'lianjiangcounty' + p + 'x' + i + ' 廉江市第' + p + '号党支部书记在会上讲话' + i).join(' ');
        const html = '<main data-pagefind-body><p>' + shared + '</p><p>' + own + '</p></main>';
        wordListWords(html, lists.en, cut.en);
        wordListWords(html, lists.zh, cut.zh);
      }
      globalThis.gc();
      console.log(JSON.stringify({ grown: process.memoryUsage().heapUsed - before, words: lists.en.size + lists.zh.size }));
    `;
    const r = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const { grown, words } = JSON.parse(r.stdout) as { grown: number; words: number };
    expect(words).toBeGreaterThan(8000);
    expect(grown / words).toBeLessThan(1000);
  }, 60_000);

  it('merges the other parts into the first, in their order, and never returns a word list', async () => {
    const merged: string[] = [];
    const response = (ids: string[]): PagefindSearchResponse => ({
      results: ids.map((id) => ({ id, data: async () => ({ url: `/${id}/`, excerpt: '', meta: {} }) })),
      unfilteredResultCount: ids.length,
      filters: { theme: { a: 1 } },
      totalFilters: {},
    });
    const api: PagefindApi = {
      options: async () => {},
      init: async () => {},
      filters: async () => ({ theme: { a: 2 } }),
      mergeIndex: async (path, options) => {
        merged.push(`${path} ${options?.baseUrl}`);
      },
      search: async () => response(['en_1', 'en_words', 'en_2']),
    };
    const pf = await mergeParts(api, { parts: ['part-1/', 'part-2/'], wordLists: ['en_words'] }, '/atlas/pagefind/', '/atlas/');
    expect(merged).toEqual(['/atlas/pagefind/part-1/ /atlas/', '/atlas/pagefind/part-2/ /atlas/']);
    const r = await pf.search('x');
    expect(r!.results.map((x) => x.id)).toEqual(['en_1', 'en_2']);
    expect(r!.filters).toEqual({ theme: { a: 1 } });
    expect(await pf.filters()).toEqual({ theme: { a: 2 } });
    // one part: the instance itself
    expect(withoutPages(api, new Set())).toBe(api);
  });
});
