// How a report is named to readers: never by its internal id or page file, always by what the page prints.
import type { Source } from './schema.ts';
import { formatDate } from './format.ts';
import type { Lang } from './i18n.ts';

/** A short name of a report for a table cell: the headline in the reader's language, cut to fit, and the date. */
export function sourceShort(s: Source, lang: Lang, max = lang === 'en' ? 48 : 20): string {
  const head = (lang === 'en' ? s.headline_en : s.headline_zh).split(/ —— | — /)[0]!.trim();
  const cut = [...head].length > max ? `${[...head].slice(0, max - 1).join('').trimEnd()}…` : head;
  const date = s.date !== 'unknown' ? formatDate(s.date, lang) : '';
  const pub = s.publication !== 'unknown' ? s.publication : '';
  const extra = [pub, date].filter(Boolean);
  if (lang === 'en') return `“${cut}”${extra.length ? ` (${extra.join(', ')})` : ''}`;
  return `“${cut}”${extra.length ? `（${extra.join('，')}）` : ''}`;
}
