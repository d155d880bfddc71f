/**
 * A case's key figures in context: each on its own linear scale (0 to the largest value reported for
 * that indicator anywhere), with other cases' figures as ticks. Figures of different indicators never
 * share an axis; a tick for a figure covering a different span of time (one year against several, or
 * not known) is drawn open, and the legend says so. Labels wrap; nothing is shortened.
 * Wide: labels left, scale right. Narrow (phones): label above its scale.
 */
import { scaleLinear } from 'd3-scale';
import type { Qualifier } from '../lib/qualifiers.ts';
import type { Lang } from '../lib/i18n.ts';
import { formatAxis } from '../lib/format.ts';
import { BAR, markNodes, markOf, tailGradient, type Mark } from './bars.ts';
import { COLOURS, FONT, el, textLines, txt, wrapText, type SvgNode } from './svg.ts';

export type PeriodKind = 'one' | 'span' | 'unknown';

/** What span of time a period covers: one year (or part of one), several years, or not known. */
export function periodKind(period: string): PeriodKind {
  if (period === 'unknown') return 'unknown';
  return period.includes('/') && period.split('/')[0]!.slice(0, 4) !== period.split('/')[1]!.slice(0, 4) ? 'span' : 'one';
}

/** Two figures are the same kind of amount only when both cover one year, or both several years. */
export function sameSpan(a: string, b: string): boolean {
  const ka = periodKind(a);
  return ka !== 'unknown' && ka === periodKind(b);
}

export interface KeyOther {
  value: number;
  period: string;
  /** Shown on hover/focus and read out: place, value, year. */
  title: string;
  href: string;
}

export interface KeyInput {
  id: string;
  label: string;
  indicator: string;
  /** Unit kind of the indicator (axis number format). */
  kind: string;
  value: number;
  qualifier: Qualifier;
  display: string;
  /** Period as stored (YYYY, YYYY/YYYY, unknown). */
  period: string;
  /** Period as shown (a year or span of years). */
  periodText: string;
  href: string;
  /** Other cases' figures for the indicator; null when the indicator is not comparable. */
  others: KeyOther[] | null;
}

export interface KeyTick extends KeyOther {
  x: number;
  open: boolean;
}

export interface KeyRow extends Omit<KeyInput, 'others'> {
  y: number;
  h: number;
  mark: Mark;
  /** Track (scale range) and the value's position; no track when there is nothing to compare with. */
  track: [number, number] | null;
  x: number;
  ticks: KeyTick[];
  max: number;
  labelLines: string[];
  indicatorLines: string[];
  valueText: string;
  axis: [string, string] | null;
  /** Where the scale block starts (below the label when stacked). */
  blockX: number;
  blockY: number;
}

export interface KeyLayout {
  width: number;
  height: number;
  stacked: boolean;
  rows: KeyRow[];
  legendY: number;
  legend: { kind: 'bar' | 'tick' | 'open'; lines: string[]; y: number }[];
}

const FS = 12;
const LINE = 15;
/** Height of a scale block: value text, track, axis labels. */
const BLOCK = 58;

export interface KeyLegendText {
  bar: string;
  tick: string;
  open: string;
}

export function keyLayout(items: KeyInput[], opts: { width?: number; lang: Lang; legend?: KeyLegendText }): KeyLayout {
  const width = opts.width ?? 680;
  const stacked = width < 480;
  const labelW = stacked ? width : Math.round(width * 0.42);
  const blockX0 = stacked ? 0 : labelW + 12;
  const track: [number, number] = [blockX0 + 6, width - BAR.tail - 4];
  let y = 4;
  const rows: KeyRow[] = items.map((it) => {
    const hasTrack = it.others !== null && it.others.length > 0;
    const max = hasTrack ? Math.max(it.value, ...it.others!.map((o) => o.value)) : it.value;
    const s = scaleLinear().domain([0, max > 0 ? max : 1]).range(track);
    const labelLines = wrapText(it.label, FS, labelW - 4);
    const indicatorLines = wrapText(it.indicator, FS, labelW - 4);
    const textH = (labelLines.length + indicatorLines.length) * LINE + 4;
    const blockY = stacked ? y + textH : y;
    const block = hasTrack ? BLOCK : 2 * LINE + 8;
    const h = stacked ? textH + block : Math.max(textH, block);
    const row: KeyRow = {
      ...it,
      y,
      h,
      mark: markOf(it.qualifier),
      track: hasTrack ? track : null,
      x: hasTrack ? s(it.value) : track[0],
      ticks: hasTrack ? it.others!.map((o) => ({ ...o, x: s(o.value), open: !sameSpan(it.period, o.period) })) : [],
      max,
      labelLines,
      indicatorLines,
      valueText: `${it.display} · ${it.periodText}`,
      axis: hasTrack ? [formatAxis(0, opts.lang, it.kind), formatAxis(max, opts.lang, it.kind)] : null,
      blockX: blockX0,
      blockY,
    };
    y += h + 14;
    return row;
  });
  const legend: KeyLayout['legend'] = [];
  let ly = y + 4;
  if (opts.legend) {
    const needs: ('bar' | 'tick' | 'open')[] = ['bar'];
    if (rows.some((r) => r.ticks.length)) needs.push('tick');
    if (rows.some((r) => r.ticks.some((t) => t.open))) needs.push('open');
    for (const k of needs) {
      const lines = wrapText(opts.legend[k], FS, width - 34);
      legend.push({ kind: k, lines, y: ly });
      ly += lines.length * LINE + 6;
    }
  }
  return { width, height: Math.round(ly + 2), stacked, rows, legendY: y, legend };
}

export function keySvg(layout: KeyLayout, text: { title: string; desc: string; note: (r: KeyRow) => string; linkLabel: (r: KeyRow) => string }, id: string, lang: Lang): SvgNode {
  const { width, height } = layout;
  const grad = `${id}-tail`;
  const tickNode = (x: number, mid: number, open: boolean): SvgNode =>
    open
      ? el('rect', { x: x - 2, y: mid - 8, width: 4, height: 16, fill: '#fff', stroke: '#595959', 'stroke-width': 1.2 })
      : el('line', { x1: x, x2: x, y1: mid - 8, y2: mid + 8, stroke: '#767676', 'stroke-width': 2.5 });
  const rows = layout.rows.map((r) => {
    const parts: (SvgNode | false)[] = [
      textLines({ x: 0, y: r.y + 12, 'font-size': FS, 'font-weight': 600, fill: COLOURS.ink }, r.labelLines, LINE),
      textLines({ x: 0, y: r.y + 12 + r.labelLines.length * LINE, 'font-size': FS, fill: COLOURS.muted }, r.indicatorLines, LINE),
    ];
    const valueY = r.blockY + 13;
    const mid = r.blockY + 30;
    parts.push(el('a', { href: `#obs-${r.id}`, 'aria-label': text.linkLabel(r) }, [txt('text', { x: r.blockX, y: valueY, 'font-size': FS, fill: COLOURS.ink, 'font-weight': 700 }, r.valueText)]));
    if (r.track) {
      parts.push(el('line', { x1: r.track[0], x2: r.track[1], y1: mid, y2: mid, stroke: COLOURS.grid, 'stroke-width': 1 }));
      parts.push(el('rect', { x: r.track[0], y: mid - 5, width: Math.max(1, r.x - r.track[0]), height: 10, fill: COLOURS.bar }));
      parts.push(...markNodes(r.mark, r.x, mid, 10, true, grad));
      // ticks over the bar, so those below this case's value stay visible
      for (const t of r.ticks)
        parts.push(
          el('a', { href: t.href, 'aria-label': t.title, class: t.open ? 'other other-open' : 'other' }, [
            txt('title', {}, t.title),
            el('rect', { x: t.x - 5, y: mid - 10, width: 10, height: 20, fill: 'transparent' }),
            tickNode(t.x, mid, t.open),
          ]),
        );
      parts.push(txt('text', { x: r.track[0], y: mid + 24, 'font-size': FS, fill: COLOURS.muted }, r.axis![0]));
      parts.push(txt('text', { x: r.track[1], y: mid + 24, 'text-anchor': 'end', 'font-size': FS, fill: COLOURS.muted }, r.axis![1]));
    } else {
      const lines = wrapText(text.note(r), FS, width - r.blockX - 4);
      parts.push(textLines({ x: r.blockX, y: valueY + LINE + 2, 'font-size': FS, fill: COLOURS.muted }, lines, LINE));
    }
    return el('g', { 'data-obs': r.id }, parts);
  });
  const legend = layout.legend.map((l) => {
    const mid = l.y + 10;
    const sym =
      l.kind === 'bar'
        ? el('rect', { x: 0, y: mid - 5, width: 22, height: 10, fill: COLOURS.bar })
        : l.kind === 'tick'
          ? el('line', { x1: 11, x2: 11, y1: mid - 8, y2: mid + 8, stroke: '#767676', 'stroke-width': 2 })
          : el('rect', { x: 9, y: mid - 8, width: 4, height: 16, fill: '#fff', stroke: '#595959', 'stroke-width': 1.2 });
    return el('g', { 'data-legend': l.kind }, [sym, textLines({ x: 30, y: mid + 4, 'font-size': FS, fill: COLOURS.ink }, l.lines, LINE)]);
  });
  return el('svg', { xmlns: 'http://www.w3.org/2000/svg', role: 'group', viewBox: `0 0 ${width} ${height}`, width, height, 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-desc`, 'font-family': FONT[lang], class: 'chart-svg' }, [
    txt('title', { id: `${id}-title` }, text.title),
    txt('desc', { id: `${id}-desc` }, text.desc),
    el('defs', {}, [tailGradient(grad)]),
    el('rect', { x: 0, y: 0, width, height, fill: '#fff' }),
    el('g', {}, rows),
    legend.length ? el('g', { class: 'key-legend' }, [el('line', { x1: 0, x2: width, y1: layout.legendY - 4, y2: layout.legendY - 4, stroke: COLOURS.grid, 'stroke-width': 1 }), ...legend]) : false,
  ]);
}
