// Synthetic corpora shaped like the real data, for the scale benchmark.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv, toCsv } from '../../src/lib/csv.ts';
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

/** One real case's text, as a model for synthetic ones: its profiles' bodies, titles and summaries, its figures' labels and notes, and its source's details. */
interface Model {
  slug: string;
  body: Record<'en' | 'zh', string>;
  title: Record<'en' | 'zh', string>;
  summary: Record<'en' | 'zh', string>;
  /** The frontmatter's `events:` block as written (the prose's years are checked against it). */
  events: string;
  figures: Record<string, string>[];
  source: Record<string, string>;
}

/** The real cases under `root`, sorted by slug: what each synthetic case copies its words from (case i takes model i mod 18). */
export function realModels(root: string): Model[] {
  const table = (name: keyof typeof COLUMNS) => parseCsv(readFileSync(join(root, 'data', `${name}.csv`), 'utf8'), COLUMNS[name]).rows.map((r) => r.record);
  const observations = table('observations');
  const sources = new Map(table('sources').map((s) => [s.id!, s]));
  const dir = join(root, 'content', 'cases');
  const field = (fm: string, key: string) => JSON.parse(new RegExp(`^${key}: (".*")$`, 'm').exec(fm)?.[1] ?? '""') as string;
  return readdirSync(join(dir, 'en')).filter((f) => f.endsWith('.mdx')).sort().map((file) => {
    const slug = file.replace(/\.mdx$/, '');
    const parts = { en: '', zh: '' } as Record<'en' | 'zh', string>;
    const model: Model = { slug, body: { ...parts }, title: { ...parts }, summary: { ...parts }, events: '', figures: observations.filter((o) => o.case === slug), source: {} };
    for (const lang of ['en', 'zh'] as const) {
      const text = readFileSync(join(dir, lang, file), 'utf8');
      const [, fm = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
      model.body[lang] = body;
      model.title[lang] = field(fm, 'title');
      model.summary[lang] = field(fm, 'summary');
      model.events = /^events:.*\n(?:[ -].*\n)*/m.exec(`${fm}\n`)?.[0] ?? '';
      model.source = sources.get(/^source: (\S+)$/m.exec(fm)?.[1] ?? '') ?? {};
    }
    return model;
  });
}

/** YAML's double-quoted form of a string (JSON's is one). */
const quoted = (s: string) => JSON.stringify(s);

/**
 * Writes data/, content/cases/ and sources/ for `n` cases under `dir`. Each case has the same eight figures
 * (one of each kind the comparison pages chart), and its words are a real case's: case i copies the profiles,
 * title, summary, figure labels and notes, and source details of real case i mod 18, its <Fig> elements
 * pointing at its own figures. The search index, the pages and the build then carry as many words a page as the
 * real site does (a real Chinese case page gives Pagefind about 1,800 words).
 */
export function generateCorpus(root: string, dir: string, n: number): { data: string; content: string; sources: string } {
  const models = realModels(root);
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
    const model = models[i % models.length]!;
    const ms = model.source;
    srcRows.push({ id: source, file, headline_zh: `${ms.headline_zh}（${i}）`, headline_en: `${ms.headline_en} (${i})`, publication: ms.publication, section: ms.section, byline: ms.byline, date: ms.date, date_basis: ms.date_basis, date_note_en: ms.date_note_en, date_note_zh: ms.date_note_zh });
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
    // labels and notes of the model's figures, in turn (a model with fewer than eight figures lends them again)
    figs.forEach(([f, ind, value, unit, q, qz], j) => {
      const m = model.figures[j % model.figures.length]!;
      const again = j >= model.figures.length ? `, ${f}` : '';
      obs.push({ id: `${slug}-${f}`, case: slug, place: f === 'income' ? village : county, indicator: ind, value, unit, qualifier: q, qualifier_zh: qz, period: m.period, period_basis: m.period_basis, source, label_en: `${m.label_en} (case ${i}${again})`, label_zh: `${m.label_zh}（案例${i}${again ? `，${f}` : ''}）`, note_en: m.note_en, note_zh: m.note_zh });
    });
    const th = [themes[i % themes.length]!, themes[(i * 7 + 3) % themes.length]!].filter((t, j, a) => a.indexOf(t) === j);
    const fm = (title: string, summary: string) => `---\ntitle: ${quoted(title)}\nsummary: ${quoted(summary)}\nplace: ${county}\nsource: ${source}\n${model.events}themes: [${th.join(', ')}]\nkey: [${slug}-orgs, ${slug}-income]\n---\n`;
    // the model's <Fig> elements, each distinct figure mapped in turn onto one of this case's eight
    const mapped = new Map<string, string>();
    // Numbers typed into the prose are the model's figures and years, which this case does not have: each
    // becomes a word (the build allows no number in prose that is not one of the case's own).
    const body = (lang: 'en' | 'zh') =>
      model.body[lang]
        .split(/(<[^>]*>)/)
        .map((part) => (part.startsWith('<') ? part : part.replace(/\d+(?:[.,]\d+)*/g, lang === 'zh' ? '若干' : 'several')))
        .join('')
        .replace(/<Fig id="([^"]+)"/g, (_, id: string) => {
          if (!mapped.has(id)) mapped.set(id, `${slug}-${figs[mapped.size % figs.length]![0]}`);
          return `<Fig id="${mapped.get(id)}"`;
        });
    writeFileSync(join(content, 'en', `${slug}.mdx`), fm(`Synthetic case ${i}: ${model.title.en}`, model.summary.en) + body('en'));
    writeFileSync(join(content, 'zh', `${slug}.mdx`), fm(`合成案例${i}：${model.title.zh}`, model.summary.zh) + body('zh'));
  }
  writeFileSync(join(data, 'places.csv'), toCsv(COLUMNS.places, places));
  writeFileSync(join(data, 'sources.csv'), toCsv(COLUMNS.sources, srcRows));
  writeFileSync(join(data, 'observations.csv'), toCsv(COLUMNS.observations, obs));
  return { data, content, sources };
}
