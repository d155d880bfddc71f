import { describe, expect, it } from 'vitest';
import { Atlas } from '../../src/lib/atlas.ts';
import { articleLd, datasetLd, reportLd, serializeJsonLd } from '../../src/lib/jsonld.ts';
import { loadProject } from '../../src/lib/load.ts';
import { ROOT } from '../helpers/fixture.ts';

const atlas = new Atlas(loadProject(ROOT));

describe('serializeJsonLd', () => {
  it('cannot close its script element or open a comment, whatever the data says', () => {
    const hostile = { '@type': 'Article', headline: '</script><script>alert(1)</script><!-- & -->' };
    const text = serializeJsonLd(hostile);
    expect(text).not.toMatch(/[<>&]/);
    expect(JSON.parse(text)).toEqual(hostile);
  });
});

describe('structured data of a case', () => {
  const c = atlas.cases.get('lianjiang')!;
  const ld = articleLd({
    lang: 'zh', url: 'https://x.org/zh/cases/lianjiang/', title: c.docs.zh!.frontmatter.title, summary: c.docs.zh!.frontmatter.summary,
    image: 'https://x.org/og/zh/cases/lianjiang.png', siteName: '党建案例图谱', siteUrl: 'https://x.org/zh/', chain: c.chain, themes: c.themes, source: c.source, modified: '2024-05-06',
  });
  it('is an Article about the place (with its parents) and based on the report', () => {
    expect(ld).toMatchObject({ '@context': 'https://schema.org', '@type': 'Article', inLanguage: 'zh-Hans', dateModified: '2024-05-06' });
    expect(ld.contentLocation).toMatchObject({ '@type': 'Place', name: '廉江市', containedInPlace: { name: '湛江市', containedInPlace: { name: '广东省' } } });
    expect(ld.isBasedOn).toMatchObject({ '@type': 'NewsArticle', headline: c.source.headline_zh, author: [{ name: '郭文治' }, { name: '李静雯' }, { name: '宣俊宇' }, { name: '卢湛文' }] });
  });
  it('says nothing about what the report leaves open: no publisher, no inferred date', () => {
    const report = reportLd(c.source);
    expect(c.source.publication).toBe('unknown');
    expect(report).not.toHaveProperty('publisher');
    expect(report).not.toHaveProperty('datePublished');
    expect(JSON.stringify(report)).not.toMatch(/unknown/);
    expect(reportLd({ ...c.source, date: '2023-07-27', date_basis: 'stated', publication: '茂名晚报' })).toMatchObject({ datePublished: '2023-07-27', publisher: { name: '茂名晚报' } });
  });
});

describe('the two dates of a case in structured data', () => {
  const ldOf = (slug: string) => {
    const c = atlas.cases.get(slug)!;
    return articleLd({ lang: 'en', url: 'u', title: 't', summary: 's', image: 'i', siteName: 'n', siteUrl: 'h', chain: c.chain, themes: c.themes, source: c.source, events: c.events });
  };
  it('gives the events as temporalCoverage, never as the report’s datePublished', () => {
    // Xiqiao: the report (2021, inferred) looks back on the events of 2020 (printed)
    const ld = ldOf('xiqiao');
    expect(ld.temporalCoverage).toBe('2020');
    expect(ld.isBasedOn).not.toHaveProperty('datePublished');
    expect(ldOf('chengmai').temporalCoverage).toBe('2020-06-30');
  });
  it('gives no temporalCoverage when the events’ date is unknown', () => {
    expect(atlas.cases.get('zunyi')!.events.date).toBe('unknown');
    expect(ldOf('zunyi')).not.toHaveProperty('temporalCoverage');
  });
  it('gives a printed publication date as datePublished of the report, separate from the events', () => {
    const c = atlas.cases.get('xiqiao')!;
    const ld = articleLd({ lang: 'en', url: 'u', title: 't', summary: 's', image: 'i', siteName: 'n', siteUrl: 'h', chain: c.chain, themes: c.themes, source: { ...c.source, date: '2021-02-03', date_basis: 'stated' }, events: c.events });
    expect(ld).toMatchObject({ temporalCoverage: '2020', isBasedOn: { datePublished: '2021-02-03' } });
  });
});

describe('structured data of the data page', () => {
  it('is a Dataset with a licence and one DataDownload per file', () => {
    const ld = datasetLd({ lang: 'en', url: 'u', name: 'n', description: 'd', siteName: 's', siteUrl: 'h', downloads: [['a.csv', 'https://x.org/data/a.csv', 'text/csv']], spatial: ['Guangdong'] });
    expect(ld).toMatchObject({ '@type': 'Dataset', license: 'https://creativecommons.org/licenses/by/4.0/', distribution: [{ '@type': 'DataDownload', contentUrl: 'https://x.org/data/a.csv', encodingFormat: 'text/csv' }] });
    expect(ld).not.toHaveProperty('dateModified');
  });
});
