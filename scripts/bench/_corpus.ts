// Synthetic corpora shaped like the real data, for the scale benchmark.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toCsv } from '../../src/lib/csv.ts';
import { COLUMNS } from '../../src/lib/schema.ts';

const pad = (n: number) => String(n).padStart(5, '0');

const PROVINCES: [string, string, string, number, number][] = [
  ['11', 'Beijing', '北京市', 39.9, 116.4], ['12', 'Tianjin', '天津市', 39.1, 117.2], ['13', 'Hebei', '河北省', 38.0, 114.5],
  ['14', 'Shanxi', '山西省', 37.9, 112.5], ['15', 'Inner Mongolia', '内蒙古自治区', 40.8, 111.7], ['21', 'Liaoning', '辽宁省', 41.8, 123.4],
  ['22', 'Jilin', '吉林省', 43.9, 125.3], ['23', 'Heilongjiang', '黑龙江省', 45.8, 126.6], ['31', 'Shanghai', '上海市', 31.2, 121.5],
  ['32', 'Jiangsu', '江苏省', 32.1, 118.8], ['33', 'Zhejiang', '浙江省', 30.3, 120.2], ['34', 'Anhui', '安徽省', 31.9, 117.3],
  ['35', 'Fujian', '福建省', 26.1, 119.3], ['36', 'Jiangxi', '江西省', 28.7, 115.9], ['37', 'Shandong', '山东省', 36.7, 117.0],
  ['41', 'Henan', '河南省', 34.8, 113.7], ['42', 'Hubei', '湖北省', 30.6, 114.3], ['43', 'Hunan', '湖南省', 28.2, 113.0],
  ['44', 'Guangdong', '广东省', 23.1, 113.3], ['45', 'Guangxi', '广西壮族自治区', 22.8, 108.3], ['46', 'Hainan', '海南省', 20.0, 110.3],
  ['50', 'Chongqing', '重庆市', 29.6, 106.5], ['51', 'Sichuan', '四川省', 30.7, 104.1], ['52', 'Guizhou', '贵州省', 26.6, 106.7],
  ['53', 'Yunnan', '云南省', 25.0, 102.7], ['54', 'Tibet', '西藏自治区', 29.7, 91.1], ['61', 'Shaanxi', '陕西省', 34.3, 108.9],
  ['62', 'Gansu', '甘肃省', 36.1, 103.8], ['63', 'Qinghai', '青海省', 36.6, 101.8], ['64', 'Ningxia', '宁夏回族自治区', 38.5, 106.3],
  ['65', 'Xinjiang', '新疆维吾尔自治区', 43.8, 87.6],
];

/** A county's coordinates: scattered (deterministically) within about 1.5° of its province's capital. */
function countyAt(k: number, p: number): { lat: string; lon: string } {
  const [, , , lat, lon] = PROVINCES[p]!;
  const a = (k * 2654435761) % 1000 / 1000;
  const b = (k * 40503 + 17) % 997 / 997;
  return { lat: (lat + (a - 0.5) * 3).toFixed(2), lon: (lon + (b - 0.5) * 3).toFixed(2) };
}

/** Writes data/, content/cases/ and sources/ for `n` cases under `dir`. */
export function generateCorpus(root: string, dir: string, n: number): { data: string; content: string; sources: string } {
  const data = join(dir, 'data');
  const content = join(dir, 'content', 'cases');
  const sources = join(dir, 'sources');
  for (const d of [data, join(content, 'en'), join(content, 'zh'), sources]) mkdirSync(d, { recursive: true });
  for (const t of ['themes', 'indicators', 'units']) copyFileSync(join(root, 'data', `${t}.csv`), join(data, `${t}.csv`));
  const themes = ['three-no-communities', 'contests', 'model-branches', 'proxy-services', 'grid-governance', 'collective-economy', 'service-centres', 'volunteering'];
  const places: Record<string, unknown>[] = [{ id: 'cn', name_en: 'China', name_zh: '中国', level: 'country', parent: '', adcode: '', lat: '', lon: '' }];
  // Real provinces (adcode, approximate capital), so the map spreads the synthetic places over China.
  const provinces = PROVINCES.length;
  PROVINCES.forEach(([adcode, en, zh, lat, lon], p) =>
    places.push({ id: `prov-${p}`, name_en: en, name_zh: zh, level: 'province', parent: 'cn', adcode: `${adcode}0000`, lat: lat.toFixed(2), lon: lon.toFixed(2) }),
  );
  // Shaped like China's divisions: about 11 prefectures per province and 8 counties per prefecture, at most
  // about as many counties as China has (2,852); past that, cases share counties, each case in its own village.
  const counties = Math.min(Math.ceil(n / 2), 2852);
  const perProvince = Math.min(11, Math.ceil(counties / provinces / 8));
  const seen = new Set<string>();
  const srcRows: Record<string, unknown>[] = [];
  const obs: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const slug = `case-${pad(i)}`;
    const k = i % counties;
    const p = k % provinces;
    const pf = Math.floor(k / provinces) % perProvince;
    const prefecture = `pref-${p}-${pf}`;
    const county = `county-${pad(k)}`;
    const village = `${county}-v${Math.floor(i / counties)}`;
    if (!seen.has(prefecture)) {
      seen.add(prefecture);
      places.push({ id: prefecture, name_en: `Prefecture ${p}-${pf}`, name_zh: `地区${p}-${pf}`, level: 'prefecture', parent: `prov-${p}`, adcode: '', ...countyAt(p * 11 + pf + 7919, p) });
    }
    if (!seen.has(county)) {
      seen.add(county);
      places.push({ id: county, name_en: `County ${pad(k)}`, name_zh: `县${pad(k)}`, level: 'county', parent: prefecture, adcode: '', ...countyAt(k, p) });
    }
    places.push({ id: village, name_en: `Village ${pad(i)}`, name_zh: `村${pad(i)}`, level: 'village', parent: county, adcode: '', lat: '', lon: '' });
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
    for (const [f, ind, value, unit, q, qz] of figs)
      obs.push({ id: `${slug}-${f}`, case: slug, place: f === 'income' ? village : county, indicator: ind, value, unit, qualifier: q, qualifier_zh: qz, period: `${2018 + (i % 6)}`, period_basis: 'stated', source, label_en: `Figure ${f} of case ${i}`, label_zh: `案例${i}的${f}数字`, note_en: '', note_zh: '' });
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
