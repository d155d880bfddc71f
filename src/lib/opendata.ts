/**
 * The open-data downloads: the `cases` table made from case frontmatter, JSON versions of every
 * table, and the Frictionless Data Package descriptor (datapackage.json) that describes the CSVs.
 */
import Papa from 'papaparse';
import type { Atlas } from './atlas.ts';
import { COLUMN_DOCS, PUBLISHED_TABLES, TABLE_COLUMNS, TABLE_DOCS, type ColumnDoc, type PublishedTable } from './columns.ts';

export const LICENSE = {
  name: 'CC-BY-4.0',
  path: 'https://creativecommons.org/licenses/by/4.0/',
  title: 'Creative Commons Attribution 4.0 International',
} as const;

export type Row = Record<string, unknown>;

const docsOf = (table: PublishedTable) => COLUMN_DOCS[table] as Record<string, ColumnDoc>;

/** The `cases` table: one row per case, strings as they would appear in a CSV. */
export function casesRows(atlas: Atlas): Record<string, string>[] {
  return atlas.caseList().map((c) => {
    const en = c.docs.en?.frontmatter;
    const zh = c.docs.zh?.frontmatter;
    return {
      id: c.slug,
      title_en: en?.title ?? '',
      title_zh: zh?.title ?? '',
      summary_en: en?.summary ?? '',
      summary_zh: zh?.summary ?? '',
      place: c.place.id,
      source: c.source.id,
      events_date: c.events.date,
      events_date_basis: c.events.basis,
      events_note_en: c.events.note_en ?? '',
      events_note_zh: c.events.note_zh ?? '',
      themes: c.themes.map((t) => t.id).join('|'),
      key_figures: c.key.map((o) => o.id).join('|'),
    };
  });
}

/** Rows as CSV text (UTF-8, LF line ends, quoted where needed), columns in the published order. */
export function toCsv(table: PublishedTable, rows: Record<string, string>[]): string {
  return `${Papa.unparse({ fields: [...TABLE_COLUMNS[table]], data: rows.map((r) => TABLE_COLUMNS[table].map((c) => r[c] ?? '')) }, { newline: '\n' })}\n`;
}

function jsonValue(doc: ColumnDoc, v: unknown): unknown {
  if (doc.list) return Array.isArray(v) ? v : String(v ?? '').split('|').map((s) => s.trim()).filter(Boolean);
  if (v === undefined || v === null || v === '') return null;
  if (doc.type === 'number') return typeof v === 'number' ? v : Number(v);
  if (doc.type === 'boolean') return typeof v === 'boolean' ? v : v === 'true';
  return String(v);
}

/**
 * A table as JSON records: the CSV's columns in order, typed as datapackage.json declares them
 * (numbers, booleans), empty cells as null, `|`-separated lists as arrays.
 */
export function jsonRows(table: PublishedTable, records: readonly Row[]): Row[] {
  const docs = docsOf(table);
  return records.map((r) => Object.fromEntries(TABLE_COLUMNS[table].map((c) => [c, jsonValue(docs[c]!, r[c])])));
}

/** Records of every published table, read from the validated atlas. */
export function tableRecords(atlas: Atlas, table: PublishedTable): readonly Row[] {
  return table === 'cases' ? casesRows(atlas) : (atlas.data[table] as unknown as Row[]);
}

export interface FileFacts {
  bytes: number;
  /** hex SHA-256 of the file */
  sha256: string;
}

export interface PackageOptions {
  /** Absolute URL of the site's data page (for `homepage`); left out when the build has no SITE. */
  homepage?: string | undefined;
  /** YYYY-MM-DD the build stands for, if known. */
  created?: string | undefined;
  /** Size and hash of each CSV as published. */
  files: Record<PublishedTable, FileFacts>;
}

function field(name: string, doc: ColumnDoc) {
  const constraints: Record<string, unknown> = {};
  if (doc.required) constraints.required = true;
  if (doc.enum) constraints.enum = [...doc.enum];
  if (doc.pattern) constraints.pattern = doc.pattern;
  if (doc.minimum !== undefined) constraints.minimum = doc.minimum;
  if (doc.maximum !== undefined) constraints.maximum = doc.maximum;
  return {
    name,
    type: doc.type,
    description: doc.list ? `${doc.en} (A list: values separated by “|”.)` : doc.en,
    ...(Object.keys(constraints).length ? { constraints } : {}),
  };
}

/** The Frictionless (Tabular) Data Package descriptor for the published CSVs. */
export function dataPackage(opts: PackageOptions) {
  return {
    profile: 'tabular-data-package',
    name: 'party-building-case-atlas',
    title: 'Party-Building Case Atlas · 党建案例图谱',
    description:
      'Local cases of grassroots Party-building practice in China, taken from newspaper reports, with every figure sourced. ' +
      'Our text and data are licensed CC BY 4.0; the original reports remain the property of their publishers. ' +
      '本数据集的文字与数据采用 CC BY 4.0 许可；原始报道版权归原出版单位所有。',
    ...(opts.homepage ? { homepage: opts.homepage } : {}),
    ...(opts.created && /^\d{4}-\d{2}-\d{2}$/.test(opts.created) ? { created: `${opts.created}T00:00:00Z` } : {}),
    licenses: [{ ...LICENSE }],
    keywords: ['Party building', 'grassroots governance', 'China', 'local government', '党建', '基层治理'],
    resources: PUBLISHED_TABLES.map((table) => {
      const docs = docsOf(table);
      const t = TABLE_DOCS[table];
      return {
        name: table,
        path: `${table}.csv`,
        profile: 'tabular-data-resource',
        title: table,
        description: t.en,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        bytes: opts.files[table].bytes,
        hash: `sha256:${opts.files[table].sha256}`,
        licenses: [{ ...LICENSE }],
        schema: {
          fields: TABLE_COLUMNS[table].map((c) => field(c, docs[c]!)),
          missingValues: [''],
          primaryKey: t.primaryKey,
          foreignKeys: Object.entries(t.foreignKeys).map(([fields, [resource, ref]]) => ({ fields, reference: { resource: resource === table ? '' : resource, fields: ref } })),
        },
      };
    }),
  };
}

export type DataPackage = ReturnType<typeof dataPackage>;
