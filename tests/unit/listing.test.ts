// The paged case index, the aggregated charts' data and the indexes behind them, over a synthetic corpus
// shaped like the real data (the scale benchmark's) and over the real data.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/bench/_corpus.ts';
import { casesPerYear, drawsEveryCase, newestCases, placeGroups, themeYearCounts } from '../../src/charts/aggregate.ts';
import { compareDataset, keyFigures, sampleByValue } from '../../src/charts/datasets.ts';
import { compareIndex, datasetFromIndex } from '../../src/charts/compare.ts';
import { Atlas } from '../../src/lib/atlas.ts';
import { FULL_CHART_MAX, groupBy, listingPath, PAGE_SIZE, pageCount, pagerItems } from '../../src/lib/listing.ts';
import { loadProject } from '../../src/lib/load.ts';
import { relatedCases, relatedInput, relatedOf } from '../../src/lib/related.ts';
import { caseIndexPages } from '../../src/site/listing.ts';
import { dateSortKey } from '../../src/lib/search.ts';
import { ROOT } from '../helpers/fixture.ts';

const N = 250;
const dir = mkdtempSync(join(tmpdir(), 'atlas-listing-'));
const c = generateCorpus(ROOT, dir, N);
// read as a build of another corpus reads it (its own stories and corrections: none)
const ENV = { ATLAS_DATA_DIR: c.data, ATLAS_CONTENT_DIR: c.content, ATLAS_SOURCES_DIR: c.sources };
const saved = Object.fromEntries(Object.keys(ENV).map((k) => [k, process.env[k]]));
Object.assign(process.env, ENV);
const big = new Atlas(loadProject(ROOT));
for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
else process.env[k] = v;
const real = new Atlas(loadProject(ROOT));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pager', () => {
  it('links the first, the last and the neighbours of the current page, with gaps marked', () => {
    expect(pagerItems(1, 1)).toEqual([1]);
    expect(pagerItems(1, 3)).toEqual([1, 2, 3]);
    expect(pagerItems(10, 100)).toEqual([1, null, 8, 9, 10, 11, 12, null, 100]);
    expect(pagerItems(1, 100)).toEqual([1, 2, 3, null, 100]);
    expect(pagerItems(100, 100)).toEqual([1, null, 98, 99, 100]);
    expect(pagerItems(4, 9)).toEqual([1, 2, 3, 4, 5, 6, null, 9]);
  });
  it('stays the same size however many pages there are', () => {
    for (const total of [10, 1000, 100000]) expect(pagerItems(Math.floor(total / 2), total).length).toBeLessThanOrEqual(9);
  });
  it('addresses: page 1 is the listing itself', () => {
    expect(listingPath({ order: 'name' })).toBe('');
    expect(listingPath({ order: 'name' }, 2)).toBe('page/2/');
    expect(listingPath({ order: 'date' }, 1)).toBe('by-date/');
    expect(listingPath({ facet: 'theme', value: 'contests' }, 3)).toBe('theme/contests/page/3/');
    expect(pageCount(0)).toBe(1);
    expect(pageCount(PAGE_SIZE + 1)).toBe(2);
  });
});

describe('case index pages', () => {
  for (const [label, atlas] of [['synthetic', big], ['real', real]] as const)
    it(`${label}: every listing holds every case once, in pages of ${PAGE_SIZE}; paths are unique`, () => {
      const pages = caseIndexPages(atlas, 'en');
      const paths = pages.map((p) => p.path);
      expect(new Set(paths).size).toBe(paths.length);
      for (const order of ['name', 'date'] as const) {
        const list = pages.filter((p) => p.listing?.order === order);
        expect(list).toHaveLength(pageCount(atlas.cases.size));
        const slugs = list.flatMap((p) => p.cases.map((x) => x.slug));
        expect(new Set(slugs).size).toBe(atlas.cases.size);
        expect(list.every((p) => p.cases.length <= PAGE_SIZE)).toBe(true);
      }
      for (const facet of ['theme', 'province', 'year', 'level'] as const) {
        const overview = pages.find((p) => p.path === `by-${facet}/`)!;
        for (const v of overview.overview!) {
          const list = pages.filter((p) => p.listing?.facet === facet && p.listing.value === v.value);
          expect(list.flatMap((p) => p.cases)).toHaveLength(v.count);
        }
      }
    });
  it('a facet value lists exactly the cases that have it, newest first', () => {
    const byTheme = groupBy([...big.sortedCases('en', 'date')], 'theme');
    for (const [theme, list] of byTheme) {
      expect(list.map((x) => x.slug).sort()).toEqual(big.casesWithTheme(theme).map((x) => x.slug).sort());
      for (let i = 1; i < list.length; i++) expect(dateSortKey(list[i - 1]!.date) >= dateSortKey(list[i]!.date)).toBe(true);
    }
  });
});

describe('indexes behind the pages', () => {
  it('casesIn and casesWithTheme return what a scan over every case returns', () => {
    for (const atlas of [big, real]) {
      for (const p of atlas.data.places) expect(atlas.casesIn(p.id)).toEqual(atlas.caseList().filter((x) => x.chain.some((q) => q.id === p.id)));
      for (const th of atlas.data.themes) expect(atlas.casesWithTheme(th.id)).toEqual(atlas.caseList().filter((x) => x.themes.some((t) => t.id === th.id)));
    }
  });
  it('regionIds and subregions return what a scan over the regions returns', () => {
    for (const atlas of [big, real]) {
      expect([...atlas.regionIds()]).toEqual(atlas.regions().map((r) => r.id));
      for (const p of atlas.data.places) expect(atlas.subregions(p.id)).toEqual(atlas.regions().filter((r) => r.parent === p.id));
    }
  });
  it('key figures: the same context as sampling every other case’s figures afresh', () => {
    for (const x of big.caseList()) {
      for (const f of keyFigures(big, x, 'en', '/')) {
        const o = big.observations.get(f.row.obs)!;
        const pool = big.observationsOf(o.indicator).filter((y) => y.id !== o.id && y.case !== x.slug);
        expect(f.others.map((r) => r.obs)).toEqual(sampleByValue(pool, 24).map((y) => y.id));
        expect(f.largestOther).toBe(Math.max(...pool.map((y) => y.value)));
        expect(f.othersCount).toBe(pool.length);
      }
    }
  });
  it('related cases: walking the index gives what ranking every case gives', () => {
    const all = big.caseList().map((x) => relatedInput(big, x));
    for (const x of big.caseList()) expect(relatedOf(big, x), x.slug).toEqual(relatedCases(relatedInput(big, x), all));
    for (const x of big.caseList().slice(0, 40)) for (const max of [1, 12, 60, 400]) expect(relatedOf(big, x, max), `${x.slug} ${max}`).toEqual(relatedCases(relatedInput(big, x), all, max));
  });
});

describe('aggregated charts', () => {
  it(`draw every case up to ${FULL_CHART_MAX}; the real site draws every case`, () => {
    expect(drawsEveryCase(real.cases.size)).toBe(true);
    expect(drawsEveryCase(big.cases.size)).toBe(false);
  });
  it('the national map: one symbol per province with cases, the counts adding up to every case', () => {
    const groups = placeGroups(big, 'en', '/', big.caseList());
    const provinces = new Set(big.caseList().map((x) => x.province!.id));
    expect(groups.map((g) => g.id).sort()).toEqual([...provinces].sort());
    expect(groups.reduce((a, g) => a + g.count, 0)).toBe(N);
    for (const g of groups) {
      expect(g.href).toBe(`/en/regions/${g.id}/`);
      expect(Number.isFinite(g.lat) && Number.isFinite(g.lon)).toBe(true);
    }
    // the synthetic places are spread out: no two provinces share a spot
    expect(new Set(groups.map((g) => `${g.lat},${g.lon}`)).size).toBe(groups.length);
  });
  it('a province’s map: one symbol per place one level down', () => {
    const prov = big.places.get('prov-3')!;
    const cases = big.casesIn(prov.id);
    const groups = placeGroups(big, 'zh', '/', cases, prov);
    expect(groups.every((g) => big.places.get(g.id)!.parent === prov.id)).toBe(true);
    expect(groups.reduce((a, g) => a + g.count, 0)).toBe(cases.length);
  });
  it('counts per year and per theme and year add up', () => {
    const years = casesPerYear(big, 'en', '/', 'unknown');
    expect(years.reduce((a, y) => a + y.count, 0)).toBe(N);
    expect(years[0]!.href).toBe(`/en/cases/year/${years[0]!.year}/`);
    const m = themeYearCounts(big, 'en', '/', 'unknown');
    for (const th of m.themes) expect(Object.values(th.byYear).reduce((a, b) => a + b, 0)).toBe(big.casesWithTheme(th.id).length);
  });
  it('the newest cases are the first of the date order', () => {
    expect(newestCases(big, 'en', 5)).toEqual(big.sortCases(big.caseList(), 'en', 'date').slice(0, 5));
  });
});

describe('comparison data split by indicator', () => {
  it('the index and the per-indicator files together give back the whole dataset', () => {
    const ds = compareDataset(big, 'en', '/');
    const index = JSON.parse(JSON.stringify(compareIndex(ds)));
    expect(JSON.stringify(index)).not.toContain('"rows"');
    const rebuilt = datasetFromIndex(index);
    for (const ind of rebuilt.indicators) ind.rows = JSON.parse(JSON.stringify(ds.indicators.find((i) => i.id === ind.id)!)).rows;
    expect(rebuilt).toEqual(JSON.parse(JSON.stringify(ds)));
  });
  it('is built once per language and base', () => {
    expect(compareDataset(big, 'en', '/')).toBe(compareDataset(big, 'en', '/'));
    expect(compareDataset(big, 'zh', '/')).not.toBe(compareDataset(big, 'en', '/'));
  });
});
