// Every chart's key: its CSV file (`<lang>/charts/<key>.csv`) and its embed page (`<lang>/embed/<key>/`). Build time only.
import type { Atlas } from '../lib/atlas.ts';
import { themeDataset } from './theme-figures.ts';

/** Key of every chart with a CSV file and an embed page (`<lang>/charts/<key>.csv`, `<lang>/embed/<key>/`). */
export function chartKeys(atlas: Atlas): string[] {
  return [
    'map',
    'timeline',
    'themes-matrix',
    ...atlas.regions().map((r) => `region-${r.id}-map`),
    ...atlas.caseList().filter((c) => c.key.length).map((c) => `case-${c.slug}-key`),
    ...atlas.data.themes.filter((th) => atlas.casesWithTheme(th.id).length).map((th) => `theme-${th.id}-map`),
    ...atlas.data.themes.filter((th) => themeDataset(atlas, th, 'en', '/').indicators.length).map((th) => `theme-${th.id}-figures`),
  ];
}
