import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Atlas } from '../../src/lib/atlas.ts';
import { codeSpans, COLUMN_DOCS, PUBLISHED_TABLES, TABLE_COLUMNS, type PublishedTable } from '../../src/lib/columns.ts';
import { loadProject } from '../../src/lib/load.ts';
import { casesRows, dataPackage, jsonRows, tableRecords, toCsv, type FileFacts } from '../../src/lib/opendata.ts';
import { COLUMNS, TABLES } from '../../src/lib/schema.ts';
import { checkDataPackage, type Descriptor } from '../helpers/frictionless.ts';
import { ROOT } from '../helpers/fixture.ts';

const atlas = new Atlas(loadProject(ROOT));
const enc = new TextEncoder();

/** The published files: data/*.csv as they are, cases.csv made from the case files. */
function publishedFiles(): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = { 'cases.csv': enc.encode(toCsv('cases', casesRows(atlas))) };
  for (const t of TABLES) files[`${t}.csv`] = new Uint8Array(readFileSync(join(ROOT, 'data', `${t}.csv`)));
  return files;
}

function packageFor(files: Record<string, Uint8Array>): Descriptor {
  const facts = Object.fromEntries(PUBLISHED_TABLES.map((t) => [t, { bytes: files[`${t}.csv`]!.byteLength, sha256: createHash('sha256').update(files[`${t}.csv`]!).digest('hex') }])) as Record<PublishedTable, FileFacts>;
  return dataPackage({ homepage: 'https://atlas.example.org/en/data/', created: '2024-05-06', files: facts }) as unknown as Descriptor;
}

describe('datapackage.json against the real data', () => {
  it('is valid: field types parse, constraints hold, primary keys are unique, foreign keys resolve', () => {
    const files = publishedFiles();
    const problems = checkDataPackage(packageFor(files), (p) => files[p]);
    expect(problems).toEqual([]);
  });

  it('describes every published table with its columns in order, a primary key and a CC BY 4.0 licence', () => {
    const pkg = packageFor(publishedFiles()) as Descriptor & { licenses: { name: string }[] };
    expect(pkg.resources.map((r) => r.name)).toEqual([...PUBLISHED_TABLES]);
    for (const r of pkg.resources) {
      expect(r.schema.fields.map((f) => f.name)).toEqual([...TABLE_COLUMNS[r.name as PublishedTable]]);
      expect(r.schema.primaryKey).toBeTruthy();
    }
    expect(pkg.licenses.map((l) => l.name)).toEqual(['CC-BY-4.0']);
    const observations = pkg.resources.find((r) => r.name === 'observations')!;
    expect(observations.schema.foreignKeys?.map((fk) => `${fk.fields}→${fk.reference.resource}.${fk.reference.fields}`).sort()).toEqual([
      'case→cases.id', 'indicator→indicators.id', 'place→places.id', 'source→sources.id', 'unit→units.unit',
    ]);
  });

  it('lists of themes and key figures in the cases table point at real rows (a check the schema cannot express)', () => {
    for (const row of casesRows(atlas)) {
      for (const th of row.themes!.split('|')) expect(atlas.themes.has(th), `${row.id}: theme ${th}`).toBe(true);
      for (const k of row.key_figures!.split('|').filter(Boolean)) expect(atlas.observations.get(k)?.case, `${row.id}: key ${k}`).toBe(row.id);
    }
  });
});

describe('the checker finds what is wrong', () => {
  const edit = (file: string, f: (text: string) => string) => {
    const files = publishedFiles();
    files[file] = enc.encode(f(new TextDecoder().decode(files[file])));
    return checkDataPackage(packageFor(files), (p) => files[p]);
  };
  it('a repeated primary key', () => {
    const problems = edit('places.csv', (t) => `${t}${t.split('\n')[1]}\n`);
    expect(problems.some((p) => /primary key \["cn"\] repeats/.test(p))).toBe(true);
  });
  it('a foreign key that resolves to nothing', () => {
    const problems = edit('observations.csv', (t) => t.replace(/^(lianjiang-contest-orgs,lianjiang,)lianjiang,/m, '$1atlantis,'));
    expect(problems.some((p) => /\["atlantis"\] is not a places\.id/.test(p))).toBe(true);
  });
  it('a value that does not parse as its type', () => {
    const problems = edit('observations.csv', (t) => t.replace(/^(lianjiang-contest-orgs,lianjiang,lianjiang,contest_participants,)30,/m, '$1thirty,'));
    expect(problems.some((p) => /\[value\]: “thirty” is not a number/.test(p))).toBe(true);
  });
  it('a value outside its enum, and a file whose size and hash no longer match the descriptor', () => {
    const files = publishedFiles();
    const pkg = packageFor(files);
    files['units.csv'] = enc.encode(new TextDecoder().decode(files['units.csv']).replace(',count,1,{n},base', ',counts,1,{n},base'));
    const problems = checkDataPackage(pkg, (p) => files[p]);
    expect(problems.some((p) => /“counts” is not one of/.test(p))).toBe(true);
    expect(problems.some((p) => /bytes is \d+, the file has/.test(p))).toBe(true);
    expect(problems.some((p) => /hash sha256:\w+ does not match/.test(p))).toBe(true);
  });
});

describe('column documentation', () => {
  it('documents exactly the columns of schema.ts, in order, in both languages', () => {
    for (const t of TABLES) {
      const docs = COLUMN_DOCS[t] as Record<string, { en: string; zh: string }>;
      expect(Object.keys(docs)).toEqual([...COLUMNS[t]]);
      for (const [c, d] of Object.entries(docs)) {
        expect(d.en.length, `${t}.${c} en`).toBeGreaterThan(3);
        expect(d.zh, `${t}.${c} zh`).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('data/README.md lists the same columns for every table', () => {
    const readme = readFileSync(join(ROOT, 'data', 'README.md'), 'utf8');
    for (const t of PUBLISHED_TABLES) {
      const section = readme.split(/^## /m).find((s) => s.startsWith(`${t}.csv`));
      expect(section, `data/README.md has a section “## ${t}.csv”`).toBeDefined();
      // Rows of its table: | `col` | … ; a row may document two columns (`a`, `b`).
      const documented = [...section!.matchAll(/^\| ((?:`[a-z_]+`(?:, )?)+) \|/gm)].flatMap((m) => [...m[1]!.matchAll(/`([a-z_]+)`/g)].map((x) => x[1]));
      expect(documented, t).toEqual([...TABLE_COLUMNS[t]]);
    }
  });

  it('code spans split at backticks', () => {
    expect(codeSpans('`stated` or `inferred`.')).toEqual([
      { text: 'stated', code: true },
      { text: ' or ', code: false },
      { text: 'inferred', code: true },
      { text: '.', code: false },
    ]);
  });
});

describe('JSON downloads', () => {
  it('type values as the data package declares them: numbers, booleans, null for empty, arrays for lists', () => {
    const places = jsonRows('places', tableRecords(atlas, 'places'));
    expect(places[0]).toEqual({ id: 'cn', name_en: 'China', name_zh: '中国', level: 'country', parent: null, adcode: null, lat: null, lon: null });
    expect(places.find((p) => p.id === 'guangdong')).toMatchObject({ parent: 'cn', adcode: '440000', lat: 23.13, lon: 113.27 });
    const indicators = jsonRows('indicators', tableRecords(atlas, 'indicators'));
    expect(indicators.every((i) => typeof i.comparable === 'boolean')).toBe(true);
    const themes = jsonRows('themes', tableRecords(atlas, 'themes'));
    expect(Array.isArray(themes[0]!.synonyms_zh)).toBe(true);
    const observations = jsonRows('observations', tableRecords(atlas, 'observations'));
    expect(observations.length).toBe(atlas.observations.size);
    expect(observations.every((o) => typeof o.value === 'number' && Object.keys(o).join() === COLUMNS.observations.join())).toBe(true);
    const cases = jsonRows('cases', tableRecords(atlas, 'cases'));
    expect(cases.map((c) => c.id)).toEqual(atlas.caseList().map((c) => c.slug));
    expect(Array.isArray(cases[0]!.themes)).toBe(true);
  });

  it('the cases CSV round-trips quotes and commas in titles', () => {
    const csv = toCsv('cases', [{ id: 'x', title_en: 'A, “quoted” "title"', title_zh: '标题', summary_en: 's', summary_zh: 's', place: 'cn', source: 's000-x', events_date: '2023', events_date_basis: 'inferred', events_note_en: 'From “99th”, 1921 + 99', events_note_zh: '据“建党99周年”', themes: 'a|b', key_figures: '' }]);
    expect(csv).toBe(`${TABLE_COLUMNS.cases.join(',')}\nx,"A, “quoted” ""title""",标题,s,s,cn,s000-x,2023,inferred,"From “99th”, 1921 + 99",据“建党99周年”,a|b,\n`);
  });
});
