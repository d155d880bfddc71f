// The real corpus: every case of the five source pages, in both languages, with its figures — read
// through the content loader the pages are built from (src/site/loader.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { Atlas } from '../../src/lib/atlas.ts';
import { checkProject } from '../../src/lib/load.ts';
import { AtlasValidationError, formatError } from '../../src/lib/validate.ts';
import { loadAsBuilt } from '../helpers/atlas.ts';
import { fixtureCopy, ROOT } from '../helpers/fixture.ts';

const stored = await loadAsBuilt(ROOT).catch((e: unknown) => {
  if (e instanceof AtlasValidationError) return { errors: e.problems, data: undefined };
  throw e;
});
const errors = stored.errors ?? [];
const data = stored.data!;
// Cross-links are only built from valid data; with errors, the first test lists them.
const atlas = errors.length ? (undefined as unknown as Atlas) : new Atlas(data);

/** The five newspaper pages the atlas is built from. */
const PAGES = ['000_760a4ec6377f531e.txt', '001_0d3841305c1e8fad.txt', '002_26db5e78f78fbca8.txt', '003_39229c2e2515ce0d.txt', '004_b30720a4cf732674.txt'];
/** The cases each page holds, in the page's own order. */
const CASES_BY_PAGE: Record<string, string[]> = {
  '000': ['lianjiang', 'shuangliao'],
  '001': ['maonan'],
  '002': ['zhenping', 'yutai', 'dazhong', 'jiangyang', 'chengmai', 'luyang', 'zhongtai', 'luoguao'],
  '003': ['xiqiao'],
  '004': ['dongping', 'zunyi', 'huaqiao', 'dongying', 'jingning', 'dali'],
};

describe('the corpus', () => {
  it('validates without a single error', () => {
    expect(errors.map(formatError)).toEqual([]);
  });

  it('is what npm run validate reads: the same records, in the same order', () => {
    expect(data).toEqual(checkProject(ROOT).data);
    expect(data.observations.map((o) => o.line)).toEqual([...data.observations.map((o) => o.line)].sort((a, b) => a! - b!));
  });

  it('has all 18 cases, each in English and Chinese', () => {
    const expected = Object.values(CASES_BY_PAGE).flat().sort();
    expect(expected).toHaveLength(18);
    expect([...atlas.cases.keys()].sort()).toEqual(expected);
    for (const c of atlas.caseList()) expect(Object.keys(c.docs).sort(), c.slug).toEqual(['en', 'zh']);
    expect(data.cases).toHaveLength(36);
  });

  it('takes every case from the page it is on', () => {
    for (const [page, slugs] of Object.entries(CASES_BY_PAGE))
      for (const slug of slugs) expect(atlas.cases.get(slug)?.source.file.slice(0, 3), slug).toBe(page);
  });

  it('gives every case at least one observation', () => {
    for (const c of atlas.caseList()) expect(c.observations.length, c.slug).toBeGreaterThan(0);
  });

  it('cites one of the five pages for every observation and every source', () => {
    for (const s of data.sources) expect(PAGES, s.id).toContain(s.file);
    for (const o of data.observations) expect(PAGES, o.id).toContain(atlas.sources.get(o.source)!.file);
  });

  it('never invents a publication date: each is stated, inferred with its basis, or unknown', () => {
    for (const s of data.sources) {
      if (s.date_basis === 'inferred') expect(s.date_note_en.length * s.date_note_zh.length, s.id).toBeGreaterThan(0);
      if (s.date_basis === 'unknown') expect(s.date, s.id).toBe('unknown');
    }
  });
});

describe('themes', () => {
  it('form a bilingual taxonomy of at least 12 themes with synonyms and definitions in both languages', () => {
    expect(data.themes.length).toBeGreaterThanOrEqual(12);
    for (const t of data.themes) {
      expect(t.synonyms_en.length, t.id).toBeGreaterThan(0);
      expect(t.synonyms_zh.length, t.id).toBeGreaterThan(0);
      expect(t.definition_en.length, t.id).toBeGreaterThan(40);
    }
  });

  it('put the three-no community cases under “three-no communities” (三无小区)', () => {
    const t = atlas.themes.get('three-no-communities')!;
    expect(t.name_zh).toBe('三无小区');
    const slugs = atlas.casesWithTheme(t.id).map((c) => c.slug);
    for (const s of ['lianjiang', 'jiangyang', 'maonan', 'shuangliao']) expect(slugs).toContain(s);
    expect(t.synonyms_zh).toEqual(expect.arrayContaining(['三无院落', '弃管小区', '无物业老旧小区']));
  });

  it('put the contests under “contests” (擂台比武)', () => {
    const slugs = atlas.casesWithTheme('contests').map((c) => c.slug);
    for (const s of ['lianjiang', 'maonan', 'zhenping']) expect(slugs).toContain(s);
  });
});

describe('places', () => {
  it('chain every case place up to a province and the country', () => {
    for (const c of atlas.caseList()) {
      expect(c.chain[0]?.id, c.slug).toBe('cn');
      expect(c.province, c.slug).toBeDefined();
    }
  });
});

describe('the build', () => {
  const copies: ReturnType<typeof fixtureCopy>[] = [];
  afterEach(() => {
    while (copies.length) copies.pop()!.remove();
  });

  it('stops at a row with a missing cell (which the collections once dropped without a word), naming its line', async () => {
    const f = fixtureCopy();
    copies.push(f);
    expect((await loadAsBuilt(f.dir)).data?.observations.map((o) => o.id)).toEqual(['alpha-contestants', 'alpha-income']);
    f.edit('data/observations.csv', 'Collective income of Beta village,贝塔村集体经济收入,,', 'Collective income of Beta village,贝塔村集体经济收入,');
    const failure = await loadAsBuilt(f.dir).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(AtlasValidationError);
    expect((failure as AtlasValidationError).problems.map(formatError)).toEqual([
      'data/observations.csv:3: found 14 cells, expected 15 (one per column: id, case, place, indicator, value, unit, qualifier, qualifier_zh, period, period_basis, source, label_en, label_zh, note_en, note_zh)',
    ]);
    expect((failure as Error).message).toContain('data/observations.csv:3: found 14 cells');
  });
});
