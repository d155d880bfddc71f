// Full-text search: the shape of a search in the URL, how it maps to Pagefind options, how case pages
// describe themselves to the index, and how Pagefind's excerpts are taken apart safely.
// Pure functions: used by the case and search pages at build time and by src/browser/search.ts in the browser.
import type { Lang } from './i18n.ts';
import type { PagefindApi, PagefindRanking, PagefindResultData, PagefindSearchOptions, PagefindSearchResponse } from './pagefind-api.ts';

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

/**
 * The file listing every dated page of a language's index, newest first (by `dateSortKey`, ties by address),
 * as Pagefind result ids: written by scripts/index-search.ts beside the index, fetched only when a reader
 * sorts by date. Pagefind's own sort would put that order in the index list every query fetches (about
 * 44 KiB over gzip at 20,000 cases); this file is fetched by readers who ask for it.
 */
export const newestFile = (pagefindLang: string): string => `newest-${pagefindLang.toLowerCase()}.json`;

/** Results newest first, in the order of `newest` (ids); pages it does not list (no date: not cases) are left out. */
export function newestFirst<T extends { id: string }>(results: readonly T[], newest: ReadonlyMap<string, number>): T[] {
  return results.filter((r) => newest.has(r.id)).sort((a, b) => newest.get(a.id)! - newest.get(b.id)!);
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

// ——— Names in the other script ———

/** Administrative suffixes a Chinese place name is often written without (廉江市 → 廉江). */
const ADMIN_SUFFIX = /(?:特别行政区|自治区|自治州|自治县|街道|社区|省|市|县|区|镇|乡|村)$/u;

/**
 * Words for the index of a page in the other language: its place names and title as written in `script`.
 * Chinese runs are given whole, without their administrative suffix, and cut into words (Intl.Segmenter), all
 * separated by spaces — the English index splits words at spaces only, so “廉江” and “三亮” become words it can
 * match. English text is passed through. Set on an element with `data-pagefind-index-attrs`, not shown.
 */
export function crossScriptTerms(texts: readonly string[], script: Lang): string {
  const words = new Set<string>();
  for (const text of texts) {
    if (script === 'en') {
      for (const w of text.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? []) words.add(w);
      continue;
    }
    const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
    for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
      words.add(run);
      const bare = run.replace(ADMIN_SUFFIX, '');
      if ([...bare].length >= 2) words.add(bare);
      for (const s of segmenter.segment(run)) if (s.isWordLike) words.add(s.segment);
    }
    for (const w of text.match(/[\p{Script=Latin}\p{N}]+/gu) ?? []) words.add(w);
  }
  return [...words].join(' ');
}

// ——— Queries ———

/**
 * Pagefind's ranking for this site. A case profile runs to a thousand words, a region or theme page to a hundred;
 * with Pagefind's default length penalty (0.75) a short page that names a place once outranks the case that is
 * about it. 0.3 keeps some preference for focused pages. Pagefind also adds a bonus when the query matches a
 * page's title (metaWeights.title, 5 by default), which lifts a region page titled “Zunyi” above the Zunyi case;
 * at 1 a title match still counts. A case page's names in the other script (`names`, see crossScriptTerms) get
 * 3, so “Zunyi” on the Chinese pages finds the case before the region. Measured by
 * tests/e2e/search-ranking.test.ts.
 */
export const PAGEFIND_RANKING: PagefindRanking = { pageLength: 0.3, metaWeights: { title: 1, names: 3 } };

/** Runs of two or more Han characters in a query: the terms that must match whole (三无, not 三 or 无 alone). */
export function hanTerms(query: string): string[] {
  return query.match(/\p{Script=Han}{2,}/gu) ?? [];
}

/**
 * Run a query. Pagefind cuts a Chinese query into words (三无小区 → 三 · 无 · 小区) and returns pages with all
 * of them anywhere, ranking 三亮 pages (三 … 无 far apart) among 三无 ones. Each run of Han characters is
 * therefore also searched as a phrase (`"三无"`: its words next to each other):
 * - a query that is one Han term and nothing else returns only the pages with the whole term, in Pagefind's
 *   ranking, with the phrase search's counts — unless no page has it whole, then the word matches stand;
 * - a longer query puts the pages that contain every Han term whole, and its other words side by side, first,
 *   then the rest (so “three lights” lists Xiqiao before pages that say “three” and “lights” apart).
 * A search sorted newest first (`newest`: rank of each dated page, see `newestFile`) lists its matches in
 * that order instead.
 */
export async function searchWholeTerms(api: PagefindApi, query: string, options: PagefindSearchOptions = {}, newest?: ReadonlyMap<string, number>): Promise<PagefindSearchResponse | null> {
  const q = query.trim();
  const sorted = (r: PagefindSearchResponse | null) => (r && newest ? { ...r, results: newestFirst(r.results, newest) } : r);
  const response = await api.search(q || null, options);
  const han = hanTerms(q);
  // phrases: each Han term; and two or more words in other scripts side by side (“three lights”), or joined by a
  // hyphen as the pages may write them (“three no” → three-no)
  const phrases: string[][] = han.map((t) => [t]);
  const latin = q.replace(/\p{Script=Han}+/gu, ' ').replace(/["“”]/g, ' ').trim().split(/\s+/).filter(Boolean);
  if (latin.length >= 2) phrases.push([latin.join(' '), latin.join('-')]);
  if (!response || phrases.length === 0) return sorted(response);
  const found = await Promise.all(phrases.map((variants) => Promise.all(variants.map((v) => api.search(`"${v}"`, options)))));
  const sets = found.map((responses) => new Set(responses.flatMap((r) => r?.results.map((x) => x.id) ?? [])));
  const isWhole = (id: string) => sets.every((ids) => ids.has(id));
  const phrase = found[0]?.[0];
  if (han.length === 1 && han[0] === q && phrase && phrase.results.length > 0) {
    const ranked = newest ? phrase.results : response.results.filter((r) => isWhole(r.id));
    return sorted({ ...phrase, results: ranked });
  }
  if (newest) return sorted(response);
  const whole = response.results.filter((r) => isWhole(r.id));
  const partial = response.results.filter((r) => !isWhole(r.id));
  return { ...response, results: [...whole, ...partial] };
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

/**
 * How many words from `from` on are the given text: the other-script names (the `names` metadata, indexed from
 * an attribute of the title, which Pagefind puts before the title's own words) or the title. They are for
 * matching, not for an excerpt. 0 when the words there are not that text.
 */
function leadingWords(words: readonly string[], text: string | undefined, from: number): number {
  const norm = (w: string) => w.replace(/&[a-z#0-9]+;/gi, '').replace(/[^\p{L}\p{N}]/gu, '');
  const wanted = norm(text ?? '');
  if (!wanted) return 0;
  let got = '';
  for (let i = from; i < words.length && got.length < wanted.length; i++) {
    got += norm(words[i] ?? '');
    if (got === wanted) return i + 1 - from;
  }
  return 0;
}

/** Words in a result's excerpt (Pagefind's default length). */
export const EXCERPT_WORDS = 30;

/**
 * The excerpt of a result, taken from the page's prose: the window of words with the most matches in body text
 * (weight 1), leaving out matches in fields that are indexed at another weight (the place and theme line, the
 * glossary of terms, titles). Without a match in body text it is the text after the title. Chooses the window
 * much as Pagefind does (the densest run of `length` words), preferring more different matched words.
 */
export function proseExcerpt(data: PagefindResultData, length = EXCERPT_WORDS): ExcerptPart[] {
  if (!data.raw_content) return excerptParts(data.excerpt);
  const zws = data.raw_content.includes('\u200b');
  const words = zws ? data.raw_content.split('\u200b') : data.raw_content.split(/[^\S\uFEFF]+/);
  // skip the other-script names and the title that open the text: the result shows its title already
  const names = leadingWords(words, data.meta.names, 0);
  const hidden = names + leadingWords(words, data.meta.title, names);
  const prose = (data.weighted_locations ?? []).filter((l) => l.weight === 1 && l.location >= hidden);
  const score = new Map<number, number>();
  for (const l of prose) score.set(l.location, (score.get(l.location) ?? 0) + l.balanced_score);
  // a window with more different matched words beats one that repeats a single word (“community … community’s”)
  const key = (at: number) => (words[at] ?? '').toLowerCase().replace(/<[^>]*>|&[a-z#0-9]+;|[^\p{L}\p{N}]/gu, '').slice(0, 5);
  // without a match in body text, the text that follows the title: a case's summary, a theme's definition
  let start = Math.min(hidden, Math.max(0, words.length - 1));
  if (prose.length > 0 && words.length > length) {
    let best = -1;
    for (let i = 0; i + length <= words.length; i++) {
      let sum = 0;
      const distinct = new Set<string>();
      for (const [at, s] of score) {
        if (at < i || at >= i + length) continue;
        sum += s;
        distinct.add(key(at));
      }
      const value = distinct.size * 1e9 + sum;
      if (value > best) {
        best = value;
        start = i;
      }
    }
    // centre the matches of the window, never reaching back into the names that lead the text
    const inside = [...score.keys()].filter((at) => at >= start && at < start + length);
    const first = Math.min(...inside);
    const last = Math.max(...inside);
    start = Math.max(hidden, Math.min(first - Math.floor((length - (last - first + 1)) / 2), words.length - length));
  }
  const marked = new Set(data.locations ?? prose.map((l) => l.location));
  const html = words
    .slice(start, start + length)
    .map((w, i) => (marked.has(start + i) ? `<mark>${w}</mark>` : w))
    .join(zws ? '' : ' ')
    .trim();
  return excerptParts(html);
}

// ——— Indexing ———

/**
 * How Pagefind should cut each language's word index into chunks, in word positions per chunk
 * (`PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE`; Pagefind 1.6's default is 20,000, about 30 KiB gzip), given the pages of
 * the language's largest part. A query fetches the whole chunk that holds each of its words, and the list of
 * every chunk's first and last word (in the `pf_meta` file every query fetches, one per part). Small chunks make
 * the first cost small and the second large; the total, `chunks × META_BYTES_PER_CHUNK + terms × chunk ×
 * INDEX_BYTES_PER_POSITION`, is smallest at `chunk = √(positions × META_BYTES_PER_CHUNK / (terms ×
 * INDEX_BYTES_PER_POSITION))`, and changes little within a factor of 1.5 of it, so an estimate of the positions
 * from the page count is close enough. Constants measured on the Chinese index, the larger one (Pagefind 1.6.0,
 * the real site's 84 pages a language): about 2,300 word positions a page, 17 bytes of `pf_meta` a chunk with
 * Pagefind's file names, 1.5 bytes (gzip) an indexed position; a query of three terms (三无小区 is 三 · 无 · 小区).
 * With the short names (src/lib/search-names.ts) a chunk costs about 12 bytes, which would give 718 positions
 * at 84 pages instead of 854: the first query was no smaller (113.7 / 108.2 KiB against 114.1 / 107.8) and the
 * whole index's first result moved for some Chinese terms, so the model keeps 17.
 *
 * A chunk holds whole words, and a word with at least a chunk's worth of positions ends its chunk: a query for a
 * word that common fetches all of that word's positions whatever the chunk size. The words people look for are
 * common ones (三, 无 and 小区 have 4 to 6 positions a page in each 4,650-page part of the 20,000-case corpus),
 * so once a part is large the size never goes below QUERY_WORD_POSITIONS_PER_PAGE a page: smaller chunks would
 * lengthen the list without making what such a query fetches smaller. Measured over that corpus (five parts a
 * language, first Chinese query): 6,356 positions 329.1 KiB, 12,000 289.3, 24,000 270.2.
 */
export function indexChunkSize(pagesPerLanguage: number): number {
  const POSITIONS_PER_PAGE = 2300;
  const META_BYTES_PER_CHUNK = 17;
  const INDEX_BYTES_PER_POSITION = 1.5;
  const TERMS = 3;
  const QUERY_WORD_POSITIONS_PER_PAGE = 5;
  const pages = Math.max(1, pagesPerLanguage);
  const best = Math.sqrt((pages * POSITIONS_PER_PAGE * META_BYTES_PER_CHUNK) / (TERMS * INDEX_BYTES_PER_POSITION));
  return Math.round(Math.max(500, best, QUERY_WORD_POSITIONS_PER_PAGE * pages));
}

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

/**
 * Leave element ids out of what the indexer reads. Pagefind stores every element with an id in the page's
 * fragment as an anchor (for sub-results, which this site does not show): a case page's figure rows alone made
 * about a tenth of its fragment, which a first query fetches for each result it shows. The page a reader gets
 * keeps its ids.
 */
export function dropIdsForIndex(html: string): string {
  return html.replace(/(<[a-z][a-z0-9-]*\b[^<>]*?)\sid=(?:"[^"]*"|'[^']*'|[^\s>]+)/gi, '$1');
}

/**
 * Each drawing of a page, replaced by what `redraw` makes of it: an outermost <svg> element with the drawings
 * nested in it (a story chart's download copy stacks its panels as <svg>s in one), given as its start tag, what
 * it holds and its end tag. A self-closing `<svg/>` holds nothing and is left as it is, as is an <svg> never
 * closed (with the text after it), an end tag no <svg> opened, and anything in a comment, script or style.
 */
export function replaceDrawings(html: string, redraw: (open: string, inner: string, close: string) => string): string {
  let out = '';
  let copied = 0;
  let depth = 0;
  let start = 0;
  let open = '';
  // comments, scripts and styles are passed over whole: an <svg> written in one is not a tag
  for (const m of html.matchAll(/<!--[\s\S]*?-->|<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<svg\b[^>]*>|<\/svg\s*>/gi)) {
    const tag = m[0];
    const at = m.index;
    if (tag.startsWith('<!--') || m[1] !== undefined) continue;
    if (tag[1] !== '/') {
      if (tag.endsWith('/>')) continue;
      if (depth++ === 0) {
        start = at;
        open = tag;
      }
    } else if (depth > 0 && --depth === 0) {
      out += html.slice(copied, start) + redraw(open, html.slice(start + open.length, at), tag);
      copied = at + tag.length;
    }
  }
  return out + html.slice(copied);
}

/**
 * Make the words drawn in charts searchable, for the indexer only. Pagefind drops every <svg>, but a reader sees
 * a chart's labels (a map's place names, its legend). The visible <text> of each drawing (its nested drawings
 * included; not its <title> tooltips) is added after it as a span at weight 0.1: found, but never outranking
 * running text or chosen as the excerpt.
 */
export function chartTextForIndex(html: string): string {
  return replaceDrawings(html, (open, inner, close) => open + inner + close + drawingLabels(open, inner));
}

/** The span chartTextForIndex adds after a drawing: its visible <text>, or nothing. */
function drawingLabels(open: string, inner: string): string {
  // a drawing marked data-pagefind-ignore (the phone copy of a chart drawn twice) is not indexed again
  if (/\sdata-pagefind-ignore\b/i.test(open)) return '';
  const words = [...inner.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/gi)]
    .map((m) => (m[1] ?? '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return words.length ? `<span data-pagefind-weight="0.1"> ${words.join(' · ')} </span>` : '';
}

/** Whether a built page marks its main content for the index (`data-pagefind-body`): once one page does, Pagefind indexes only those. */
export function marksIndexedContent(html: string): boolean {
  return /\sdata-pagefind-body[\s>=]/.test(html);
}

/** Attributes Pagefind reads even inside an <svg>, whose words it does not index. */
const PAGEFIND_READS = /\sdata-pagefind-(?:filter|meta|default-meta|sort|index-attrs)\s*=/i;

/**
 * Send the indexer each drawing empty. Pagefind indexes no word inside an <svg> (it is among Pagefind 1.6's
 * REMOVE_SELECTORS) but still decodes and parses all of it: the outlines of a page's maps are about half of its
 * bytes. Run after chartTextForIndex has copied the labels out. Pagefind does read filters, metadata and sort
 * keys there, so a drawing holding one of those attributes is sent whole. Drawings nested in one are emptied with
 * it (see replaceDrawings).
 */
export function emptyDrawingsForIndex(html: string): string {
  return replaceDrawings(html, emptied);
}

/** Elements with no end tag, which data-pagefind-ignore on them leaves as they are. */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * Leave out of what the indexer reads each element marked data-pagefind-ignore, whose words Pagefind does not
 * index but still parses: the tables, export copies and notes a case page keeps out of the index are about half
 * of what it would send. An element holding attributes Pagefind reads even there (filters, metadata, sort keys)
 * is sent whole, unless marked `data-pagefind-ignore="all"`, which Pagefind reads nothing of. The element goes
 * with its tags and nothing is put in its place, as Pagefind joins the text around it. An element never closed
 * (with the text after it), a void element and anything in a comment, script or style are left as they are.
 */
export function dropIgnoredForIndex(html: string): string {
  let out = '';
  let copied = 0;
  /** The ignored element being passed over: its name, where it starts, whether it is marked "all", and how deep in elements of its name. */
  let ignored: { name: string; start: number; all: boolean; depth: number } | undefined;
  for (const m of html.matchAll(/<!--[\s\S]*?-->|<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<(\/?)([a-z][a-z0-9-]*)\b[^>]*>/gi)) {
    const tag = m[0];
    if (tag.startsWith('<!--') || m[1] !== undefined) continue;
    const name = m[3]!.toLowerCase();
    const end = m[2] === '/';
    if (!ignored) {
      if (!end && !tag.endsWith('/>') && !VOID_ELEMENTS.has(name) && /\sdata-pagefind-ignore\b/i.test(tag)) ignored = { name, start: m.index, all: /\sdata-pagefind-ignore\s*=\s*["']?all\b/i.test(tag), depth: 1 };
      continue;
    }
    if (name !== ignored.name || (!end && tag.endsWith('/>'))) continue;
    if (!end) {
      ignored.depth++;
      continue;
    }
    if (--ignored.depth > 0) continue;
    const stop = m.index + tag.length;
    if (ignored.all || !PAGEFIND_READS.test(html.slice(ignored.start, stop))) {
      out += html.slice(copied, ignored.start);
      copied = stop;
    }
    ignored = undefined;
  }
  return out + html.slice(copied);
}

/** A drawing as emptyDrawingsForIndex sends it. */
const emptied = (open: string, inner: string, close: string): string => (PAGEFIND_READS.test(inner) ? open + inner + close : open + close);

/**
 * A built page as the indexer is given it: chart labels readable, drawings empty, blocks kept apart, no element
 * ids, no ignored elements. chartTextForIndex and then emptyDrawingsForIndex, in one pass over the drawings; the
 * ignored elements go after the blocks are spaced, so the space after an ignored block stays.
 */
export function pageForIndexer(html: string): string {
  return dropIdsForIndex(dropIgnoredForIndex(spaceBlockBoundaries(replaceDrawings(html, (open, inner, close) => emptied(open, inner, close) + drawingLabels(open, inner)))));
}

// ——— An index in parts ———
//
// Pagefind holds every page's words until it writes the index, and needs about four times that while writing:
// about 0.85 GB per 1,000 Chinese case pages. A language with more pages than SEARCH_PART_PAGES is indexed in
// parts, each by a Pagefind process of its own (scripts/index-search.ts), so the indexer's memory is bounded by
// the part, not the site. The first part is the bundle at pagefind/; the others are pagefind/part-1/, … The
// search page merges them with Pagefind's mergeIndex, which runs the query on every part with the first part's
// WebAssembly and puts the results together by score.

/**
 * Pages of one language a Pagefind process is given at most (`ATLAS_SEARCH_PART_PAGES` overrides it): about
 * 4.2 GB for Pagefind at its peak with case pages as long as the real ones, which with the Node script feeding
 * it keeps indexing under 6 GB. Each part adds to a first query its own index list and a chunk per query word,
 * so parts are as large as that allows.
 */
export const SEARCH_PART_PAGES = 5000;

/** The size of each part when `count` pages are indexed in parts of at most `max`: as few parts as that allows, of sizes that differ by one at most. */
export function partSizes(count: number, max: number): number[] {
  const parts = Math.max(1, Math.ceil(count / max));
  return Array.from({ length: parts }, (_, i) => Math.floor(count / parts) + (i < count % parts ? 1 : 0));
}

/**
 * A language's pages in parts of at most `max` (sizes as partSizes gives them), dealt out in turn: page i goes
 * to part i mod the number of parts. Each part is then a sample of every kind of page (cases, regions,
 * themes, stories) in the same proportions, so a word is about as frequent in each part as in the whole, and
 * the scores Pagefind gives results in different parts, which the merge sorts together, compare as they would
 * in one index. Cut in runs instead (the pages in order of address), the regions, stories and themes all fell
 * in the last part, where a word the cases share is rare and so scores high.
 */
export function splitIntoParts<T>(items: readonly T[], max: number): T[][] {
  const parts = partSizes(items.length, max).map((): T[] => []);
  items.forEach((item, i) => parts[i % parts.length]!.push(item));
  return parts;
}

/** What the search page reads before merging a language's parts (`pagefind/parts-<lang>.json`). */
export interface SearchParts {
  /** The folders of the parts after the first, relative to pagefind/ (`part-1/`, …). */
  parts: string[];
  /** Result ids of the parts' word lists (see wordListWords), which are never shown. */
  wordLists: string[];
}

export const partsFile = (pagefindLang: string): string => `parts-${pagefindLang.toLowerCase()}.json`;

/** The address of a language's word list in the index (no page is there). */
export const wordListUrl = (pagefindLang: string): string => `/pagefind/word-list-${pagefindLang.toLowerCase()}/`;

/**
 * The words of a page's indexed text, for a word list (added to `into`). When a part has no word beginning
 * with a query's term, Pagefind matches the longest word of the part that the term begins with instead
 * (“tomatoes” → “to”): in one index that happens only when no page has the word, but a part lacks most rare
 * words, so merged parts would return every page of such a part. Each part of a language therefore also gets
 * one record holding every word of the language's pages, and the search page drops it from results: a part
 * then falls back only where the whole language would. Text in a Latin script is kept as written, token by
 * token, less the punctuation around it (Pagefind stems and splits each token the same way in a page and in
 * the list); Chinese is cut into words (Intl.Segmenter, as the browser cuts a query), since the list holds
 * words, not sentences. The tokens come from the whole page
 * (navigation and data-pagefind-ignore parts too): a word the list has and no page does can only stop a
 * fallback, never add a result.
 */
export function wordListWords(html: string, into: Set<string>, segmenter: Intl.Segmenter): void {
  // every tag becomes a space, so text in different elements (a chart's labels too) never runs together
  const text = decodeEntities(html.replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' '));
  // pages repeat most of their tokens (navigation, headings, labels, common words): a token already taken apart
  // for this list is not taken apart again (remembered up to a bound)
  let seen = seenTokens.get(into);
  if (!seen) seenTokens.set(into, (seen = new Set()));
  for (const token of text.split(/\s+/)) {
    if (!token || seen.has(token)) continue;
    if (seen.size >= SEEN_TOKENS_MAX) seen.clear();
    seen.add(ownCopy(token));
    if (!/\p{Script=Han}/u.test(token)) {
      // punctuation around a word is not part of it for Pagefind either: “(1001).” is the word 1001
      keep(into, token.replace(/^[^\p{L}\p{N}_]+|[^\p{L}\p{N}_]+$/gu, '').toLowerCase());
      continue;
    }
    // Chinese is cut into words (most of the time this takes)
    for (const s of segmenter.segment(token)) if (s.isWordLike) keep(into, s.segment.toLowerCase());
  }
}

/**
 * A copy of a string holding only its own characters. V8 keeps a string of 13 characters or more cut from a larger
 * one (by split, replace or a match) as a view of that one, which stays in memory as long as the view: each run
 * of text and word a list kept held its page's whole text. Over a 2,000-case corpus (3,204 pages a language) the
 * English list's heap was 133 MB with views, 11 MB with copies; the Chinese one's 73 and 15.
 */
const ownCopy = (s: string): string => s.split('').join('');

/** Add a word to a list, as a copy of its own (see ownCopy), unless it is empty or there already. */
const keep = (into: Set<string>, word: string): void => {
  if (word && !into.has(word)) into.add(ownCopy(word));
};

/** Tokens wordListWords has taken apart into each list, and how many it remembers at most for one list (about 100 MB of short strings). */
const seenTokens = new WeakMap<Set<string>, Set<string>>();
const SEEN_TOKENS_MAX = 500_000;

/** A Pagefind instance that never returns the pages with these ids (the parts' word lists; they carry no filter, so filter counts are unchanged, and `unfilteredResultCount` may count them). */
export function withoutPages(api: PagefindApi, ids: ReadonlySet<string>): PagefindApi {
  if (ids.size === 0) return api;
  return {
    options: (o) => api.options(o),
    init: () => api.init(),
    filters: () => api.filters(),
    mergeIndex: (path, o) => api.mergeIndex(path, o),
    search: async (term, options) => {
      const response = await api.search(term, options);
      if (!response) return response;
      return { ...response, results: response.results.filter((r) => !ids.has(r.id)) };
    },
  };
}

/** A language's `pagefind/parts-<lang>.json` from the bundle at `bundleUrl`; rejects, naming the file, when it cannot be read. */
export async function fetchParts(bundleUrl: string, pagefindLang: string): Promise<SearchParts> {
  const url = `${bundleUrl}${partsFile(pagefindLang)}`;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as SearchParts;
}

/**
 * A language's whole index: the Pagefind instance `api` (already given its options and started on the bundle
 * at `bundleUrl`) with the language's other parts merged in and its word lists left out; `parts` is the
 * language's `pagefind/parts-<lang>.json`.
 */
export async function mergeParts(api: PagefindApi, parts: SearchParts, bundleUrl: string, baseUrl: string): Promise<PagefindApi> {
  // all at once (each loads its entry file and index list: one round trip, not one a part); Pagefind's
  // mergeIndex adds a part to its list of instances when it is called, so the order stays the parts' order
  await Promise.all(parts.parts.map((part) => api.mergeIndex(`${bundleUrl}${part}`, { baseUrl, ranking: PAGEFIND_RANKING })));
  return withoutPages(api, new Set(parts.wordLists));
}
