/**
 * A case's key figures in context: each on its own linear scale (0 to the largest value reported for
 * that indicator anywhere), with the other places' figures as ticks. Figures of different indicators
 * never share an axis.
 */
import { scaleLinear } from 'd3-scale';
import type { Qualifier } from '../lib/qualifiers.ts';
import type { Lang } from '../lib/i18n.ts';
import { BAR, markNodes, markOf, tailGradient, type Mark } from './bars.ts';
import { COLOURS, FONT, el, fitText, textWidth, txt, type SvgNode } from './svg.ts';

export interface KeyInput {
  id: string;
  label: string;
  indicator: string;
  value: number;
  qualifier: Qualifier;
  display: string;
  period: string;
  href: string;
  /** Other places' values for the indicator; null when the indicator is not comparable. */
  others: number[] | null;
}

export interface KeyRow extends KeyInput {
  y: number;
  mark: Mark;
  /** Track (scale range) and the value's position; no track when there is nothing to compare with. */
  track: [number, number] | null;
  x: number;
  ticks: number[];
  max: number;
  labelText: string;
  indicatorText: string;
  valueText: string;
}

export interface KeyLayout {
  width: number;
  height: number;
  rows: KeyRow[];
}

const ROW = 46;

export function keyLayout(items: KeyInput[], opts: { width?: number; lang: Lang }): KeyLayout {
  const width = opts.width ?? 680;
  const labelW = Math.round(width * 0.42);
  const valueW = Math.min(Math.max(...items.map((i) => textWidth(`${i.display} · ${i.period}`, 12)), 60) + BAR.tail + 12, width * 0.3);
  const track: [number, number] = [labelW + 8, width - valueW];
  // the value label sits in its own column right of the track (after room for a lower-bound tail)
  const rows = items.map((it, i) => {
    const hasTrack = it.others !== null && it.others.length > 0;
    const max = hasTrack ? Math.max(it.value, ...it.others!) : it.value;
    const s = scaleLinear().domain([0, max > 0 ? max : 1]).range(track);
    return {
      ...it,
      y: 4 + i * ROW,
      mark: markOf(it.qualifier),
      track: hasTrack ? track : null,
      x: hasTrack ? s(it.value) : track[0],
      ticks: hasTrack ? it.others!.map((v) => s(v)) : [],
      max,
      labelText: fitText(it.label, 12, labelW - 4),
      indicatorText: fitText(it.indicator, 11, labelW - 4),
      valueText: `${it.display} · ${it.period}`,
    };
  });
  return { width, height: 8 + rows.length * ROW, rows };
}

export function keySvg(layout: KeyLayout, text: { title: string; desc: string; note: (r: KeyRow) => string; linkLabel: (r: KeyRow) => string }, id: string, lang: Lang): SvgNode {
  const { width, height } = layout;
  const grad = `${id}-tail`;
  const rows = layout.rows.map((r) => {
    const mid = r.y + 30;
    const parts: (SvgNode | false)[] = [
      txt('text', { x: 0, y: r.y + 14, 'font-size': 12, 'font-weight': 600, fill: COLOURS.ink }, r.labelText),
      txt('text', { x: 0, y: mid + 4, 'font-size': 11, fill: COLOURS.muted }, r.indicatorText),
    ];
    if (r.track) {
      parts.push(el('line', { x1: r.track[0], x2: r.track[1], y1: mid, y2: mid, stroke: COLOURS.grid, 'stroke-width': 1 }));
      for (const t of r.ticks) parts.push(el('line', { x1: t, x2: t, y1: mid - 8, y2: mid + 8, stroke: '#767676', 'stroke-width': 2, class: 'other' }));
      parts.push(el('rect', { x: r.track[0], y: mid - 5, width: Math.max(1, r.x - r.track[0]), height: 10, fill: COLOURS.bar }));
      parts.push(...markNodes(r.mark, r.x, mid, 10, true, grad));
      parts.push(el('a', { href: `#obs-${r.id}`, 'aria-label': text.linkLabel(r) }, [txt('text', { x: r.track[1] + BAR.tail + 6, y: mid + 4, 'font-size': 12, fill: COLOURS.ink, 'font-weight': 600 }, r.valueText)]));
    } else {
      parts.push(el('a', { href: `#obs-${r.id}`, 'aria-label': text.linkLabel(r) }, [txt('text', { x: r.x, y: mid + 4, 'font-size': 12, fill: COLOURS.ink, 'font-weight': 600 }, r.valueText)]));
      parts.push(txt('text', { x: r.x, y: r.y + 14, 'font-size': 11, fill: COLOURS.muted }, text.note(r)));
    }
    return el('g', { 'data-obs': r.id }, parts);
  });
  return el('svg', { xmlns: 'http://www.w3.org/2000/svg', role: 'group', viewBox: `0 0 ${width} ${height}`, width, height, 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-desc`, 'font-family': FONT[lang], class: 'chart-svg' }, [
    txt('title', { id: `${id}-title` }, text.title),
    txt('desc', { id: `${id}-desc` }, text.desc),
    el('defs', {}, [tailGradient(grad)]),
    el('rect', { x: 0, y: 0, width, height, fill: '#fff' }),
    el('g', {}, rows),
  ]);
}
