import { describe, expect, it } from 'vitest';
import { bibtexEscape, bylineNames, CITE_STYLES, citePage, citeReport, type PageFields, type ReportFields } from '../../src/lib/cite.ts';
import { loadProject } from '../../src/lib/load.ts';
import { ROOT } from '../helpers/fixture.ts';

const data = loadProject(ROOT);
const source = (id: string) => {
  const s = data.sources.find((x) => x.id === id);
  if (!s) throw new Error(`no source ${id} in data/sources.csv`);
  return s;
};

/**
 * Words a citation must never contain: invented stand-ins for what a report does not print. The
 * one exception is an unknown publication date, which each style says is unknown in its own words
 * (`n.d.`, `[出版日期不详]`); `withoutNoDate` removes exactly those before the check.
 */
const withoutNoDate = (text: string) => text.replace(', [出版日期不详].', '.').replace(' [出版日期不详].', '').replace('(n.d.)', '').replace('n.d.: publication date not known', '');
const PLACEHOLDER = /unknown|不详|未知|佚名|\bn\.\s?p\.|\bs\.\s?[ln]\.|出版者不详|出版地不详|\banon(?:ymous)?\b|\bundefined\b|\bnull\b|\bNaN\b|\?\?/i;

const allUnknown: ReportFields = {
  id: 's999-test',
  headline_zh: '某地党建新做法',
  headline_en: 'A new Party-building practice somewhere',
  publication: 'unknown',
  byline: 'unknown',
  date: 'unknown',
  date_basis: 'unknown',
};

const page: PageFields = { key: 'lianjiang', siteName: 'Party-Building Case Atlas', title: 'Lianjiang, Guangdong: branches compete', url: 'https://atlas.example.org/party-building-atlas/en/cases/lianjiang/', accessed: '2024-05-06', lang: 'en' };

describe('bylineNames', () => {
  it('keeps the people and drops their roles, as printed in the real bylines', () => {
    expect(bylineNames(source('s000-lianjiang').byline)).toEqual(['郭文治', '李静雯', '宣俊宇', '卢湛文']);
    expect(bylineNames(source('s001-maonan').byline)).toEqual(['刘锋兰', '曾令华']); // 记者刘锋兰 通讯员曾令华
    expect(bylineNames(source('s003-xiqiao').byline)).toEqual(['钟泽诗', '林嘉美']); // 文/珠江时报记者 … 制图 杨淑萍
    expect(bylineNames(source('s004-huaqiao').byline)).toEqual(['张国盛', '罗青山']); // … 摄
    expect(bylineNames(source('s002-zhongtai').byline)).toEqual(['曾庆华']);
  });
  it('gives no one for an unknown byline', () => {
    expect(bylineNames('unknown')).toEqual([]);
    expect(bylineNames('')).toEqual([]);
  });
});

describe('citations of a report whose publication is unknown', () => {
  const lianjiang = source('s000-lianjiang');
  it('the real data has such a report', () => {
    expect(lianjiang.publication).toBe('unknown');
  });
  for (const style of CITE_STYLES) {
    it(`${style}: no placeholder, no empty slot where the publication would be`, () => {
      const text = citeReport(lianjiang, style);
      expect(text).not.toMatch(PLACEHOLDER);
      expect(text).not.toMatch(/,\s*[,.]|\.\s*\.|\(\s*\)|\[\s*\]|\{\s*\}/);
      expect(text).toContain('郭文治');
      expect(text).toContain('广东省廉江市：当先锋全员“练兵” 树模范争先创优');
    });
  }
  it('GB/T 7714: newspaper type [N], inferred year in square brackets, at most three authors then 等', () => {
    expect(citeReport(lianjiang, 'gbt7714')).toBe('郭文治, 李静雯, 宣俊宇, 等. 广东省廉江市：当先锋全员“练兵” 树模范争先创优[N]. [2023].');
  });
  it('APA 7: every author, ca. for the inferred year, the English title in brackets, no newspaper', () => {
    expect(citeReport(lianjiang, 'apa')).toBe(
      '郭文治, 李静雯, 宣俊宇, & 卢湛文. (ca. 2023). 广东省廉江市：当先锋全员“练兵” 树模范争先创优 [Lianjiang, Guangdong: everyone “drills” to be a pioneer, models are set up to strive for excellence].',
    );
  });
  it('BibTeX: @misc without journal, month or day; says the year was inferred', () => {
    const bib = citeReport(lianjiang, 'bibtex');
    expect(bib.startsWith('@misc{s000-lianjiang,')).toBe(true);
    expect(bib).not.toMatch(/journal|month|day\s*=/);
    expect(bib).toMatch(/year\s+= \{2023\}/);
    expect(bib).toContain('Date not printed; year inferred');
  });
});

describe('citations of a report with nothing known but its headline', () => {
  for (const style of CITE_STYLES) {
    it(`${style} has no placeholder and no author`, () => {
      const text = citeReport(allUnknown, style);
      expect(withoutNoDate(text)).not.toMatch(PLACEHOLDER);
      expect(text).toContain('某地党建新做法');
      expect(text).not.toMatch(/author/);
    });
  }
  it('each style says the date is unknown in its own words: [出版日期不详], n.d., a note in BibTeX', () => {
    expect(citeReport(allUnknown, 'gbt7714')).toBe('某地党建新做法[N]. [出版日期不详].');
    expect(citeReport(allUnknown, 'apa')).toBe('某地党建新做法 [A new Party-building practice somewhere]. (n.d.).');
    const bib = citeReport(allUnknown, 'bibtex');
    expect(bib).not.toMatch(/year/);
    expect(bib).toMatch(/note\s+= \{English title: A new Party-building practice somewhere\. n\.d\.: publication date not known\}/);
  });
});

describe('a report with a known publication and no date', () => {
  const maonan = source('s001-maonan');
  it('names the newspaper, turns the printed subtitle into a colon, and says the date is unknown ([出版日期不详] in GB/T, n.d. in APA)', () => {
    expect(citeReport(maonan, 'gbt7714')).toBe('刘锋兰, 曾令华. 首善先锋担使命 引领赋能“百千万”：茂南区举办镇(街道)“首善先锋”党建创新大赛[N]. 茂名晚报, [出版日期不详].');
    expect(citeReport(maonan, 'apa')).toMatch(/^刘锋兰 & 曾令华\. \(n\.d\.\)\. .+\. 茂名晚报\.$/);
    const bib = citeReport(maonan, 'bibtex');
    expect(bib.startsWith('@article{s001-maonan,')).toBe(true);
    expect(bib).toMatch(/journal\s+= \{茂名晚报\}/);
    expect(bib).not.toMatch(/year/);
  });
  it('a stated full date is given as printed', () => {
    const stated = { ...maonan, date: '2023-07-27', date_basis: 'stated' as const };
    expect(citeReport(stated, 'gbt7714')).toMatch(/茂名晚报, 2023-07-27\.$/);
    expect(citeReport(stated, 'apa')).toContain('(2023, July 27).');
    expect(citeReport(stated, 'bibtex')).toMatch(/month\s+= \{7\},\n\s+day\s+= \{27\}/);
  });
});

describe('citations carry the publication date, not the date of the events', () => {
  it('Xiqiao: events of 2020, report of 2021 (inferred) → the citation says 2021, marked as inferred', () => {
    const xiqiao = source('s003-xiqiao');
    expect(citeReport(xiqiao, 'gbt7714')).toMatch(/珠江时报, \[2021\]\.$/);
    expect(citeReport(xiqiao, 'apa')).toContain('(ca. 2021).');
    expect(citeReport(xiqiao, 'bibtex')).toMatch(/year\s+= \{2021\}/);
    for (const style of CITE_STYLES) expect(citeReport(xiqiao, style)).not.toContain('2020');
  });
});

describe('every real source, every style', () => {
  for (const s of data.sources) {
    it(`${s.id}: no placeholder`, () => {
      for (const style of CITE_STYLES) expect(withoutNoDate(citeReport(s, style)), style).not.toMatch(PLACEHOLDER);
    });
  }
});

describe('citing this site’s page', () => {
  it('gives the URL and the access date in each style', () => {
    expect(citePage(page, 'gbt7714')).toBe('Party-Building Case Atlas. Lianjiang, Guangdong: branches compete[EB/OL]. [2024-05-06]. https://atlas.example.org/party-building-atlas/en/cases/lianjiang/.');
    expect(citePage(page, 'apa')).toBe('Party-Building Case Atlas. (n.d.). Lianjiang, Guangdong: branches compete. Retrieved May 6, 2024, from https://atlas.example.org/party-building-atlas/en/cases/lianjiang/');
    const bib = citePage(page, 'bibtex');
    expect(bib).toContain('urldate      = {2024-05-06}');
    expect(bib).toContain('url          = {https://atlas.example.org/party-building-atlas/en/cases/lianjiang/}');
  });
  it('leaves the URL (and the “retrieved from”) out when the build has no public address', () => {
    const noUrl = { ...page, url: undefined };
    expect(citePage(noUrl, 'gbt7714')).toBe('Party-Building Case Atlas. Lianjiang, Guangdong: branches compete[EB/OL]. [2024-05-06].');
    expect(citePage(noUrl, 'apa')).toBe('Party-Building Case Atlas. (n.d.). Lianjiang, Guangdong: branches compete.');
    const bib = citePage(noUrl, 'bibtex');
    expect(bib).not.toMatch(/url|http/);
    expect(bib).toContain('Accessed 2024-05-06');
  });
  it('leaves the access date out when there is none', () => {
    for (const style of CITE_STYLES) {
      const text = citePage({ ...page, accessed: undefined }, style);
      expect(text).not.toMatch(PLACEHOLDER);
      expect(text).not.toMatch(/Retrieved|urldate|Accessed|\[\]/);
      expect(text).toContain(page.url);
    }
  });
});

describe('bibtexEscape', () => {
  it('escapes the characters BibTeX treats specially, so braces stay balanced', () => {
    expect(bibtexEscape('50% & {x}_#1 $2 ~a^b \\')).toBe('50\\% \\& \\{x\\}\\_\\#1 \\$2 \\~{}a\\^{}b \\textbackslash{}');
    const bib = citeReport({ ...allUnknown, headline_zh: '标题 {含} 100% & 更多' }, 'bibtex');
    const depth = [...bib.replace(/\\[{}]/g, '')].reduce((d, c) => (d < 0 ? d : c === '{' ? d + 1 : c === '}' ? d - 1 : d), 0);
    expect(depth).toBe(0);
  });
});
