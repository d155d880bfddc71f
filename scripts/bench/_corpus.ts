// Synthetic corpora shaped like the real data, for the scale benchmark.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toCsv } from '../../src/lib/csv.ts';
import { COLUMNS } from '../../src/lib/schema.ts';

const pad = (n: number) => String(n).padStart(5, '0');

/** Writes data/, content/cases/ and sources/ for `n` cases under `dir`. */
export function generateCorpus(root: string, dir: string, n: number): { data: string; content: string; sources: string } {
  const data = join(dir, 'data');
  const content = join(dir, 'content', 'cases');
  const sources = join(dir, 'sources');
  for (const d of [data, join(content, 'en'), join(content, 'zh'), sources]) mkdirSync(d, { recursive: true });
  for (const t of ['themes', 'indicators', 'units']) copyFileSync(join(root, 'data', `${t}.csv`), join(data, `${t}.csv`));
  const themes = ['three-no-communities', 'contests', 'model-branches', 'proxy-services', 'grid-governance', 'collective-economy', 'service-centres', 'volunteering'];
  const places: Record<string, unknown>[] = [{ id: 'cn', name_en: 'China', name_zh: '中国', level: 'country', parent: '', adcode: '', lat: '', lon: '' }];
  const provinces = 30;
  for (let p = 0; p < provinces; p++) places.push({ id: `prov-${p}`, name_en: `Province ${p}`, name_zh: `第${p}省`, level: 'province', parent: 'cn', adcode: '', lat: (22 + (p % 20)).toFixed(2), lon: (100 + (p % 25)).toFixed(2) });
  const srcRows: Record<string, unknown>[] = [];
  const obs: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const slug = `case-${pad(i)}`;
    const county = `county-${pad(Math.floor(i / 2))}`;
    if (i % 2 === 0) places.push({ id: county, name_en: `County ${pad(Math.floor(i / 2))}`, name_zh: `县${pad(Math.floor(i / 2))}`, level: 'county', parent: `prov-${Math.floor(i / 2) % provinces}`, adcode: '', lat: '30.00', lon: '110.00' });
    places.push({ id: `${county}-v${i % 2}`, name_en: `Village ${pad(i)}`, name_zh: `村${pad(i)}`, level: 'village', parent: county, adcode: '', lat: '', lon: '' });
    const file = `${String(i % 1000).padStart(3, '0')}_be0c4.txt`;
    if (i < 1000) writeFileSync(join(sources, file), '');
    const source = `s${String(i % 1000).padStart(3, '0')}-${slug}`;
    srcRows.push({ id: source, file, headline_zh: `案例${i}报道`, headline_en: `Report on case ${i}`, publication: 'unknown', section: 'unknown', byline: 'unknown', date: `${2018 + (i % 6)}`, date_basis: 'stated', date_note_en: '', date_note_zh: '' });
    const figs = [
      ['orgs', 'contest_participants', 10 + (i % 40), '个', 'more_than', '余'],
      ['income', 'collective_income', 100000 * (1 + (i % 50)), '万元', 'exact', ''],
      ['members', 'party_members', 50 + i, '名', 'nearly', '近'],
      ['points', 'service_points', 3 + (i % 9), '个', 'exact', ''],
      ['items', 'service_items', 100 + (i % 100), '项', 'about', '约'],
      ['people', 'people_served', 1000 + i * 3, '人次', 'more_than', '余'],
      ['money', 'money_invested', 10000 * (5 + (i % 90)), '万元', 'more_than', '余'],
      ['volunteers', 'volunteers', 20 + (i % 200), '名', 'at_least', '不少于'],
    ] as const;
    for (const [k, ind, value, unit, q, qz] of figs)
      obs.push({ id: `${slug}-${k}`, case: slug, place: k === 'income' ? `${county}-v${i % 2}` : county, indicator: ind, value, unit, qualifier: q, qualifier_zh: qz, period: `${2018 + (i % 6)}`, period_basis: 'stated', source, label_en: `Figure ${k} of case ${i}`, label_zh: `案例${i}的${k}数字`, note_en: '', note_zh: '' });
    const th = [themes[i % themes.length]!, themes[(i * 7 + 3) % themes.length]!].filter((t, j, a) => a.indexOf(t) === j);
    const fm = (title: string, summary: string) => `---\ntitle: "${title}"\nsummary: "${summary}"\nplace: ${county}\nsource: ${source}\nevents: { date: "${2018 + (i % 6)}", basis: stated }\nthemes: [${th.join(', ')}]\nkey: [${slug}-orgs, ${slug}-income]\n---\n`;
    const en = `## What was done\n\nIn this synthetic case, <Fig id="${slug}-orgs" /> Party organisations took part in a contest, and the village earned <Fig id="${slug}-income" />. ${'The county organised branches into teams, trained secretaries, and reported results to residents through service centres. '.repeat(6)}\n\n## How it works\n\nThere were <Fig id="${slug}-points" /> service points offering <Fig id="${slug}-items" /> kinds of matters; <Fig id="${slug}-people" /> visits were recorded. ${'Party members were paired with households and held regular meetings to resolve problems. '.repeat(6)}\n`;
    const zh = `## 主要做法\n\n在这个合成案例中，<Fig id="${slug}-orgs" />党组织参加比武，村集体收入<Fig id="${slug}-income" />。${'县里把支部编成小组，培训书记，并通过服务中心向群众通报成效。'.repeat(6)}\n\n## 运行机制\n\n共有<Fig id="${slug}-points" />服务点，可办<Fig id="${slug}-items" />事项，服务<Fig id="${slug}-people" />。${'党员结对联系农户，定期开会解决问题。'.repeat(6)}\n`;
    writeFileSync(join(content, 'en', `${slug}.mdx`), fm(`Synthetic case ${i}: a contest of branches`, `A generated case for measuring build cost, number ${i}.`) + en);
    writeFileSync(join(content, 'zh', `${slug}.mdx`), fm(`合成案例${i}：支部比武`, `用于测量构建开销的生成案例，第${i}号。`) + zh);
  }
  writeFileSync(join(data, 'places.csv'), toCsv(COLUMNS.places, places));
  writeFileSync(join(data, 'sources.csv'), toCsv(COLUMNS.sources, srcRows));
  writeFileSync(join(data, 'observations.csv'), toCsv(COLUMNS.observations, obs));
  return { data, content, sources };
}
