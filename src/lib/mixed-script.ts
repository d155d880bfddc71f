/**
 * Chinese inside English text: runs of Chinese characters (with the full-width punctuation, quotes
 * and digits that belong to them: 《南溟奇闻》, “十项活动”, 1.6万余人次) are marked `lang="zh-Hans"`,
 * so browsers pick Chinese glyph forms and screen readers a Chinese voice.
 */
const RUN = /[\d.]*[《「『【（“‘]*\p{Script=Han}[\p{Script=Han}\d.+%《》「」『』【】（）〈〉、。，：；！？“”‘’·…—]*/gu;

export interface ScriptPart {
  text: string;
  zh: boolean;
}

/** Split text into runs of Chinese and of everything else, in order (joined, they give the text back). */
export function splitChinese(text: string): ScriptPart[] {
  const out: ScriptPart[] = [];
  let at = 0;
  for (const m of text.matchAll(RUN)) {
    const run = m[0].replace(/[.]+$/, ''); // an English full stop after the run is English
    if (m.index! > at) out.push({ text: text.slice(at, m.index), zh: false });
    out.push({ text: run, zh: true });
    at = m.index! + run.length;
  }
  if (at < text.length) out.push({ text: text.slice(at), zh: false });
  return out;
}

const RAW = new Set(['script', 'style', 'svg', 'title', 'textarea', 'option', 'code', 'pre', 'template', 'math']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const TOKEN = /<!--[\s\S]*?-->|<!(?:doctype|DOCTYPE)[^>]*>|<(\/?)([a-zA-Z][\w:-]*)((?:\s+[^\s=>/"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;

/**
 * Mark Chinese inside the English text of a built HTML page: every run of Chinese in a text node
 * that is not already inside an element with a `lang` other than English (and not in script,
 * style, SVG, title, code) is wrapped in `<span lang="zh-Hans">` (short runs also `class="nowrap"`, so a
 * term never breaks across lines). Markup is otherwise left byte for byte.
 */
/** A run this short (a term, a name: 片区, 《南溟奇闻》) is kept on one line; longer ones wrap as Chinese does. */
const SHORT = 8;

export function markChineseInHtml(html: string): string {
  const stack: { tag: string; zh: boolean; raw: boolean }[] = [];
  let out = '';
  let at = 0;
  const text = (t: string) => {
    const top = stack.at(-1);
    if (!t || top?.raw || top?.zh || !/\p{Script=Han}/u.test(t)) return t;
    return splitChinese(t).map((p) => (p.zh ? `<span lang="zh-Hans"${[...p.text].length <= SHORT ? ' class="nowrap"' : ''}>${p.text}</span>` : p.text)).join('');
  };
  for (const m of html.matchAll(TOKEN)) {
    out += text(html.slice(at, m.index));
    out += m[0];
    at = m.index! + m[0].length;
    const [, close, name, attrs, selfClose] = m;
    if (!name) continue;
    const tag = name.toLowerCase();
    if (close) {
      const i = stack.map((e) => e.tag).lastIndexOf(tag);
      if (i >= 0) stack.length = i;
      continue;
    }
    if (VOID.has(tag) || selfClose) continue;
    const parent = stack.at(-1);
    const lang = /\slang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(` ${attrs ?? ''}`);
    const value = lang ? (lang[1] ?? lang[2] ?? lang[3] ?? '') : undefined;
    stack.push({ tag, zh: value === undefined ? !!parent?.zh : !/^en\b/i.test(value), raw: RAW.has(tag) || !!parent?.raw });
  }
  return out + text(html.slice(at));
}
