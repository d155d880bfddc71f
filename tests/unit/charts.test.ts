import { describe, expect, it } from 'vitest';
import { axisTicks, BAR, barLayout, barSvg, markOf, valueDomain, type BarDatum } from '../../src/charts/bars.ts';
import { compareCsvRecords, COMPARE_CSV_COLUMNS, mixedLevels, placeOptions, selectedPlaces, selectRows, sortRows, stateContext } from '../../src/charts/compare.ts';
import { compareDataset, compareRow, compareRowOf, defaultIndicator, keyFigures, locate, offeredIndicators, periodShort, themeMatrix, timelineCases, timelineCsvRecords, timelineItems, TIMELINE_CSV_COLUMNS, casePoints, nestQuotes, sourceName } from '../../src/charts/datasets.ts';
import { dateSpan, timelineLayout, timelineSvg } from '../../src/charts/timeline.ts';
import { matrixLayout, matrixSvg } from '../../src/charts/matrix.ts';
import { dodge, hascOf, mapLayout, mapSvg, themeStyle, THEME_COLOURS, type MapTopologies } from '../../src/charts/map.ts';
import { breakpointFor, fitText, MIN_WIDE_SCALE, NARROW, svgMarkup, textWidth, walk, wrapText, type SvgNode } from '../../src/charts/svg.ts';
import { keyLayout, keySvg, periodKind, sameSpan, type KeyInput } from '../../src/charts/keyfigures.ts';
import { Atlas } from '../../src/lib/atlas.ts';
import { loadProject } from '../../src/lib/load.ts';
import { parseCsv, toCsv } from '../../src/lib/csv.ts';
import type { Qualifier } from '../../src/lib/qualifiers.ts';
import { ROOT } from '../helpers/fixture.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Topology } from 'topojson-specification';
import { feature } from 'topojson-client';
import { geoPath } from 'd3-geo';

const geo = (f: string) => JSON.parse(readFileSync(join(ROOT, 'data/geo', f), 'utf8'));
const atlas = new Atlas(loadProject(ROOT));

const datum = (id: string, value: number, qualifier: Qualifier = 'exact', display = String(value)): BarDatum => ({ id, name: id, sub: `${id} label`, value, qualifier, display, period: '2021', href: `#${id}` });
const nodes = (n: SvgNode) => {
  const out: SvgNode[] = [];
  walk(n, (x) => out.push(x));
  return out;
};
const text = { title: 'T', desc: 'D', axis: 'number', zero: '0', linkLabel: () => 'open' };

describe('value domain and ticks', () => {
  it('linear: from zero to a round number at or above the largest value', () => {
    expect(valueDomain([30, 17, 33], 'linear')).toEqual([0, 35]);
    expect(valueDomain([460000, 300000], 'linear')).toEqual([0, 500000]);
    expect(valueDomain([], 'linear')).toEqual([0, 1]);
    expect(valueDomain([0, 0], 'linear')).toEqual([0, 1]);
  });
  it('log: whole decades around the positive values; zero is left out of the domain', () => {
    expect(valueDomain([270000, 20000000], 'log')).toEqual([100000, 100000000]);
    expect(valueDomain([0, 4, 30], 'log')).toEqual([1, 100]);
    expect(valueDomain([10, 10], 'log')).toEqual([10, 100]);
    expect(valueDomain([0], 'log')).toEqual([1, 10]);
  });
  it('labels ticks in the reader’s units: 万 and 亿 in Chinese, compact numbers in English', () => {
    expect(axisTicks([0, 500000], 'linear', 'zh', 'currency', [0, 400]).map((t) => t.label)).toEqual(['0', '10万', '20万', '30万', '40万', '50万']);
    expect(axisTicks([0, 500000], 'linear', 'en', 'currency', [0, 400]).map((t) => t.label)).toEqual(['0', '100k', '200k', '300k', '400k', '500k']);
    expect(axisTicks([100000, 100000000], 'log', 'zh', 'currency', [0, 300]).map((t) => t.label)).toEqual(['10万', '100万', '1000万', '1亿']);
    expect(axisTicks([1, 100], 'log', 'en', 'count', [0, 300]).map((t) => t.value)).toEqual([1, 2, 5, 10, 20, 50, 100]);
  });
});

describe('bar layout', () => {
  it('places each value on the scale, one row per value, in the given order', () => {
    const l = barLayout([datum('a', 33), datum('b', 30), datum('c', 17)], { scale: 'linear', lang: 'en', kind: 'count' });
    const [r0, r1] = l.range;
    expect(l.domain).toEqual([0, 35]);
    expect(l.rows.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(l.rows[0]!.x).toBeCloseTo(r0 + (33 / 35) * (r1 - r0), 6);
    expect(l.rows[2]!.x0).toBe(r0);
    expect(l.rows[1]!.y - l.rows[0]!.y).toBe(l.rowHeight);
    expect(l.height).toBe(l.top + 3 * l.rowHeight + 14);
  });

  it('maps every qualifier to a mark: lower bound, upper bound, approximate, exact', () => {
    expect((['exact', 'about', 'nearly', 'more_than', 'at_least', 'up_to', 'less_than'] as const).map(markOf)).toEqual(['exact', 'approx', 'upper', 'lower', 'lower', 'upper', 'upper']);
  });

  it('draws a lower bound with a fading tail and an arrow beyond the value, and shows the qualifier in the label', () => {
    const l = barLayout([datum('more', 30, 'more_than', '30+'), datum('near', 4000, 'nearly', 'nearly 4,000'), datum('ex', 10)], { scale: 'linear', lang: 'en', kind: 'count' });
    const more = l.rows.find((r) => r.id === 'more')!;
    expect(more.mark).toBe('lower');
    expect(more.end).toBeGreaterThan(more.x);
    expect(more.label).toBe('30+ · 2021');
    const svg = barSvg(l, text, 'fig-x', 'en');
    const row = (id: string) => nodes(svg).find((n) => n.attrs?.['data-obs'] === id)!;
    const moreNodes = nodes(row('more'));
    expect(moreNodes.some((n) => n.tag === 'rect' && String(n.attrs?.fill).startsWith('url(#fig-x-tail)'))).toBe(true);
    expect(moreNodes.some((n) => n.tag === 'path' && n.attrs?.fill === 'none')).toBe(true);
    expect(nodes(row('near')).some((n) => n.tag === 'path' && n.attrs?.fill === '#fff')).toBe(true);
    expect(nodes(row('ex')).filter((n) => n.tag === 'path')).toHaveLength(0);
    expect(nodes(row('near')).find((n) => n.tag === 'text' && n.text?.startsWith('nearly'))?.text).toBe('nearly 4,000 · 2021');
    expect(nodes(svg).some((n) => n.tag === 'linearGradient' && n.attrs?.id === 'fig-x-tail')).toBe(true);
  });

  it('on a log scale pins a zero to the axis start, marks it off-scale and labels it', () => {
    const l = barLayout([datum('big', 1000), datum('zero', 0), datum('small', 3)], { scale: 'log', lang: 'en', kind: 'count' });
    expect(l.domain).toEqual([1, 1000]);
    expect(l.offScale).toEqual(['zero']);
    const zero = l.rows.find((r) => r.id === 'zero')!;
    expect(zero.x).toBe(l.range[0]);
    expect(zero.offScale).toBe(true);
    const big = l.rows.find((r) => r.id === 'big')!;
    expect(big.x).toBeCloseTo(l.range[1], 6);
    const svg = barSvg(l, { ...text, zero: '0 (not on a log scale)' }, 'f', 'en');
    const zn = nodes(nodes(svg).find((n) => n.attrs?.['data-obs'] === 'zero')!);
    expect(zn.some((n) => n.tag === 'circle' && n.attrs?.fill === '#fff')).toBe(true);
    expect(zn.find((n) => n.tag === 'text' && n.text?.startsWith('0 (not'))).toBeTruthy();
    expect(zn.some((n) => n.tag === 'rect')).toBe(false); // no bar on a log scale
  });

  it('puts value and year on two lines when the chart is narrow, one line when there is room', () => {
    const data = [datum('a', 20000000, 'more_than', '20,000,000+ yuan'), datum('b', 270000, 'exact', '270,000 yuan')];
    const wide = barLayout(data, { scale: 'linear', lang: 'en', kind: 'currency' });
    const narrow = barLayout(data, { scale: 'linear', lang: 'en', kind: 'currency', width: 340 });
    expect(wide.stacked).toBe(false);
    expect(narrow.stacked).toBe(true);
    expect(narrow.width).toBe(340);
    // narrow: labels above the bars, so the bars get the whole width; ticks never crowd
    expect(wide.labelsAbove).toBe(false);
    expect(narrow.labelsAbove).toBe(true);
    expect(narrow.range[0]).toBeLessThan(20);
    for (let i = 1; i < narrow.ticks.length; i++) expect(narrow.ticks[i]!.x - narrow.ticks[i - 1]!.x).toBeGreaterThanOrEqual(40);
    const texts = nodes(barSvg(narrow, text, 'n', 'en')).filter((n) => n.tag === 'text').map((n) => n.text);
    expect(texts).toContain('20,000,000+ yuan');
    expect(texts).toContain('2021');
  });

  it('links every value to its case’s figure row', () => {
    const svg = barSvg(barLayout([datum('a', 1)], { scale: 'linear', lang: 'zh', kind: 'count' }), text, 'f', 'zh');
    expect(nodes(svg).find((n) => n.tag === 'a')?.attrs?.href).toBe('#a');
  });
});

describe('bar labels', () => {
  it('wrap what is counted onto a second line instead of cutting it, at word boundaries', () => {
    const sub = 'Planned investment in the new Party–public service centre and its grounds';
    const l = barLayout([{ ...datum('a', 5), sub }, datum('b', 3)], { scale: 'linear', lang: 'en', kind: 'currency' });
    const lines = l.rows[0]!.subLines;
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(lines.join(' ')).toBe(sub);
    for (const line of lines) expect(line).toBe(line.trim());
    expect(l.rowHeight).toBeGreaterThan(BAR.rowHeight);
  });
  it('on a narrow chart put name and what is counted above the bar, across the width, uncut', () => {
    const sub = 'Special funds invested each year in upgrading community services';
    const l = barLayout([{ ...datum('a', 5), sub }], { scale: 'linear', lang: 'en', kind: 'currency', width: 330 });
    expect(l.labelsAbove).toBe(true);
    expect(l.rows[0]!.subLines.join(' ')).toBe(sub);
    expect(l.rows[0]!.nameY).toBeLessThan(l.rows[0]!.subY[0]!);
    expect(l.rows[0]!.subY.at(-1)!).toBeLessThan(l.rows[0]!.mid - 5);
  });
  it('tags each name with its level when given, in grey after the name', () => {
    const l = barLayout([{ ...datum('Jiangyang', 5), tag: 'county level' }], { scale: 'linear', lang: 'en', kind: 'count' });
    const svg = barSvg(l, text, 'f', 'en');
    const spans = nodes(svg).filter((n) => n.tag === 'tspan').map((n) => n.text);
    expect(spans).toEqual(['Jiangyang', ' · county level']);
  });
});

describe('text measuring', () => {
  it('counts CJK characters as one em and shortens long labels with an ellipsis', () => {
    expect(textWidth('西樵镇', 10)).toBe(30);
    expect(textWidth('abc', 10)).toBeLessThan(30);
    const s = fitText('Hefei Chuangcheng Technology Information Technology Co., Ltd.', 12, 120);
    expect(s.endsWith('…')).toBe(true);
    expect(textWidth(s, 12)).toBeLessThanOrEqual(120);
    expect(fitText('Dali', 12, 120)).toBe('Dali');
  });
});

describe('comparison data from the atlas', () => {
  it('offers only comparable indicators with figures for at least two places', () => {
    const offered = offeredIndicators(atlas);
    expect(offered.length).toBeGreaterThan(5);
    for (const i of offered) {
      expect(i.comparable).toBe(true);
      expect(new Set(atlas.data.observations.filter((o) => o.indicator === i.id).map((o) => o.place)).size).toBeGreaterThanOrEqual(2);
    }
    for (const id of ['collective_income', 'party_members', 'party_organisations', 'contest_participants', 'money_invested', 'service_points']) expect(offered.map((i) => i.id)).toContain(id);
    expect(offered.map((i) => i.id)).toContain(defaultIndicator(atlas));
  });

  it('formats values with their qualifier in both languages', () => {
    const en = compareDataset(atlas, 'en', '/').indicators.find((i) => i.id === 'collective_income')!;
    const zh = compareDataset(atlas, 'zh', '/').indicators.find((i) => i.id === 'collective_income')!;
    expect(en.rows.map((r) => r.display).sort()).toEqual(['300,000+ yuan', '460,000 yuan']);
    expect(zh.rows.map((r) => r.display).sort()).toEqual(['46万元', '突破30万元']);
    expect(zh.axis).toBe('元');
    const row = en.rows.find((r) => r.qualifier === 'more_than')!;
    expect(row.href).toBe(`/en/cases/${row.case}/#obs-${row.obs}`);
    expect(row.periodShort).toBe('2020');
  });

  it('a place with figures of its own selects exactly those, never the places inside it', () => {
    const ds = compareDataset(atlas, 'en', '/');
    const ind = ds.indicators.find((i) => i.id === 'money_invested')!;
    const aiguo = ind.rows.find((r) => r.place === 'nanhai-xiqiao-aiguo');
    const xiqiao = ind.rows.find((r) => r.place === 'nanhai-xiqiao');
    expect(aiguo && xiqiao, 'money_invested has figures for Xiqiao and for Aiguo inside it').toBeTruthy();
    const rows = selectRows(ind, { indicator: ind.id, places: ['nanhai-xiqiao'], scale: 'linear', sort: 'desc' }, 'en');
    expect(new Set(rows.map((r) => r.place))).toEqual(new Set(['nanhai-xiqiao']));
    expect(selectedPlaces(ind, ['nanhai-xiqiao', 'nanhai-xiqiao-aiguo'])).toEqual(new Set(['nanhai-xiqiao', 'nanhai-xiqiao-aiguo']));
    // a region without figures of its own still selects everything inside it
    expect([...selectedPlaces(ind, ['foshan'])].sort()).toEqual([...new Set(ind.rows.filter((r) => r.within.includes('foshan')).map((r) => r.place))].sort());
    const opts = placeOptions(ind.rows, 'en');
    expect(opts.find((o) => o.id === 'nanhai-xiqiao-aiguo')).toEqual({ id: 'nanhai-xiqiao-aiguo', name: 'Aiguo Community', inside: 'Xiqiao Town' });
    expect(opts.find((o) => o.id === 'nanhai-xiqiao')?.inside).toBeUndefined();
  });

  it('flags figures about places of different levels', () => {
    const ds = compareDataset(atlas, 'en', '/');
    const ind = ds.indicators.find((i) => i.id === 'party_members')!;
    const levels = mixedLevels(ind.rows);
    expect(levels.length).toBeGreaterThan(1);
    expect(levels[0]).toBe('county');
    expect(mixedLevels(ind.rows.filter((r) => r.level === levels[0]))).toEqual([]);
  });

  it('selects places by the place, any ancestor, or the case, and sorts Chinese names by pinyin', () => {
    const ds = compareDataset(atlas, 'zh', '/');
    const ind = ds.indicators.find((i) => i.id === 'money_invested')!;
    const ctx = stateContext(ds);
    const all = selectRows(ind, { indicator: ind.id, places: null, scale: 'linear', sort: 'desc' }, 'zh');
    expect(all.map((r) => r.value)).toEqual([...all.map((r) => r.value)].sort((a, b) => b - a));
    const gd = selectRows(ind, { indicator: ind.id, places: ['guangdong'], scale: 'linear', sort: 'desc' }, 'zh');
    expect(gd.length).toBeGreaterThan(0);
    expect(gd.every((r) => r.within.includes('guangdong'))).toBe(true);
    expect(ctx.placeTokens(ind.id).has('guangdong')).toBe(true);
    const byCase = selectRows(ind, { indicator: ind.id, places: ['dali'], scale: 'linear', sort: 'desc' }, 'zh');
    expect(byCase.every((r) => r.case === 'dali')).toBe(true);
    const byName = sortRows(all, 'name', 'zh').map((r) => r.placeName);
    const names = [...new Set(byName)];
    // pinyin order, not code-point order: ài < dà < xī although 西 (U+897F) < 爱 (U+7231) < 大 (U+5927) is false by code point
    const at = (n: string) => names.indexOf(n);
    expect(at('爱国社区')).toBeGreaterThanOrEqual(0);
    expect(at('爱国社区')).toBeLessThan(at('大理白族自治州'));
    expect(at('大理白族自治州')).toBeLessThan(at('西樵镇'));
    expect(names).toEqual([...names].sort(new Intl.Collator('zh-CN-u-co-pinyin').compare));
  });

  it('writes the CSV with the chart’s rows in the chart’s order', () => {
    const ds = compareDataset(atlas, 'en', '/');
    const ind = ds.indicators.find((i) => i.id === 'money_invested')!;
    const rows = selectRows(ind, { indicator: ind.id, places: null, scale: 'log', sort: 'asc' }, 'en');
    const csv = toCsv(COMPARE_CSV_COLUMNS, compareCsvRecords(ind.id, rows));
    const parsed = parseCsv(csv, COMPARE_CSV_COLUMNS);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((r) => r.record.observation)).toEqual(rows.map((r) => r.obs));
    expect(parsed.rows.map((r) => Number(r.record.value))).toEqual(rows.map((r) => r.value));
  });

  it('shows a period as its year or span of years, never a day', () => {
    expect(periodShort('2020-06-30', 'en')).toBe('2020');
    expect(periodShort('2018/2020', 'zh')).toBe('2018–2020年');
    expect(periodShort('2020-05/2020-12', 'en')).toBe('2020');
    expect(periodShort('unknown', 'en')).toBe('year unknown');
  });
});

describe('timeline', () => {
  it('plots the date of the events, marks only inferred ones hollow, and says the basis in the tooltip and the CSV', () => {
    const cases = timelineCases(atlas, 'en', '/');
    const byCase = new Map(cases.map((c) => [c.case, c]));
    const l = timelineLayout(timelineItems(cases, 'en'), { lang: 'en' });
    const row = (id: string) => l.rows.find((r) => r.id === id)!;
    // Xiqiao: drawn at its events (2020, printed), not at its report (2021)
    expect(row('xiqiao')).toMatchObject({ date: '2020', precision: 'year', hollow: false });
    expect(row('xiqiao').title).toContain('reported 2021 · events 2020');
    expect(row('xiqiao').title).not.toContain('inferred');
    // Chengmai: a printed day whose year is inferred: a hollow day mark, the basis in its title
    expect(row('chengmai')).toMatchObject({ date: '2020-06-30', precision: 'day', hollow: true });
    expect(row('chengmai').title).toContain('(inferred: The day is printed (6月30日); the year is not.');
    expect(l.rows.filter((r) => r.hollow).map((r) => r.id).sort()).toEqual(cases.filter((c) => c.basis === 'inferred').map((c) => c.case).sort());
    expect(l.undated.map((u) => u.id).sort()).toEqual(['maonan', 'zunyi']);
    const csv = timelineCsvRecords([byCase.get('xiqiao')!, byCase.get('zhongtai')!]);
    expect(Object.keys(csv[0]!)).toEqual([...TIMELINE_CSV_COLUMNS]);
    expect(csv[0]).toMatchObject({ events_date: '2020', events_date_precision: 'year', events_date_basis: 'stated', reported_date: '2021', reported_date_basis: 'inferred' });
    expect(csv[1]).toMatchObject({ events_date: '2020-07-01', events_date_precision: 'day', events_date_basis: 'inferred' });
    expect(csv[1]!.events_date_note).toContain('建党99周年');
    const zh = timelineItems(timelineCases(atlas, 'zh', '/'), 'zh').find((i) => i.id === 'zhongtai')!;
    expect(zh.title).toContain('报道 2020年 · 事件 2020年7月1日（');
  });
  it('spans a year-only date across the year and a month across the month; a day is a point', () => {
    expect(dateSpan('2021')).toEqual([Date.UTC(2021, 0, 1), Date.UTC(2022, 0, 1)]);
    expect(dateSpan('2021-08')).toEqual([Date.UTC(2021, 7, 1), Date.UTC(2021, 8, 1)]);
    const l = timelineLayout(
      [
        { id: 'y', label: 'Y', date: '2021', basis: 'inferred', href: '#', title: 'y' },
        { id: 'd', label: 'D', date: '2020-06-30', basis: 'stated', href: '#', title: 'd' },
        { id: 'u', label: 'U', date: 'unknown', basis: 'unknown', href: '#', title: 'u' },
      ],
      { lang: 'en', width: 400 },
    );
    expect(l.rows.map((r) => r.id)).toEqual(['d', 'y']);
    expect(l.undated.map((r) => r.id)).toEqual(['u']);
    const [d, y] = l.rows as [(typeof l.rows)[0], (typeof l.rows)[0]];
    expect(d.precision).toBe('day');
    expect(d.x1).toBe(d.x0);
    expect(d.hollow).toBe(false);
    expect(y.precision).toBe('year');
    expect(y.hollow).toBe(true);
    // the 2021 band runs from the 2021 tick to the 2022 tick
    expect(y.x0).toBeCloseTo(l.ticks.find((t) => t.label === '2021')!.x, 6);
    expect(y.x1).toBeCloseTo(l.ticks.find((t) => t.label === '2022')!.x, 6);
  });
});

describe('theme × case matrix', () => {
  it('has one mark per case theme, the first theme as the main one', () => {
    const m = themeMatrix(atlas, 'en', '/');
    const layout = matrixLayout(m);
    const expected = atlas.caseList().reduce((n, c) => n + c.themes.length, 0);
    expect(layout.cells).toHaveLength(expected);
    expect(layout.cells.filter((c) => c.kind === 'primary')).toHaveLength(atlas.caseList().length);
    for (const c of atlas.caseList()) expect(m.cells[c.themes[0]!.id]![c.slug]).toBe('primary');
    const last = layout.cols[layout.cols.length - 1]!;
    expect(layout.width).toBeGreaterThan(last.x + 12);
  });
});

describe('map', () => {
  const china = geo('chn.topo.json') as Topology;
  const others = ['twn', 'hkg', 'mac'].map((c) => geo(`${c}.topo.json`) as Topology);

  it('finds the outline of every province by its GB/T 2260 code', () => {
    const ids = new Set((Object.values(china.objects)[0] as { geometries: { id: string }[] }).geometries.map((g) => g.id));
    for (const p of atlas.data.places.filter((x) => x.level === 'province')) expect(ids.has(hascOf(p.adcode)!)).toBe(true);
  });

  it('projects case points inside the map and zooms to a province', () => {
    const pts = [
      { id: 'guangzhou', lat: 23.13, lon: 113.27, label: 'G', title: 'g', href: '#', themeIndex: 0 },
      { id: 'harbin', lat: 45.75, lon: 126.63, label: 'H', title: 'h', href: '#', themeIndex: 1 },
    ];
    const all = mapLayout({ china, others }, { points: pts, legend: [] });
    // 31 provinces, Taiwan, Hong Kong and Macao, all drawn alike; the Paracels are left to the inset
    expect(all.provinces.length).toBe(34);
    expect(all.provinces.map((p) => p.id)).toEqual(expect.arrayContaining(['TWN', 'HKG', 'MAC']));
    const [g, h] = all.points as [(typeof all.points)[0], (typeof all.points)[0]];
    expect(g.y).toBeGreaterThan(h.y); // south is down
    expect(g.x).toBeLessThan(h.x); // east is right
    const gd = mapLayout({ china, others }, { points: pts, legend: [], focus: 'CN.GD' });
    expect(gd.points.map((p) => p.id)).toEqual(['guangzhou']); // Harbin is outside the close-up
    expect(gd.pxPerDegree).toBeGreaterThan(all.pxPerDegree * 3);
    expect(gd.provinces.find((p) => p.id === 'CN.GD')?.focus).toBe(true);
  });

  it('moves coincident symbols apart, deterministically', () => {
    const out = dodge([{ x: 10, y: 10 }, { x: 10, y: 10 }, { x: 100, y: 100 }], 15);
    expect(Math.hypot(out[0]!.x - out[1]!.x, out[0]!.y - out[1]!.y)).toBeGreaterThanOrEqual(14.9);
    expect(out[2]).toEqual({ x: 100, y: 100 });
    expect(dodge([{ x: 10, y: 10 }, { x: 10, y: 10 }], 15)).toEqual(dodge([{ x: 10, y: 10 }, { x: 10, y: 10 }], 15));
  });

  it('gives every theme a distinct shape-and-colour pair', () => {
    const pairs = atlas.data.themes.map((_, i) => `${themeStyle(i).shape}/${themeStyle(i).colour}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('places a case without coordinates at its nearest ancestor that has them', () => {
    const xiqiao = atlas.cases.get('xiqiao')!;
    expect(xiqiao.place.lat).toBeNull();
    expect(locate(atlas, xiqiao.place.id)?.id).toBe('nanhai');
  });
});

describe('comparison rows, made once', () => {
  it('compareRowOf gives compareRow’s row, the same object each time for a figure, language and base', () => {
    const o = atlas.data.observations.find((x) => atlas.indicators.get(x.indicator)!.comparable)!;
    const row = compareRowOf(atlas, o, 'zh', '/');
    expect(row).toEqual(compareRow(atlas, o, 'zh', '/'));
    expect(compareRowOf(atlas, o, 'zh', '/')).toBe(row);
    expect(compareRowOf(atlas, o, 'en', '/')).not.toBe(row);
    expect(compareRowOf(atlas, o, 'zh', '/sub/')).not.toBe(row);
    expect(compareRowOf(atlas, o, 'zh', '/sub/').href.startsWith('/sub/')).toBe(true);
  });

  it('rows of one place share one frozen chain of ids; the source name and address are those of sourceName and the case page', () => {
    const comparable = atlas.data.observations.filter((x) => atlas.indicators.get(x.indicator)!.comparable);
    const pairOf = (same: (a: (typeof comparable)[number], b: (typeof comparable)[number]) => boolean) => {
      for (const a of comparable) for (const b of comparable) if (a !== b && same(a, b)) return [a, b] as const;
      throw new Error('no two comparable figures share that');
    };
    const [p1, p2] = pairOf((a, b) => a.place === b.place);
    const [r1, r2] = [compareRow(atlas, p1, 'en', '/'), compareRow(atlas, p2, 'en', '/')];
    expect(r1.within).toBe(r2.within);
    expect(r1.within).toEqual(atlas.chain(p1.place).map((p) => p.id));
    expect(Object.isFrozen(r1.within)).toBe(true);
    const [s1, s2] = pairOf((a, b) => a.source === b.source);
    expect(compareRow(atlas, s1, 'zh', '/').sourceName).toBe(compareRow(atlas, s2, 'zh', '/').sourceName);
    expect(compareRow(atlas, s1, 'zh', '/').sourceName).toBe(sourceName(atlas.sources.get(s1.source)!, 'zh'));
    expect(compareRow(atlas, s1, 'en', '/').sourceName).toBe(sourceName(atlas.sources.get(s1.source)!, 'en'));
    expect(r1.href).toBe(`/en/cases/${p1.case}/#obs-${p1.id}`);
  });

  it('key figures show the comparison’s own rows of the other cases’ figures', () => {
    const ds = compareDataset(atlas, 'en', '/');
    const inDataset = new Set(ds.indicators.flatMap((i) => i.rows));
    const others = atlas.caseList().flatMap((c) => keyFigures(atlas, c, 'en', '/').flatMap((f) => f.others));
    expect(others.length).toBeGreaterThan(10);
    for (const row of others) expect(inDataset.has(row), row.obs).toBe(true);
  });
});

describe('key figures', () => {
  const input = (slug: string, lang: 'en' | 'zh' = 'en'): KeyInput[] =>
    keyFigures(atlas, atlas.cases.get(slug)!, lang, '/').map((f) => ({
      id: f.row.obs,
      label: f.row.label,
      indicator: f.indicatorName,
      kind: atlas.indicators.get(atlas.observations.get(f.row.obs)!.indicator)!.unit_kind,
      value: f.row.value,
      qualifier: f.row.qualifier,
      display: f.row.display,
      period: f.row.period,
      periodText: f.row.periodShort,
      href: f.row.href,
      others: f.comparable ? f.others.map((o) => ({ value: o.value, period: o.period, title: `${o.placeName}: ${o.display}`, href: o.href })) : null,
    }));

  it('puts each figure on its own scale with the other cases’ figures of its indicator', () => {
    const figs = keyFigures(atlas, atlas.cases.get('lianjiang')!, 'en', '/');
    const l = keyLayout(input('lianjiang'), { lang: 'en' });
    const contest = l.rows.find((r) => r.id === 'lianjiang-contest-orgs')!;
    const fig = figs.find((f) => f.row.obs === 'lianjiang-contest-orgs')!;
    expect(contest.track).not.toBeNull();
    expect(contest.ticks.length).toBe(fig.others.length);
    expect(contest.max).toBe(Math.max(30, ...fig.others.map((o) => o.value)));
    expect(contest.x).toBeCloseTo(contest.track![0] + (30 / contest.max) * (contest.track![1] - contest.track![0]), 6);
    // the axis is labelled at both ends
    expect(contest.axis).toEqual(['0', expect.any(String)]);
  });

  it('never compares a figure with the same case’s other figures', () => {
    for (const c of atlas.caseList())
      for (const f of keyFigures(atlas, c, 'en', '/')) for (const o of f.others) expect(o.case).not.toBe(c.slug);
  });

  it('marks ticks that cover a different span of time (one year against several, or unknown) and explains them', () => {
    expect(periodKind('2020')).toBe('one');
    expect(periodKind('2018/2020')).toBe('span');
    expect(periodKind('2020-01/2020-06')).toBe('one');
    expect(periodKind('unknown')).toBe('unknown');
    expect(sameSpan('2020', '2021')).toBe(true);
    expect(sameSpan('2020', '2018/2020')).toBe(false);
    expect(sameSpan('unknown', 'unknown')).toBe(false);
    const base: KeyInput = { id: 'a', label: 'A', indicator: 'I', kind: 'currency', value: 10, qualifier: 'exact', display: '10', period: '2020', periodText: '2020', href: '#a', others: [
      { value: 20, period: '2019', title: 'B: 20', href: '#b' },
      { value: 30, period: '2016/2020', title: 'C: 30', href: '#c' },
    ] };
    const legend = { bar: 'bar', tick: 'tick', open: 'open' };
    const l = keyLayout([base], { lang: 'en', legend });
    expect(l.rows[0]!.ticks.map((t) => t.open)).toEqual([false, true]);
    expect(l.legend.map((x) => x.kind)).toEqual(['bar', 'tick', 'open']);
    const svg = keySvg(l, { title: 't', desc: 'd', note: () => '', linkLabel: () => '' }, 'k', 'en');
    const titles = nodes(svg).filter((n) => n.tag === 'title').map((n) => n.text);
    expect(titles).toEqual(expect.arrayContaining(['B: 20', 'C: 30']));
    // no open ticks, no line about them
    expect(keyLayout([{ ...base, others: [base.others![0]!] }], { lang: 'en', legend }).legend.map((x) => x.kind)).toEqual(['bar', 'tick']);
  });
});

describe('SVG markup on the server', () => {
  it('escapes text as text and attribute values inside their quotes; an empty value is a bare attribute', () => {
    const node: SvgNode = {
      tag: 'g',
      attrs: { 'data-name': 'a "b" & <c>', 'data-pagefind-ignore': '', x: 1.26, skip: undefined },
      children: [{ tag: 'text', text: `<script>alert('x')</script> & "q"` }, { tag: 'path', attrs: { d: 'M0,0H1' } }],
    };
    expect(svgMarkup(node)).toBe(
      '<g data-name="a &quot;b&quot; &amp; <c>" data-pagefind-ignore x="1.3"><text>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</text><path d="M0,0H1"></path></g>',
    );
  });
  it('refuses a tag or attribute name that could break out of the element', () => {
    expect(() => svgMarkup({ tag: 'g onload=x' })).toThrow(/found tag "g onload=x"/);
    expect(() => svgMarkup({ tag: 'g', attrs: { 'x"><script': '1' } })).toThrow(/found attribute "x"><script" on <g>/);
  });
});

describe('key figures in context', () => {
  it('samples at most KEY_CONTEXT_MAX other figures evenly across their range, keeping both ends', async () => {
    const { sampleByValue, KEY_CONTEXT_MAX } = await import('../../src/charts/datasets.ts');
    const items = Array.from({ length: 1000 }, (_, i) => ({ id: `o${i}`, value: (i * 7919) % 1000 }));
    const s = sampleByValue(items, KEY_CONTEXT_MAX);
    expect(s).toHaveLength(KEY_CONTEXT_MAX);
    expect(s[0]!.value).toBe(0);
    expect(s.at(-1)!.value).toBe(999);
    expect(s.map((x) => x.value)).toEqual([...s.map((x) => x.value)].sort((a, b) => a - b));
    expect(sampleByValue(items.slice(0, 5), KEY_CONTEXT_MAX)).toHaveLength(5);
  });

  it('sampling a sorted list with some positions left out picks what filtering then sampling picks', async () => {
    const { sampleByValue, sampleSortedExcept } = await import('../../src/charts/datasets.ts');
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let round = 0; round < 300; round++) {
      const n = rand(80);
      const sorted = sampleByValue(Array.from({ length: n }, (_, i) => ({ id: `o${i}`, value: rand(20) })), Infinity);
      const skip = [...new Set(Array.from({ length: rand(5) }, () => rand(Math.max(1, n))))].filter((i) => i < n).sort((a, b) => a - b);
      const max = 2 + rand(30);
      const reference = sampleByValue(sorted.filter((_, i) => !skip.includes(i)), max);
      expect(sampleSortedExcept(sorted, skip, max), `n ${n}, skip ${skip}, max ${max}`).toEqual(reference);
    }
  });
});

// ---------------------------------------------------------------- layouts at phone and desktop widths

/** Estimated box of every piece of text and every mark; problems a reader would see. */
function audit(svg: SvgNode, minFont: number): string[] {
  const w = Number(svg.attrs!.width);
  const h = Number(svg.attrs!.height);
  expect(svg.attrs!.viewBox).toBe(`0 0 ${w} ${h}`);
  const problems: string[] = [];
  const inside = (what: string, x0: number, x1: number, y0: number, y1: number) => {
    if (x0 < -0.5 || x1 > w + 0.5 || y0 < -0.5 || y1 > h + 0.5) problems.push(`${what} outside 0 0 ${w} ${h}: x ${x0.toFixed(1)}–${x1.toFixed(1)}, y ${y0.toFixed(1)}–${y1.toFixed(1)}`);
  };
  const visit = (n: SvgNode, clipped: boolean) => {
    const a = n.attrs ?? {};
    const isClipped = clipped || a['clip-path'] !== undefined || n.tag === 'defs' || n.tag === 'clipPath';
    if (n.tag === 'text') {
      const fs = Number(a['font-size']);
      const lines = n.children?.length ? n.children.filter((c) => c.tag === 'tspan').map((c) => c.text ?? '') : [n.text ?? ''];
      for (const line of lines) {
        if (fs < minFont) problems.push(`text “${line}” at ${fs} px (at least ${minFont})`);
        if (line.includes('…')) problems.push(`text “${line}” is cut short`);
      }
      if (a.transform === undefined) {
        const x = Number(a.x);
        const y = Number(a.y);
        const tw = Math.max(...lines.map((l) => textWidth(l, fs)));
        const anchor = a['text-anchor'] ?? 'start';
        const x0 = anchor === 'end' ? x - tw : anchor === 'middle' ? x - tw / 2 : x;
        const dy = n.children?.length ? n.children.reduce((s, c) => s + Number(c.attrs?.dy ?? 0), 0) : 0;
        inside(`text “${lines.join(' ')}”`, x0, x0 + tw, y - fs, y + dy + 3);
      }
    } else if (!isClipped && n.tag === 'circle') inside('circle', Number(a.cx) - Number(a.r), Number(a.cx) + Number(a.r), Number(a.cy) - Number(a.r), Number(a.cy) + Number(a.r));
    else if (!isClipped && n.tag === 'rect' && a.x !== undefined) inside('rect', Number(a.x), Number(a.x) + Number(a.width), Number(a.y), Number(a.y) + Number(a.height));
    else if (!isClipped && n.tag === 'line') inside('line', Math.min(Number(a.x1), Number(a.x2)), Math.max(Number(a.x1), Number(a.x2)), Math.min(Number(a.y1), Number(a.y2)), Math.max(Number(a.y1), Number(a.y2)));
    else if (!isClipped && n.tag === 'path' && typeof a.transform === 'string' && a.transform.startsWith('translate(')) {
      const [x, y] = a.transform.slice(10, -1).split(',').map(Number) as [number, number];
      inside('symbol', x - 6, x + 6, y - 6, y + 6);
    }
    for (const c of n.children ?? []) visit(c, isClipped);
  };
  visit(svg, false);
  return problems;
}

const topo: MapTopologies = {
  china: geo('chn.topo.json'),
  others: ['twn', 'hkg', 'mac'].map((c) => geo(`${c}.topo.json`)),
  scs: { islands: [geo('pga.topo.json'), geo('scr.topo.json')], neighbours: geo('scs-neighbours.geo.json') },
};
const themeIds = atlas.data.themes.map((t) => t.id);
function mapOf(lang: 'en' | 'zh', width: number, extra: Partial<Parameters<typeof mapLayout>[1]> = {}, cases = atlas.caseList()) {
  const pts = casePoints(atlas, lang, '/', cases);
  const primary = [...new Set(pts.map((p) => p.theme))];
  const layout = mapLayout(topo, {
    width,
    points: pts.map((p) => ({ id: p.case, lat: p.lat, lon: p.lon, label: p.placeName, title: p.title, href: p.href, themeIndex: themeIds.indexOf(p.theme) })),
    legend: primary.map((th) => ({ label: atlas.themes.get(th)![lang === 'en' ? 'name_en' : 'name_zh'], themeIndex: themeIds.indexOf(th) })),
    inset: lang === 'zh' ? { label: '南海诸岛' } : false,
    ...extra,
  });
  return { layout, svg: mapSvg(layout, { title: 't', desc: 'd', legendTitle: 'Main theme', keyTitle: 'Cases', pointLabel: (p) => `${p.n}` }, `m-${lang}-${width}`, lang) };
}

describe('charts at a phone’s width and at full width', () => {
  // the phone layout is drawn at 1:1 in a 360 px screen's text column; the wide one is never shown below MIN_WIDE_SCALE
  const widths = [
    { name: 'phone', width: NARROW, minFont: 11 },
    { name: 'wide', width: undefined, minFont: 11 / MIN_WIDE_SCALE },
  ] as const;

  it('switches to the wide layout only where its text stays at least 11 px', () => {
    for (const w of [420, 680, 720]) {
      expect(breakpointFor(w) * (1 / w) * 12).toBeGreaterThanOrEqual(11);
      expect(breakpointFor(w)).toBeGreaterThan(NARROW);
    }
  });

  it('wraps long labels onto lines and never drops a word', () => {
    const s = 'Hefei Luyang Economic Development Zone Party-building service centre';
    const lines = wrapText(s, 12, 120);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidth(l, 12)).toBeLessThanOrEqual(120);
    expect(lines.join(' ').replace(/- /g, '-')).toBe(s);
    const zh = wrapText('合肥市庐阳经济开发区党群服务中心', 12, 60);
    expect(zh.join('')).toBe('合肥市庐阳经济开发区党群服务中心');
    expect(zh.every((l) => textWidth(l, 12) <= 60)).toBe(true);
  });

  for (const lang of ['en', 'zh'] as const)
    for (const { name, width, minFont } of widths) {
      it(`${lang}, ${name}: the national map, the timeline, the matrix and every case's key figures keep text ≥ 11 px, whole labels and every mark inside`, () => {
        const problems: string[] = [];
        problems.push(...audit(mapOf(lang, width ?? 680).svg, minFont).map((p) => `map: ${p}`));
        const tl = timelineCases(atlas, lang, '/').map((c) => ({ id: c.case, label: c.placeName, date: c.date, basis: c.basis, href: c.href, title: c.title }));
        problems.push(...audit(timelineSvg(timelineLayout(tl, { lang, width }), { title: 't', desc: 'd', linkLabel: () => '' }, 't', lang), minFont).map((p) => `timeline: ${p}`));
        const m = themeMatrix(atlas, lang, '/');
        const ml = matrixLayout(m, { width });
        problems.push(...audit(matrixSvg(ml, { title: 't', desc: 'd', cellLabel: () => '' }, 'x', lang), minFont).map((p) => `matrix: ${p}`));
        for (const c of atlas.caseList()) {
          const kl = keyLayout(
            keyFigures(atlas, c, lang, '/').map((f) => ({ id: f.row.obs, label: f.row.label, indicator: f.indicatorName, kind: 'count', value: f.row.value, qualifier: f.row.qualifier, display: f.row.display, period: f.row.period, periodText: f.row.periodShort, href: f.row.href, others: f.comparable ? f.others.map((o) => ({ value: o.value, period: o.period, title: o.placeName, href: o.href })) : null })),
            { lang, width, legend: { bar: 'Dark bar: this case’s figure, on a scale from zero to the largest figure for the indicator.', tick: 'Grey ticks: the same indicator in other cases.', open: 'Open ticks: figures that cover a different span of time.' } },
          );
          problems.push(...audit(keySvg(kl, { title: 't', desc: 'd', note: () => 'no other figure for this indicator yet', linkLabel: () => '' }, 'k', lang), minFont).map((p) => `key figures of ${c.slug}: ${p}`));
        }
        expect(problems).toEqual([]);
      });
    }

  it('draws the matrix for phones with a row per case and numbered theme columns keyed below', () => {
    const m = themeMatrix(atlas, 'en', '/');
    const l = matrixLayout(m, { width: NARROW });
    expect(l.orientation).toBe('narrow');
    expect(l.width).toBe(NARROW);
    expect(l.rows.map((r) => r.id)).toEqual(m.cases.map((c) => c.id));
    expect(l.key.map((k) => k.n)).toEqual(m.themes.map((_, i) => i + 1));
    expect(l.cells.length).toBe(matrixLayout(m).cells.length);
  });
});

describe('maps: numbered symbols, distinct colours, framing, the South China Sea inset', () => {
  it('a close-up draws every outline that reaches into its frame, and only those', () => {
    const china = geo('chn.topo.json') as Topology;
    const others = ['twn', 'hkg', 'mac'].map((c) => geo(`${c}.topo.json`) as Topology);
    const full = [
      ...(feature(china as never, Object.values(china.objects)[0] as never) as unknown as { features: { id: string }[] }).features.map((f) => ({ id: String(f.id), f })),
      ...others.map((t) => ({ id: Object.keys(t.objects)[0]!.toUpperCase(), f: feature(t as never, Object.values(t.objects)[0] as never) })),
    ];
    // places on borders, coasts and islands, and whole provinces, at both widths
    const frames: Partial<Parameters<typeof mapLayout>[1]>[] = [
      [[114.17, 22.32]], [[113.54, 22.19]], [[121.56, 25.04]], [[118.1, 24.45]], [[116.4, 39.9], [117.2, 39.1]], [[106.5, 29.6]],
      [[87.6, 43.8]], [[91.1, 29.7]], [[110.3, 20.0]], [[126.6, 45.8]], [[120.2, 30.3], [121.5, 31.2]], [[108.9, 34.3]],
    ].map((frame) => ({ frame: frame as [number, number][] }));
    frames.push({ focus: 'CN.GD' }, { focus: 'CN.XJ' }, { focus: 'CN.SH' }, { focus: 'CN.NM' });
    for (const opts of frames)
      for (const width of [NARROW, 680]) {
        const layout = mapLayout({ china, others }, { points: [], legend: [], width, ...opts });
        const drawn = new Set(layout.provinces.map((p) => p.id));
        const visible = full.filter(({ f }) => (geoPath(layout.projection)(f as never) ?? '') !== '').map((x) => x.id);
        expect([...drawn].sort(), JSON.stringify(opts)).toEqual([...new Set(visible)].sort());
      }
  }, 120_000); // projects every full-resolution outline 32 times

  it('draws a close-up kept from before exactly as the first time', () => {
    const china = geo('chn.topo.json') as Topology;
    const others = ['twn', 'hkg', 'mac'].map((c) => geo(`${c}.topo.json`) as Topology);
    const opts = { points: [], legend: [], width: 680, frame: [[113.26, 23.13], [113.12, 23.02]] as [number, number][] };
    const first = mapLayout({ china, others }, opts);
    const firstPaths = first.provinces.map((p) => p.d.slice());
    // other close-ups in between, then the same one again: served from what was kept
    mapLayout({ china, others }, { ...opts, frame: [[87.6, 43.8]] });
    mapLayout({ china, others }, { ...opts, width: NARROW });
    const again = mapLayout({ china, others }, opts);
    expect(again.provinces.map((p) => p.d)).toEqual(firstPaths);
    expect(again.provinces.every((p) => /^M[\d.,LZM-]+$/.test(p.d))).toBe(true);
    // the projection still clips to the frame after letting go of its last stream
    expect(again.projection.clipExtent()).toEqual([[0, 0], [680, again.mapHeight]]);
    expect(again.projection([113.26, 23.13])).toEqual(first.projection([113.26, 23.13]));
  });

  it('numbers every symbol and lists each number once, with its place, below the map', () => {
    for (const width of [NARROW, 680]) {
      const { layout, svg } = mapOf('en', width);
      expect(layout.points.length).toBe(casePoints(atlas, 'en', '/').length);
      expect(layout.points.map((p) => p.n)).toEqual(layout.points.map((_, i) => i + 1));
      const numbers = nodes(svg).filter((n) => n.attrs?.class === 'map-n').map((n) => Number(n.text));
      expect(numbers).toEqual(layout.points.map((p) => p.n));
      expect(layout.key.map((k) => k.n)).toEqual(layout.points.map((p) => p.n));
      expect(layout.key.map((k) => k.lines.join(' '))).toEqual(layout.points.map((p) => p.label));
      // no number sits on another number
      const boxes = layout.points.map((p) => {
        const w = textWidth(p.text, 12);
        const x0 = p.anchor === 'start' ? p.tx : p.anchor === 'end' ? p.tx - w : p.tx - w / 2;
        return [x0, p.ty - 10, x0 + w, p.ty + 3] as const;
      });
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i]!, boxes[j]!];
          expect(a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3], `labels ${i + 1} and ${j + 1} overlap at width ${width}`).toBe(false);
        }
    }
  });

  it('writes place names beside the numbers on a close-up', () => {
    const cases = atlas.casesIn('guangdong');
    const { layout } = mapOf('en', NARROW, { focus: 'CN.GD', names: true }, cases);
    expect(layout.points.map((p) => p.text)).toEqual(layout.points.map((p) => `${p.n} ${p.label}`));
  });

  it('gives every theme its own colour, with shape as a second channel', () => {
    expect(THEME_COLOURS.length).toBeGreaterThanOrEqual(atlas.data.themes.length);
    const colours = atlas.data.themes.map((_, i) => themeStyle(i).colour);
    expect(new Set(colours).size).toBe(colours.length);
    const { layout } = mapOf('en', 680);
    expect(new Set(layout.legend.map((l) => l.colour)).size).toBe(layout.legend.length);
  });

  it('frames a county’s cases instead of its whole province', () => {
    const lianjiang = atlas.places.get('lianjiang')!;
    const cases = atlas.casesIn('lianjiang');
    const county = mapOf('en', 680, { frame: [[lianjiang.lon!, lianjiang.lat!]] }, cases).layout;
    const province = mapOf('en', 680, { focus: 'CN.GD' }, cases).layout;
    expect(county.pxPerDegree).toBeGreaterThan(province.pxPerDegree * 2);
    expect(county.points).toHaveLength(cases.length);
    const p = county.points[0]!;
    // the case sits near the middle of the frame
    expect(Math.abs(p.x - 340)).toBeLessThan(120);
    // a small map of China in a free corner marks where the close-up is
    for (const l of [county, province]) {
      expect(l.locator).not.toBeNull();
      const loc = l.locator!;
      expect(loc.x).toBeGreaterThanOrEqual(0);
      expect(loc.x + loc.width).toBeLessThanOrEqual(l.width);
      expect(loc.y + loc.height).toBeLessThanOrEqual(l.mapHeight);
      for (const q of l.points) expect(q.sx > loc.x && q.sx < loc.x + loc.width && q.sy > loc.y && q.sy < loc.y + loc.height).toBe(false);
      const [x, y] = loc.frame.slice(1).split(/[HVZ,]/).map(Number) as [number, number];
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(loc.width);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(loc.height);
    }
    expect(mapOf('en', 680).layout.locator).toBeNull();
  });

  it('adds the South China Sea islands inset to the Chinese national map only, drawn from the outline data', () => {
    const zh = mapOf('zh', 680).layout;
    expect(zh.inset).not.toBeNull();
    expect(zh.inset!.label).toBe('南海诸岛');
    // Paracels, Spratlys and Scarborough Reef: several island dots, all inside the box
    expect(zh.inset!.islands.length).toBeGreaterThan(5);
    for (const i of zh.inset!.islands) {
      expect(i.x).toBeGreaterThanOrEqual(zh.inset!.x);
      expect(i.x).toBeLessThanOrEqual(zh.inset!.x + zh.inset!.width);
      expect(i.y).toBeGreaterThanOrEqual(zh.inset!.y);
      expect(i.y).toBeLessThanOrEqual(zh.inset!.y + zh.inset!.height);
    }
    expect(zh.inset!.y + zh.inset!.height).toBeLessThanOrEqual(zh.mapHeight);
    expect(mapOf('en', 680).layout.inset).toBeNull();
    expect(mapOf('zh', 680, { focus: 'CN.GD' }).layout.inset).toBeNull();
  });
});

describe('source names', () => {
  it('nests quotation marks inside a quoted headline instead of doubling them', () => {
    expect(nestQuotes('“Shoushan Pioneers” lead the way')).toBe('‘Shoushan Pioneers’ lead the way');
    for (const s of atlas.data.sources) for (const lang of ['en', 'zh'] as const) expect(sourceName(s, lang)).not.toMatch(/““|””/);
  });
});
