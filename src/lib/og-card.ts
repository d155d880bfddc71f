/**
 * The layout of a 1200×630 preview image (Open Graph / Twitter card) as a satori element tree:
 * plain objects, no JSX, no I/O. Rendering to PNG happens in src/site/og.ts.
 */
import type { Lang } from './i18n.ts';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
export const OG_FONT = 'Noto Sans SC';

export interface CardInput {
  lang: Lang;
  /** Site name in the page's language, and in the other language. */
  siteName: string;
  siteNameOther: string;
  /** Small line above the title: “Case”, “Theme”… */
  kicker: string;
  title: string;
  /** The place line: “Guangdong › Zhanjiang › Lianjiang”. */
  place?: string | undefined;
  /** One figure from the data, formatted for the language, and what it counts. */
  figure?: { value: string; label: string } | undefined;
}

export interface CardNode {
  type: string;
  props: { style?: Record<string, string | number>; lang?: string; children?: string | CardNode | (string | CardNode)[] };
}

const ACCENT = '#9b1c1c';
const FG = '#1d1d1f';
const MUTED = '#555555';
const SOFT = '#f5f3ef';
/** Width of the accent stripe along the card's left edge, in pixels. */
const ACCENT_STRIPE = 16;

function el(type: string, style: Record<string, string | number>, children?: CardNode['props']['children']): CardNode {
  return { type, props: { style, ...(children === undefined ? {} : { children }) } };
}

/** Visual length of a string: CJK characters count double. */
export function visualLength(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/.test(ch) ? 2 : 1;
  return n;
}

/** Title size that keeps a title within about three lines of the card. */
export function titleSize(title: string): number {
  const len = visualLength(title);
  return len <= 44 ? 64 : len <= 70 ? 56 : len <= 100 ? 48 : len <= 140 ? 40 : 34;
}

/** Shorten to at most `max` characters with an ellipsis, at a word boundary where there are spaces. */
export function clip(s: string, max: number): string {
  const chars = [...s];
  if (chars.length <= max) return s;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:，；：、]+$/u, '')}…`;
}

export function ogCard(c: CardInput): CardNode {
  const zh = c.lang === 'zh';
  const text = (size: number, color: string, weight: number, extra: Record<string, string | number> = {}) => ({
    fontSize: size,
    color,
    fontWeight: weight,
    lineHeight: 1.25,
    ...extra,
  });
  const figure = c.figure
    ? el('div', { display: 'flex', alignItems: 'center', gap: 28, background: SOFT, borderRadius: 12, padding: '20px 28px' }, [
        el('div', text(52, ACCENT, 700, { flexShrink: 0 }), c.figure.value),
        el('div', text(26, FG, 400, { flexGrow: 1, flexShrink: 1 }), clip(c.figure.label, zh ? 60 : 100)),
      ])
    : el('div', { display: 'flex' });
  // The accent stripe on the left is a box of its own, not a border: satori draws a border through three clip
  // paths the size of the card, which resvg renders as masks (about a sixth of its time a card); the pixels are the same.
  const content = el('div', { display: 'flex', flexDirection: 'column', justifyContent: 'space-between', flexGrow: 1, padding: '52px 64px 52px 76px' }, [
    el('div', { display: 'flex', alignItems: 'baseline', gap: 20 }, [el('div', text(28, ACCENT, 700), c.siteName), el('div', text(24, MUTED, 400), c.siteNameOther)]),
    el('div', { display: 'flex', flexDirection: 'column', gap: 16 }, [
      el('div', text(26, MUTED, 700, { textTransform: 'uppercase', letterSpacing: zh ? 0 : 2 }), c.kicker),
      el('div', text(titleSize(c.title), FG, 700, { lineHeight: 1.2 }), clip(c.title, zh ? 80 : 150)),
      ...(c.place ? [el('div', text(30, MUTED, 400), c.place)] : []),
    ]),
    figure,
  ]);
  return {
    type: 'div',
    props: {
      lang: zh ? 'zh-CN' : 'en',
      style: { width: '100%', height: '100%', display: 'flex', background: '#ffffff', fontFamily: OG_FONT, color: FG },
      children: [el('div', { width: ACCENT_STRIPE, flexShrink: 0, background: ACCENT }), content],
    },
  };
}
