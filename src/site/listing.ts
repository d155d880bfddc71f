// Every page of the case index for one language (src/pages/[lang]/cases/[...view].astro), built in one
// pass per order and facet: the cost of the whole index grows with the number of cases, never its square.
import type { Atlas, CaseEntry } from '../lib/atlas.ts';
import { collator, namer, type Lang } from '../lib/i18n.ts';
import { FACETS, groupBy, listingPath, pageCount, pageOf, type Facet, type Order } from '../lib/listing.ts';
import { t } from '../lib/ui.ts';
import { orderThemes } from '../lib/theme-order.ts';
import { placeName } from '../lib/place-kind.ts';

export interface FacetValue {
  value: string;
  label: string;
  count: number;
  /** The value's first page, as listingPath() makes it. */
  path: string;
}

export interface IndexPage {
  /** This page, as listingPath() makes it ('' for /cases/ itself). */
  path: string;
  /** The view tab this page belongs to. */
  view: Order | Facet;
  /** The listing this page is one page of (absent on a facet's overview). */
  listing?: { order?: Order; facet?: Facet; value?: string; label?: string };
  /** A facet's overview: its values with their counts. */
  overview?: FacetValue[];
  cases: CaseEntry[];
  total: number;
  page: number;
  pages: number;
}

/** A facet value as readers see it. */
export function facetLabel(atlas: Atlas, lang: Lang, facet: Facet, value: string): string {
  const ui = t(lang);
  const name = namer(lang);
  if (facet === 'theme') return name(atlas.themes.get(value)!);
  if (facet === 'province') return placeName(atlas.places.get(value)!, lang);
  if (facet === 'year') return value === 'unknown' ? ui.listing.yearUnknown : lang === 'en' ? value : `${value}年`;
  return ui.level[value] ?? value;
}

/** Facet values in reading order: themes in the one theme order (src/lib/theme-order.ts), provinces by name, years newest first, levels top down. */
function orderValues(atlas: Atlas, lang: Lang, facet: Facet, values: FacetValue[]): FacetValue[] {
  const coll = collator(lang);
  if (facet === 'theme') {
    const order = orderThemes(atlas.data.themes, atlas.caseList()).map((th) => th.id);
    return values.sort((a, b) => order.indexOf(a.value) - order.indexOf(b.value));
  }
  if (facet === 'year') return values.sort((a, b) => (a.value === 'unknown' ? 1 : b.value === 'unknown' ? -1 : b.value.localeCompare(a.value)));
  if (facet === 'level') {
    const order = Object.keys(t('en').level);
    return values.sort((a, b) => order.indexOf(a.value) - order.indexOf(b.value));
  }
  return values.sort((a, b) => coll.compare(a.label, b.label));
}

function pagesOf(list: CaseEntry[], view: IndexPage['view'], listing: NonNullable<IndexPage['listing']>): IndexPage[] {
  const pages = pageCount(list.length);
  return Array.from({ length: pages }, (_, i) => ({ path: listingPath(listing, i + 1), view, listing, cases: pageOf(list, i + 1), total: list.length, page: i + 1, pages }));
}

/** The facets' values with counts (what the overviews, the home page and the search page can link to). */
export function facetValues(atlas: Atlas, lang: Lang, facet: Facet, groups = groupBy([...atlas.sortedCases(lang, 'date')], facet)): FacetValue[] {
  return orderValues(
    atlas,
    lang,
    facet,
    [...groups].map(([value, list]) => ({ value, label: facetLabel(atlas, lang, facet, value), count: list.length, path: listingPath({ facet, value }) })),
  );
}

export function caseIndexPages(atlas: Atlas, lang: Lang): IndexPage[] {
  const byName = [...atlas.sortedCases(lang, 'name')];
  const byDate = [...atlas.sortedCases(lang, 'date')];
  const out: IndexPage[] = [...pagesOf(byName, 'name', { order: 'name' }), ...pagesOf(byDate, 'date', { order: 'date' })];
  for (const facet of FACETS) {
    const groups = groupBy(byDate, facet);
    const values = facetValues(atlas, lang, facet, groups);
    out.push({ path: `by-${facet}/`, view: facet, overview: values, cases: [], total: byDate.length, page: 1, pages: 1 });
    for (const v of values) out.push(...pagesOf(groups.get(v.value)!, facet, { facet, value: v.value, label: v.label }));
  }
  return out;
}
