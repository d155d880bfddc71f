export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'zh';
}

export function otherLang(lang: Lang): Lang {
  return lang === 'en' ? 'zh' : 'en';
}

/** BCP 47 tag for `<html lang>` and Intl. */
export function htmlLang(lang: Lang): string {
  return lang === 'en' ? 'en' : 'zh-Hans';
}

export function intlLocale(lang: Lang): string {
  return lang === 'en' ? 'en-GB' : 'zh-CN';
}

/** Pick the field of a bilingual record for a language: pick(place, 'name', 'zh') → place.name_zh */
export function pick<T extends Record<string, unknown>>(record: T, field: string, lang: Lang): string {
  const value = record[`${field}_${lang}`];
  return typeof value === 'string' ? value : '';
}

/** A bilingual record's name in a language: localName(place, 'zh') → place.name_zh. */
export function localName(record: { name_en: string; name_zh: string }, lang: Lang): string {
  return lang === 'en' ? record.name_en : record.name_zh;
}

/** localName fixed to one language, for mapping over records: places.map(namer(lang)). */
export function namer(lang: Lang): (record: { name_en: string; name_zh: string }) => string {
  return (record) => localName(record, lang);
}

/** Compare names the way readers of each language expect (pinyin collation for Chinese). */
export function collator(lang: Lang): Intl.Collator {
  return new Intl.Collator(lang === 'zh' ? 'zh-CN-u-co-pinyin' : 'en', { sensitivity: 'base', numeric: true });
}
