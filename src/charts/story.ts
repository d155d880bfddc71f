/**
 * Charts of data stories, as pure functions of observation rows: the rows (also the chart's table and
 * CSV), then the geometry, then an SVG tree (src/charts/svg.ts). Three forms:
 *
 * - bars: figures of one indicator on a shared axis from zero;
 * - panels: small multiples, each panel its own axis, so figures of different kinds are never
 *   drawn against each other;
 * - periods: when each figure applies — a band across the year or month printed (or inferred), a
 *   mark in a separate column when the report gives no time at all.
 *
 * Drawn 320 px wide, the width of a 360 px phone screen less the page margins, so text is never
 * scaled below its set size (12 px, axis labels 11 px) on a phone.
 */
import { scaleLinear } from 'd3-scale';
import type { Atlas } from '../lib/atlas.ts';
import { formatAxis, formatFigure, formatPeriod } from '../lib/format.ts';
import { localName, type Lang } from '../lib/i18n.ts';
import type { Qualifier } from '../lib/qualifiers.ts';
import { rowId, rowLabel, type StoryChartSpec } from '../lib/stories.ts';
import { markNodes, markOf, tailGradient, valueDomain, type Mark } from './bars.ts';
import { COLOURS, FONT, el, fitText, textWidth, txt, type SvgNode } from './svg.ts';

export const STORY_WIDTH = 320;
const ROW = 46;
const FONT_SIZE = 12;
const SMALL = 11;
const TAIL = 22;

export interface StoryRow {
  obs: string;
  case: string;
  caseName: string;
  placeName: string;
  /** The chart's short label (or the observation's label). */
  label: string;
  /** The observation's full label, for the table and CSV. */
  fullLabel: string;
  indicator: string;
  indicatorName: string;
  kind: string;
  value: number;
  unit: string;
  qualifier: Qualifier;
  qualifierZh: string;
  display: string;
  period: string;
  periodText: string;
  periodBasis: 'stated' | 'inferred' | 'unknown';
  source: string;
  /** Panel index (0 for bars and periods) and its title. */
  panel: number;
  panelTitle: string;
}

const nameOf = localName;

/** The rows of a chart, in the order the story lists them. */
export function storyChartRows(atlas: Atlas, spec: StoryChartSpec, lang: Lang): StoryRow[] {
  const groups = spec.kind === 'panels' ? spec.panels.map((p) => ({ title: p.title, rows: p.rows })) : [{ title: '', rows: spec.rows }];
  return groups.flatMap((g, panel) =>
    g.rows.map((r) => {
      const o = atlas.observations.get(rowId(r));
      if (!o) throw new Error(`chart ${spec.id}: no observation ${rowId(r)}`);
      const unit = atlas.unitOf(o);
      const ind = atlas.indicators.get(o.indicator)!;
      const full = lang === 'en' ? o.label_en : o.label_zh;
      return {
        obs: o.id,
        case: o.case,
        caseName: nameOf(atlas.cases.get(o.case)?.place ?? atlas.places.get(o.place)!, lang),
        placeName: nameOf(atlas.places.get(o.place)!, lang),
        label: rowLabel(r) ?? full,
        fullLabel: full,
        indicator: o.indicator,
        indicatorName: nameOf(ind, lang),
        kind: unit.kind,
        value: o.value,
        unit: o.unit,
        qualifier: o.qualifier,
        qualifierZh: o.qualifier_zh,
        display: formatFigure(o, unit, lang, 'compact'),
        period: o.period,
        periodText: formatPeriod(o.period, lang),
        periodBasis: o.period_basis,
        source: o.source,
        panel,
        panelTitle: g.title,
      };
    }),
  );
}

export const STORY_CSV_COLUMNS = ['chart', 'panel', 'observation', 'case', 'place', 'counted', 'indicator', 'value', 'unit_printed', 'qualifier', 'qualifier_zh', 'display', 'period', 'period_basis', 'source'] as const;

export function storyCsvRecords(chart: string, rows: StoryRow[]): Record<string, string | number>[] {
  return rows.map((r) => ({
    chart,
    panel: r.panelTitle,
    observation: r.obs,
    case: r.case,
    place: r.placeName,
    counted: r.fullLabel,
    indicator: r.indicator,
    value: r.value,
    unit_printed: r.unit,
    qualifier: r.qualifier,
    qualifier_zh: r.qualifierZh,
    display: r.display,
    period: r.period,
    period_basis: r.periodBasis,
    source: r.source,
  }));
}

/** A year, or a span of years, for a value label. */
export function shortPeriod(period: string, lang: Lang): string {
  if (period === 'unknown') return lang === 'en' ? 'no year' : '年份不详';
  const years = [...new Set(period.split('/').map((p) => p.slice(0, 4)))];
  return lang === 'en' ? years.join('–') : `${years.join('–')}年`;
}

// ---------------------------------------------------------------- bars (one axis) and panels (one axis each)

export interface ValueRow {
  row: StoryRow;
  y: number;
  x: number;
  mark: Mark;
  labelText: string;
  valueText: string;
}

export interface ValueBlock {
  title: string;
  titleLines: string[];
  width: number;
  height: number;
  /** Where the rows start (below the title). */
  top: number;
  range: [number, number];
  domain: [number, number];
  ticks: { x: number; label: string }[];
  axisY: number;
  rows: ValueRow[];
}

/** Break a title into lines that fit the width (at spaces in English, anywhere in Chinese). */
export function wrapText(s: string, fontSize: number, width: number, maxLines = 3): string[] {
  const tokens = /[\u2e80-\u9fff]/.test(s) ? [...s] : s.split(/(?<=\s)/);
  const lines: string[] = [];
  let cur = '';
  for (const t of tokens) {
    if (cur && textWidth(cur + t, fontSize) > width) {
      lines.push(cur.trimEnd());
      cur = t.trimStart();
    } else cur += t;
  }
  if (cur.trim()) lines.push(cur.trimEnd());
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = fitText(`${kept[maxLines - 1]} ${lines.slice(maxLines).join(' ')}`, fontSize, width);
    return kept;
  }
  return lines;
}

/** One block of rows sharing an axis from zero (a bars chart, or one panel). */
export function valueBlock(rows: StoryRow[], opts: { lang: Lang; title?: string; width?: number }): ValueBlock {
  const width = opts.width ?? STORY_WIDTH;
  // bold text runs wider than the estimate: wrap and fit with a margin
  const titleLines = opts.title ? wrapText(opts.title, FONT_SIZE + 1, width * 0.88) : [];
  const top = titleLines.length ? titleLines.length * 17 + 10 : 4;
  const kind = rows[0]?.kind ?? 'count';
  const valueTexts = rows.map((r) => `${r.display} · ${shortPeriod(r.period, opts.lang)}`);
  const anyTail = rows.some((r) => markOf(r.qualifier) === 'lower');
  // CJK fonts draw “·” and spaces wider than the estimate: leave a margin rather than run off the edge
  const valueW = Math.min(Math.max(0, ...valueTexts.map((t) => textWidth(t, FONT_SIZE) * 1.15)) + (anyTail ? TAIL : 6) + 6, width * 0.7);
  const range: [number, number] = [1, width - valueW];
  const domain: [number, number] = kind === 'percent' ? [0, 100] : valueDomain(rows.map((r) => r.value), 'linear');
  const s = scaleLinear().domain(domain).range(range);
  const out = rows.map((r, i) => ({
    row: r,
    y: top + i * ROW,
    x: s(Math.min(r.value, domain[1])),
    mark: markOf(r.qualifier),
    labelText: fitText(r.label, FONT_SIZE, width * 0.9),
    valueText: fitText(valueTexts[i]!, FONT_SIZE, valueW - (anyTail ? TAIL : 6)),
  }));
  const axisY = top + rows.length * ROW + 2;
  const ticks = s.ticks(3).map((v) => ({ x: s(v), label: formatAxis(v, opts.lang, kind) }));
  return { title: opts.title ?? '', titleLines, width, height: axisY + 18, top, range, domain, ticks, axisY, rows: out };
}

export function storyBarsLayout(rows: StoryRow[], lang: Lang): ValueBlock[] {
  return [valueBlock(rows, { lang })];
}

export function storyPanelsLayout(rows: StoryRow[], lang: Lang): ValueBlock[] {
  const panels = [...new Set(rows.map((r) => r.panel))];
  return panels.map((p) => {
    const own = rows.filter((r) => r.panel === p);
    return valueBlock(own, { lang, title: own[0]!.panelTitle });
  });
}

export interface SvgText {
  title: string;
  desc: string;
  /** Accessible name of a value's link to its row; it must contain the visible text. */
  linkLabel: (r: StoryRow, visible: string) => string;
}

function frame(id: string, width: number, height: number, lang: Lang, text: { title: string; desc: string }, body: SvgNode[]): SvgNode {
  return el('svg', { xmlns: 'http://www.w3.org/2000/svg', role: 'group', viewBox: `0 0 ${width} ${height}`, width, height, 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-desc`, 'font-family': FONT[lang], class: 'chart-svg' }, [
    txt('title', { id: `${id}-title` }, text.title),
    txt('desc', { id: `${id}-desc` }, text.desc),
    el('defs', {}, [tailGradient(`${id}-tail`)]),
    el('rect', { x: 0, y: 0, width, height, fill: '#fff' }),
    ...body,
  ]);
}

export function valueBlockSvg(b: ValueBlock, text: SvgText, id: string, lang: Lang): SvgNode {
  const grad = `${id}-tail`;
  const body: SvgNode[] = [];
  b.titleLines.forEach((l, i) => body.push(txt('text', { x: 0, y: 14 + i * 17, 'font-size': FONT_SIZE + 1, 'font-weight': 700, fill: COLOURS.ink }, l)));
  for (const t of b.ticks) {
    body.push(el('line', { x1: t.x, x2: t.x, y1: b.top, y2: b.axisY, stroke: COLOURS.grid, 'stroke-width': 1 }));
    body.push(txt('text', { x: t.x, y: b.axisY + 13, 'font-size': SMALL, fill: COLOURS.muted, 'text-anchor': t.x < 8 ? 'start' : 'middle' }, t.label));
  }
  for (const r of b.rows) {
    const mid = r.y + 27;
    const end = r.mark === 'lower' ? r.x + TAIL : r.mark === 'approx' ? r.x + 4 : r.x;
    body.push(
      el('g', { 'data-obs': r.row.obs }, [
        txt('text', { x: 0, y: r.y + 13, 'font-size': FONT_SIZE, 'font-weight': 600, fill: COLOURS.ink }, r.labelText),
        el('rect', { x: b.range[0], y: mid - 6, width: Math.max(1, r.x - b.range[0]), height: 12, fill: COLOURS.bar }),
        ...markNodes(r.mark, r.x, mid, 12, true, grad),
        el('a', { href: `#obs-${r.row.obs}`, 'aria-label': text.linkLabel(r.row, r.valueText) }, [txt('text', { x: end + 6, y: mid + 4, 'font-size': FONT_SIZE, fill: COLOURS.ink }, r.valueText)]),
      ]),
    );
  }
  return frame(id, b.width, b.height, lang, { title: b.title || text.title, desc: text.desc }, body);
}

// ---------------------------------------------------------------- periods

export interface PeriodRow {
  row: StoryRow;
  y: number;
  /** Band from x0 to x1; a point when the day is known; null when the report gives no time. */
  x0: number;
  x1: number;
  point: boolean;
  unknown: boolean;
  inferred: boolean;
  labelText: string;
  valueText: string;
}

export interface PeriodLayout {
  width: number;
  height: number;
  years: { year: number; x0: number; x1: number; label: string }[];
  unknownCol: [number, number] | null;
  top: number;
  rows: PeriodRow[];
}

/** Start and end of a period in fractional years (end exclusive). */
export function periodSpan(period: string): [number, number] | null {
  if (period === 'unknown') return null;
  const parts = period.split('/');
  const start = (p: string): number => {
    const [y, m, d] = p.split('-').map(Number);
    return y! + (m ? (m - 1) / 12 : 0) + (d ? (d - 1) / 365 : 0);
  };
  const end = (p: string): number => {
    const [y, m, d] = p.split('-').map(Number);
    if (d) return y! + (m! - 1) / 12 + d / 365;
    if (m) return y! + m / 12;
    return y! + 1;
  };
  return [start(parts[0]!), end(parts[parts.length - 1]!)];
}

export function storyPeriodsLayout(rows: StoryRow[], lang: Lang, width = STORY_WIDTH): PeriodLayout {
  const spans = rows.map((r) => periodSpan(r.period));
  const known = spans.filter((s): s is [number, number] => s !== null);
  const anyUnknown = spans.some((s) => s === null);
  const unknownW = anyUnknown ? (lang === 'en' ? 64 : 48) : 0;
  const first = known.length ? Math.floor(Math.min(...known.map((s) => s[0]))) : 0;
  const last = known.length ? Math.ceil(Math.max(...known.map((s) => s[1]))) : 0;
  const right = width - unknownW - (anyUnknown ? 6 : 0);
  const x = scaleLinear().domain([first, Math.max(last, first + 1)]).range([1, right]);
  const years = known.length ? Array.from({ length: Math.max(last, first + 1) - first }, (_, i) => first + i).map((y) => ({ year: y, x0: x(y), x1: x(y + 1), label: String(y) })) : [];
  const top = 22;
  const ROWP = 42;
  const out = rows.map((r, i) => {
    const s = spans[i];
    const valueText = r.display;
    const valueW = textWidth(valueText, FONT_SIZE) * 1.15 + 6;
    return {
      row: r,
      y: top + i * ROWP,
      x0: s ? x(s[0]) : width - unknownW / 2,
      x1: s ? x(s[1]) : width - unknownW / 2,
      point: r.period.split('/').every((p) => p.split('-').length === 3) && !r.period.includes('/'),
      unknown: s === null,
      inferred: r.periodBasis !== 'stated',
      labelText: fitText(r.label, FONT_SIZE, (width - valueW) * 0.9),
      valueText,
    };
  });
  return { width, height: top + rows.length * ROWP + 4, years, unknownCol: anyUnknown ? [width - unknownW, width] : null, top, rows: out };
}

export function storyPeriodsSvg(l: PeriodLayout, text: SvgText & { unknown: string }, id: string, lang: Lang): SvgNode {
  const body: SvgNode[] = [];
  // header: every year if they fit, else every other one
  const step = l.years.length && textWidth('2020', SMALL) + 4 > l.years[0]!.x1 - l.years[0]!.x0 ? 2 : 1;
  l.years.forEach((y, i) => {
    body.push(el('rect', { x: y.x0, y: l.top - 4, width: y.x1 - y.x0, height: l.height - l.top, fill: i % 2 ? '#fff' : '#f4f4f4' }));
    if (i % step === 0) body.push(txt('text', { x: (y.x0 + y.x1) / 2, y: 13, 'font-size': SMALL, fill: COLOURS.muted, 'text-anchor': 'middle' }, y.label));
  });
  if (l.unknownCol) {
    const [a, b] = l.unknownCol;
    body.push(el('rect', { x: a, y: l.top - 4, width: b - a, height: l.height - l.top, fill: '#f4f4f4', stroke: COLOURS.grid, 'stroke-dasharray': '3 2' }));
    body.push(txt('text', { x: (a + b) / 2, y: 13, 'font-size': SMALL, fill: COLOURS.muted, 'text-anchor': 'middle' }, text.unknown));
  }
  for (const r of l.rows) {
    const mid = r.y + 27;
    const parts: SvgNode[] = [
      txt('text', { x: 0, y: r.y + 13, 'font-size': FONT_SIZE, 'font-weight': 600, fill: COLOURS.ink }, r.labelText),
      el('a', { href: `#obs-${r.row.obs}`, 'aria-label': text.linkLabel(r.row, r.valueText) }, [txt('text', { x: l.width, y: r.y + 13, 'font-size': FONT_SIZE, fill: COLOURS.ink, 'text-anchor': 'end' }, r.valueText)]),
    ];
    if (r.unknown) parts.push(el('circle', { cx: r.x0, cy: mid, r: 6, fill: '#fff', stroke: COLOURS.muted, 'stroke-width': 2, 'stroke-dasharray': '3 2' }));
    else if (r.point) parts.push(el('path', { d: `M${r.x0} ${mid - 7}L${r.x0 + 7} ${mid}L${r.x0} ${mid + 7}L${r.x0 - 7} ${mid}Z`, fill: r.inferred ? '#fff' : COLOURS.bar, stroke: COLOURS.bar, 'stroke-width': 2 }));
    else {
      const w = Math.max(6, r.x1 - r.x0);
      const x0 = r.x1 - r.x0 < 6 ? (r.x0 + r.x1) / 2 - 3 : r.x0;
      parts.push(el('rect', { x: x0 + 1, y: mid - 6, width: w - 2, height: 12, fill: r.inferred ? '#fff' : COLOURS.bar, stroke: COLOURS.bar, 'stroke-width': 2 }));
    }
    body.push(el('g', { 'data-obs': r.row.obs }, parts));
  }
  return frame(id, l.width, l.height, lang, text, body);
}

// ---------------------------------------------------------------- one entry point

/** The SVG trees of a story chart (panels give one per panel). */
export function storyChartSvgs(rows: StoryRow[], kind: StoryChartSpec['kind'], text: SvgText & { unknown: string }, id: string, lang: Lang): SvgNode[] {
  if (kind === 'periods') return [storyPeriodsSvg(storyPeriodsLayout(rows, lang), text, `${id}-svg`, lang)];
  const blocks = kind === 'panels' ? storyPanelsLayout(rows, lang) : storyBarsLayout(rows, lang);
  return blocks.map((b, i) => valueBlockSvg(b, text, blocks.length > 1 ? `${id}-svg-${i}` : `${id}-svg`, lang));
}

/**
 * Panels stacked into one drawing, for the SVG and PNG downloads (the page shows the panels as separate
 * drawings that sit side by side on wide screens). `svgs` must be drawn with ids of their own.
 */
export function stackedSvg(svgs: SvgNode[], text: { title: string; desc: string }, id: string, lang: Lang, gap = 16): SvgNode {
  const width = Math.max(...svgs.map((s) => Number(s.attrs?.width ?? 0)));
  let y = 0;
  const placed = svgs.map((s) => {
    const node: SvgNode = { ...s, attrs: { ...s.attrs, x: 0, y, role: undefined, class: undefined } };
    y += Number(s.attrs?.height ?? 0) + gap;
    return node;
  });
  const height = Math.max(0, y - gap);
  return el('svg', { xmlns: 'http://www.w3.org/2000/svg', role: 'group', viewBox: `0 0 ${width} ${height}`, width, height, 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-desc`, 'font-family': FONT[lang], class: 'chart-export' }, [
    txt('title', { id: `${id}-title` }, text.title),
    txt('desc', { id: `${id}-desc` }, text.desc),
    el('rect', { x: 0, y: 0, width, height, fill: '#fff' }),
    ...placed,
  ]);
}
