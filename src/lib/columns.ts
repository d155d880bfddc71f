/**
 * What every column of every published table means, in both languages, with its Table Schema
 * type and constraints: the single source for the data page, datapackage.json and the JSON
 * downloads. data/README.md describes the same columns (a unit test keeps the two in step).
 */
import { COLUMNS, LEVELS, QUALIFIERS, UNIT_KINDS, type TableName } from './schema.ts';

/** Frictionless Table Schema field types used here. */
export type FieldType = 'string' | 'number' | 'boolean';

export interface ColumnDoc {
  en: string;
  zh: string;
  type: FieldType;
  required?: boolean;
  /** Allowed values. */
  enum?: readonly string[];
  /** A regular expression the whole value must match (Table Schema `pattern`, implicitly anchored). */
  pattern?: string;
  minimum?: number;
  maximum?: number;
  /** A `|`-separated list (published as an array in the JSON version). */
  list?: boolean;
}

/** The published tables: every data/*.csv, plus `cases`, made from the case files' frontmatter at build time. */
export const PUBLISHED_TABLES = ['cases', 'sources', 'places', 'indicators', 'units', 'observations', 'themes'] as const;
export type PublishedTable = (typeof PUBLISHED_TABLES)[number];

export const CASE_COLUMNS = ['id', 'title_en', 'title_zh', 'summary_en', 'summary_zh', 'place', 'source', 'events_date', 'events_date_basis', 'events_note_en', 'events_note_zh', 'themes', 'key_figures'] as const;

export const TABLE_COLUMNS: { readonly [T in PublishedTable]: readonly string[] } = { ...COLUMNS, cases: CASE_COLUMNS };

type Docs<C extends readonly string[]> = { readonly [K in C[number]]: ColumnDoc };
type AllDocs = { readonly [T in TableName]: Docs<(typeof COLUMNS)[T]> } & { readonly cases: Docs<typeof CASE_COLUMNS> };

const DATE = '(?:unknown|\\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\\d|3[01]))?)?)';
const PERIOD = '(?:unknown|\\d{4}(?:-\\d{2}){0,2}(?:/\\d{4}(?:-\\d{2}){0,2})?)';
const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';
const SNAKE = '[a-z][a-z0-9_]*';
const BASIS = ['stated', 'inferred', 'unknown'] as const;

export const COLUMN_DOCS: AllDocs = {
  cases: {
    id: { en: 'Case slug; the case page is /en/cases/<id>/ and /zh/cases/<id>/.', zh: '案例标识；案例页面为 /en/cases/<id>/ 与 /zh/cases/<id>/。', type: 'string', required: true, pattern: SLUG },
    title_en: { en: 'Title of the English profile.', zh: '英文案例页标题。', type: 'string', required: true },
    title_zh: { en: 'Title of the Chinese profile.', zh: '中文案例页标题。', type: 'string', required: true },
    summary_en: { en: 'One-paragraph summary (English).', zh: '英文摘要。', type: 'string', required: true },
    summary_zh: { en: 'One-paragraph summary (Chinese).', zh: '中文摘要。', type: 'string', required: true },
    place: { en: 'Id of the place the case is about (places.csv).', zh: '案例所在地点的标识（places.csv）。', type: 'string', required: true },
    source: { en: 'Id of the report the case is taken from (sources.csv).', zh: '案例所依据报道的标识（sources.csv）。', type: 'string', required: true },
    events_date: { en: 'When the events the case describes happened (not when the report was published: that is the source’s date): YYYY, YYYY-MM, YYYY-MM-DD, or unknown.', zh: '案例所述事件发生的时间（不是报道刊发时间，后者见来源表的日期）：YYYY、YYYY-MM、YYYY-MM-DD 或 unknown。', type: 'string', required: true, pattern: DATE },
    events_date_basis: { en: '`stated` (printed in the report), `inferred` (the note says from what), or `unknown`.', zh: '`stated`（报道载明）、`inferred`（推断，依据见说明）或 `unknown`（不详）。', type: 'string', required: true, enum: BASIS },
    events_note_en: { en: 'What the events’ date rests on; required for an inferred date (English).', zh: '事件时间的依据（英文）；推断的日期必填。', type: 'string' },
    events_note_zh: { en: 'What the events’ date rests on; required for an inferred date (Chinese).', zh: '事件时间的依据（中文）；推断的日期必填。', type: 'string' },
    themes: { en: 'Theme ids (themes.csv), `|`-separated.', zh: '主题标识（themes.csv），以 `|` 分隔。', type: 'string', required: true, list: true },
    key_figures: { en: 'Ids of the key figures (observations.csv), `|`-separated.', zh: '关键数字的标识（observations.csv），以 `|` 分隔。', type: 'string', list: true },
  },
  sources: {
    id: { en: 'Stable ASCII id: `s` + page number + `-` + slug, e.g. `s000-lianjiang`.', zh: '稳定的 ASCII 标识：`s` + 页码 + `-` + 短名，如 `s000-lianjiang`。', type: 'string', required: true, pattern: 's\\d{3}-[a-z0-9-]+' },
    file: { en: 'The page file the article was taken from, e.g. `000_760a4ec6377f531e.txt`.', zh: '文章所在的原始页面文件，如 `000_760a4ec6377f531e.txt`。', type: 'string', required: true, pattern: '\\d{3}_[0-9a-f]+\\.txt' },
    headline_zh: { en: 'Headline as printed (with the subtitle after ` —— ` if any).', zh: '原文标题（如有副题，以 ` —— ` 隔开）。', type: 'string', required: true },
    headline_en: { en: 'Our English translation of the headline.', zh: '本站的标题英译。', type: 'string', required: true },
    publication: { en: 'Newspaper name as printed, or `unknown`.', zh: '所载报纸名称（按原文），或 `unknown`。', type: 'string', required: true },
    section: { en: 'Page or section as printed, or `unknown`.', zh: '版面或栏目（按原文），或 `unknown`。', type: 'string', required: true },
    byline: { en: 'Reporters and correspondents as printed (Chinese), or `unknown`.', zh: '记者、通讯员署名（按原文），或 `unknown`。', type: 'string', required: true },
    date: { en: 'Date of the article: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or `unknown`.', zh: '刊发日期：`YYYY`、`YYYY-MM`、`YYYY-MM-DD` 或 `unknown`。', type: 'string', required: true, pattern: DATE },
    date_basis: { en: '`stated` (printed on the page), `inferred`, or `unknown`.', zh: '`stated`（页面载明）、`inferred`（推断）或 `unknown`（不详）。', type: 'string', required: true, enum: BASIS },
    date_note_en: { en: 'For an inferred date, what it was inferred from (English).', zh: '推断日期的依据（英文）。', type: 'string' },
    date_note_zh: { en: 'For an inferred date, what it was inferred from (Chinese).', zh: '推断日期的依据（中文）。', type: 'string' },
  },
  places: {
    id: { en: 'ASCII slug: pinyin for provinces, prefectures and counties (`lianjiang`); lower levels prefixed by their county (`lianjiang-anpu-laoma`).', zh: 'ASCII 短名：省、地、县级用拼音（`lianjiang`）；更低层级以所属县为前缀（`lianjiang-anpu-laoma`）。', type: 'string', required: true, pattern: SLUG },
    name_en: { en: 'English name (`Lianjiang`).', zh: '英文名（`Lianjiang`）。', type: 'string', required: true },
    name_zh: { en: 'Chinese name with its administrative suffix (`廉江市`).', zh: '中文名，含行政区划后缀（`廉江市`）。', type: 'string', required: true },
    level: { en: 'country, province, prefecture, county, township, village, community or other (parks, compounds, organisations).', zh: '层级：country、province、prefecture、county、township、village、community 或 other（园区、小区、机构等）。', type: 'string', required: true, enum: LEVELS },
    parent: { en: 'Id of the parent place (empty only for `cn`).', zh: '上级地点的标识（仅 `cn` 为空）。', type: 'string' },
    adcode: { en: 'GB/T 2260 six-digit code (province, prefecture and county levels); empty where none exists or it is not certain.', zh: 'GB/T 2260 六位行政区划代码（省、地、县级）；无代码或不确定时为空。', type: 'string', pattern: '\\d{6}' },
    lat: { en: 'Latitude, WGS84 decimal degrees, approximate (seat of government); empty if unknown.', zh: '纬度（WGS84，十进制度，约为政府驻地）；不详时为空。', type: 'number', minimum: 3, maximum: 54 },
    lon: { en: 'Longitude, WGS84 decimal degrees, approximate; empty if unknown.', zh: '经度（WGS84，十进制度，近似）；不详时为空。', type: 'number', minimum: 73, maximum: 136 },
  },
  indicators: {
    id: { en: 'ASCII snake_case id, e.g. `collective_income`.', zh: 'ASCII 蛇形标识，如 `collective_income`。', type: 'string', required: true, pattern: SNAKE },
    name_en: { en: 'Short English name.', zh: '英文简称。', type: 'string', required: true },
    name_zh: { en: 'Short Chinese name.', zh: '中文简称。', type: 'string', required: true },
    unit_kind: { en: 'What kind of quantity: count, currency, area, mass, percent, duration or frequency.', zh: '量的种类：count、currency、area、mass、percent、duration 或 frequency。', type: 'string', required: true, enum: UNIT_KINDS },
    comparable: { en: '`true` when values for different places measure the same thing and may be charted together.', zh: '不同地点的数值含义相同、可放在同一图表比较时为 `true`。', type: 'boolean', required: true },
    description_en: { en: 'One sentence (English).', zh: '一句话说明（英文）。', type: 'string', required: true },
    description_zh: { en: 'One sentence (Chinese).', zh: '一句话说明（中文）。', type: 'string', required: true },
  },
  units: {
    unit: { en: 'The unit exactly as printed after the number (`万元`, `个`, `名`, `平方米`).', zh: '原文数字后的单位（`万元`、`个`、`名`、`平方米`）。', type: 'string', required: true },
    kind: { en: 'One of the indicators’ unit kinds.', zh: '单位种类，取值同指标表的 unit_kind。', type: 'string', required: true, enum: UNIT_KINDS },
    factor: { en: 'Multiply the printed number by this to get the base unit (`万元` → 10000).', zh: '原文数字乘以此系数得到基本单位数值（`万元` → 10000）。', type: 'number', required: true, minimum: 0 },
    en: { en: 'English display: `{n}` is the number; `{n} year|{n} years` gives singular and plural.', zh: '英文显示模板：`{n}` 代表数字；`{n} year|{n} years` 给出单复数。', type: 'string', required: true },
    scale: { en: '`base` (English shows the value in base units: 460,000 yuan) or `printed` (120 mu).', zh: '`base`（英文按基本单位显示：460,000 yuan）或 `printed`（按原文数字显示：120 mu）。', type: 'string', required: true, enum: ['base', 'printed'] },
  },
  observations: {
    id: { en: 'Unique ASCII id, case slug first: `lianjiang-contest-orgs`.', zh: '唯一 ASCII 标识，以案例短名开头：`lianjiang-contest-orgs`。', type: 'string', required: true, pattern: SLUG },
    case: { en: 'Case slug (cases table).', zh: '案例短名（案例表）。', type: 'string', required: true, pattern: SLUG },
    place: { en: 'Id of the place the figure is about (a village, a county…).', zh: '数字所涉地点的标识（村、县等）。', type: 'string', required: true },
    indicator: { en: 'Indicator id.', zh: '指标标识。', type: 'string', required: true },
    value: { en: 'Number in base units (yuan, people, m², kg…), no separators.', zh: '基本单位数值（元、人、平方米、千克等），不含分隔符。', type: 'number', required: true },
    unit: { en: 'Unit as printed (a `unit` of units.csv).', zh: '原文单位（units.csv 中的 `unit`）。', type: 'string', required: true },
    qualifier: { en: 'exact, about, nearly, more_than, at_least, up_to or less_than.', zh: '限定：exact、about、nearly、more_than、at_least、up_to 或 less_than。', type: 'string', required: true, enum: QUALIFIERS },
    qualifier_zh: { en: 'The qualifying word as printed (`余`, `多`, `超`, `近`, `约`, `以上`…); empty for exact.', zh: '原文限定词（`余`、`多`、`超`、`近`、`约`、`以上`等）；确数为空。', type: 'string' },
    period: { en: 'What time the figure refers to: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY/YYYY` (a span), or `unknown`.', zh: '数字所指时间：`YYYY`、`YYYY-MM`、`YYYY-MM-DD`、`YYYY/YYYY`（时段）或 `unknown`。', type: 'string', required: true, pattern: PERIOD },
    period_basis: { en: '`stated` or `inferred` (then the note says from what), or `unknown`.', zh: '`stated`（原文载明）、`inferred`（推断，依据见备注）或 `unknown`。', type: 'string', required: true, enum: BASIS },
    source: { en: 'Source id.', zh: '来源标识。', type: 'string', required: true },
    label_en: { en: 'What exactly the number counts, in a short phrase (English).', zh: '数字统计的对象（英文短语）。', type: 'string', required: true },
    label_zh: { en: 'What exactly the number counts, in a short phrase (Chinese).', zh: '数字统计的对象（中文短语）。', type: 'string', required: true },
    note_en: { en: 'Optional remarks: inference, ambiguity (English).', zh: '备注：推断、歧义等（英文，可空）。', type: 'string' },
    note_zh: { en: 'Optional remarks: inference, ambiguity (Chinese).', zh: '备注：推断、歧义等（中文，可空）。', type: 'string' },
  },
  themes: {
    id: { en: 'ASCII slug, e.g. `three-no-communities`.', zh: 'ASCII 短名，如 `three-no-communities`。', type: 'string', required: true, pattern: SLUG },
    name_en: { en: 'English name.', zh: '英文名称。', type: 'string', required: true },
    name_zh: { en: 'Chinese name.', zh: '中文名称。', type: 'string', required: true },
    synonyms_en: { en: 'Other English words for it, `|`-separated.', zh: '英文同义词，以 `|` 分隔。', type: 'string', list: true },
    synonyms_zh: { en: 'Other Chinese words for it, `|`-separated.', zh: '中文同义词，以 `|` 分隔。', type: 'string', list: true },
    definition_en: { en: 'A short definition for readers new to the vocabulary (English).', zh: '简短定义（英文）。', type: 'string', required: true },
    definition_zh: { en: 'A short definition for readers new to the vocabulary (Chinese).', zh: '简短定义（中文）。', type: 'string', required: true },
    indicators: { en: 'Indicator ids whose figures matter for the theme (listed on its page), `|`-separated.', zh: '与本主题相关的指标标识（在主题页展示其数字），以 `|` 分隔。', type: 'string', list: true },
  },
};

export interface TableDoc {
  en: string;
  zh: string;
  primaryKey: string;
  /** column → [table, column] it refers to */
  foreignKeys: Record<string, [PublishedTable, string]>;
}

export const TABLE_DOCS: Record<PublishedTable, TableDoc> = {
  cases: {
    en: 'One row per case: its profile titles and summaries in both languages, place, source, date, themes and key figures. Made from the case files at build time.',
    zh: '每个案例一行：中英文标题与摘要、地点、来源、日期、主题和关键数字。构建时由案例文件生成。',
    primaryKey: 'id',
    foreignKeys: { place: ['places', 'id'], source: ['sources', 'id'] },
  },
  sources: { en: 'One row per newspaper article a case is taken from.', zh: '每篇报道一行：案例所依据的报纸文章。', primaryKey: 'id', foreignKeys: {} },
  places: { en: 'Every place a case or a figure is about, with its parent.', zh: '案例或数字涉及的每个地点及其上级。', primaryKey: 'id', foreignKeys: { parent: ['places', 'id'] } },
  indicators: { en: 'What is measured.', zh: '统计指标。', primaryKey: 'id', foreignKeys: {} },
  units: { en: 'Units as printed, and how to convert them to base units.', zh: '原文单位及其换算为基本单位的方法。', primaryKey: 'unit', foreignKeys: {} },
  observations: {
    en: 'One sourced figure per row: the number in base units, the unit and qualifier as printed, the period it refers to, and the report it comes from.',
    zh: '每个有出处的数字一行：基本单位数值、原文单位与限定词、所指时间及出处报道。',
    primaryKey: 'id',
    foreignKeys: { case: ['cases', 'id'], place: ['places', 'id'], indicator: ['indicators', 'id'], unit: ['units', 'unit'], source: ['sources', 'id'] },
  },
  themes: { en: 'The taxonomy of practices, with synonyms and definitions.', zh: '做法分类，附同义词和定义。', primaryKey: 'id', foreignKeys: {} },
};

/** Split a description at `backticks` into plain and code parts, for rendering code spans without HTML strings. */
export function codeSpans(text: string): { text: string; code: boolean }[] {
  return text
    .split('`')
    .map((part, i) => ({ text: part, code: i % 2 === 1 }))
    .filter((p) => p.text !== '');
}
