// The case index as static pages: every list of cases is cut into pages of PAGE_SIZE, and every facet
// (theme, province, year of the events, level of the case's place) has its own paged list. Pure: cases in,
// page records out; the route (src/pages/[lang]/cases/[...view].astro) renders them.
import type { CaseEntry } from './atlas.ts';
import { yearOf } from './search.ts';

/** Cases on one page of the case index (and at most on a theme or region page). */
export const PAGE_SIZE = 30;

/** Above this many cases the home map, timeline and theme matrix are aggregated or cut to the newest cases. */
export const FULL_CHART_MAX = 60;

/** How many of the newest cases the home page, a theme page and a region page list. */
export const LATEST_COUNT = 12;

/** How many of the newest cases the timeline draws, and the theme matrix has columns for, in a large atlas. */
export const LATEST_TIMELINE = 24;
export const LATEST_MATRIX = 24;

/** Up to this many regions the regions index lists every one under its province; above, the provinces only. */
export const REGIONS_INDEX_MAX = 300;

export const FACETS = ['theme', 'province', 'year', 'level'] as const;
export type Facet = (typeof FACETS)[number];

/** The listing orders of the whole index: by place name (the index's first page) or newest events first. */
export type Order = 'name' | 'date';

/** The facet values a case has (a case may have several themes; one province, year and level). */
export function facetValues(c: CaseEntry, facet: Facet): string[] {
  if (facet === 'theme') return c.themes.map((t) => t.id);
  if (facet === 'province') return c.province ? [c.province.id] : [];
  if (facet === 'year') return [yearOf(c.date) ?? 'unknown'];
  return [c.place.level];
}

/** Cases grouped by each value of a facet, keeping the order of `cases` within a group; one pass. */
export function groupBy(cases: CaseEntry[], facet: Facet): Map<string, CaseEntry[]> {
  const out = new Map<string, CaseEntry[]>();
  for (const c of cases)
    for (const v of facetValues(c, facet)) {
      const list = out.get(v);
      if (list) list.push(c);
      else out.set(v, [c]);
    }
  return out;
}

export function pageCount(total: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

/** Page `n` (1-based) of a list. */
export function pageOf<T>(items: T[], n: number, size = PAGE_SIZE): T[] {
  return items.slice((n - 1) * size, n * size);
}

/** Path segments (after `<lang>/cases/`) of a listing's page: page 1 is the listing's own address. */
export function listingPath(list: { order?: Order; facet?: Facet; value?: string }, page = 1): string {
  const head = list.facet ? `${list.facet}/${list.value}/` : list.order === 'date' ? 'by-date/' : '';
  return page > 1 ? `${head}page/${page}/` : head;
}

/**
 * The page numbers a pager links to: the first, the last, and those within `span` of the current one,
 * with null where numbers are left out (shown as an ellipsis). At most 2·span + 5 entries, whatever the total.
 */
export function pagerItems(current: number, total: number, span = 2): (number | null)[] {
  const out: (number | null)[] = [];
  for (let n = 1; n <= total; n++) {
    if (n === 1 || n === total || Math.abs(n - current) <= span) out.push(n);
    else if (out[out.length - 1] !== null) out.push(null);
    if (n > 1 && n < current - span - 1) n = current - span - 1;
    else if (n > current + span && n < total - 1) n = total - 1;
  }
  return out;
}
