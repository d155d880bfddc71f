// The part of Pagefind's browser API (pagefind/pagefind.js, v1.6) this site uses. pagefind.js is generated
// into the built site and ships no types; these describe what its documentation promises.

export interface PagefindResultData {
  url: string;
  excerpt: string;
  content?: string;
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

export interface PagefindOptions {
  basePath?: string;
  baseUrl?: string;
  excerptLength?: number;
}

/** The module-level API (`import('/pagefind/pagefind.js')`) and an instance from `createInstance()` share this shape. */
export interface PagefindApi {
  options(options: PagefindOptions): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindSearchResponse | null>;
  filters(): Promise<PagefindFilterCounts>;
  destroy?(): Promise<void>;
}

export interface PagefindModule extends PagefindApi {
  createInstance(options: PagefindOptions): PagefindApi;
}
