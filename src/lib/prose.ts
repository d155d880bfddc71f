// A case profile is text: markdown, <Fig id="…" /> and <Term>…</Term>. Its MDX is parsed (with the
// parser Astro compiles it with) and checked here, before anything compiles or runs it.
import { mdxToMdast } from 'satteri';

/** The parts of an mdast/MDX node the checks read. */
interface MdxNode {
  type: string;
  value?: string;
  name?: string | null;
  url?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdxNode[];
  position?: { start: { line: number } };
}

export interface ProseProblem {
  line: number;
  message: string;
}

/** A piece of running text and the line it starts on. */
export interface ProseText {
  line: number;
  text: string;
}

export interface ParsedProse {
  /** False when the MDX does not parse: the one problem says where, and figs and texts are empty. */
  parsed: boolean;
  /** <Fig id="…" /> references, in order. */
  figs: { id: string; line: number }[];
  /** Text a reader sees (paragraphs, headings, list items, code), without <Fig> and <Term>. */
  texts: ProseText[];
  problems: ProseProblem[];
}

const ALLOWED = 'markdown, <Fig id="…" /> and <Term>…</Term>';
/** Link schemes a profile may use; anything else (javascript:, data:, vbscript:) is refused. */
const SAFE_URL = /^(?:https?:|mailto:|[^:]*$)/i;

function clip(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 57)}…` : one;
}

/**
 * Parse a profile (the whole file, frontmatter included, so lines are the file's lines) and check that
 * it holds only text, <Fig id="…" /> and <Term>…</Term>.
 */
export interface ExtraElement {
  /** The element's name, e.g. Chart. */
  name: string;
  /** Its one attribute, which must be a literal string, e.g. id. */
  attr: string;
  /** Whether it may wrap plain text (<CaseLink slug="…">Lianjiang</CaseLink>). */
  text?: boolean;
}

export function parseProse(source: string, extra: readonly ExtraElement[] = []): ParsedProse {
  const allowed = extra.length ? `${ALLOWED.replace(' and ', ', ')}, ${extra.map((e) => (e.text ? `<${e.name} ${e.attr}="…">…</${e.name}>` : `<${e.name} ${e.attr}="…" />`)).join(', ')}` : ALLOWED;
  let tree: MdxNode;
  try {
    tree = mdxToMdast(source) as unknown as MdxNode;
  } catch (e) {
    const m = /^(\d+):(\d+):\s*(.*?)(?:\s*\([\w:-]+\))?$/s.exec((e as Error).message);
    const line = m ? Number(m[1]) : 1;
    const reason = (m ? m[3]! : (e as Error).message).split('\n')[0];
    return { parsed: false, figs: [], texts: [], problems: [{ line, message: `found MDX that does not parse (${reason}), expected ${allowed} (write a literal < or { as \\< or \\{)` }] };
  }
  const out: ParsedProse = { parsed: true, figs: [], texts: [], problems: [] };
  const at = (n: MdxNode) => n.position?.start.line ?? 1;
  const walk = (n: MdxNode): void => {
    switch (n.type) {
      case 'yaml':
        return;
      case 'mdxjsEsm':
        out.problems.push({ line: at(n), message: `found the code ${JSON.stringify(clip(n.value ?? ''))}, expected only ${allowed} (a profile is text: no import or export)` });
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        out.problems.push({ line: at(n), message: `found the expression {${clip(n.value ?? '')}}, expected only ${allowed} (write a literal brace as \\{)` });
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        element(n);
        return;
      case 'link':
      case 'image':
      case 'definition':
        if (n.url !== undefined && !SAFE_URL.test(n.url.trim()))
          out.problems.push({ line: at(n), message: `found the link ${JSON.stringify(clip(n.url))}, expected an http(s), mailto or relative link` });
        break;
      case 'text':
      case 'inlineCode':
      case 'code':
        out.texts.push({ line: at(n), text: n.value ?? '' });
        return;
    }
    for (const c of n.children ?? []) walk(c);
  };
  const element = (n: MdxNode): void => {
    const attrs = n.attributes ?? [];
    if (n.name === 'Fig') {
      const id = attrs[0];
      if (attrs.length === 1 && id?.type === 'mdxJsxAttribute' && id.name === 'id' && typeof id.value === 'string' && !(n.children ?? []).length)
        out.figs.push({ id: id.value, line: at(n) });
      else out.problems.push({ line: at(n), message: 'found a <Fig> that is not <Fig id="…" />, expected <Fig id="observation-id" /> with a literal id and nothing else' });
      return;
    }
    if (n.name === 'Term') {
      if (attrs.length || (n.children ?? []).some((c) => c.type !== 'text' && c.type !== 'paragraph'))
        out.problems.push({ line: at(n), message: 'found a <Term> with attributes or markup inside, expected <Term>plain text</Term>' });
      // A term is printed as the report prints it: its digits are not typed figures.
      return;
    }
    const more = extra.find((e) => e.name === n.name);
    if (more) {
      const a = attrs[0];
      const literal = attrs.length === 1 && a?.type === 'mdxJsxAttribute' && a.name === more.attr && typeof a.value === 'string';
      const children = n.children ?? [];
      if (!literal || (more.text ? children.some((c) => c.type !== 'text' && c.type !== 'paragraph') : children.length))
        out.problems.push({ line: at(n), message: `found a <${more.name}> that is not ${more.text ? `<${more.name} ${more.attr}="…">plain text</${more.name}>` : `<${more.name} ${more.attr}="…" />`}, expected a literal ${more.attr} and nothing else` });
      return;
    }
    out.problems.push({ line: at(n), message: `found the element <${n.name ?? ''}>, expected only ${allowed}` });
  };
  walk(tree);
  return out;
}
