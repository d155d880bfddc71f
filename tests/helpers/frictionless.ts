/**
 * A checker for the Frictionless (Tabular) Data Package rules that datapackage.json claims:
 * descriptor shape, bytes and hash of each file, header = schema fields in order, every value
 * parses as its field type and meets its constraints (required, enum, pattern, minimum, maximum),
 * primary keys are unique, and foreign keys resolve (within a resource or across resources).
 * Returns every problem found, as readable messages; an empty list means the package is valid.
 */
import { createHash } from 'node:crypto';
import Papa from 'papaparse';

interface Field {
  name: string;
  type: string;
  constraints?: { required?: boolean; unique?: boolean; enum?: unknown[]; pattern?: string; minimum?: number; maximum?: number };
  trueValues?: string[];
  falseValues?: string[];
}
interface ForeignKey {
  fields: string | string[];
  reference: { resource: string; fields: string | string[] };
}
interface Resource {
  name: string;
  path: string;
  profile?: string;
  encoding?: string;
  bytes?: number;
  hash?: string;
  schema: { fields: Field[]; primaryKey?: string | string[]; foreignKeys?: ForeignKey[]; missingValues?: string[] };
}
export interface Descriptor {
  profile?: string;
  name?: string;
  licenses?: { name?: string; path?: string }[];
  resources: Resource[];
}

const NAME = /^[a-z0-9._-]+$/;
const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'date', 'datetime', 'year', 'yearmonth', 'object', 'array', 'any']);
const list = (x: string | string[]) => (Array.isArray(x) ? x : [x]);

type Cell = string | number | boolean | null;

/** Parse one cell as its field type; throws a message when it does not parse. */
function cast(field: Field, raw: string): Cell {
  switch (field.type) {
    case 'string':
    case 'any':
      return raw;
    case 'number':
      if (!/^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$|^(?:NaN|INF|-INF)$/.test(raw)) throw new Error(`“${raw}” is not a number`);
      return Number(raw);
    case 'integer':
      if (!/^[-+]?\d+$/.test(raw)) throw new Error(`“${raw}” is not an integer`);
      return Number(raw);
    case 'boolean': {
      const t = field.trueValues ?? ['true', 'True', 'TRUE', '1'];
      const f = field.falseValues ?? ['false', 'False', 'FALSE', '0'];
      if (t.includes(raw)) return true;
      if (f.includes(raw)) return false;
      throw new Error(`“${raw}” is not a boolean`);
    }
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(raw))) throw new Error(`“${raw}” is not a date`);
      return raw;
    case 'year':
      if (!/^\d{4}$/.test(raw)) throw new Error(`“${raw}” is not a year`);
      return Number(raw);
    default:
      return raw;
  }
}

export function checkDataPackage(pkg: Descriptor, readFile: (path: string) => Uint8Array | undefined): string[] {
  const problems: string[] = [];
  const say = (where: string, what: string) => problems.push(`${where}: ${what}`);
  if (pkg.profile !== undefined && !['data-package', 'tabular-data-package'].includes(pkg.profile)) say('package', `unknown profile ${pkg.profile}`);
  if (pkg.name !== undefined && !NAME.test(pkg.name)) say('package', `name “${pkg.name}” is not lower-case a-z0-9._-`);
  if (!pkg.licenses?.length) say('package', 'no licenses');
  for (const l of pkg.licenses ?? []) if (!l.name && !l.path) say('package', 'a license without name or path');
  if (!Array.isArray(pkg.resources) || pkg.resources.length === 0) return [...problems, 'package: no resources'];

  const tables = new Map<string, { fields: Field[]; rows: Cell[][] }>();
  const names = new Set<string>();
  for (const r of pkg.resources) {
    const where = `resource ${r.name}`;
    if (!NAME.test(r.name)) say(where, 'name is not lower-case a-z0-9._-');
    if (names.has(r.name)) say(where, 'duplicate resource name');
    names.add(r.name);
    if (typeof r.path !== 'string' || r.path.startsWith('/') || r.path.split('/').includes('..') || /^[a-z]+:/i.test(r.path)) {
      say(where, `path “${r.path}” is not a relative path inside the package`);
      continue;
    }
    const fields = r.schema?.fields ?? [];
    if (fields.length === 0) say(where, 'schema has no fields');
    const fieldNames = fields.map((f) => f.name);
    if (new Set(fieldNames).size !== fieldNames.length) say(where, 'duplicate field names');
    for (const f of fields) if (!TYPES.has(f.type)) say(where, `field ${f.name} has unknown type ${f.type}`);
    for (const f of fields) {
      const c = f.constraints;
      if (c?.pattern !== undefined) {
        try {
          new RegExp(c.pattern, 'u');
        } catch {
          say(where, `field ${f.name}: pattern is not a valid regular expression`);
        }
      }
    }
    const bytes = readFile(r.path);
    if (!bytes) {
      say(where, `file ${r.path} not found`);
      continue;
    }
    if (r.bytes !== undefined && r.bytes !== bytes.byteLength) say(where, `bytes is ${r.bytes}, the file has ${bytes.byteLength}`);
    if (r.hash !== undefined) {
      const [algo, hex] = r.hash.includes(':') ? r.hash.split(':') : ['md5', r.hash];
      const actual = createHash(algo!).update(bytes).digest('hex');
      if (actual !== hex) say(where, `hash ${r.hash} does not match the file (${algo}:${actual})`);
    }
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
    if (parsed.errors.length) say(where, `CSV does not parse: ${parsed.errors[0]!.message} (row ${parsed.errors[0]!.row})`);
    const [header = [], ...records] = parsed.data;
    if (header.join(',') !== fieldNames.join(',')) say(where, `header [${header.join(', ')}] is not the schema's fields [${fieldNames.join(', ')}]`);
    const missing = r.schema.missingValues ?? [''];
    const rows: Cell[][] = [];
    records.forEach((rec, i) => {
      const line = i + 2;
      if (rec.length !== fields.length) say(`${r.path}:${line}`, `${rec.length} cells, expected ${fields.length}`);
      rows.push(
        fields.map((f, j) => {
          const raw = rec[j] ?? '';
          const c = f.constraints ?? {};
          if (missing.includes(raw)) {
            if (c.required) say(`${r.path}:${line} [${f.name}]`, 'required value is missing');
            return null;
          }
          let v: Cell;
          try {
            v = cast(f, raw);
          } catch (e) {
            say(`${r.path}:${line} [${f.name}]`, `${(e as Error).message} (type ${f.type})`);
            return null;
          }
          if (c.enum && !c.enum.includes(v)) say(`${r.path}:${line} [${f.name}]`, `“${raw}” is not one of ${c.enum.join(', ')}`);
          if (c.pattern !== undefined && typeof v === 'string' && !new RegExp(`^(?:${c.pattern})$`, 'u').test(v)) say(`${r.path}:${line} [${f.name}]`, `“${raw}” does not match the pattern ${c.pattern}`);
          if (c.minimum !== undefined && typeof v === 'number' && v < c.minimum) say(`${r.path}:${line} [${f.name}]`, `${v} is below the minimum ${c.minimum}`);
          if (c.maximum !== undefined && typeof v === 'number' && v > c.maximum) say(`${r.path}:${line} [${f.name}]`, `${v} is above the maximum ${c.maximum}`);
          return v;
        }),
      );
    });
    tables.set(r.name, { fields, rows });
  }

  const column = (table: { fields: Field[] }, name: string) => table.fields.findIndex((f) => f.name === name);
  const key = (row: Cell[], idx: number[]) => JSON.stringify(idx.map((i) => row[i]));

  for (const r of pkg.resources) {
    const table = tables.get(r.name);
    if (!table) continue;
    const where = `resource ${r.name}`;
    if (r.schema.primaryKey !== undefined) {
      const idx = list(r.schema.primaryKey).map((f) => column(table, f));
      if (idx.includes(-1)) say(where, `primary key ${list(r.schema.primaryKey).join(', ')} names a field that does not exist`);
      else {
        const seen = new Map<string, number>();
        table.rows.forEach((row, i) => {
          if (idx.some((j) => row[j] === null)) say(`${r.path}:${i + 2}`, 'primary key is empty');
          const k = key(row, idx);
          if (seen.has(k)) say(`${r.path}:${i + 2}`, `primary key ${k} repeats row ${seen.get(k)! + 2}`);
          else seen.set(k, i);
        });
      }
    }
    for (const fk of r.schema.foreignKeys ?? []) {
      const targetName = fk.reference.resource === '' ? r.name : fk.reference.resource;
      const target = tables.get(targetName);
      const from = list(fk.fields).map((f) => column(table, f));
      if (!target) {
        say(where, `foreign key to missing resource ${targetName}`);
        continue;
      }
      const to = list(fk.reference.fields).map((f) => column(target, f));
      if (from.includes(-1) || to.includes(-1) || from.length !== to.length) {
        say(where, `foreign key ${list(fk.fields).join(', ')} → ${targetName}.${list(fk.reference.fields).join(', ')} names fields that do not exist`);
        continue;
      }
      const targets = new Set(target.rows.map((row) => key(row, to)));
      table.rows.forEach((row, i) => {
        if (from.some((j) => row[j] === null)) return; // an empty reference is allowed
        if (!targets.has(key(row, from))) say(`${r.path}:${i + 2} [${list(fk.fields).join(', ')}]`, `${key(row, from)} is not a ${targetName}.${list(fk.reference.fields).join(', ')}`);
      });
    }
  }
  return problems;
}
