import { describe, expect, it } from 'vitest';
import {
  dateSortKey,
  emptySearchState,
  excerptParts,
  isActive,
  pagefindFilters,
  pagefindSort,
  parseSearchState,
  placeLabel,
  resultKind,
  searchStateToParams,
  spaceBlockBoundaries,
  yearOf,
} from '../../src/lib/search.ts';

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

  it('sorts by date newest first, or leaves ranking to relevance', () => {
    expect(pagefindSort({ ...emptySearchState(), sort: 'date' })).toEqual({ date: 'desc' });
    expect(pagefindSort(emptySearchState())).toBeUndefined();
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
