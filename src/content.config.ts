import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { z } from 'zod';
import { join } from 'node:path';
import { parseCsv } from './lib/csv.ts';
import { contentDir, dataDir } from './lib/paths.ts';
import { COLUMNS, SCHEMAS, caseFrontmatterSchema, type TableName } from './lib/schema.ts';

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

const table = (name: TableName) =>
  defineCollection({ loader: csvLoader(name), schema: (SCHEMAS[name] as z.ZodObject).extend({ line: z.number() }) });

export const collections = {
  cases: defineCollection({ loader: glob({ pattern: '*/*.mdx', base: contentDir(fileURLToPath(new URL('..', import.meta.url))) }), schema: caseFrontmatterSchema }),
  sources: table('sources'),
  places: table('places'),
  indicators: table('indicators'),
  units: table('units'),
  observations: table('observations'),
  themes: table('themes'),
};
