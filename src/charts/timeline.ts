/**
 * Timeline of cases by date, honest about precision: a date known only to the year is drawn as a band
 * across that year, a month as a band across the month, and only a known day as a point.
 * Undated cases are listed, not drawn.
 */
import { scaleUtc } from 'd3-scale';
import type { Lang } from '../lib/i18n.ts';
import { datePrecision, formatDate } from '../lib/format.ts';
import { COLOURS, FONT, el, safeWidth, textLines, textWidth, txt, wrapText, type SvgNode } from './svg.ts';

export interface TimelineItem {
  id: string;
  label: string;
  date: string;
  /** stated | inferred | unknown: an inferred date is drawn hollow. */
  basis: string;
  href: string;
  title: string;
}

export interface TimelineRow extends TimelineItem {
  precision: 'year' | 'month' | 'day';
  y: number;
  x0: number;
  x1: number;
  hollow: boolean;
  dateText: string;
  /** Where the date label goes and which way it runs (it flips left near the right edge). */
  textX: number;
  anchor: 'start' | 'end';
  /** The place name, wrapped to the label column (never shortened). */
  lines: string[];
  /** Height of the row: one line of label or more. */
  h: number;
}

export interface TimelineLayout {
  width: number;
  height: number;
  labelWidth: number;
  ticks: { x: number; label: string }[];
  rows: TimelineRow[];
  undated: TimelineItem[];
}

const ROW = 24;
const TOP = 26;
const FS = 12;
const LINE = 14;
/** Width of the wide layout (the narrow one is NARROW, from svg.ts). */
export const TIMELINE_WIDTH = 420;

/** Start and end (exclusive) of the time a date of known precision covers, in UTC ms. */
export function dateSpan(date: string): [number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number?, number?];
  if (m === undefined) return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)];
  if (d === undefined) return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1)];
  return [Date.UTC(y, m - 1, d), Date.UTC(y, m - 1, d + 1)];
}

export function timelineLayout(items: TimelineItem[], opts: { lang: Lang; width?: number }): TimelineLayout {
  const width = opts.width ?? TIMELINE_WIDTH;
  const dated = items.filter((i) => i.date !== 'unknown').sort((a, b) => dateSpan(a.date)[0] - dateSpan(b.date)[0] || (a.id < b.id ? -1 : 1));
  const undated = items.filter((i) => i.date === 'unknown');
  const labelWidth = Math.round(Math.min(Math.max(...dated.map((d) => safeWidth(d.label, FS)), 40) + 12, width * 0.34));
  const years = dated.map((d) => Number(d.date.slice(0, 4)));
  const y0 = years.length ? Math.min(...years) : 2020;
  const y1 = years.length ? Math.max(...years) + 1 : 2021;
  const x = scaleUtc().domain([new Date(Date.UTC(y0, 0, 1)), new Date(Date.UTC(y1, 0, 1))]).range([labelWidth + 4, width - 8]);
  const ticks = [];
  for (let y = y0; y <= y1; y++) ticks.push({ x: x(new Date(Date.UTC(y, 0, 1))), label: opts.lang === 'en' ? String(y) : `${y}年` });
  let top = TOP;
  const rows: TimelineRow[] = dated.map((d) => {
    const [a, b] = dateSpan(d.date);
    const precision = datePrecision(d.date) as 'year' | 'month' | 'day';
    const x0 = x(new Date(a));
    const x1 = precision === 'day' ? x0 : x(new Date(b));
    const dateText = formatDate(d.date, opts.lang);
    const right = (precision === 'day' ? x0 + 7 : x1) + 5;
    const fits = right + textWidth(dateText, FS) <= width - 2;
    const lines = wrapText(d.label, FS, labelWidth - 10);
    const h = Math.max(ROW, lines.length * LINE + 10);
    const row: TimelineRow = { ...d, precision, y: top, x0, x1, hollow: d.basis !== 'stated', dateText, textX: fits ? right : (precision === 'day' ? x0 - 7 : x0) - 5, anchor: fits ? 'start' : 'end', lines, h };
    top += h;
    return row;
  });
  return { width, height: top + 8, labelWidth, ticks, rows, undated };
}

export function timelineSvg(layout: TimelineLayout, text: { title: string; desc: string; linkLabel: (r: TimelineRow) => string }, id: string, lang: Lang): SvgNode {
  const { width, height } = layout;
  const grid = el('g', { 'aria-hidden': 'true' }, layout.ticks.flatMap((t, i) => [
    el('line', { x1: t.x, x2: t.x, y1: 16, y2: height - 6, stroke: COLOURS.grid, 'stroke-width': 1 }),
    i < layout.ticks.length - 1 ? txt('text', { x: (t.x + layout.ticks[i + 1]!.x) / 2, y: 13, 'text-anchor': 'middle', 'font-size': FS, fill: COLOURS.muted }, t.label) : false,
  ].filter((n): n is SvgNode => !!n)));
  const rows = layout.rows.map((r) => {
    const mid = r.y + r.h / 2;
    const fill = r.hollow ? '#fff' : COLOURS.bar;
    const mark =
      r.precision === 'day'
        ? el('path', { d: `M${r.x0},${mid - 6}L${r.x0 + 6},${mid}L${r.x0},${mid + 6}L${r.x0 - 6},${mid}Z`, fill, stroke: COLOURS.bar, 'stroke-width': 1.5 })
        : el('rect', { x: r.x0, y: mid - 5, width: Math.max(2, r.x1 - r.x0), height: 10, fill: r.hollow ? '#fff' : COLOURS.barSoft, stroke: COLOURS.bar, 'stroke-width': 1.2, 'stroke-dasharray': r.hollow ? '3 2' : undefined });
    return el('a', { href: r.href, class: 'timeline-row', 'data-case': r.id, 'data-precision': r.precision }, [
      txt('title', {}, r.title),
      textLines({ x: layout.labelWidth - 6, y: mid + 4 - ((r.lines.length - 1) * LINE) / 2, 'text-anchor': 'end', 'font-size': FS, fill: COLOURS.ink }, r.lines, LINE),
      mark,
      txt('text', { x: r.textX, y: mid + 4, 'text-anchor': r.anchor, 'font-size': FS, fill: COLOURS.muted }, r.dateText),
    ]);
  });
  return el('svg', { xmlns: 'http://www.w3.org/2000/svg', role: 'group', viewBox: `0 0 ${width} ${height}`, width, height, 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-desc`, 'font-family': FONT[lang], class: 'chart-svg' }, [
    txt('title', { id: `${id}-title` }, text.title),
    txt('desc', { id: `${id}-desc` }, text.desc),
    el('rect', { x: 0, y: 0, width, height, fill: '#fff' }),
    grid,
    el('g', {}, rows),
  ]);
}
