import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { z } from 'zod';
import { join } from 'node:path';
import { parseCsv } from './lib/csv.ts';
import { contentDir, dataDir } from './lib/paths.ts';
import { storiesDir, storyFrontmatterSchema } from './lib/stories.ts';
import { COLUMNS, caseFrontmatterSchema, indicatorSchema, observationSchema, placeSchema, sourceSchema, themeSchema, unitSchema, type TableName } from './lib/schema.ts';

/** Loads one data/*.csv table with papaparse; each row is validated against the table's schema. */
function csvLoader(table: TableName): Loader {
  return {
    name: `csv:${table}`,
    load: async ({ store, parseData, config, watcher }) => {
      const path = join(dataDir(fileURLToPath(config.root)), `${table}.csv`);
      const { rows } = parseCsv(readFileSync(path, 'utf8'), COLUMNS[table]);
      store.clear();
      for (const row of rows) {
        const id = table === 'units' ? row.record.unit! : row.record.id!;
        const data = await parseData({ id, data: { ...row.record, line: row.line } });
        store.set({ id, data });
      }
      watcher?.add(path);
    },
  };
}

/** Each row keeps the line it came from, so messages and ordering can refer to it. */
const line = { line: z.number() };

export const collections = {
  cases: defineCollection({ loader: glob({ pattern: '*/*.mdx', base: contentDir(fileURLToPath(new URL('..', import.meta.url))) }), schema: caseFrontmatterSchema }),
  stories: defineCollection({ loader: glob({ pattern: '*/*.mdx', base: storiesDir(fileURLToPath(new URL('..', import.meta.url))) }), schema: storyFrontmatterSchema }),
  sources: defineCollection({ loader: csvLoader('sources'), schema: sourceSchema.extend(line) }),
  places: defineCollection({ loader: csvLoader('places'), schema: placeSchema.extend(line) }),
  indicators: defineCollection({ loader: csvLoader('indicators'), schema: indicatorSchema.extend(line) }),
  units: defineCollection({ loader: csvLoader('units'), schema: unitSchema.extend(line) }),
  observations: defineCollection({ loader: csvLoader('observations'), schema: observationSchema.extend(line) }),
  themes: defineCollection({ loader: csvLoader('themes'), schema: themeSchema.extend(line) }),
};
