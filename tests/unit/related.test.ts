import { describe, expect, it } from 'vitest';
import { relatedCases, relatedFrom, relatedIndex, relatedOf, type RelatedInput } from '../../src/lib/related.ts';
import { Atlas } from '../../src/lib/atlas.ts';
import { loadProject } from '../../src/lib/load.ts';
import { ROOT } from '../helpers/fixture.ts';

const c = (slug: string, themes: string[], indicators: string[] = [], province?: string, prefecture?: string): RelatedInput => ({ slug, themes, indicators, province, prefecture });

describe('relatedCases', () => {
  const me = c('me', ['contests', 'model-branches'], ['titles_awarded'], 'guangdong', 'zhanjiang');
  it('ranks by shared themes, place and comparable indicators, and gives the reasons', () => {
    const all = [
      me,
      c('same-main', ['contests'], [], 'henan'),
      c('second-theme', ['model-branches'], [], 'zhejiang'),
      c('same-city', ['grid-governance'], [], 'guangdong', 'zhanjiang'),
      c('same-province', ['grid-governance'], [], 'guangdong', 'maoming'),
      c('same-indicator', ['volunteering'], ['titles_awarded'], 'anhui'),
      c('nothing', ['volunteering'], ['volunteers'], 'anhui'),
    ];
    const r = relatedCases(me, all, 10);
    expect(r.map((x) => [x.slug, x.score])).toEqual([
      ['same-main', 5],
      ['same-city', 3],
      ['second-theme', 3],
      ['same-province', 2],
      ['same-indicator', 1],
    ]);
    expect(r[0]!.reasons).toEqual([{ kind: 'theme', id: 'contests' }]);
    expect(r.find((x) => x.slug === 'same-city')!.reasons).toEqual([{ kind: 'prefecture', id: 'zhanjiang' }]);
    expect(r.find((x) => x.slug === 'same-province')!.reasons).toEqual([{ kind: 'province', id: 'guangdong' }]);
    expect(r.find((x) => x.slug === 'same-indicator')!.reasons).toEqual([{ kind: 'indicator', id: 'titles_awarded' }]);
  });
  it('leaves out the case itself and cases sharing nothing, and keeps at most `max`', () => {
    const all = [me, c('a', ['contests']), c('b', ['contests']), c('c', ['contests']), c('z', ['other'])];
    const r = relatedCases(me, all, 2);
    expect(r.map((x) => x.slug)).toEqual(['a', 'b']);
  });
  it('keeps the same best cases as scoring every case and sorting them all', () => {
    // the reference: every other case scored with its reasons, sorted by score then slug
    const reference = (of: RelatedInput, all: RelatedInput[], max: number) =>
      all
        .filter((o) => o.slug !== of.slug)
        .map((o) => relatedCases(of, [o], 1)[0])
        .filter((r): r is NonNullable<typeof r> => !!r)
        .sort((a, b) => b.score - a.score || (a.slug < b.slug ? -1 : 1))
        .slice(0, max);
    const themes = ['a', 'b', 'c', 'd'];
    const all = Array.from({ length: 60 }, (_, i) => c(`case-${String((i * 37) % 60).padStart(2, '0')}`, [themes[i % 4]!, themes[(i * 3 + 1) % 4]!], i % 3 ? ['x'] : ['x', 'y'], `p${i % 5}`, i % 2 ? `q${i % 7}` : undefined));
    for (const of of all) for (const max of [1, 4, 100]) expect(relatedCases(of, all, max)).toEqual(reference(of, all, max));
  });

  it('is deterministic: ties are broken by slug whatever the input order', () => {
    const all = [c('zeta', ['contests']), c('alpha', ['contests']), c('mu', ['contests'])];
    expect(relatedCases(me, all).map((x) => x.slug)).toEqual(['alpha', 'mu', 'zeta']);
    expect(relatedCases(me, [...all].reverse()).map((x) => x.slug)).toEqual(['alpha', 'mu', 'zeta']);
  });
  it('lists several reasons strongest first: themes in the case’s own order, then place, then indicators', () => {
    const other = c('o', ['model-branches', 'contests'], ['titles_awarded'], 'guangdong', 'maoming');
    expect(relatedCases(me, [other])[0]!.reasons).toEqual([
      { kind: 'theme', id: 'contests' },
      { kind: 'theme', id: 'model-branches' },
      { kind: 'province', id: 'guangdong' },
      { kind: 'indicator', id: 'titles_awarded' },
    ]);
  });
});

describe('relatedFrom (walking the index)', () => {
  // cases with every shape the ranking meets: one to three themes (some repeated), a main theme shared
  // or not, a prefecture with or without a province, no place at all, repeated indicators
  const themes = ['a', 'b', 'c', 'd', 'e'];
  const inds = ['x', 'y', 'z', 'w'];
  const shaped = (n: number) =>
    Array.from({ length: n }, (_, i) => {
      const th = [themes[i % 5]!, themes[(i * 3 + 1) % 5]!, themes[(i * 7) % 5]!].slice(0, 1 + (i % 3));
      const ind = inds.filter((_, j) => (i >> j) & 1);
      if (i % 11 === 0) ind.push(ind[0] ?? 'x');
      const province = i % 13 === 0 ? undefined : `p${i % 4}`;
      const prefecture = i % 3 === 0 ? undefined : `q${i % 9}`;
      return c(`case-${String((i * 7919) % n).padStart(4, '0')}-${i}`, th, ind, province, prefecture);
    });

  it('gives exactly what ranking every case gives, for any number asked', () => {
    const all = shaped(240);
    const index = relatedIndex(all);
    for (const of of all) for (const max of [1, 4, 17, 300]) expect(relatedFrom(index, of, max), `${of.slug} ${max}`).toEqual(relatedCases(of, all, max));
    // a case that is not in the index is ranked against all of them
    const outsider = c('outsider', ['b', 'b', 'a'], ['y', 'y'], undefined, 'q4');
    expect(relatedFrom(index, outsider, 6)).toEqual(relatedCases(outsider, all, 6));
    expect(relatedFrom(index, outsider, 0)).toEqual([]);
  });

  it('scores only a small share of a large corpus', () => {
    const all = shaped(6000);
    const index = relatedIndex(all);
    let scored = 0;
    // count each case the walk looks at (the index's list of cases is only read to score one)
    index.all = new Proxy(index.all, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) scored++;
        return Reflect.get(target, key, receiver);
      },
    });
    const sample = all.filter((_, i) => i % 100 === 0);
    for (const of of sample) expect(relatedFrom(index, of), of.slug).toEqual(relatedCases(of, all));
    // ranking every case would score all 6,000 for each of the 60; the walk scores under 2 % of them
    expect(scored / sample.length).toBeLessThan(120);
  });
});

describe('related cases in the real corpus', () => {
  const atlas = new Atlas(loadProject(ROOT));
  it('every case has at least one related case, never itself', () => {
    for (const k of atlas.caseList()) {
      const r = relatedOf(atlas, k);
      expect(r.length, k.slug).toBeGreaterThan(0);
      expect(r.map((x) => x.slug)).not.toContain(k.slug);
    }
  });
  it('Lianjiang: the other contests come first, and Maonan is also in Guangdong', () => {
    const r = relatedOf(atlas, atlas.cases.get('lianjiang')!);
    expect(r[0]!.reasons[0]).toEqual({ kind: 'theme', id: 'contests' });
    const maonan = r.find((x) => x.slug === 'maonan')!;
    expect(maonan.reasons).toContainEqual({ kind: 'province', id: 'guangdong' });
  });
});
