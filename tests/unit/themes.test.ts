import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Atlas } from '../../src/lib/atlas.ts';
import { loadProject } from '../../src/lib/load.ts';
import { orderThemes } from '../../src/lib/theme-order.ts';
import { largestRows, themeDataset, themeObservations, THEME_PANEL_MAX } from '../../src/charts/theme-figures.ts';
import { sourceShort } from '../../src/lib/source-label.ts';
import { LANGS } from '../../src/lib/i18n.ts';
import { ROOT } from '../helpers/fixture.ts';

const atlas = new Atlas(loadProject(ROOT));

describe('theme order', () => {
  it('most cases first, then the order of themes.csv', () => {
    const themes = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
    const cases = [{ themes: [{ id: 'c' }] }, { themes: [{ id: 'c' }, { id: 'b' }] }, { themes: [{ id: 'd' }] }];
    expect(orderThemes(themes, cases).map((t) => t.id)).toEqual(['c', 'b', 'd', 'a']);
  });
  it('in the real corpus, counts never increase along the list', () => {
    const counts = orderThemes(atlas.data.themes, atlas.caseList()).map((th) => atlas.casesWithTheme(th.id).length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});

describe('theme figures', () => {
  it('a panel keeps the largest figures, largest first, ties in their order', () => {
    const rows = [3, 9, 1, 9, 4, 7].map((value, i) => ({ value, id: `r${i}` }));
    expect(largestRows(rows, 3).map((r) => r.id)).toEqual(['r1', 'r3', 'r5']);
    expect(largestRows(rows, 10).map((r) => r.value)).toEqual([9, 9, 7, 4, 3, 1]);
    // the real themes have fewer figures per indicator than a panel holds: nothing is left out of them
    for (const th of atlas.data.themes) for (const ind of themeDataset(atlas, th, 'en', '/').indicators) expect(ind.rows.length).toBeLessThanOrEqual(THEME_PANEL_MAX);
  });

  it('cards show only observations of the theme’s indicators, in the theme’s indicator order', () => {
    for (const th of atlas.data.themes)
      for (const c of atlas.casesWithTheme(th.id)) {
        const obs = themeObservations(th, c);
        for (const o of obs) expect(th.indicators, `${th.id} ${c.slug} ${o.id}`).toContain(o.indicator);
        const ranks = obs.map((o) => th.indicators.indexOf(o.indicator));
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      }
  });
  it('three-no communities: Lianjiang’s unrelated key figures are not shown', () => {
    const th = atlas.themes.get('three-no-communities')!;
    const lianjiang = atlas.cases.get('lianjiang')!;
    const shown = themeObservations(th, lianjiang).map((o) => o.id);
    for (const k of lianjiang.key) if (!th.indicators.includes(k.indicator)) expect(shown).not.toContain(k.id);
  });
  it('the chart holds comparable indicators of the theme, with rows from the theme’s cases only', () => {
    const th = atlas.themes.get('contests')!;
    const ds = themeDataset(atlas, th, 'en', '/');
    expect(ds.indicators.length).toBeGreaterThan(0);
    const cases = new Set(atlas.casesWithTheme(th.id).map((c) => c.slug));
    for (const ind of ds.indicators) {
      expect(th.indicators).toContain(ind.id);
      expect(atlas.indicators.get(ind.id)!.comparable).toBe(true);
      for (const r of ind.rows) expect(cases.has(r.case), r.obs).toBe(true);
    }
  });
});

describe('theme syntheses (content/themes/<lang>/<id>.mdx)', () => {
  const dir = join(ROOT, 'content', 'themes');
  for (const th of atlas.data.themes.filter((t) => atlas.casesWithTheme(t.id).length))
    for (const lang of LANGS) {
      it(`${lang}/${th.id}: exists, types no number, cites only its cases' figures`, () => {
        const file = join(dir, lang, `${th.id}.mdx`);
        expect(existsSync(file), file).toBe(true);
        const text = readFileSync(file, 'utf8');
        const prose = text.replace(/<Fig\s+id="[^"]*"\s*\/>/g, '').replace(/<Term>[\s\S]*?<\/Term>/g, '');
        expect(prose, 'a digit typed outside <Fig> or <Term>').not.toMatch(/[0-9０-９]/);
        const cases = new Set(atlas.casesWithTheme(th.id).map((c) => c.slug));
        for (const m of text.matchAll(/<Fig\s+id="([^"]+)"/g)) {
          const o = atlas.observations.get(m[1]!);
          expect(o, m[1]).toBeDefined();
          expect(cases.has(o!.case), m[1]).toBe(true);
        }
      });
    }
});

describe('sources named for readers', () => {
  it('a report is named by its headline, publication and date — never by its id or page file', () => {
    for (const s of atlas.data.sources)
      for (const lang of LANGS) {
        const label = sourceShort(s, lang);
        expect(label).not.toContain(s.id);
        expect(label).not.toContain(s.file);
        expect(label).toContain(lang === 'en' ? s.headline_en.slice(0, 10) : s.headline_zh.slice(0, 4));
        if (s.publication !== 'unknown') expect(label).toContain(s.publication);
      }
  });
});
