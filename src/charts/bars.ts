import { scaleLinear, scaleLog } from 'd3-scale';
import { max, min } from 'd3-array';
import type { Qualifier } from '../lib/qualifiers.ts';
import type { Lang } from '../lib/i18n.ts';
import { formatAxis } from '../lib/format.ts';
import { COLOURS, FONT, el, fitText, textWidth, txt, type SvgNode } from './svg.ts';

/** One value in a comparison: a figure for a place, with how it was printed and when it applies. */
export interface BarDatum {
  id: string;
  /** First label line (the place). */
  name: string;
  /** A short tag after the name, in grey (the place's level, when a chart mixes levels). */
  tag?: string | undefined;
  /** Second label line (what exactly is counted). */
  sub: string;
  value: number;
  qualifier: Qualifier;
  /** The figure as the reader's language prints it, compact: 30+, ≥2, ~1,200, nearly 4,000, 46万元. */
  display: string;
  /** Short period label (a year, a span, or “year unknown”). */
  period: string;
  href: string;
}

export type ScaleKind = 'linear' | 'log';

/**
 * How a value's qualifier is drawn. A lower bound (more than / at least) gets an open tail and an
 * arrow pointing to larger values; an upper bound (nearly / up to / under) a notch that points back;
 * an approximate value a whisker. Exact values end square.
 */
export type Mark = 'exact' | 'lower' | 'upper' | 'approx';

export function markOf(q: Qualifier): Mark {
  if (q === 'more_than' || q === 'at_least') return 'lower';
  if (q === 'nearly' || q === 'up_to' || q === 'less_than') return 'upper';
  if (q === 'about') return 'approx';
  return 'exact';
}

export interface BarRow extends BarDatum {
  mark: Mark;
  /** Top of the row band. */
  y: number;
  /** Where the value sits on the axis. */
  x: number;
  /** Where the bar starts (the axis origin; for a log scale the dot has no bar). */
  x0: number;
  /** A zero on a log scale: it has no position, so it is pinned to the axis start and marked. */
  offScale: boolean;
  /** Right end of the drawn mark (tail or whisker included); the value label starts after it. */
  end: number;
  nameText: string;
  /** What is counted, on one or two lines (never cut mid-word unless a single word is too long). */
  subLines: string[];
  /** Baselines of the name and of each sub-label line, and the bar's centre line. */
  nameY: number;
  subY: number[];
  mid: number;
  /** Where the label lines are anchored: right-aligned left of the axis, or left-aligned above the bar (narrow charts). */
  labelX: number;
  label: string;
}

export interface Tick {
  x: number;
  value: number;
  label: string;
}

export interface BarLayout {
  width: number;
  height: number;
  scale: ScaleKind;
  domain: [number, number];
  range: [number, number];
  top: number;
  rowHeight: number;
  labelWidth: number;
  ticks: Tick[];
  rows: BarRow[];
  marks: Mark[];
  /** Rows whose value cannot be placed on the chosen scale (zero on a log scale). */
  offScale: string[];
  /** Value and year on two lines (narrow charts). */
  stacked: boolean;
  /** Narrow charts: each row's labels above its bar across the whole width, rather than in a column to the left. */
  labelsAbove: boolean;
}

export interface BarOptions {
  scale: ScaleKind;
  lang: Lang;
  /** The indicator's unit kind (count, currency, …) for axis labels. */
  kind: string;
  width?: number;
}

export const BAR = { width: 680, rowHeight: 40, top: 28, bottom: 14, font: 13, small: 11, tail: 22, gap: 6, line: 13, narrow: 520 } as const;

/**
 * Break text into at most `maxLines` lines of `maxWidth` px, at spaces (or between any two
 * characters of Chinese); only what still does not fit ends in “…” (the full text stays in the table).
 */
export function wrapLines(s: string, fontSize: number, maxWidth: number, maxLines = 2): string[] {
  // break points: after a space, or between any two Chinese characters (Latin words stay whole)
  const words = s.match(/\p{Script=Han}[，。、；：）》”]?|[^\s\p{Script=Han}]+\s*|\s+/gu) ?? [s];
  const lines: string[] = [];
  let line = '';
  let i = 0;
  for (; i < words.length; i++) {
    const next = line + words[i];
    if (line && textWidth(next.trimEnd(), fontSize) > maxWidth) {
      lines.push(line.trimEnd());
      line = words[i]!;
      if (lines.length === maxLines) break;
    } else line = next;
  }
  if (lines.length < maxLines) return [...lines, line.trimEnd()].filter(Boolean).map((l) => fitText(l, fontSize, maxWidth));
  // the last line takes the rest and ends in “…” only if it still does not fit
  const last = lines.pop()!;
  const tail = words.slice(i).join('');
  const rest = last + (/\p{Script=Han}$/u.test(last) || /^\p{Script=Han}/u.test(tail) ? '' : ' ') + tail;
  return [...lines, fitText(rest.trim(), fontSize, maxWidth)];
}

/**
 * Domain of the value axis.
 * Linear: from 0 to the largest value, extended to a round number.
 * Log: from the power of ten at or below the smallest positive value to the power of ten at or above
 * the largest. Zero and negative values have no place on a log axis: they are left out of the domain,
 * pinned to the axis start, drawn as a hollow dot and labelled “0” with a note (see `offScale`).
 */
export function valueDomain(values: number[], scale: ScaleKind): [number, number] {
  if (scale === 'log') {
    const pos = values.filter((v) => v > 0);
    if (pos.length === 0) return [1, 10];
    const lo = 10 ** Math.floor(Math.log10(min(pos)!));
    let hi = 10 ** Math.ceil(Math.log10(max(pos)!));
    if (hi <= lo) hi = lo * 10;
    return [lo, hi];
  }
  const top = max(values) ?? 0;
  if (!(top > 0)) return [0, 1];
  const d = scaleLinear().domain([0, top]).nice(5).domain() as [number, number];
  return [0, d[1]];
}

/** Axis ticks: about five on a linear scale; powers of ten on a log scale (with 2 and 5 when the range spans two decades or less). */
export function axisTicks(domain: [number, number], scale: ScaleKind, lang: Lang, kind: string, range: [number, number]): Tick[] {
  if (scale === 'log') {
    const s = scaleLog().domain(domain).range(range);
    const decades = Math.round(Math.log10(domain[1] / domain[0]));
    const keep = decades <= 2 ? [1, 2, 5] : [1];
    return s
      .ticks()
      .filter((v) => keep.includes(Math.round(v / 10 ** Math.floor(Math.log10(v) + 1e-9))))
      .map((v) => ({ x: s(v), value: v, label: formatAxis(v, lang, kind) }));
  }
  const s = scaleLinear().domain(domain).range(range);
  const count = Math.max(2, Math.min(5, Math.floor(Math.abs(range[1] - range[0]) / 55)));
  return s.ticks(count).map((v) => ({ x: s(v), value: v, label: formatAxis(v, lang, kind) }));
}

/** Geometry of a sorted bar (linear) or dot (log) chart of values that may carry qualifiers. */
export function barLayout(data: BarDatum[], opts: BarOptions): BarLayout {
  const width = opts.width ?? BAR.width;
  const labelsAbove = width < BAR.narrow;
  const labels = data.map((d) => `${d.display} · ${d.period}`);
  const nameOf = (d: BarDatum) => (d.tag ? `${d.name} · ${d.tag}` : d.name);
  const nameW = Math.max(0, ...data.map((d) => Math.max(textWidth(nameOf(d), BAR.font), textWidth(d.sub, BAR.small) / 2.6)));
  // the label column: wide enough for the names (and a sub-label on up to three lines)
  const labelWidth = labelsAbove ? 0 : Math.ceil(Math.min(Math.max(nameW / 0.9 + 20, 110), width * 0.38));
  // widths are estimated without a DOM: keep a tenth in reserve so a wide font never runs past the edge
  const textWidthMax = Math.floor((labelsAbove ? width - 16 : labelWidth - 18) * 0.9);
  const anyTail = data.some((d) => markOf(d.qualifier) === 'lower');
  const extra = BAR.gap + (anyTail ? BAR.tail : 6) + 4;
  const oneLine = Math.max(0, ...labels.map((l) => textWidth(l, BAR.small + 1)));
  // on a narrow chart the value and its year go on two lines rather than run off the edge
  const stacked = oneLine + extra > width * 0.35;
  const valueW = stacked ? Math.max(0, ...data.map((d) => Math.max(textWidth(d.display, BAR.small + 1), textWidth(d.period, BAR.small)))) : oneLine;
  // value labels are measured by estimate too: keep a tenth in reserve
  const right = Math.min(Math.round(valueW * 1.12 + extra), width * (stacked ? 0.45 : 0.35));
  const range: [number, number] = [labelsAbove ? 8 : labelWidth, width - right];
  const domain = valueDomain(
    data.map((d) => d.value),
    opts.scale,
  );
  const s = opts.scale === 'log' ? scaleLog().domain(domain).range(range).clamp(true) : scaleLinear().domain(domain).range(range);
  const subs = data.map((d) => wrapLines(d.sub, BAR.small, textWidthMax, 3));
  const lines = Math.max(1, ...subs.map((l) => l.length));
  // labels above: name, sub-label lines, then the bar; labels left: the bar centred on the label block
  const rowHeight = labelsAbove ? 4 + BAR.line * (1 + lines) + 34 : Math.max(BAR.rowHeight, 26 + 12 * lines + 4);
  const top = labelsAbove ? BAR.top + 14 : BAR.top;
  const offScale: string[] = [];
  const rows: BarRow[] = data.map((d, i) => {
    const mark = markOf(d.qualifier);
    const off = opts.scale === 'log' && !(d.value > 0);
    if (off) offScale.push(d.id);
    const x = off ? range[0] : s(d.value);
    const end = mark === 'lower' ? x + BAR.tail : mark === 'approx' ? x + 4 : x;
    const y = top + i * rowHeight;
    const sub = subs[i]!;
    const nameY = labelsAbove ? y + BAR.line : y + rowHeight / 2 - 3 - ((sub.length - 1) * 12) / 2;
    const subY = sub.map((_, k) => nameY + 14 + k * 12);
    const mid = labelsAbove ? y + 4 + BAR.line * (1 + lines) + 9 : y + rowHeight / 2;
    // a level tag that does not fit is left out (the table has it) rather than cutting the name
    const nameFit = textWidth(nameOf(d), BAR.font) <= textWidthMax ? nameOf(d) : fitText(d.name, BAR.font, textWidthMax);
    return {
      ...d,
      mark,
      y,
      x,
      x0: opts.scale === 'log' ? x : range[0],
      offScale: off,
      end,
      nameText: nameFit,
      subLines: sub,
      nameY,
      subY,
      mid,
      labelX: labelsAbove ? range[0] : labelWidth - 10,
      label: labels[i]!,
    };
  });
  return {
    width,
    height: top + data.length * rowHeight + BAR.bottom,
    scale: opts.scale,
    domain,
    range,
    top,
    rowHeight,
    labelWidth,
    ticks: axisTicks(domain, opts.scale, opts.lang, opts.kind, range),
    rows,
    marks: [...new Set(rows.map((r) => r.mark))],
    offScale,
    stacked,
    labelsAbove,
  };
}

export interface BarSvgText {
  /** Accessible title and description (also the exported file's <title>/<desc>). */
  title: string;
  desc: string;
  /** Axis caption (the unit), drawn above the tick labels at the right. */
  axis: string;
  /** Label for a value that cannot be placed on a log scale. */
  zero: string;
  /** Accessible name of each value link: “Open the figure … in its case”. */
  linkLabel: (row: BarRow) => string;
}

/** The SVG tree for a bar layout: one renderer-neutral description for Astro and the browser. */
export function barSvg(layout: BarLayout, text: BarSvgText, id: string, lang: Lang): SvgNode {
  const { width, height, range, rows } = layout;
  const bh = 12; // bar thickness
  const gradId = `${id}-tail`;
  const grid = el('g', { 'aria-hidden': 'true' }, [
    ...layout.ticks.map((t) =>
      el('g', {}, [
        el('line', { x1: t.x, x2: t.x, y1: layout.top - 6, y2: height - BAR.bottom, stroke: COLOURS.grid, 'stroke-width': 1 }),
        // a tick label stays inside the chart (the first and last may be nudged in)
        txt('text', { x: Math.min(Math.max(t.x, textWidth(t.label, BAR.small) / 2 + 1), width - textWidth(t.label, BAR.small) / 2 - 1), y: layout.top - 10, 'text-anchor': 'middle', 'font-size': BAR.small, fill: COLOURS.muted }, t.label),
      ]),
    ),
    layout.labelsAbove
      ? txt('text', { x: range[0], y: layout.top - 26, 'font-size': BAR.small, fill: COLOURS.muted }, text.axis)
      : txt('text', { x: range[0] - 10 - (layout.ticks[0] && layout.ticks[0].x - range[0] < 30 ? textWidth(layout.ticks[0].label, BAR.small) / 2 : 0), y: layout.top - 10, 'text-anchor': 'end', 'font-size': BAR.small, fill: COLOURS.muted }, text.axis),
  ]);
  const rowNodes = rows.map((r) => {
    const mid = r.mid;
    const y0 = mid - bh / 2;
    const anchor = layout.labelsAbove ? 'start' : 'end';
    const tagAt = r.tag ? r.nameText.lastIndexOf(` · ${r.tag}`) : -1;
    const nameNode =
      tagAt > 0
        ? el('text', { x: r.labelX, y: r.nameY, 'text-anchor': anchor, 'font-size': BAR.font, fill: COLOURS.ink, 'font-weight': 600 }, [
            txt('tspan', {}, r.nameText.slice(0, tagAt)),
            txt('tspan', { fill: COLOURS.muted, 'font-weight': 400 }, r.nameText.slice(tagAt)),
          ])
        : txt('text', { x: r.labelX, y: r.nameY, 'text-anchor': anchor, 'font-size': BAR.font, fill: COLOURS.ink, 'font-weight': 600 }, r.nameText);
    const parts: (SvgNode | false)[] = [
      nameNode,
      ...r.subLines.map((line, k) => txt('text', { x: r.labelX, y: r.subY[k]!, 'text-anchor': anchor, 'font-size': BAR.small, fill: COLOURS.muted }, line)),
    ];
    if (layout.scale === 'linear') {
      parts.push(el('rect', { x: r.x0, y: y0, width: Math.max(0, r.x - r.x0), height: bh, fill: COLOURS.bar, class: 'bar' }));
    } else if (r.offScale) {
      parts.push(el('circle', { cx: r.x, cy: mid, r: 5, fill: '#fff', stroke: COLOURS.bar, 'stroke-width': 2, 'stroke-dasharray': '2 2', class: 'dot' }));
    } else {
      parts.push(el('line', { x1: range[0], x2: r.x, y1: mid, y2: mid, stroke: COLOURS.grid, 'stroke-width': 1 }));
      parts.push(el('circle', { cx: r.x, cy: mid, r: 5, fill: COLOURS.bar, class: 'dot' }));
    }
    if (!r.offScale) parts.push(...markNodes(r.mark, r.x, mid, bh, layout.scale === 'linear', gradId));
    parts.push(
      el('a', { href: r.href, 'aria-label': text.linkLabel(r), class: 'value-link' }, [
        ...(layout.stacked
          ? [
              txt('text', { x: r.end + BAR.gap, y: mid, 'font-size': BAR.small + 1, fill: COLOURS.ink }, r.offScale ? `${text.zero} ${r.display}` : r.display),
              txt('text', { x: r.end + BAR.gap, y: mid + 12, 'font-size': BAR.small, fill: COLOURS.muted }, r.period),
            ]
          : [txt('text', { x: r.end + BAR.gap, y: mid + 4, 'font-size': BAR.small + 1, fill: COLOURS.ink }, r.offScale ? `${text.zero} ${r.label}` : r.label)]),
      ]),
    );
    return el('g', { class: 'bar-row', 'data-obs': r.id, 'data-mark': r.mark }, parts);
  });
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      role: 'group',
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      'aria-labelledby': `${id}-title`,
      'aria-describedby': `${id}-desc`,
      'font-family': FONT[lang],
      class: 'chart-svg',
    },
    [
      txt('title', { id: `${id}-title` }, text.title),
      txt('desc', { id: `${id}-desc` }, text.desc),
      el('defs', {}, [tailGradient(gradId)]),
      el('rect', { x: 0, y: 0, width, height, fill: '#fff' }),
      grid,
      el('g', { class: 'rows' }, rowNodes),
    ],
  );
}

/** The end of a bar or dot showing its qualifier (see `Mark`). */
export function markNodes(mark: Mark, x: number, mid: number, bh: number, onBar: boolean, gradId: string): SvgNode[] {
  const y0 = mid - bh / 2;
  if (mark === 'lower')
    return [
      el('rect', { x, y: y0 + 2, width: BAR.tail - 6, height: bh - 4, fill: `url(#${gradId})` }),
      el('path', { d: `M${x + BAR.tail - 7},${mid - 5}L${x + BAR.tail},${mid}L${x + BAR.tail - 7},${mid + 5}`, fill: 'none', stroke: COLOURS.bar, 'stroke-width': 1.8 }),
    ];
  if (mark === 'upper') return [el('path', { d: `M${x + 1},${y0 - 2}L${x - 6},${mid}L${x + 1},${y0 + bh + 2}`, fill: onBar ? '#fff' : 'none', stroke: onBar ? 'none' : COLOURS.bar, 'stroke-width': 1.8 })];
  if (mark === 'approx') return [el('path', { d: `M${x - 4},${mid}H${x + 4}M${x - 4},${mid - 4}V${mid + 4}M${x + 4},${mid - 4}V${mid + 4}`, fill: 'none', stroke: COLOURS.ink, 'stroke-width': 1.5 })];
  return [];
}

/** The gradient a lower-bound tail fades with (one per chart; ids are unique per figure). */
export function tailGradient(gradId: string): SvgNode {
  return el('linearGradient', { id: gradId, x1: 0, x2: 1, y1: 0, y2: 0 }, [
    el('stop', { offset: 0, 'stop-color': COLOURS.bar, 'stop-opacity': 0.8 }),
    el('stop', { offset: 1, 'stop-color': COLOURS.bar, 'stop-opacity': 0.05 }),
  ]);
}
