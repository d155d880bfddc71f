// Scaffold a case: both language files and the rows it needs. Usage: npm run new-case <slug> [-- --place <id> --source <id> --page <nnn>]
// Every value only the editor can know is written as a TODO placeholder, which validation refuses until it is replaced.
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { csvRow, parseCsv } from '../src/lib/csv.ts';
import { contentDir, dataDir } from '../src/lib/paths.ts';
import { COLUMNS, type TableName } from '../src/lib/schema.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { positionals, values } = parseArgs({ allowPositionals: true, options: { place: { type: 'string' }, source: { type: 'string' }, page: { type: 'string' } } });
const slug = positionals[0];
if (!slug || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
  console.error('Usage: npm run new-case <slug>   (slug: lowercase ASCII letters, digits and hyphens, e.g. lianjiang)');
  process.exit(2);
}
const cases = contentDir(root);
const data = dataDir(root);
const files = { en: join(cases, 'en', `${slug}.mdx`), zh: join(cases, 'zh', `${slug}.mdx`) };
for (const f of Object.values(files))
  if (existsSync(f)) {
    console.error(`${f} already exists; choose another slug.`);
    process.exit(1);
  }
const place = values.place ?? slug;
const page = values.page ?? '000';
const source = values.source ?? `s${page}-${slug}`;
const example = `${slug}-example`;

const frontmatter = (title: string, summary: string) => `---
title: "${title}"
summary: "${summary}"
place: ${place}
source: ${source}
events:
  date: "TODO"
  basis: TODO
  note_en: "TODO: what the date rests on: printed in the report (basis stated), or what it is inferred from (basis inferred)"
  note_zh: "TODO：日期的依据：原文载明（stated），或据何推定（inferred）"
themes: [TODO]
key: [${example}]
---
`;
mkdirSync(join(cases, 'en'), { recursive: true });
mkdirSync(join(cases, 'zh'), { recursive: true });
writeFileSync(files.en, `${frontmatter('TODO: Place, Province: what was done', 'TODO: one sentence saying what the case is.')}
## What was done

TODO. Every number comes from the data: <Fig id="${example}" /> people took part.

## How it works

## Results the report claims

## What the report does not tell us
`);
writeFileSync(files.zh, `${frontmatter('TODO：省份地名：做法', 'TODO：一句话说明这个案例。')}
## 主要做法

TODO。所有数字都来自数据：共有<Fig id="${example}" />参加。

## 运行机制

## 报道所述成效

## 报道未说明的问题
`);

const table = (name: TableName) => join(data, `${name}.csv`);
const has = (name: TableName, id: string) => parseCsv(readFileSync(table(name), 'utf8'), COLUMNS[name]).firstCells.includes(id);
/** Append one row, written by the CSV writer (quoting as needed), on a line of its own. */
const append = (name: TableName, record: Record<string, string>) => {
  const text = readFileSync(table(name), 'utf8');
  appendFileSync(table(name), `${text.endsWith('\n') || text === '' ? '' : '\n'}${csvRow(COLUMNS[name], record)}\n`);
};
const added: string[] = [];
if (!has('sources', source)) {
  append('sources', { id: source, file: `${page}_TODO.txt`, headline_zh: 'TODO 标题', headline_en: 'TODO headline', publication: 'TODO', section: 'TODO', byline: 'TODO', date: 'TODO', date_basis: 'TODO' });
  added.push(`data/sources.csv: ${source}`);
}
if (!has('places', place)) {
  append('places', { id: place, name_en: 'TODO', name_zh: 'TODO', level: 'TODO', parent: 'TODO' });
  added.push(`data/places.csv: ${place}`);
}
append('observations', {
  id: example, case: slug, place, indicator: 'TODO', value: 'TODO', unit: 'TODO', qualifier: 'TODO', period: 'TODO', period_basis: 'TODO', source,
  label_en: 'TODO what is counted', label_zh: 'TODO 统计对象',
});
added.push(`data/observations.csv: ${example}`);

console.log(`Created ${files.en}\nCreated ${files.zh}\nAdded rows:\n  ${added.join('\n  ')}\n\nNext: replace every TODO (and rename ${example}), then run npm run validate — it lists every field still to fix.`);
