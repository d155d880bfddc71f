// Scaffold a case: both language files and the rows it needs. Usage: npm run new-case <slug> [-- --place <id> --source <id>]
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { contentDir, dataDir } from '../src/lib/paths.ts';

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

const frontmatter = (title: string, summary: string) => `---
title: "${title}"
summary: "${summary}"
place: ${place}
source: ${source}
events:
  date: "unknown"
  basis: unknown
  note_en: "TODO: when the events happened as the report prints it (basis stated), or what the date is inferred from (basis inferred)"
  note_zh: "TODO：事件发生的时间及依据"
themes: [contests]
key: [${slug}-example]
---
`;
mkdirSync(join(cases, 'en'), { recursive: true });
mkdirSync(join(cases, 'zh'), { recursive: true });
writeFileSync(files.en, `${frontmatter('TODO: Place, Province: what was done', 'TODO: one sentence saying what the case is.')}
## What was done

TODO. Every number comes from the data: <Fig id="${slug}-example" /> people took part.

## How it works

## Results the report claims

## What the report does not tell us
`);
writeFileSync(files.zh, `${frontmatter('TODO：省份地名：做法', 'TODO：一句话说明这个案例。')}
## 主要做法

TODO。所有数字都来自数据：共有<Fig id="${slug}-example" />参加。

## 运行机制

## 报道所述成效

## 报道未说明的问题
`);

const has = (file: string, id: string) => readFileSync(join(data, file), 'utf8').split('\n').some((l) => l.startsWith(`${id},`));
const added: string[] = [];
if (!has('sources.csv', source)) {
  appendFileSync(join(data, 'sources.csv'), `${source},${page}_TODO.txt,TODO 标题,TODO headline,unknown,unknown,unknown,unknown,unknown,,\n`);
  added.push(`data/sources.csv: ${source}`);
}
if (!has('places.csv', place)) {
  appendFileSync(join(data, 'places.csv'), `${place},TODO,TODO,county,TODO-parent,,,\n`);
  added.push(`data/places.csv: ${place}`);
}
appendFileSync(join(data, 'observations.csv'), `${slug}-example,${slug},${place},contest_participants,0,名,exact,,unknown,unknown,${source},TODO what is counted,TODO 统计对象,,\n`);
added.push(`data/observations.csv: ${slug}-example`);

console.log(`Created ${files.en}\nCreated ${files.zh}\nAdded rows:\n  ${added.join('\n  ')}\n\nNext: fill in the TODOs, then run npm run validate — it lists every field still to fix.`);
