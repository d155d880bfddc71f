// What a reader sees as the searchable text of each built page: the text of its data-pagefind-body element,
// with blocks kept apart, leaving out what Pagefind never indexes (data-pagefind-ignore, scripts, styles,
// forms, navigation, SVG). Independent of Pagefind: it is the yardstick the search is measured against.
import { readFileSync } from 'node:fs';
import { listFiles } from '../../src/lib/paths.ts';
import { join, relative, sep } from 'node:path';
import { parseDocument } from 'htmlparser2';
import { BLOCK_ELEMENTS } from '../../src/lib/search.ts';

type ChildNode = ReturnType<typeof parseDocument>['children'][number];
type Element = Extract<ChildNode, { attribs: Record<string, string> }>;

const BLOCKS = new Set([...BLOCK_ELEMENTS, 'br', 'hr']);
const NOT_INDEXED = new Set(['script', 'style', 'template', 'noscript', 'svg', 'nav', 'footer', 'form', 'label', 'iframe', 'head']);

export interface IndexedPage {
  /** Site-relative URL, as Pagefind reports it without a base: /en/cases/lianjiang/ */
  url: string;
  lang: 'en' | 'zh';
  text: string;
}

function textOf(node: ChildNode): string {
  if (node.type === 'text') return node.data;
  if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return '';
  const el = node as Element;
  if (NOT_INDEXED.has(el.name) || 'data-pagefind-ignore' in el.attribs) return '';
  const inner = el.children.map(textOf).join('');
  return BLOCKS.has(el.name) ? ` ${inner} ` : inner;
}

function findBody(nodes: ChildNode[]): Element | undefined {
  for (const node of nodes) {
    if (node.type !== 'tag') continue;
    const el = node as Element;
    if ('data-pagefind-body' in el.attribs) return el;
    const inner = findBody(el.children);
    if (inner) return inner;
  }
  return undefined;
}

const htmlFiles = (dir: string) => listFiles(dir).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/')).map((f) => join(dir, f));

/** Every page of a built site that marks a data-pagefind-body, with that element's text (whitespace collapsed, NFC). */
export function indexedPages(distDir: string): IndexedPage[] {
  const pages: IndexedPage[] = [];
  for (const file of htmlFiles(distDir)) {
    const body = findBody(parseDocument(readFileSync(file, 'utf8')).children);
    if (!body) continue;
    const url = '/' + relative(distDir, file).split(sep).join('/').replace(/index\.html$/, '');
    const lang = url.startsWith('/zh/') ? 'zh' : 'en';
    pages.push({ url, lang, text: textOf(body).replace(/\s+/g, ' ').trim().normalize('NFC') });
  }
  return pages;
}

/** Does the text contain the term? Chinese: as a substring. Latin script: as whole words, ignoring case. */
export function containsTerm(text: string, term: string): boolean {
  if (/[\u3400-\u9fff]/.test(term)) return text.includes(term);
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}
