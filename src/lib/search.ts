// Full-text search: the shape of a search in the URL, how it maps to Pagefind options, how case pages
// describe themselves to the index, and how Pagefind's excerpts are taken apart safely.
// Pure functions: used by the case and search pages at build time and by src/scripts/search.ts in the browser.
import type { Lang } from './i18n.ts';

/** Filters offered on the search page; each is a `data-pagefind-filter` key on case pages and a URL parameter. */
export const SEARCH_FILTERS = ['theme', 'province', 'year', 'level'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

export const SEARCH_SORTS = ['relevance', 'date'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export interface SearchState {
  q: string;
  filters: Record<SearchFilter, string[]>;
  sort: SearchSort;
}

export function emptySearchState(): SearchState {
  return { q: '', filters: { theme: [], province: [], year: [], level: [] }, sort: 'relevance' };
}

/** Read a search from URL parameters: `?q=three-no+communities&theme=three-no-communities&theme=contests&sort=date`. */
export function parseSearchState(params: URLSearchParams): SearchState {
  const state = emptySearchState();
  state.q = (params.get('q') ?? '').trim();
  for (const key of SEARCH_FILTERS) {
    const values = params
      .getAll(key)
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean);
    state.filters[key] = [...new Set(values)].sort();
  }
  const sort = params.get('sort');
  state.sort = (SEARCH_SORTS as readonly string[]).includes(sort ?? '') ? (sort as SearchSort) : 'relevance';
  return state;
}

/** The URL parameters of a search, in a stable order, leaving out everything that is at its default. */
export function searchStateToParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const key of SEARCH_FILTERS) for (const value of [...state.filters[key]].sort()) params.append(key, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  return params;
}

export function hasFilters(state: SearchState): boolean {
  return SEARCH_FILTERS.some((k) => state.filters[k].length > 0);
}

/** Is there anything to search for? (A query, or at least one filter.) */
export function isActive(state: SearchState): boolean {
  return state.q.trim() !== '' || hasFilters(state);
}

export type PagefindFilterQuery = Partial<Record<SearchFilter, { any: string[] }>>;

/**
 * Pagefind's `filters` option: values within one filter are alternatives (any), different filters all apply.
 * `except` leaves one filter out — used to count what each of its values would give.
 */
export function pagefindFilters(state: SearchState, except?: SearchFilter): PagefindFilterQuery {
  const out: PagefindFilterQuery = {};
  for (const key of SEARCH_FILTERS) if (key !== except && state.filters[key].length) out[key] = { any: [...state.filters[key]] };
  return out;
}

export function pagefindSort(state: SearchState): Record<string, 'asc' | 'desc'> | undefined {
  return state.sort === 'date' ? { date: 'desc' } : undefined;
}

// ——— What a case page tells the index ———

/** Sort key for a case date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`); unknown dates sort last when newest come first. */
export function dateSortKey(date: string): string {
  return /^\d{4}(-\d{2}){0,2}$/.test(date) ? date : '0000';
}

/** The year of a case date, or undefined when the date is unknown. */
export function yearOf(date: string): string | undefined {
  return /^\d{4}/.test(date) ? date.slice(0, 4) : undefined;
}

interface NamedPlace {
  level: string;
  name_en: string;
  name_zh: string;
}

/** A place as a result line: smallest unit first in English (“Lianjiang, Zhanjiang, Guangdong”), an address in Chinese (广东省湛江市廉江市). */
export function placeLabel(chain: readonly NamedPlace[], lang: Lang): string {
  const shown = chain.filter((p) => p.level !== 'country');
  return lang === 'en'
    ? shown
        .map((p) => p.name_en)
        .reverse()
        .join(', ')
    : shown.map((p) => p.name_zh).join('');
}

// ——— Results ———

export type ResultKind = 'case' | 'story' | 'theme' | 'region' | 'methodology' | 'page';

/** What kind of page a result URL is, from its route (`…/en/cases/lianjiang/` → case). */
export function resultKind(url: string): ResultKind {
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/[?#].*$/, '');
  if (/\/(?:en|zh)\/methodology\/$/.test(path)) return 'methodology';
  const m = /\/(?:en|zh)\/(cases|stories|themes|regions)\/(?!by-)[^/]+\/$/.exec(path);
  if (!m) return 'page';
  return ({ cases: 'case', stories: 'story', themes: 'theme', regions: 'region' } as const)[m[1] as 'cases' | 'stories' | 'themes' | 'regions'];
}

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

/**
 * Take a Pagefind excerpt apart into plain text and highlighted runs. Pagefind escapes the page text and
 * wraps matches in `<mark>`; anything else that looks like a tag is kept as literal text, so the parts can
 * be put into the page with `textContent` and `<mark>` elements and nothing in them is ever parsed as HTML.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let mark = false;
  for (const piece of excerpt.split(/(<mark>|<\/mark>)/i)) {
    if (/^<mark>$/i.test(piece)) {
      mark = true;
      continue;
    }
    if (/^<\/mark>$/i.test(piece)) {
      mark = false;
      continue;
    }
    if (!piece) continue;
    const text = decodeEntities(piece);
    const last = parts[parts.length - 1];
    if (last && last.mark === mark) last.text += text;
    else parts.push({ text, mark });
  }
  return parts;
}

// ——— Indexing ———

/** HTML elements that start a new block of text for a reader (HTML's “flow” blocks and table cells). */
export const BLOCK_ELEMENTS: readonly string[] = [
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'li', 'main', 'nav',
  'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
];
const BLOCK_END = new RegExp(`</(?:${BLOCK_ELEMENTS.join('|')})\\s*>`, 'gi');

/**
 * Put a space after the end tag of every block element, for the indexer only. Pagefind 1.6 joins the text of
 * some adjacent blocks (`<dt>Date</dt><dd>2023</dd>` is indexed as “Date2023”, table headers run together),
 * which hides words a reader sees as separate. The page a reader gets is unchanged.
 */
export function spaceBlockBoundaries(html: string): string {
  return html.replace(BLOCK_END, '$& ');
}
