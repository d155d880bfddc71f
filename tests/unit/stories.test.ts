import { describe, expect, it } from 'vitest';
import { periodSpan, shortPeriod, stackedSvg, storyChartRows, storyChartSvgs, storyCsvRecords, storyPanelsLayout, storyPeriodsLayout, storyBarsLayout, STORY_CSV_COLUMNS, STORY_WIDTH, valueBlock, wrapText } from '../../src/charts/story.ts';
import { textWidth, walk, type SvgNode } from '../../src/charts/svg.ts';
import { Atlas } from '../../src/lib/atlas.ts';
import { parseCsv, toCsv } from '../../src/lib/csv.ts';
import { loadProject } from '../../src/lib/load.ts';
import { readStoryFiles, storiesDir, storyFrontmatterSchema, type StoryChartSpec, type StoryFile } from '../../src/lib/stories.ts';
import { storyObservationIds } from '../../src/lib/story-data.ts';
import { storyCard } from '../../src/lib/story-cards.ts';
import { storyFeedItems } from '../../src/lib/story-feed.ts';
import { validateStories } from '../../src/lib/validate-stories.ts';
import { formatError } from '../../src/lib/validate.ts';
import { resultKind } from '../../src/lib/search.ts';
import { ROOT } from '../helpers/fixture.ts';

const data = loadProject(ROOT);
const atlas = new Atlas(data);
const realFiles = readStoryFiles(ROOT);
const nodes = (n: SvgNode) => {
  const out: SvgNode[] = [];
  walk(n, (x) => out.push(x));
  return out;
};
const chart = (c: Partial<StoryChartSpec> & Pick<StoryChartSpec, 'id' | 'kind'>): StoryChartSpec => storyFrontmatterSchema.shape.charts.element.parse({ title: 'T', desc: 'D', ...c });

describe('story chart rows', () => {
  const bars = chart({ id: 'on-stage', kind: 'bars', rows: [{ id: 'lianjiang-contest-orgs', label: 'Lianjiang' }, 'maonan-contest-entrants', 'zhenping-contest-secretaries'] });
  it('are read from the observations, in the listed order, with the short label for the chart and the full one for the table', () => {
    const rows = storyChartRows(atlas, bars, 'en');
    expect(rows.map((r) => [r.obs, r.value, r.display, r.period])).toEqual([
      ['lianjiang-contest-orgs', 30, '30', '2023'],
      ['maonan-contest-entrants', 17, '17', 'unknown'],
      ['zhenping-contest-secretaries', 19, '19', '2020-06'],
    ]);
    expect(rows[0]!.label).toBe('Lianjiang');
    expect(rows[0]!.fullLabel).toBe(atlas.observations.get('lianjiang-contest-orgs')!.label_en);
    expect(rows[1]!.label).toBe(rows[1]!.fullLabel);
  });
  it('format qualifiers and units in the reader’s language', () => {
    const spec = chart({ id: 'm', kind: 'bars', rows: ['maonan-audience'] });
    expect(storyChartRows(atlas, spec, 'en')[0]!.display).toBe('nearly 1,200');
    expect(storyChartRows(atlas, spec, 'zh')[0]!.display).toBe('近1200人');
  });
  it('become CSV records with the same rows, in the same order', () => {
    const rows = storyChartRows(atlas, bars, 'zh');
    const csv = toCsv(STORY_CSV_COLUMNS, storyCsvRecords('on-stage', rows));
    const parsed = parseCsv(csv, STORY_CSV_COLUMNS).rows.map((r) => r.record);
    expect(parsed.map((r) => r.observation)).toEqual(rows.map((r) => r.obs));
    expect(parsed[1]).toMatchObject({ chart: 'on-stage', value: '17', display: '17个', period: 'unknown', source: 's001-maonan' });
  });
  it('throw on an unknown observation (validation reports it first)', () => {
    expect(() => storyChartRows(atlas, chart({ id: 'x', kind: 'bars', rows: ['no-such-row'] }), 'en')).toThrow(/no-such-row/);
  });
});

describe('bars and panels', () => {
  it('bars share one axis from zero; longer values reach further', () => {
    const rows = storyChartRows(atlas, chart({ id: 'b', kind: 'bars', rows: ['lianjiang-contest-orgs', 'maonan-contest-entrants', 'xiqiao-review-secretaries'] }), 'en');
    const [block] = storyBarsLayout(rows, 'en');
    expect(block!.domain).toEqual([0, 35]);
    const x = Object.fromEntries(block!.rows.map((r) => [r.row.obs, r.x]));
    expect(x['xiqiao-review-secretaries']).toBeGreaterThan(x['lianjiang-contest-orgs']!);
    expect(x['lianjiang-contest-orgs']).toBeGreaterThan(x['maonan-contest-entrants']!);
  });
  it('panels each get their own axis, so a small figure is not flattened by a large one', () => {
    const spec = chart({ id: 'p', kind: 'panels', panels: [{ title: 'Share', rows: ['maonan-judges-weight', 'maonan-audience-weight'] }, { title: 'Audience', rows: ['maonan-audience'] }, { title: 'Places', rows: ['maonan-audience-quota'] }] });
    const blocks = storyPanelsLayout(storyChartRows(atlas, spec, 'en'), 'en');
    expect(blocks.map((b) => b.title)).toEqual(['Share', 'Audience', 'Places']);
    // a percentage panel always runs from 0 to 100
    expect(blocks[0]!.domain).toEqual([0, 100]);
    expect(blocks[1]!.domain[1]).toBeGreaterThanOrEqual(1200);
    expect(blocks[2]!.domain[1]).toBeLessThan(100);
    // 20 fills most of its own panel instead of a sliver of the 1,200 axis
    const quota = blocks[2]!.rows[0]!;
    expect(quota.x - blocks[2]!.range[0]).toBeGreaterThan((blocks[2]!.range[1] - blocks[2]!.range[0]) * 0.5);
  });
  it('a lower bound is drawn with a tail, an upper bound with a notch', () => {
    const rows = storyChartRows(atlas, chart({ id: 'q', kind: 'panels', panels: [{ title: 'A', rows: ['luoguao-collective-income'] }, { title: 'B', rows: ['maonan-audience'] }] }), 'en');
    const [a, b] = storyPanelsLayout(rows, 'en');
    expect(a!.rows[0]!.mark).toBe('lower');
    expect(b!.rows[0]!.mark).toBe('upper');
  });
  it('fits a 320 px phone column: titles wrap, labels and axis text are at least 11 px and stay inside the chart', () => {
    const spec = chart({ id: 'w', kind: 'panels', panels: [{ title: 'Lianjiang: organisations on the stage where the compound branch presented', rows: [{ id: 'lianjiang-contest-orgs', label: 'A label long enough that it has to be shortened to fit inside the chart' }] }] });
    const rows = storyChartRows(atlas, spec, 'en');
    const [block] = storyPanelsLayout(rows, 'en');
    expect(block!.width).toBe(STORY_WIDTH);
    expect(block!.titleLines.length).toBeGreaterThan(1);
    for (const l of block!.titleLines) expect(textWidth(l, 13)).toBeLessThanOrEqual(STORY_WIDTH);
    expect(block!.rows[0]!.labelText.endsWith('…')).toBe(true);
    const svg = storyChartSvgs(rows, 'panels', { title: 'T', desc: 'D', unknown: 'not given', linkLabel: () => 'go' }, 'fig-w', 'en');
    for (const n of svg.flatMap(nodes)) if (n.tag === 'text') expect(Number(n.attrs!['font-size'])).toBeGreaterThanOrEqual(11);
  });
  it('every value links to its row of the figures table', () => {
    const rows = storyChartRows(atlas, chart({ id: 'l', kind: 'bars', rows: ['jiangyang-migrant-talent', 'jiangyang-migrant-cadres'] }), 'zh');
    const svg = storyChartSvgs(rows, 'bars', { title: 'T', desc: 'D', unknown: '未注明', linkLabel: (r, v) => `${r.fullLabel}: ${v}` }, 'fig-l', 'zh')[0]!;
    expect(nodes(svg).filter((n) => n.tag === 'a').map((n) => n.attrs!.href)).toEqual(['#obs-jiangyang-migrant-talent', '#obs-jiangyang-migrant-cadres']);
    // the accessible name of each link contains the text a reader sees
    for (const a of nodes(svg).filter((n) => n.tag === 'a')) expect(String(a.attrs!['aria-label'])).toContain(a.children![0]!.text!);
  });
  it('wraps Chinese titles anywhere and English titles at spaces', () => {
    expect(wrapText('党组织书记月报酬党组织书记月报酬党组织书记月报酬', 13, 150).length).toBeGreaterThan(1);
    const en = wrapText('Special fund for service centres, each year, whole district', 13, 200);
    expect(en.length).toBeGreaterThan(1);
    expect(en.join(' ')).toBe('Special fund for service centres, each year, whole district');
  });
  it('panels stack into one drawing for the downloads, with ids of their own', () => {
    const spec = chart({ id: 's', kind: 'panels', panels: [{ title: 'A', rows: ['maonan-audience'] }, { title: 'B', rows: ['maonan-audience-quota'] }] });
    const rows = storyChartRows(atlas, spec, 'en');
    const text = { title: 'T', desc: 'D', unknown: '?', linkLabel: () => '' };
    const page = storyChartSvgs(rows, 'panels', text, 'fig-s', 'en');
    const stacked = stackedSvg(storyChartSvgs(rows, 'panels', text, 'fig-s-x', 'en'), text, 'fig-s-x', 'en');
    const heights = page.map((n) => Number(n.attrs!.height));
    expect(stacked.attrs!.height).toBe(heights[0]! + 16 + heights[1]!);
    const inner = stacked.children!.filter((n) => n.tag === 'svg');
    expect(inner.map((n) => n.attrs!.y)).toEqual([0, heights[0]! + 16]);
    const ids = (n: SvgNode) => nodes(n).map((x) => x.attrs?.id).filter(Boolean);
    const pageIds = new Set(page.flatMap(ids));
    for (const id of ids(stacked)) expect(pageIds.has(id)).toBe(false);
  });
  it('an empty block still has a usable axis', () => {
    expect(valueBlock([], { lang: 'en' }).domain).toEqual([0, 1]);
  });
});

describe('periods', () => {
  it('spans follow the printed precision: a year, a month, a range', () => {
    expect(periodSpan('2019')).toEqual([2019, 2020]);
    const m = periodSpan('2019-01')!;
    expect(m[0]).toBe(2019);
    expect(m[1]).toBeCloseTo(2019 + 1 / 12);
    expect(periodSpan('2018/2020')).toEqual([2018, 2021]);
    expect(periodSpan('unknown')).toBeNull();
    expect(shortPeriod('2018/2020', 'zh')).toBe('2018–2020年');
    expect(shortPeriod('unknown', 'en')).toBe('no year');
  });
  it('figures with no time go to a separate column; inferred periods are hollow', () => {
    const spec = chart({ id: 'when', kind: 'periods', rows: ['jiangyang-village-funds', 'jiangyang-village-secretary-pay', 'lianjiang-laoma-income', 'luoguao-collective-income'] });
    const l = storyPeriodsLayout(storyChartRows(atlas, spec, 'en'), 'en');
    expect(l.years.map((y) => y.year)).toEqual([2019, 2020]);
    expect(l.unknownCol).not.toBeNull();
    const byId = Object.fromEntries(l.rows.map((r) => [r.row.obs, r]));
    expect(byId['lianjiang-laoma-income']!.unknown).toBe(true);
    expect(byId['lianjiang-laoma-income']!.x0).toBeGreaterThan(l.unknownCol![0]);
    expect(byId['jiangyang-village-funds']!.inferred).toBe(false);
    expect(byId['luoguao-collective-income']!.inferred).toBe(true);
    // a month is narrower than a year
    expect(byId['jiangyang-village-secretary-pay']!.x1 - byId['jiangyang-village-secretary-pay']!.x0).toBeLessThan(byId['jiangyang-village-funds']!.x1 - byId['jiangyang-village-funds']!.x0);
    expect(l.rows.every((r) => r.x1 <= l.width)).toBe(true);
  });
  it('without any unknown period there is no unknown column', () => {
    const l = storyPeriodsLayout(storyChartRows(atlas, chart({ id: 'w', kind: 'periods', rows: ['jiangyang-village-funds'] }), 'en'), 'en');
    expect(l.unknownCol).toBeNull();
  });
});

describe('the real stories', () => {
  it('validate, with at least three stories in both languages and at least two charts each', () => {
    const { stories, errors } = validateStories(data, realFiles);
    expect(errors.map(formatError)).toEqual([]);
    const slugs = [...new Set(stories.map((s) => s.slug))];
    expect(slugs.length).toBeGreaterThanOrEqual(3);
    for (const slug of slugs) for (const lang of ['en', 'zh']) expect(stories.find((s) => s.slug === slug && s.lang === lang)?.frontmatter.charts.length).toBeGreaterThanOrEqual(2);
  });
  it('every chart of every story can be drawn in both languages', () => {
    const { stories } = validateStories(data, realFiles);
    for (const s of stories)
      for (const c of s.frontmatter.charts) {
        const svgs = storyChartSvgs(storyChartRows(atlas, c, s.lang), c.kind, { title: c.title, desc: c.desc, unknown: '?', linkLabel: () => '' }, `fig-${c.id}`, s.lang);
        expect(svgs.length).toBeGreaterThan(0);
        // values and periods are never cut short on the 320 px drawing
        if (c.kind !== 'periods') for (const b of c.kind === 'panels' ? storyPanelsLayout(storyChartRows(atlas, c, s.lang), s.lang) : storyBarsLayout(storyChartRows(atlas, c, s.lang), s.lang)) for (const r of b.rows) expect(r.valueText, `${s.path} ${c.id}`).not.toMatch(/…$/);
      }
  });
  it('give feed items and preview cards in their own language', () => {
    const { stories } = validateStories(data, realFiles);
    const zh = stories.filter((s) => s.lang === 'zh');
    const items = storyFeedItems(atlas, zh, 'zh', (p) => `https://example.org/${p}`);
    expect(items.map((i) => i.link)).toEqual(zh.map((s) => `https://example.org/zh/stories/${s.slug}/`));
    expect(items[0]!.categories[0]).toBe('专题');
    const card = storyCard(atlas, zh[0]!);
    expect(card.kicker).toBe('专题');
    expect(card.title).toBe(zh[0]!.frontmatter.title);
    expect(card.figure?.value).toBeTruthy();
    expect(storyObservationIds(zh[0]!).length).toBeGreaterThan(0);
  });
  it('are labelled as stories in search results', () => {
    expect(resultKind('/zh/stories/arena-contests/')).toBe('story');
    expect(resultKind('https://example.org/atlas/en/stories/three-no-compounds/')).toBe('story');
    expect(resultKind('/en/stories/')).toBe('page');
  });
  it('are read from content/stories, or from beside another corpus', () => {
    expect(storiesDir('/x')).toBe('/x/content/stories');
  });
});

// ---------------------------------------------------------------- validation messages

const GOOD_EN = `---
title: "A story"
summary: "What it is about."
cases: [maonan]
themes: [contests]
charts:
  - id: one
    kind: bars
    title: "One"
    desc: "First chart"
    rows:
      - maonan-contest-entrants
  - id: two
    kind: panels
    title: "Two"
    desc: "Second chart"
    panels:
      - title: "Weights"
        rows: [maonan-judges-weight, maonan-audience-weight]
---

In <CaseLink slug="maonan">Maonan</CaseLink>, <Fig id="maonan-contest-entrants" /> towns competed on <Term>7月26日</Term>.

<Chart id="one" />

<Chart id="two" />
`;
const GOOD_ZH = GOOD_EN.replace('title: "A story"', 'title: "一篇专题"');
const files = (en: string, zh = GOOD_ZH): StoryFile[] => [
  { path: 'content/stories/en/demo.mdx', text: en },
  { path: 'content/stories/zh/demo.mdx', text: zh },
];
const check = (en: string, zh?: string) => validateStories(data, files(en, zh)).errors.map(formatError);

describe('story validation', () => {
  it('accepts a good story', () => {
    expect(check(GOOD_EN)).toEqual([]);
  });
  it('a bad Fig id: file, line, field and a suggestion', () => {
    expect(check(GOOD_EN.replace('<Fig id="maonan-contest-entrants" />', '<Fig id="maonan-contest-entrant" />'))).toEqual([
      'content/stories/en/demo.mdx:22 [Fig]: found <Fig id="maonan-contest-entrant" />, expected an observation id from data/observations.csv — did you mean "maonan-contest-entrants"?',
    ]);
  });
  it('code in the MDX (an import, an expression, another element) is refused before anything runs', () => {
    const bad = GOOD_EN.replace('<Chart id="one" />', 'import fs from "node:fs"\n\n<Chart id="one" />').replace('towns competed', 'towns {globalThis.process?.env?.HOME} competed <Chart id={"two"} />');
    expect(check(bad).filter((m) => m.includes('[prose]'))).toEqual([
      'content/stories/en/demo.mdx:22 [prose]: found the expression {globalThis.process?.env?.HOME}, expected only markdown, <Fig id="…" />, <Term>…</Term>, <Chart id="…" />, <CaseLink slug="…">…</CaseLink> (write a literal brace as \\{)',
      'content/stories/en/demo.mdx:22 [prose]: found a <Chart> that is not <Chart id="…" />, expected a literal id and nothing else',
      'content/stories/en/demo.mdx:24 [prose]: found the code "import fs from \\"node:fs\\"", expected only markdown, <Fig id="…" />, <Term>…</Term>, <Chart id="…" />, <CaseLink slug="…">…</CaseLink> (a profile is text: no import or export)',
    ]);
  });
  it('a typed digit in the prose: file, line and the number', () => {
    expect(check(GOOD_EN.replace('towns competed', 'towns (17 of them) competed'))).toEqual([
      'content/stories/en/demo.mdx:22 [prose]: found the number "17" typed into the text, expected <Fig id="…" /> rendering an observation (or a year of the periods of the figures the story uses, or a printed name or date marked <Term>…</Term>)',
    ]);
  });
  it('a typed digit in a chart title is located on the title’s line', () => {
    expect(check(GOOD_EN.replace('title: "Two"', 'title: "Two (60 and 40)"'))).toEqual([
      'content/stories/en/demo.mdx:15 [charts.title]: found the number "60" typed into the text, expected <Fig id="…" /> rendering an observation (or a year of the periods of the figures the story uses, or a printed name or date marked <Term>…</Term>)',
      'content/stories/en/demo.mdx:15 [charts.title]: found the number "40" typed into the text, expected <Fig id="…" /> rendering an observation (or a year of the periods of the figures the story uses, or a printed name or date marked <Term>…</Term>)',
    ]);
  });
  it('an unknown chart row is located on its line', () => {
    expect(check(GOOD_EN.replace('      - maonan-contest-entrants\n', '      - maonan-contest-entrantz\n'), GOOD_ZH.replace('      - maonan-contest-entrants\n', '      - maonan-contest-entrantz\n'))).toEqual([
      'content/stories/en/demo.mdx:12 [charts.rows]: found "maonan-contest-entrantz" in chart "one", expected an observation id from data/observations.csv — did you mean "maonan-contest-entrants"?',
      'content/stories/zh/demo.mdx:12 [charts.rows]: found "maonan-contest-entrantz" in chart "one", expected an observation id from data/observations.csv — did you mean "maonan-contest-entrants"?',
    ]);
  });
  it('a figure of a case the story does not name', () => {
    expect(check(GOOD_EN.replace('towns competed', 'towns competed, and <Fig id="lianjiang-contest-orgs" /> in Lianjiang'))).toEqual([
      'content/stories/en/demo.mdx:22 [Fig]: found <Fig id="lianjiang-contest-orgs" />, which belongs to case "lianjiang", expected an observation of the story\'s cases (maonan) — add "lianjiang" to cases',
    ]);
  });
  it('a bars chart mixing indicators, and a panel mixing kinds of figure', () => {
    const en = GOOD_EN.replace('      - maonan-contest-entrants\n', '      - maonan-contest-entrants\n      - maonan-audience\n').replace('rows: [maonan-judges-weight, maonan-audience-weight]', 'rows: [maonan-judges-weight, maonan-audience-quota]');
    const zh = GOOD_ZH.replace('      - maonan-contest-entrants\n', '      - maonan-contest-entrants\n      - maonan-audience\n').replace('rows: [maonan-judges-weight, maonan-audience-weight]', 'rows: [maonan-judges-weight, maonan-audience-quota]');
    expect(check(en, zh).filter((e) => e.startsWith('content/stories/en/'))).toEqual([
      'content/stories/en/demo.mdx:7 [charts.rows]: chart "one" of kind bars found indicators contest_participants, event_attendance, expected rows of one indicator on a shared axis (use kind panels for different measures)',
      'content/stories/en/demo.mdx:14 [charts.panels]: chart "two" has a panel mixing unit kinds (percent, count), expected one kind of figure per panel',
    ]);
  });
  it('a missing twin, a different chart list in the twin, an unknown case and theme', () => {
    expect(validateStories(data, [{ path: 'content/stories/en/demo.mdx', text: GOOD_EN }]).errors.map(formatError)).toEqual([
      'content/stories/en/demo.mdx:1: story "demo" has no Chinese twin, expected content/stories/zh/demo.mdx',
    ]);
    const zh = GOOD_ZH.replace('rows: [maonan-judges-weight, maonan-audience-weight]', 'rows: [maonan-judges-weight]');
    expect(check(GOOD_EN, zh)).toEqual([
      'content/stories/zh/demo.mdx:6 [charts]: found charts [one:bars:maonan-contest-entrants; two:panels:maonan-judges-weight], expected the same charts, kinds and rows in the same order as content/stories/en/demo.mdx ([one:bars:maonan-contest-entrants; two:panels:maonan-judges-weight,maonan-audience-weight])',
    ]);
    const en = GOOD_EN.replace('cases: [maonan]', 'cases: [maonan, maonon]').replace('themes: [contests]', 'themes: [contest]');
    const zh2 = GOOD_ZH.replace('cases: [maonan]', 'cases: [maonan, maonon]').replace('themes: [contests]', 'themes: [contest]');
    expect(check(en, zh2).filter((e) => e.startsWith('content/stories/en/'))).toEqual([
      'content/stories/en/demo.mdx:4 [cases]: found "maonon", expected a case slug (content/cases/<lang>/<slug>.mdx) — did you mean "maonan"?',
      'content/stories/en/demo.mdx:5 [themes]: found "contest", expected a theme id from data/themes.csv — did you mean "contests"?',
    ]);
  });
  it('a chart never placed, a Chart tag with no chart, a case link to an unknown case', () => {
    const en = GOOD_EN.replace('<Chart id="two" />', '<Chart id="three" />').replace('<CaseLink slug="maonan">', '<CaseLink slug="maonann">');
    expect(check(en)).toEqual([
      'content/stories/en/demo.mdx:13 [charts]: chart "two" is never placed, expected <Chart id="two" /> in the text',
      'content/stories/en/demo.mdx:22 [CaseLink]: found <CaseLink slug="maonann">, expected a case slug — did you mean "maonan"?',
      'content/stories/en/demo.mdx:26 [Chart]: found <Chart id="three" />, expected a chart id from the frontmatter (one, two)',
    ]);
  });
  it('missing title, fewer than two charts, no frontmatter', () => {
    const en = GOOD_EN.replace('title: "A story"\n', '').replace(/  - id: two[\s\S]*?(?=---)/, '');
    const errs = check(en);
    expect(errs).toContain('content/stories/en/demo.mdx:1 [title]: found an empty value, expected a string');
    expect(errs).toContain('content/stories/en/demo.mdx:5 [charts]: found [{"id":"one","kind":"bars","title":"One","desc":"First chart","rows":["maonan-contest-entrants"]}], expected at least 2 item(s)');
    expect(check('no frontmatter here')).toEqual(['content/stories/en/demo.mdx:1: found no frontmatter, expected the file to start with a --- YAML block ---']);
  });
});
