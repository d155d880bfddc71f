/** Theme × case matrix: a filled square for a case's main theme, a dot for its other themes. */
import type { Lang } from '../lib/i18n.ts';
import type { MatrixData } from './datasets.ts';
import { COLOURS, FONT, el, fitText, textWidth, txt, type SvgNode } from './svg.ts';

export interface MatrixLayout {
  width: number;
  height: number;
  cell: number;
  left: number;
  top: number;
  cols: { id: string; x: number; label: string; href: string }[];
  rows: { id: string; y: number; label: string; href: string }[];
  cells: { theme: string; case: string; x: number; y: number; kind: 'primary' | 'yes' }[];
}

const CELL = 24;
const ANGLE = 55;

export function matrixLayout(m: MatrixData): MatrixLayout {
  const left = Math.round(Math.min(Math.max(...m.themes.map((t) => textWidth(t.name, 12)), 60) + 14, 280));
  const longest = Math.min(Math.max(...m.cases.map((c) => textWidth(c.name, 12)), 30), 150);
  const top = Math.round(longest * Math.sin((ANGLE * Math.PI) / 180) + 16);
  const cols = m.cases.map((c, i) => ({ id: c.id, x: left + i * CELL + CELL / 2, label: c.name, href: c.href }));
  const rows = m.themes.map((t, i) => ({ id: t.id, y: top + i * CELL + CELL / 2, label: t.name, href: t.href }));
  const cells: MatrixLayout['cells'] = [];
  for (const r of rows) for (const c of cols) {
    const kind = m.cells[r.id]?.[c.id];
    if (kind) cells.push({ theme: r.id, case: c.id, x: c.x, y: r.y, kind });
  }
  const lastX = cols.length ? cols[cols.length - 1]!.x : left;
  const overhang = longest * Math.cos((ANGLE * Math.PI) / 180);
  return { width: Math.round(lastX + Math.max(CELL / 2, overhang + 12)), height: top + rows.length * CELL + 6, cell: CELL, left, top, cols, rows, cells };
}

export function matrixSvg(layout: MatrixLayout, text: { title: string; desc: string; cellLabel: (theme: string, kase: string, kind: string) => string }, id: string, lang: Lang): SvgNode {
  const { width, height, left, top, cell } = layout;
  const right = left + layout.cols.length * cell;
  const bottom = top + layout.rows.length * cell;
  const grid = el('g', { 'aria-hidden': 'true' }, [
    ...layout.rows.map((r, i) => (i % 2 === 0 ? el('rect', { x: 0, y: r.y - cell / 2, width: right, height: cell, fill: '#f7f5f1' }) : false)),
    ...layout.cols.map((c) => el('line', { x1: c.x - cell / 2, x2: c.x - cell / 2, y1: top, y2: bottom, stroke: COLOURS.grid, 'stroke-width': 0.6 })),
    el('line', { x1: right, x2: right, y1: top, y2: bottom, stroke: COLOURS.grid, 'stroke-width': 0.6 }),
  ]);
  const colLabels = layout.cols.map((c) =>
    el('a', { href: c.href, class: 'matrix-col' }, [txt('text', { transform: `translate(${c.x + 4},${top - 6}) rotate(-${ANGLE})`, 'font-size': 12, fill: COLOURS.ink }, fitText(c.label, 12, 150))]),
  );
  const rowLabels = layout.rows.map((r) =>
    el('a', { href: r.href, class: 'matrix-row' }, [txt('text', { x: left - 8, y: r.y + 4, 'text-anchor': 'end', 'font-size': 12, fill: COLOURS.ink }, fitText(r.label, 12, left - 12))]),
  );
  const labelOf = (cid: string, list: { id: string; label: string }[]) => list.find((x) => x.id === cid)?.label ?? cid;
  const marks = layout.cells.map((c) =>
    el('g', { 'data-theme': c.theme, 'data-case': c.case, 'data-kind': c.kind }, [
      txt('title', {}, text.cellLabel(labelOf(c.theme, layout.rows), labelOf(c.case, layout.cols), c.kind)),
      c.kind === 'primary'
        ? el('rect', { x: c.x - 7, y: c.y - 7, width: 14, height: 14, fill: COLOURS.bar })
        : el('circle', { cx: c.x, cy: c.y, r: 4, fill: COLOURS.ink }),
    ]),
  );
  return el('svg', { xmlns: 'http://www.w3.org/2000/svg', role: 'group', viewBox: `0 0 ${width} ${height}`, width, height, 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-desc`, 'font-family': FONT[lang], class: 'chart-svg' }, [
    txt('title', { id: `${id}-title` }, text.title),
    txt('desc', { id: `${id}-desc` }, text.desc),
    el('rect', { x: 0, y: 0, width, height, fill: '#fff' }),
    grid,
    el('g', {}, colLabels),
    el('g', {}, rowLabels),
    el('g', {}, marks),
  ]);
}
