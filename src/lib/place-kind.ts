/**
 * What kind of place a place is, in words a reader expects: Shanghai is a provincial-level
 * municipality, Lianjiang a county-level city, Jiangyang a district. The level in the data
 * (province, county, …) is the rank in the administrative hierarchy; the kind is read from the
 * Chinese name's ending (省, 市, 区, 县, 镇, 乡, 街道, …), which says it exactly.
 */
import type { Lang } from './i18n.ts';

export interface PlaceLike {
  name_en: string;
  name_zh: string;
  level: string;
}

interface Kind {
  /** Ending of the Chinese name. */
  suffix: string;
  en: string;
  zh: string;
}

/** Per level, the kinds of place it holds, longest ending first. */
const KINDS: Record<string, Kind[]> = {
  province: [
    { suffix: '特别行政区', en: 'special administrative region', zh: '特别行政区' },
    { suffix: '自治区', en: 'autonomous region', zh: '自治区' },
    { suffix: '省', en: 'province', zh: '省' },
    { suffix: '市', en: 'provincial-level municipality', zh: '直辖市' },
  ],
  prefecture: [
    { suffix: '自治州', en: 'autonomous prefecture', zh: '自治州' },
    { suffix: '地区', en: 'prefecture', zh: '地区' },
    { suffix: '盟', en: 'league', zh: '盟' },
    { suffix: '市', en: 'prefecture-level city', zh: '地级市' },
  ],
  county: [
    { suffix: '自治县', en: 'autonomous county', zh: '自治县' },
    { suffix: '自治旗', en: 'autonomous banner', zh: '自治旗' },
    { suffix: '旗', en: 'banner', zh: '旗' },
    { suffix: '县', en: 'county', zh: '县' },
    { suffix: '区', en: 'county-level district', zh: '市辖区' },
    { suffix: '市', en: 'county-level city', zh: '县级市' },
  ],
  township: [
    { suffix: '街道', en: 'subdistrict', zh: '街道' },
    { suffix: '族乡', en: 'ethnic township', zh: '民族乡' },
    { suffix: '乡', en: 'township', zh: '乡' },
    { suffix: '镇', en: 'town', zh: '镇' },
  ],
  village: [{ suffix: '村', en: 'village', zh: '村' }],
  community: [{ suffix: '社区', en: 'community', zh: '社区' }],
};

/** Level names when the Chinese name does not say more (as the Chinese edition names levels). */
const LEVEL: Record<string, Record<Lang, string>> = {
  country: { en: 'country', zh: '国家' },
  province: { en: 'provincial level', zh: '省级' },
  prefecture: { en: 'prefecture level', zh: '地级' },
  county: { en: 'county level', zh: '县级' },
  township: { en: 'township level', zh: '乡镇级' },
  village: { en: 'village', zh: '村' },
  community: { en: 'community', zh: '社区' },
  other: { en: 'organisation or site', zh: '机构或场所' },
};

function kindOf(p: PlaceLike): Kind | undefined {
  return KINDS[p.level]?.find((k) => p.name_zh.endsWith(k.suffix));
}

/**
 * The kind of a place, lower case (“county-level city”, “直辖市”), for a badge or a sub-heading.
 * Never repeats the English name's own last word (“Yingshan County” → “county level”, not “county”).
 */
export function placeKind(p: PlaceLike, lang: Lang): string {
  const k = kindOf(p);
  const level = LEVEL[p.level] ?? LEVEL.other!;
  if (!k) return level[lang];
  if (lang === 'zh') return k.zh;
  const last = k.en.split(' ').at(-1)!;
  return new RegExp(`\\b${last}$`, 'i').test(p.name_en.trim()) ? level.en : k.en;
}

/** First letter upper case (for a label standing alone). */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const EN_SUFFIX: Record<string, string> = { 社区: 'Community', 村: 'Village', 镇: 'Town', 乡: 'Township', 街道: 'Subdistrict' };

/**
 * A place's English name as a reader can place it: a village, community, town or subdistrict whose
 * English name is a bare transcription (“Aiguo”) gets the word its Chinese name ends with
 * (“Aiguo Community”, as 爱国社区 says). Larger places and names that already say it stay as they are.
 */
export function placeNameEn(p: PlaceLike): string {
  if (!['township', 'village', 'community'].includes(p.level)) return p.name_en;
  const suffix = Object.keys(EN_SUFFIX)
    .sort((a, b) => b.length - a.length)
    .find((s) => p.name_zh.endsWith(s));
  if (!suffix) return p.name_en;
  const word = EN_SUFFIX[suffix]!;
  return /\b(community|village|town|township|subdistrict|street)$/i.test(p.name_en.trim()) ? p.name_en : `${p.name_en} ${word}`;
}

/** A place's name in a language (English names completed as `placeNameEn` does). */
export function placeName(p: PlaceLike, lang: Lang): string {
  return lang === 'en' ? placeNameEn(p) : p.name_zh;
}
