// CSV of every chart's default view, written at build time so the download works without JavaScript.
// Each file holds the same rows as its chart and the chart's table (same functions in src/charts/datasets.ts).
import { pageCacheKey } from '../../../site/cache-key.ts';
import type { APIRoute } from 'astro';
import { getAtlas } from '../../../site/atlas.ts';
import { casePoints, keyFigures, KEY_CSV_COLUMNS, MAP_CSV_COLUMNS, mapCsvRecords, matrixCsv, themeMatrix, timelineCases, timelineCsvRecords, timelineItems, TIMELINE_CSV_COLUMNS } from '../../../charts/datasets.ts';
import { timelineLayout } from '../../../charts/timeline.ts';
import { drawsEveryCase, newestCases, placeGroups, PLACE_GROUP_CSV_COLUMNS, placeGroupCsvRecords } from '../../../charts/aggregate.ts';
import { LATEST_MATRIX, LATEST_TIMELINE } from '../../../lib/listing.ts';
import type { Place } from '../../../lib/schema.ts';
import { toCsv } from '../../../lib/csv.ts';
import { chartKeys } from '../../../charts/chart-keys.ts';
import { themeDataset } from '../../../charts/theme-figures.ts';
import { COMPARE_CSV_COLUMNS, compareCsvRecords, sortRows } from '../../../charts/compare.ts';
import { LANGS, type Lang } from '../../../lib/i18n.ts';
import type { Atlas, CaseEntry } from '../../../lib/atlas.ts';
import { indexesOnly } from '../../../site/paths.ts';


export async function getStaticPaths() {
  if (indexesOnly()) return [];
  const atlas = await getAtlas();
  const cacheKey = await pageCacheKey();
  return LANGS.flatMap((lang) => chartKeys(atlas).map((chart) => ({ params: { lang, chart }, cacheKey })));
}

export function chartCsvText(atlas: Atlas, lang: Lang, chart: string, base: string): string {
  // the same rows as the chart: every case, or (a large atlas) places with their counts / the newest cases
  const mapCsv = (cases: CaseEntry[], region?: Place) =>
    drawsEveryCase(cases.length) ? toCsv(MAP_CSV_COLUMNS, mapCsvRecords(casePoints(atlas, lang, base, cases))) : toCsv(PLACE_GROUP_CSV_COLUMNS, placeGroupCsvRecords(placeGroups(atlas, lang, base, cases, region)));
  if (chart === 'map') return mapCsv(atlas.caseList());
  if (chart === 'timeline') {
    const items = timelineCases(atlas, lang, base, drawsEveryCase(atlas.cases.size) ? undefined : newestCases(atlas, lang, LATEST_TIMELINE));
    const layout = timelineLayout(timelineItems(items, lang), { lang });
    const byId = new Map(items.map((i) => [i.case, i]));
    const rows = [...layout.rows, ...layout.undated].map((r) => byId.get(r.id)!);
    return toCsv(TIMELINE_CSV_COLUMNS, timelineCsvRecords(rows));
  }
  if (chart === 'themes-matrix') {
    const { columns, records } = matrixCsv(themeMatrix(atlas, lang, base, drawsEveryCase(atlas.cases.size) ? undefined : newestCases(atlas, lang, LATEST_MATRIX)));
    return toCsv(columns, records);
  }
  const themeMap = /^theme-(.+)-map$/.exec(chart);
  if (themeMap) return mapCsv(atlas.casesWithTheme(themeMap[1]!));
  const themeFigures = /^theme-(.+)-figures$/.exec(chart);
  if (themeFigures) {
    const ds = themeDataset(atlas, atlas.themes.get(themeFigures[1]!)!, lang, base);
    return toCsv(COMPARE_CSV_COLUMNS, ds.indicators.flatMap((i) => compareCsvRecords(i.id, sortRows(i.rows, 'desc', lang))));
  }
  const region = /^region-(.+)-map$/.exec(chart);
  if (region) return mapCsv(atlas.casesIn(region[1]!), atlas.places.get(region[1]!));
  const key = /^case-(.+)-key$/.exec(chart);
  const c = key ? atlas.cases.get(key[1]!) : undefined;
  if (!c) throw new Error(`no chart ${chart}`);
  return toCsv(
    KEY_CSV_COLUMNS,
    keyFigures(atlas, c, lang, base).map((f) => ({
      observation: f.row.obs,
      indicator: atlas.observations.get(f.row.obs)!.indicator,
      counted: f.row.label,
      place: f.row.placeName,
      value: f.row.value,
      unit_printed: f.row.unit,
      qualifier: f.row.qualifier,
      qualifier_zh: f.row.qualifierZh,
      display: f.row.display,
      period: f.row.period,
      compared_with: f.comparable ? f.othersCount : '',
      largest_other: f.largestOther ?? '',
      source: f.row.source,
    })),
  );
}

export const GET: APIRoute = async ({ params }) => {
  const atlas = await getAtlas();
  return new Response(chartCsvText(atlas, params.lang as Lang, params.chart!, import.meta.env.BASE_URL), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
