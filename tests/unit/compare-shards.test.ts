// The comparison at scale: the default view shows a bounded set of places, the first file holds only
// their figures, and the files fetched later (a province's figures, the directory of address tokens, the
// picker's name files) hold everything the page may ask them for.
import { describe, expect, it } from 'vitest';
import { COMPARE_TOP, COMPARE_TOP_FIGURES, compareView, defaultPlaces, selectedPlaces, selectRows, type CompareIndicator, type CompareRow } from '../../src/charts/compare.ts';
import { compareDirectory, compareShards, compareSummary, dirOf, DIR_TOKENS, shardOf, tokenShards } from '../../src/charts/compare-shards.ts';
import { fold, matchNames, NAME_FILE_MAX, nameFiles, nameKeyFor, prefixKey, type NameEntry, type NameIndex } from '../../src/charts/compare-search.ts';
import { compareNameFiles } from '../../src/charts/compare-names.ts';
import { compareStrings } from '../../src/charts/compare-strings.ts';
import { compareDataset } from '../../src/charts/datasets.ts';
import { Atlas } from '../../src/lib/atlas.ts';
import { collator } from '../../src/lib/i18n.ts';
import { loadProject } from '../../src/lib/load.ts';
import { walk, type SvgNode } from '../../src/charts/svg.ts';
import { ROOT } from '../helpers/fixture.ts';

const atlas = new Atlas(loadProject(ROOT));
const en = compareDataset(atlas, 'en', '/');

/** An indicator with `n` places over three provinces (every fifth place with a second figure), values rising with the index. */
function big(n: number): CompareIndicator {
  const real = en.indicators.find((i) => i.id === 'money_invested')!;
  const t = real.rows[0]!;
  const rows: CompareRow[] = [];
  for (let i = 0; i < n; i++) {
    const row = (obs: string, value: number): CompareRow => ({ ...t, obs, place: `p${i}`, placeName: `Place ${i}`, within: ['cn', `prov${i % 3}`, `p${i}`], case: `case-${i}`, value });
    rows.push(row(`o${i}`, 10 * i));
    if (i % 5 === 0) rows.push(row(`o${i}b`, 1));
  }
  return { ...real, id: 'big', rows };
}

const barCount = (svg: SvgNode) => {
  let n = 0;
  walk(svg, (x) => {
    if (String(x.attrs?.class ?? '').split(' ').includes('bar-row')) n++;
  });
  return n;
};

describe('the default view is bounded', () => {
  it('shows every place of an indicator with at most COMPARE_TOP places: the real site looks as before', () => {
    for (const ind of en.indicators) {
      const places = new Set(ind.rows.map((r) => r.place));
      expect(places.size, ind.id).toBeLessThanOrEqual(COMPARE_TOP);
      expect(new Set(defaultPlaces(ind))).toEqual(places);
      expect(selectRows(ind, { indicator: ind.id, places: null, scale: 'linear', sort: 'desc' }, 'en')).toHaveLength(ind.rows.length);
    }
  });

  it('shows the COMPARE_TOP places with the largest figures of a larger indicator, and the static chart draws only their bars', () => {
    const ind = big(400);
    const top = defaultPlaces(ind);
    expect(top).toHaveLength(COMPARE_TOP);
    // values rise with the index: the largest are the last places
    expect(new Set(top)).toEqual(new Set(Array.from({ length: COMPARE_TOP }, (_, k) => `p${399 - k}`)));
    expect(selectedPlaces(ind, null)).toEqual(new Set(top));
    const ds = { lang: 'en' as const, defaultIndicator: 'big', indicators: [ind] };
    const view = compareView(ds, { indicator: 'big', places: null, scale: 'linear', sort: 'desc' }, compareStrings('en'), 'fig');
    const expected = ind.rows.filter((r) => top.includes(r.place)).length;
    expect(view.rows).toHaveLength(expected);
    expect(barCount(view.svg)).toBe(expected);
    // the same with 4,000 places: the chart does not grow
    const larger = compareView({ ...ds, indicators: [big(4000)] }, { indicator: 'big', places: null, scale: 'linear', sort: 'desc' }, compareStrings('en'), 'fig');
    expect(barCount(larger.svg)).toBe(barCount(view.svg));
    // a place asked for by the address is shown beyond the default ones
    expect(selectedPlaces(ind, ['p3', 'prov1']).size).toBe(1 + 133);
  });

  it('shows at most COMPARE_TOP_FIGURES figures when many cases share the places, and always one place', () => {
    // 100 places with eight figures each (eight cases in each county, as at 20,000 cases)
    const base = big(100);
    const shared = { ...base, id: 'shared', rows: base.rows.flatMap((r) => Array.from({ length: 8 }, (_, k) => ({ ...r, obs: `${r.obs}-${k}`, case: `${r.case}-${k}` }))) };
    // the largest figures first: p99 to p96 have 8 figures each, p95 16 (every fifth place has a second figure)
    expect(defaultPlaces(shared)).toEqual(['p99', 'p98', 'p97', 'p96']);
    const ds = { lang: 'en' as const, defaultIndicator: 'shared', indicators: [shared] };
    const view = compareView(ds, { indicator: 'shared', places: null, scale: 'linear', sort: 'desc' }, compareStrings('en'), 'fig');
    expect(view.rows.length).toBeLessThanOrEqual(COMPARE_TOP_FIGURES);
    expect(barCount(view.svg)).toBe(view.rows.length);
    // one place with more figures than the bound is still shown
    const crowded = { ...base, id: 'crowded', rows: Array.from({ length: COMPARE_TOP_FIGURES + 10 }, (_, k) => ({ ...base.rows[0]!, obs: `c${k}`, case: `case-c${k}`, value: 100 + k })) };
    expect(defaultPlaces(crowded)).toEqual(['p0']);
  });

  it('ties between equal figures are broken by place id, so the default places never depend on row order', () => {
    const ind = big(40);
    for (const r of ind.rows) r.value = 5;
    const shuffled = { ...ind, rows: [...ind.rows].reverse() };
    expect(defaultPlaces(shuffled)).toEqual(defaultPlaces(ind));
    expect(defaultPlaces(ind)).toEqual([...new Set(ind.rows.map((r) => r.place))].sort().slice(0, COMPARE_TOP));
  });
});

describe('the files of an indicator', () => {
  it('the summary of a small indicator is every figure, with no other file needed', () => {
    for (const ind of en.indicators) {
      const s = compareSummary(ind);
      expect(s.complete).toBe(true);
      expect(s.rows).toEqual(ind.rows);
      expect(s.shards).toEqual([]);
      expect(s.dirs).toBe(0);
      expect(s.placeCount).toBe(new Set(ind.rows.map((r) => r.place)).size);
    }
  });

  it('the summary of a large indicator holds only the default places’ figures and says where the rest is', () => {
    const ind = big(2000);
    const s = compareSummary(ind);
    expect(s.complete).toBe(false);
    expect(new Set(s.rows.map((r) => r.place))).toEqual(new Set(defaultPlaces(ind)));
    expect(s.rows).toEqual(ind.rows.filter((r) => defaultPlaces(ind).includes(r.place)));
    expect(s.placeCount).toBe(2000);
    expect(s.rowCount).toBe(2400);
    expect(s.shards).toEqual(['prov0', 'prov1', 'prov2']);
    // places, their provinces, the country and case slugs, DIR_TOKENS to a file
    expect(s.dirs).toBe(Math.ceil((2000 + 3 + 1 + 2000) / DIR_TOKENS));
    expect(JSON.stringify(s).length).toBeLessThan(JSON.stringify(ind).length / 50);
  });

  it('puts each figure in exactly one shard: the province it lies in', () => {
    const ind = big(300);
    const shards = compareShards(ind);
    const all = [...shards.values()].flat();
    expect(all).toHaveLength(ind.rows.length);
    expect(new Set(all.map((r) => r.obs)).size).toBe(ind.rows.length);
    for (const [k, rows] of shards) for (const r of rows) expect(r.within[1]).toBe(k);
    expect(shardOf({ within: ['cn'], place: 'cn' })).toBe('cn');
  });

  it('the directory leads from every address token to the shards holding every figure it selects', () => {
    for (const ind of [big(1500), en.indicators.find((i) => i.id === 'money_invested')!]) {
      const { dirs, files } = compareDirectory(ind);
      const shards = compareShards(ind);
      const tokens = tokenShards(ind);
      expect(tokens.size).toBeGreaterThan(0);
      for (const token of tokens.keys()) {
        const listed = files.get(dirOf(token, dirs))![token];
        expect(listed, token).toBeDefined();
        const loaded = listed!.flatMap((k) => shards.get(k)!);
        const wanted = selectRows(ind, { indicator: ind.id, places: [token], scale: 'linear', sort: 'desc' }, 'en');
        const chosen = new Set(loaded.map((r) => r.obs));
        expect(wanted.every((r) => chosen.has(r.obs)), token).toBe(true);
      }
      // every file is about DIR_TOKENS tokens or fewer, and none is listed twice
      const sizes = [...files.values()].map((f) => Object.keys(f).length);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(tokens.size);
      expect(Math.max(...sizes)).toBeLessThan(DIR_TOKENS * 1.5);
    }
  });
});

describe('the names the place picker searches', () => {
  const { files, index } = compareNameFiles(atlas, 'money_invested');
  /** What the picker lists for a text, from the files (undefined: type more first). */
  const find = (f: Map<string, NameEntry[]>, idx: NameIndex, text: string, lang: 'en' | 'zh' = 'en') => {
    const key = nameKeyFor(text, idx);
    if (key === 'short' || key === 'more') return undefined;
    if (key === 'none') return [];
    expect(f.has(key), key).toBe(true);
    return matchNames(f.get(key)!, text, lang, collator(lang).compare).map((e) => e.id);
  };
  const lookup = (text: string, lang: 'en' | 'zh' = 'en') => find(files, index, text, lang);
  const guangdong = [...new Set(atlas.observationsOf('money_invested').filter((o) => atlas.chain(o.place).some((p) => p.id === 'guangdong')).map((o) => o.place))].sort();

  it('finds a place by its name in either language, and every place in a province by the province’s name', () => {
    expect(guangdong.length).toBeGreaterThan(1);
    expect(lookup('Guangdong')!.sort()).toEqual(guangdong);
    expect(lookup('guang')!.sort()).toEqual(guangdong);
    expect(lookup('广东', 'zh')!.sort()).toEqual(guangdong);
    expect(lookup('广', 'zh')!).toEqual(expect.arrayContaining(guangdong));
    // own name first: Xiqiao Town before Aiguo Community, which lies in it
    expect(lookup('Xiqiao')).toEqual(['nanhai-xiqiao', 'nanhai-xiqiao-aiguo']);
    expect(lookup('西樵', 'zh')).toEqual(['nanhai-xiqiao', 'nanhai-xiqiao-aiguo']);
    expect(lookup('aiguo community')).toEqual(['nanhai-xiqiao-aiguo']);
    expect(lookup('Nowhere at all')).toEqual([]);
  });

  it('waits for two letters (or one Chinese character) before looking anything up', () => {
    const idx: NameIndex = { names: ['gu', prefixKey('广')], split: [] };
    expect(nameKeyFor('g', idx)).toBe('short');
    expect(nameKeyFor('  ', idx)).toBe('short');
    expect(nameKeyFor('<script>', idx)).toBe('none');
    expect(nameKeyFor('Gu', idx)).toBe('gu');
    expect(nameKeyFor(' g u', idx)).toBe('gu');
    expect(nameKeyFor('Gx', idx)).toBe('none');
    expect(nameKeyFor('广', idx)).toMatch(/^c\d+$/);
    expect(nameKeyFor('广东', idx)).toBe(nameKeyFor('广州', idx));
    expect(fold(' Xiqiao  Town ')).toBe('xiqiaotown');
    expect(fold('Ürümqi')).toBe('urumqi');
  });

  it('lists every place under the file of every name it is found by', () => {
    const entries = new Map<string, NameEntry>();
    for (const list of files.values()) for (const e of list) entries.set(e.id, e);
    expect(index.split).toEqual([]);
    expect(index.names).toEqual([...files.keys()].sort());
    expect([...entries.keys()].sort()).toEqual([...new Set(atlas.observationsOf('money_invested').map((o) => o.place))].sort());
    for (const e of entries.values()) {
      for (const name of [e.en, e.zh, ...e.pe, ...e.pz]) {
        for (const typed of [name, name.slice(0, 2), name.slice(0, 1)]) {
          const found = lookup(typed);
          if (found !== undefined) expect(found, `${e.id} by “${typed}”`).toContain(e.id);
        }
      }
      expect(e.s).toBe(shardOf({ within: atlas.chain(e.id).map((p) => p.id), place: e.id }));
    }
  });

  it('splits a name file of more than NAME_FILE_MAX places by one more character, and still finds every place', () => {
    // 3,000 villages named alike, in 31 provinces: “Village 00012” / “村00012”
    const provinces = Array.from({ length: 31 }, (_, k) => ({ en: `Province ${k}x`, zh: `省${k}` }));
    const entries: NameEntry[] = Array.from({ length: 3000 }, (_, i) => {
      const p = provinces[i % 31]!;
      const n = String(i).padStart(5, '0');
      return { id: `v${i}`, en: `Village ${n}`, zh: `村${n}`, s: `prov${i % 31}`, pe: [`County ${Math.floor(i / 2)}`, p.en], pz: [`县${Math.floor(i / 2)}`, p.zh] };
    });
    const built = nameFiles(entries);
    const f = built.files;
    const idx = built.index;
    // no file holds more than NAME_FILE_MAX places, except one made of the places sharing a whole name (a province's)
    const whole = new Set(provinces.flatMap((p) => [prefixKey(fold(p.en)), prefixKey(fold(p.zh))]).flatMap((k) => [k, `${k}_`]));
    for (const [k, list] of f) if (!whole.has(k)) expect(list.length, k).toBeLessThanOrEqual(NAME_FILE_MAX);
    expect(idx.split).toContain('vi');
    expect(nameKeyFor('Village', idx)).toBe('more');
    expect(nameKeyFor('vi', idx)).toBe('more');
    expect(find(f, idx, 'Village 00012')).toEqual(['v12']);
    expect(find(f, idx, 'village 0001')!.sort()).toEqual(Array.from({ length: 10 }, (_, k) => `v${10 + k}`).sort());
    expect(find(f, idx, '村00012', 'zh')).toEqual(['v12']);
    expect(find(f, idx, '村0001', 'zh')).toHaveLength(10);
    // a province’s name lists its places
    expect(find(f, idx, 'Province 2x')!.sort()).toEqual(entries.filter((e) => e.s === 'prov2').map((e) => e.id).sort());
    // “省2” begins the names of eleven provinces (省2, 省20 … 省29), too many places for one file: the file of
    // the names that end there lists the places of 省2; one more character reaches the others
    expect(idx.split).toContain(prefixKey('省2'));
    expect(find(f, idx, '省2', 'zh')!.sort()).toEqual(entries.filter((e) => e.s === 'prov2').map((e) => e.id).sort());
    expect(find(f, idx, '省21', 'zh')!.sort()).toEqual(entries.filter((e) => e.s === 'prov21').map((e) => e.id).sort());
    // every place by its whole name, in both languages
    for (const e of entries.filter((_, i) => i % 37 === 0)) {
      expect(find(f, idx, e.en), e.en).toEqual([e.id]);
      expect(find(f, idx, e.zh, 'zh'), e.zh).toEqual([e.id]);
    }
  });
});
