// The part of Pagefind's browser API (pagefind/pagefind.js, v1.6) this site uses. pagefind.js is generated
// into the built site and ships no types; these describe what its documentation promises.

export interface PagefindWeightedLocation {
  /** The weight of the element the word is in: 1 for body text, data-pagefind-weight or a heading's default otherwise. */
  weight: number;
  balanced_score: number;
  /** Position of the word in the page's words. */
  location: number;
}

export interface PagefindResultData {
  url: string;
  excerpt: string;
  content?: string;
  /** The page's words, HTML-escaped; separated by U+200B in segmented languages (Chinese), by spaces otherwise. */
  raw_content?: string;
  locations?: number[];
  weighted_locations?: PagefindWeightedLocation[];
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[]>;
}

export interface PagefindResult {
  id: string;
  score?: number;
  data(): Promise<PagefindResultData>;
}

export type PagefindFilterCounts = Record<string, Record<string, number>>;

export interface PagefindSearchResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: PagefindFilterCounts;
  totalFilters: PagefindFilterCounts;
}

export interface PagefindSearchOptions {
  filters?: Record<string, unknown>;
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface PagefindRanking {
  /** How much a long page is penalised against a short one (0–1; Pagefind's default 0.75). */
  pageLength?: number;
  termFrequency?: number;
  termSaturation?: number;
  termSimilarity?: number;
  /** Bonus for a query that matches a metadata field, per field (Pagefind's default: title 5). */
  metaWeights?: Record<string, number>;
}

export interface PagefindOptions {
  basePath?: string;
  baseUrl?: string;
  excerptLength?: number;
  ranking?: PagefindRanking;
}

/** The module-level API (`import('/pagefind/pagefind.js')`) and an instance from `createInstance()` share this shape. */
export interface PagefindApi {
  options(options: PagefindOptions): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindSearchResponse | null>;
  filters(): Promise<PagefindFilterCounts>;
  /** Adds another bundle's index: later searches run on every bundle and merge the results by score. */
  mergeIndex(path: string, options?: PagefindOptions & { language?: string }): Promise<void>;
  destroy?(): Promise<void>;
}

export interface PagefindModule extends PagefindApi {
  createInstance(options: PagefindOptions): PagefindApi;
}
