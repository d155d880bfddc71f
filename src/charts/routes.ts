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
