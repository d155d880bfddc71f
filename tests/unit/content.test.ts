// The real corpus: every case of the five source pages, in both languages, with its figures — read
// through the content loader the pages are built from (src/site/loader.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Atlas } from '../../src/lib/atlas.ts';
import { formatFigure, formatNumber, printedNumber } from '../../src/lib/format.ts';
import { checkProject, sourcePagesDir } from '../../src/lib/load.ts';
import { SCALE_CHARS } from '../../src/lib/qualifiers.ts';
import { AtlasValidationError, formatError } from '../../src/lib/validate.ts';
import { loadAsBuilt, storeAsBuilt } from '../helpers/atlas.ts';
import { atlasDataOf } from '../../src/site/loader.ts';
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

  it('dates the events of every case, with a note wherever the date is inferred', () => {
    for (const c of atlas.caseList()) {
      if (c.events.basis === 'inferred') expect(`${c.events.note_en}|${c.events.note_zh}`.length, c.slug).toBeGreaterThan(20);
      expect(c.docs.en!.frontmatter.events, c.slug).toEqual(c.docs.zh!.frontmatter.events);
    }
  });

  it('keeps the date of the events apart from the date of the report, as the pages print them', () => {
    const at = (slug: string) => {
      const c = atlas.cases.get(slug)!;
      return [c.events.date, c.events.basis, c.source.date, c.source.date_basis];
    };
    // Xiqiao reviews the year 2020 (printed) in a report of early 2021 (inferred)
    expect(at('xiqiao')).toEqual(['2020', 'stated', '2021', 'inferred']);
    // Days and months printed without a year: the year is inferred from the page
    expect(at('chengmai')).toEqual(['2020-06-30', 'inferred', '2020', 'inferred']);
    expect(at('luyang')).toEqual(['2020-06-29', 'inferred', '2020', 'inferred']);
    expect(at('zhongtai')).toEqual(['2020-07-01', 'inferred', '2020', 'inferred']);
    expect(at('zhenping')).toEqual(['2020-06', 'inferred', '2020', 'inferred']);
    expect(at('dongying')).toEqual(['2021-08', 'inferred', '2021', 'inferred']);
    expect(at('jingning')).toEqual(['2021-08-24', 'inferred', '2021', 'inferred']);
    // Zunyi's item dates nothing it describes; Maonan prints a day without a year
    expect(at('zunyi')).toEqual(['unknown', 'unknown', '2021', 'inferred']);
    expect(at('maonan')).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
    expect(atlas.cases.get('maonan')!.events.note_zh).toContain('7月26日');
  });

  it('never invents a publication date: each is stated, inferred with its basis, or unknown', () => {
    for (const s of data.sources) {
      if (s.date_basis === 'inferred') expect(s.date_note_en.length * s.date_note_zh.length, s.id).toBeGreaterThan(0);
      if (s.date_basis === 'unknown') expect(s.date, s.id).toBe('unknown');
    }
  });
});

describe('qualifying words', () => {
  const pagesDir = sourcePagesDir(ROOT);
  /** Rows whose number is not printed as digits on the page, so the word cannot sit next to it. */
  const NOT_PRINTED_AS_DIGITS: Record<string, string> = {
    'dazhong-major-project-threshold': '亿元以上: no numeral printed',
    'xiqiao-epidemic-volunteers': 'printed as 3千多名',
  };

  it.skipIf(!existsSync(pagesDir))('are the words the page prints beside the number', () => {
    const misses: string[] = [];
    for (const o of data.observations) {
      if (!o.qualifier_zh || o.id in NOT_PRINTED_AS_DIGITS) continue;
      const page = readFileSync(join(pagesDir, atlas.sources.get(o.source)!.file), 'utf8');
      const n = formatNumber(printedNumber(o.value, atlas.units.get(o.unit)!), 'zh');
      const near = [...page.matchAll(new RegExp(n.replace('.', '\\.'), 'g'))].some((m) => page.slice(Math.max(0, m.index - 6), m.index + n.length + 8).includes(o.qualifier_zh));
      if (!near) misses.push(`${o.id}: ${o.qualifier_zh} ${n}`);
    }
    expect(misses).toEqual([]);
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

  it('put Party days and Party lectures under “party education”, and only village work under “village secretaries”', () => {
    const education = atlas.casesWithTheme('party-education').map((c) => c.slug);
    for (const s of ['chengmai', 'zhongtai']) expect(education).toContain(s);
    const village = atlas.casesWithTheme('village-secretaries').map((c) => c.slug);
    for (const s of ['zhenping', 'chengmai']) expect(village).not.toContain(s);
  });

  it('keep members living in a village out of the comparison of Party membership', () => {
    const resident = data.observations.find((o) => o.id === 'luoguao-resident-members')!;
    expect(resident.indicator).toBe('resident_party_members');
    expect(atlas.indicators.get('resident_party_members')?.comparable).toBe(false);
  });

  it('put the contests under “contests” (擂台比武)', () => {
    const slugs = atlas.casesWithTheme('contests').map((c) => c.slug);
    for (const s of ['lianjiang', 'maonan', 'zhenping']) expect(slugs).toContain(s);
  });
});

describe('places', () => {
  it('name no place with the word of its own level, which the pages show beside the name', () => {
    const LEVEL_WORDS: Record<string, RegExp> = { province: / Province$/, prefecture: / (Prefecture|City)$/, county: / County$/, township: / (Township|Town)$/, village: / Village$/, community: / Community$/ };
    const repeated = data.places.filter((p) => LEVEL_WORDS[p.level]?.test(p.name_en)).map((p) => `${p.id}: ${p.name_en}`);
    expect(repeated).toEqual([]);
  });

  it('chain every case place up to a province and the country', () => {
    for (const c of atlas.caseList()) {
      expect(c.chain[0]?.id, c.slug).toBe('cn');
      expect(c.province, c.slug).toBeDefined();
    }
  });
});

describe('figures as printed', () => {
  // The pages are research material kept beside the checkout (../shared/sources or $ATLAS_SOURCES_DIR).
  const pagesDir = sourcePagesDir(ROOT);
  const pages = existsSync(pagesDir);
  const pageText = (file: string) => readFileSync(join(pagesDir, file), 'utf8').replace(/\s+/g, '');

  it.skipIf(!pages)('puts 余 and 多 on the side of 千, 万 or 亿 where the page prints them, for every figure', () => {
    // 20余万元 and 1.6万余人次 say the same kind of thing; only the page tells which order it used
    const scaled = data.observations.filter((o) => ['余', '多'].includes([...o.qualifier_zh].at(-1) ?? '') && (SCALE_CHARS as readonly string[]).includes(o.unit[0]!));
    expect(scaled.map((o) => o.id)).toContain('dali-farmers-trained');
    for (const o of scaled) {
      const shown = formatFigure(o, atlas.unitOf(o), 'zh');
      expect(pageText(atlas.sources.get(o.source)!.file), `${o.id} shows ${shown}`).toContain(shown);
    }
  });
});

describe('the build', () => {
  const copies: ReturnType<typeof fixtureCopy>[] = [];
  afterEach(() => {
    while (copies.length) copies.pop()!.remove();
  });

  it('keeps the records out of Astro’s data store, which the build bundles: pages get them from the loader', async () => {
    const entry = await storeAsBuilt(ROOT);
    expect(Object.keys(entry).sort()).toEqual(['root', 'version']);
    expect(JSON.stringify(entry).length).toBeLessThan(1000);
    // the records the loader validated, the same object for every page of the process
    expect(atlasDataOf(entry)).toBe(atlasDataOf(entry));
    expect(atlasDataOf(entry)).toEqual(checkProject(ROOT).data);
    // pages rendered by another process (no records of this version at hand) read and validate the project again
    const elsewhere = atlasDataOf({ ...entry, version: `${entry.version}-other` });
    expect(elsewhere).not.toBe(atlasDataOf(entry));
    expect(elsewhere).toEqual(atlasDataOf(entry));
    // the same data in another place is another version (an entry cached from elsewhere is not reused)
    const [a, b] = [fixtureCopy(), fixtureCopy()];
    copies.push(a, b);
    const [ea, eb] = [await storeAsBuilt(a.dir), await storeAsBuilt(b.dir)];
    expect(ea.version).not.toBe(eb.version);
    expect(atlasDataOf({ ...ea, version: 'another' })).toEqual(atlasDataOf(eb));
  });

  it('gives pages the located messages, not records, when the data is wrong (the dev server keeps running)', async () => {
    const f = fixtureCopy();
    copies.push(f);
    const good = await storeAsBuilt(f.dir);
    f.edit('data/observations.csv', 'Collective income of Beta village,贝塔村集体经济收入,,', 'Collective income of Beta village,贝塔村集体经济收入,');
    // what a page of the dev server does with an entry that holds messages
    expect(() => atlasDataOf({ ...good, errors: [{ file: 'data/observations.csv', line: 3, message: 'found 14 cells' }] })).toThrow(AtlasValidationError);
    // and a process that reads the project again, now wrong, stops with its messages too
    expect(() => atlasDataOf({ ...good, version: 'another' })).toThrow(/data\/observations\.csv:3: found 14 cells/);
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
