/**
 * A chart as a small tree of SVG elements: the one description that both renderers use — Astro at
 * build time (components/charts/SvgTree.astro) and the browser (browser/render-svg.ts, through
 * createElementNS / setAttribute / textContent, so data is never parsed as markup).
 */
export interface SvgNode {
  tag: string;
  attrs?: Record<string, string | number | undefined>;
  /** Text content (text, title, tspan); rendered as text, never as markup. */
  text?: string;
  children?: SvgNode[];
}

export function el(tag: string, attrs: SvgNode['attrs'] = {}, children: (SvgNode | false | null | undefined)[] = []): SvgNode {
  return { tag, attrs, children: children.filter((c): c is SvgNode => !!c) };
}

export function txt(tag: string, attrs: SvgNode['attrs'], text: string): SvgNode {
  return { tag, attrs, text };
}

/** Round to one decimal: plenty for a screen, and it keeps the markup short. */
export function r1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Attributes to set, in order, skipping undefined; numbers rounded to one decimal. */
export function attrEntries(node: SvgNode): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(node.attrs ?? {})) {
    if (v === undefined) continue;
    out.push([k, typeof v === 'number' ? String(r1(v)) : v]);
  }
  return out;
}

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };
const NAME = /^[A-Za-z][\w:.-]*$/;

/**
 * The tree as markup, for pages built on the server: text escaped as text (& < > ' "), attribute values
 * quoted with & and " escaped, an empty value as a bare attribute — what an Astro element with these
 * attributes would print, without a component call per node (a chart has thousands of nodes).
 */
export function svgMarkup(node: SvgNode): string {
  if (!NAME.test(node.tag)) throw new Error(`svgMarkup: found tag "${node.tag}", expected an element name`);
  let out = `<${node.tag}`;
  for (const [k, v] of attrEntries(node)) {
    if (!NAME.test(k)) throw new Error(`svgMarkup: found attribute "${k}" on <${node.tag}>, expected an attribute name`);
    out += v === '' ? ` ${k}` : ` ${k}="${v.replace(/[&"]/g, (c) => ENTITY[c]!)}"`;
  }
  out += '>';
  if (node.text) out += node.text.replace(/[&<>'"]/g, (c) => ENTITY[c]!);
  for (const c of node.children ?? []) out += svgMarkup(c);
  return `${out}</${node.tag}>`;
}

/** Every node of a tree, depth first (tests and exports walk it). */
export function walk(node: SvgNode, visit: (n: SvgNode) => void): void {
  visit(node);
  for (const c of node.children ?? []) walk(c, visit);
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/**
 * Estimated width of a line of text in px (no DOM at build time): CJK and full-width characters
 * one em, narrow Latin characters about half. Used to reserve space, never to clip meaning.
 */
export function textWidth(s: string, fontSize: number): number {
  let w = 0;
  for (const ch of s) {
    if (WIDE.test(ch) || ch === '…' || ch === '“' || ch === '”') w += 1;
    else if (/[il.,:;'|!·]/.test(ch)) w += 0.32;
    else if (ch === ' ') w += 0.32;
    else if (/[mwMW@%—]/.test(ch)) w += 0.95;
    else if (/[A-Z]/.test(ch)) w += 0.72;
    else w += 0.62;
  }
  return w * fontSize;
}

/** Shorten text to fit a width, ending in “…” (the full text stays in the table and the <title>). */
export function fitText(s: string, fontSize: number, maxWidth: number): string {
  if (textWidth(s, fontSize) <= maxWidth) return s;
  const chars = [...s];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, fontSize) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** Room left on each wrapped line for Latin faces wider than the estimate (DejaVu Sans, bold): about 12 %. */
export const WRAP_SAFETY = 1.12;

/** textWidth with that room added to non-CJK characters (CJK characters are one em in every face). */
export function safeWidth(s: string, fontSize: number): number {
  let wide = 0;
  for (const ch of s) if (WIDE.test(ch)) wide++;
  const all = textWidth(s, fontSize);
  return wide * fontSize + (all - wide * fontSize) * WRAP_SAFETY;
}

/**
 * Break text into lines that fit a width (estimated as in textWidth): at spaces and hyphens in Latin
 * text, between any two CJK characters, never inside a word unless the word alone is too long. No text
 * is dropped; a chart makes room for the lines it gets.
 */
export function wrapText(s: string, fontSize: number, maxWidth: number): string[] {
  const textWidth = safeWidth;
  const tokens = s.match(/[\u2e80-\uffff][”’」』）》，。；：、！？)]*|[^\s\u2e80-\uffff-–/]+[-–/]?\s*|[-–/]\s*|\s+/gu) ?? [];
  const lines: string[] = [];
  let line = '';
  const push = () => {
    if (line.trim()) lines.push(line.trim());
    line = '';
  };
  for (const tok of tokens) {
    if (line && textWidth((line + tok).trimEnd(), fontSize) > maxWidth) push();
    if (!line && textWidth(tok.trimEnd(), fontSize) > maxWidth) {
      // a single word wider than the line: break it by characters
      for (const ch of tok) {
        if (line && textWidth(line + ch, fontSize) > maxWidth) push();
        line += ch;
      }
      continue;
    }
    line += line || !/^\s+$/.test(tok) ? tok : '';
  }
  push();
  return lines.length ? lines : [''];
}

/**
 * A text element of several lines (one <tspan> per line, each `lineHeight` below the last).
 * `attrs` are the <text> element's; x is repeated on every line.
 */
export function textLines(attrs: NonNullable<SvgNode['attrs']>, lines: string[], lineHeight: number): SvgNode {
  if (lines.length === 1) return txt('text', attrs, lines[0]!);
  return el(
    'text',
    attrs,
    lines.map((l, i) => txt('tspan', { x: attrs.x, dy: i === 0 ? 0 : lineHeight }, l)),
  );
}

/** Font stacks as presentation attributes, so an exported SVG or PNG looks like the page without a stylesheet. */
export const FONT = {
  en: "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, 'Noto Sans CJK SC', sans-serif",
  zh: "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif",
} as const;

/** Colours used by every chart; each passes 3:1 against white (non-text) and text colours pass 4.5:1. */
export const COLOURS = {
  ink: '#1d1d1f',
  muted: '#595959',
  grid: '#d0d0d0',
  bar: '#9b1c1c',
  barSoft: '#e8c4c4',
  land: '#f1efe9',
  landFocus: '#e2dccd',
  border: '#9a948a',
} as const;

/** Width of the phone layout of every chart: the text column of a 360 px screen, so it is drawn at 1:1 there. */
export const NARROW = 320;

/** Container widths at which a chart switches from its phone layout to its wide one (CSS in global.css, “charts” block). */
export const BREAKPOINTS = [360, 400, 440, 480, 520, 560, 600, 640, 680, 720, 760, 800, 840, 880, 920, 960, 1000] as const;

/** Smallest wide-layout scale a reader sees: 12 px text never drops below 11 px. */
export const MIN_WIDE_SCALE = 11 / 12;

/**
 * The container width from which a wide layout of `width` px is shown instead of the phone layout:
 * the first breakpoint at which the wide layout is scaled down by no more than MIN_WIDE_SCALE.
 */
export function breakpointFor(width: number): number {
  const need = Math.ceil(width * MIN_WIDE_SCALE);
  return BREAKPOINTS.find((b) => b >= need) ?? BREAKPOINTS[BREAKPOINTS.length - 1]!;
}
