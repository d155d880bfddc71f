// Addresses of the comparison pages and of every chart's data file, relative to the site base.
import type { Lang } from '../lib/i18n.ts';

export function compareRoutes(lang: Lang) {
  return {
    index: `${lang}/compare/`,
    indicator: (id: string) => `${lang}/compare/${id}/`,
    csv: (id: string) => `${lang}/compare/${id}.csv`,
    /** The indicators offered (names, units, counts) without their figures. */
    indexJson: `${lang}/compare/indicators.json`,
    /** One indicator's figures: what the page's script fetches for the indicator shown. */
    json: (id: string) => `${lang}/compare/data/${id}.json`,
  };
}

/** CSV of a chart's default view (written at build time by src/pages/[lang]/charts/[chart].csv.ts). */
export function chartCsv(lang: Lang, chart: string): string {
  return `${lang}/charts/${chart}.csv`;
}

/** Embed page of a chart, relative to the base: `<lang>/embed/<key>/` (the comparison: `<lang>/embed/compare/`). */
export function chartEmbed(lang: Lang, key: string): string {
  return `${lang}/embed/${key}/`;
}

/** The embed key of a chart, read from its CSV address (a chart's CSV and embed page share one key). */
export function embedKeyOfCsv(csvHref: string): { key: string; query: string } | undefined {
  const chart = /(?:^|\/)(?:en|zh)\/charts\/([a-z0-9-]+)\.csv$/.exec(csvHref);
  if (chart) return { key: chart[1]!, query: '' };
  const compare = /(?:^|\/)(?:en|zh)\/compare\/([a-z0-9_-]+)\.csv$/.exec(csvHref);
  if (compare) return { key: 'compare', query: `?indicator=${compare[1]}` };
  return undefined;
}
