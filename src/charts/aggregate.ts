/**
 * What the home map, timeline and theme matrix are given when there are too many cases to draw one symbol,
 * row or column per case (more than FULL_CHART_MAX): places aggregated one level below the map's region,
 * the newest cases only, and counts per theme and year. Pure (an Atlas in, plain records out); build time only.
 */
import type { Atlas, CaseEntry } from '../lib/atlas.ts';
import type { Place } from '../lib/schema.ts';
import { localName as nameOf, type Lang } from '../lib/i18n.ts';
import { FULL_CHART_MAX, listingPath } from '../lib/listing.ts';
import { yearOf } from '../lib/search.ts';
import { routes, withBase } from '../lib/urls.ts';
import { locate } from './datasets.ts';


/** Whether a chart of these cases draws one mark per case, or is aggregated or cut to the newest. */
export function drawsEveryCase(count: number): boolean {
  return count <= FULL_CHART_MAX;
}

const memo = new WeakMap<Atlas, Map<string, number>>();

/** The places table's order, once per atlas. */
function placeOrder(atlas: Atlas): Map<string, number> {
  let m = memo.get(atlas);
  if (!m) memo.set(atlas, (m = new Map(atlas.data.places.map((p, i) => [p.id, i]))));
  return m;
}

/** A place standing for the cases within it on an aggregated map. */
export interface PlaceGroup {
  /** The place's id (a province on the national map; a place one level below the region on a region's map). */
  id: string;
  name: string;
  level: string;
  lat: number;
  lon: number;
  count: number;
  /** The most common primary theme of its cases (ties: the theme table's order). */
  theme: string;
  themeName: string;
  href: string;
}

/**
 * The cases grouped by the place one step below `region` in their place chain (the province, on the national
 * map), located at that place (or its nearest ancestor with coordinates). Cases placed at the region itself
 * form a group of their own. In the order of the places table; one pass over the cases.
 */
export function placeGroups(atlas: Atlas, lang: Lang, base: string, cases: CaseEntry[], region?: Place): PlaceGroup[] {
  const byPlace = new Map<string, CaseEntry[]>();
  for (const c of cases) {
    const i = region ? c.chain.findIndex((p) => p.id === region.id) : c.chain.findIndex((p) => p.level === 'country');
    const at = c.chain[i + 1] ?? c.chain[i] ?? c.place;
    const key = region ? at.id : (c.province?.id ?? at.id);
    const list = byPlace.get(key);
    if (list) list.push(c);
    else byPlace.set(key, [c]);
  }
  const themeOrder = new Map(atlas.data.themes.map((th, i) => [th.id, i]));
  const order = placeOrder(atlas);
  const regionIds = atlas.regionIds();
  const out: PlaceGroup[] = [];
  for (const [id, list] of [...byPlace].sort((a, b) => order.get(a[0])! - order.get(b[0])!)) {
    const p = atlas.places.get(id)!;
    const at = locate(atlas, p.id);
    if (!at || at.level === 'country') continue;
    const counts = new Map<string, number>();
    for (const c of list) counts.set(c.themes[0]!.id, (counts.get(c.themes[0]!.id) ?? 0) + 1);
    const theme = [...counts].sort((a, b) => b[1] - a[1] || themeOrder.get(a[0])! - themeOrder.get(b[0])!)[0]![0];
    const isRegion = regionIds.has(p.id);
    out.push({
      id: p.id,
      name: nameOf(p, lang),
      level: p.level,
      lat: at.lat!,
      lon: at.lon!,
      count: list.length,
      theme,
      themeName: nameOf(atlas.themes.get(theme)!, lang),
      href: withBase(base, isRegion ? routes.region(lang, p.id) : routes.case(lang, list[0]!.slug)),
    });
  }
  return out;
}

export const PLACE_GROUP_CSV_COLUMNS = ['place_id', 'place', 'level', 'lat', 'lon', 'cases', 'most_common_primary_theme'] as const;

export function placeGroupCsvRecords(groups: PlaceGroup[]): Record<(typeof PLACE_GROUP_CSV_COLUMNS)[number], string | number>[] {
  return groups.map((g) => ({ place_id: g.id, place: g.name, level: g.level, lat: g.lat, lon: g.lon, cases: g.count, most_common_primary_theme: g.themeName }));
}

/** The newest cases (by the date of their events), at most `max`. */
export function newestCases(atlas: Atlas, lang: Lang, max: number): CaseEntry[] {
  return atlas.sortedCases(lang, 'date').slice(0, max);
}

export interface YearCount {
  year: string;
  label: string;
  count: number;
  href: string;
}

/** Cases per year of their events, newest year first (unknown last), each linking to the year's listing. */
export function casesPerYear(atlas: Atlas, lang: Lang, base: string, unknownLabel: string): YearCount[] {
  const counts = new Map<string, number>();
  for (const c of atlas.cases.values()) {
    const y = yearOf(c.date) ?? 'unknown';
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => (a[0] === 'unknown' ? 1 : b[0] === 'unknown' ? -1 : b[0].localeCompare(a[0])))
    .map(([year, count]) => ({
      year,
      label: year === 'unknown' ? unknownLabel : lang === 'en' ? year : `${year}年`,
      count,
      href: withBase(base, routes.caseListing(lang, listingPath({ facet: 'year', value: year }))),
    }));
}

export interface ThemeYearCounts {
  years: YearCount[];
  themes: { id: string; name: string; href: string; total: number; listHref: string; byYear: Record<string, number> }[];
}

/** Cases per theme (primary or not) and year of the events: the theme matrix of a large atlas. */
export function themeYearCounts(atlas: Atlas, lang: Lang, base: string, unknownLabel: string): ThemeYearCounts {
  const years = casesPerYear(atlas, lang, base, unknownLabel);
  const themes = atlas.data.themes.map((th) => {
    const byYear: Record<string, number> = {};
    const list = atlas.casesWithTheme(th.id);
    for (const c of list) {
      const y = yearOf(c.date) ?? 'unknown';
      byYear[y] = (byYear[y] ?? 0) + 1;
    }
    return {
      id: th.id,
      name: nameOf(th, lang),
      href: withBase(base, routes.theme(lang, th.id)),
      total: list.length,
      listHref: withBase(base, routes.caseListing(lang, listingPath({ facet: 'theme', value: th.id }))),
      byYear,
    };
  });
  return { years, themes };
}
