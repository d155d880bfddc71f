/**
 * Theme × case matrix: a filled square for a case's main theme, a dot for its other themes.
 * Wide: a row per theme, a column per case (names at an angle). Narrow (phones): a row per case and a
 * numbered column per theme, the numbers keyed to the theme names below, so every label stays whole.
 */
import type { Lang } from '../lib/i18n.ts';
import type { MatrixData } from './datasets.ts';
import { COLOURS, FONT, NARROW, el, safeWidth, textLines, txt, wrapText, type SvgNode } from './svg.ts';

export interface MatrixLayout {
  width: number;
  height: number;
  cell: number;
  left: number;
  top: number;
  /** 'wide': themes are rows; 'narrow': cases are rows and themes numbered columns. */
  orientation: 'wide' | 'narrow';
  cols: { id: string; x: number; label: string; href: string; lines: string[]; n?: number }[];
  rows: { id: string; y: number; h: number; label: string; href: string; lines: string[] }[];
  cells: { theme: string; case: string; x: number; y: number; kind: 'primary' | 'yes' }[];
  /** Narrow layout: the theme names keyed to the column numbers. */
  key: { n: number; x: number; y: number; lines: string[]; href: string; id: string }[];
}

const CELL = 24;
const ANGLE = 55;
const FS = 12;
const LINE = 14;

export function matrixLayout(m: MatrixData, opts: { width?: number } = {}): MatrixLayout {
  if (opts.width !== undefined && opts.width <= NARROW + 100) return narrowLayout(m, opts.width);
  const left = Math.round(Math.min(Math.max(...m.themes.map((t) => safeWidth(t.name, FS)), 60) + 14, 240));
  const longest = Math.max(...m.cases.map((c) => safeWidth(c.name, FS)), 30);
  const top = Math.round(longest * Math.sin((ANGLE * Math.PI) / 180) + 16);
  const cols = m.cases.map((c, i) => ({ id: c.id, x: left + i * CELL + CELL / 2, label: c.name, href: c.href, lines: [c.name] }));
  let y = top;
  const rows = m.themes.map((t) => {
    const lines = wrapText(t.name, FS, left - 12);
    const h = Math.max(CELL, lines.length * LINE + 8);
    const row = { id: t.id, y: y + h / 2, h, label: t.name, href: t.href, lines };
    y += h;
    return row;
  });
  const cells = cellsOf(m, rows, cols, (r, c) => [r.id, c.id]);
  const lastX = cols.length ? cols[cols.length - 1]!.x : left;
  const overhang = longest * Math.cos((ANGLE * Math.PI) / 180);
  return { width: Math.round(lastX + Math.max(CELL / 2, overhang + 12)), height: y + 6, cell: CELL, left, top, orientation: 'wide', cols, rows, cells, key: [] };
}

function cellsOf<R extends { id: string; y: number }, C extends { id: string; x: number }>(m: MatrixData, rows: R[], cols: C[], ids: (r: R, c: C) => [string, string]): MatrixLayout['cells'] {
  const cells: MatrixLayout['cells'] = [];
  for (const r of rows)
    for (const c of cols) {
      const [theme, kase] = ids(r, c);
      const kind = m.cells[theme]?.[kase];
      if (kind) cells.push({ theme, case: kase, x: c.x, y: r.y, kind });
    }
  return cells;
}

function narrowLayout(m: MatrixData, width: number): MatrixLayout {
  const n = m.themes.length;
  const cell = Math.max(14, Math.min(CELL, Math.floor((width - 90) / Math.max(1, n))));
  const left = width - cell * n - 2;
  const top = 36;
  const cols = m.themes.map((t, i) => ({ id: t.id, x: left + i * cell + cell / 2, label: t.name, href: t.href, lines: [String(i + 1)], n: i + 1 }));
  let y = top;
  const rows = m.cases.map((c) => {
    const lines = wrapText(c.name, FS, left - 8);
    const h = Math.max(cell + 2, lines.length * LINE + 6);
    const row = { id: c.id, y: y + h / 2, h, label: c.name, href: c.href, lines };
    y += h;
    return row;
  });
  const cells = cellsOf(m, rows, cols, (r, c) => [c.id, r.id]);
  // the key: theme names in numbered order, one column
  let ky = y + 14;
  const key = m.themes.map((t, i) => {
    const lines = wrapText(t.name, FS, width - 28);
    const k = { n: i + 1, x: 0, y: ky, lines, href: t.href, id: t.id };
    ky += lines.length * LINE + 4;
    return k;
  });
  return { width, height: ky + 4, cell, left, top, orientation: 'narrow', cols, rows, cells, key };
}

export function matrixSvg(layout: MatrixLayout, text: { title: string; desc: string; cellLabel: (theme: string, kase: string, kind: string) => string }, id: string, lang: Lang): SvgNode {
  const { width, height, left, top, cell } = layout;
  const right = left + layout.cols.length * cell;
  const bottom = layout.rows.length ? layout.rows[layout.rows.length - 1]!.y + layout.rows[layout.rows.length - 1]!.h / 2 : top;
  const grid = el('g', { 'aria-hidden': 'true' }, [
    ...layout.rows.map((r, i) => (i % 2 === 0 ? el('rect', { x: 0, y: r.y - r.h / 2, width: right, height: r.h, fill: '#f7f5f1' }) : false)),
    ...layout.cols.map((c) => el('line', { x1: c.x - cell / 2, x2: c.x - cell / 2, y1: top, y2: bottom, stroke: COLOURS.grid, 'stroke-width': 0.6 })),
    el('line', { x1: right, x2: right, y1: top, y2: bottom, stroke: COLOURS.grid, 'stroke-width': 0.6 }),
  ]);
  const wide = layout.orientation === 'wide';
  const colLabels = layout.cols.map((c) =>
    el('a', { href: c.href, class: 'matrix-col' }, [
      wide
        ? txt('text', { transform: `translate(${c.x + 4},${top - 6}) rotate(-${ANGLE})`, 'font-size': FS, fill: COLOURS.ink }, c.label)
        : el('text', { x: c.x, y: top - 6 - (c.n! % 2 === 0 ? 14 : 0), 'text-anchor': 'middle', 'font-size': FS, 'font-weight': 700, fill: COLOURS.ink }, [txt('title', {}, c.label), txt('tspan', {}, String(c.n))]),
    ]),
  );
  const rowLabels = layout.rows.map((r) =>
    el('a', { href: r.href, class: 'matrix-row' }, [
      textLines({ x: wide ? left - 8 : 0, y: r.y + 4 - ((r.lines.length - 1) * LINE) / 2, 'text-anchor': wide ? 'end' : 'start', 'font-size': FS, fill: COLOURS.ink }, r.lines, LINE),
    ]),
  );
  const labelOf = (cid: string, list: { id: string; label: string }[]) => list.find((x) => x.id === cid)?.label ?? cid;
  const themes = wide ? layout.rows : layout.cols;
  const cases = wide ? layout.cols : layout.rows;
  const half = Math.min(7, cell / 2 - 2);
  const marks = layout.cells.map((c) =>
    el('g', { 'data-theme': c.theme, 'data-case': c.case, 'data-kind': c.kind }, [
      txt('title', {}, text.cellLabel(labelOf(c.theme, themes), labelOf(c.case, cases), c.kind)),
      c.kind === 'primary'
        ? el('rect', { x: c.x - half, y: c.y - half, width: half * 2, height: half * 2, fill: COLOURS.bar })
        : el('circle', { cx: c.x, cy: c.y, r: 4, fill: COLOURS.ink }),
    ]),
  );
  const key = layout.key.map((k) =>
    el('a', { href: k.href, class: 'matrix-key', 'data-theme': k.id }, [
      txt('text', { x: 18, y: k.y + 12, 'text-anchor': 'end', 'font-size': FS, 'font-weight': 700, fill: COLOURS.ink }, String(k.n)),
      textLines({ x: 24, y: k.y + 12, 'font-size': FS, fill: COLOURS.ink }, k.lines, LINE),
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
    key.length ? el('g', { class: 'matrix-keys' }, key) : false,
  ]);
}
