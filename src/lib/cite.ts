/**
 * Citations of a case: the original newspaper report and this site's page, in GB/T 7714-2015,
 * APA 7 and BibTeX. Plain text, ready to copy.
 *
 * What the report does not print is left out — never a placeholder for an unknown publication,
 * byline or date. Two deliberate conventions:
 * - A date that is inferred (not printed on the page) is marked as such: GB/T 7714 puts an
 *   estimated date in square brackets (`[2020]`, as the standard does for an estimated year), APA 7 writes `ca. 2020`,
 *   BibTeX keeps `year` and says so in `note`.
 * - A report whose publication date is unknown says so, in each style's own words: `n.d.` in
 *   APA 7, `[出版日期不详]` in GB/T 7714, and a note in BibTeX (which has no field for it).
 * The date cited is always the report's publication date, never the date of the events it describes.
 * Chinese names stay as printed (family name first, no romanisation, so no initials).
 */
import type { Source } from './schema.ts';

export type CiteStyle = 'gbt7714' | 'apa' | 'bibtex';
export const CITE_STYLES: readonly CiteStyle[] = ['gbt7714', 'apa', 'bibtex'];
export const CITE_STYLE_NAMES: Record<CiteStyle, string> = { gbt7714: 'GB/T 7714-2015', apa: 'APA 7', bibtex: 'BibTeX' };

/** The report fields a citation needs. */
export type ReportFields = Pick<Source, 'id' | 'headline_zh' | 'headline_en' | 'publication' | 'byline' | 'date' | 'date_basis'>;

/** This site's page about a case. */
export interface PageFields {
  /** Citation key stem, e.g. the case slug. */
  key: string;
  siteName: string;
  title: string;
  /** The page's public address; left out when the build does not know it (no SITE). */
  url?: string | undefined;
  /** Access date: YYYY-MM-DD (or YYYY / YYYY-MM); left out when not known. */
  accessed?: string | undefined;
  lang: 'en' | 'zh';
}

/** A field the source actually gives (not empty, not the data's `unknown`). */
export function known(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '' && value.trim() !== 'unknown';
}

const ROLE_PREFIX = /^(?:文\/|图\/|文图\/)?(?:[\p{Script=Han}]*?(?:记者|通讯员|实习生))/u;
const CREDIT_ONLY = new Set(['摄', '摄影', '制图', '图', '文', '报道', '整理', '编辑', '文/', '图/']);
const NAME = /^[\p{Script=Han}·]{2,6}$/u;

/**
 * The people named in a byline as printed, without their roles:
 * “记者 郭文治 李静雯 通讯员 宣俊宇” → [郭文治, 李静雯, 宣俊宇]; “记者刘锋兰 通讯员曾令华” →
 * [刘锋兰, 曾令华]; “张国盛 罗青山 摄” → [张国盛, 罗青山]. Names credited only for a graphic
 * (`制图 …`) are not authors of the text and are dropped. Unknown → [].
 */
export function bylineNames(byline: string): string[] {
  if (!known(byline)) return [];
  const names: string[] = [];
  let graphics = false;
  for (const raw of byline.trim().split(/\s+/)) {
    if (raw === '制图') {
      graphics = true;
      continue;
    }
    const hadRole = ROLE_PREFIX.test(raw);
    const token = raw.replace(ROLE_PREFIX, '').replace(/^(?:文|图)\//, '');
    if (hadRole) graphics = false;
    if (token === '' || CREDIT_ONLY.has(token) || graphics) continue;
    if (NAME.test(token)) names.push(token);
  }
  return names;
}

/** “Main —— Subtitle” → [main, subtitle]. */
function titleParts(headline: string): [string, string | undefined] {
  const [main, ...rest] = headline.split(/\s*——\s*/);
  return [main!.trim(), rest.length ? rest.join('：').trim() : undefined];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function apaDate(date: string): string {
  const [y, m, d] = date.split('-');
  if (!m) return y!;
  return `${y}, ${MONTHS[Number(m) - 1]}${d ? ` ${Number(d)}` : ''}`;
}

function usDate(date: string): string {
  const [y, m, d] = date.split('-');
  if (!m) return y!;
  return `${MONTHS[Number(m) - 1]}${d ? ` ${Number(d)}` : ''}, ${y}`;
}

const endWithStop = (s: string) => (/[.。!?！？]$/.test(s) ? s : `${s}.`);

/** GB/T 7714 for an unknown publication date (cf. 出版地不详, 出版者不详 in the standard). */
export const GBT_NO_DATE = '[出版日期不详]';

/** GB/T 7714-2015, newspaper article [N]: 主要责任者. 题名[N]. 报纸名, 出版日期. */
function gbtReport(s: ReportFields): string {
  const names = bylineNames(s.byline);
  const [main, sub] = titleParts(s.headline_zh);
  const parts: string[] = [];
  if (names.length) parts.push(`${names.length > 3 ? `${names.slice(0, 3).join(', ')}, 等` : names.join(', ')}.`);
  parts.push(`${sub ? `${main}：${sub}` : main}[N].`);
  const date = known(s.date) ? (s.date_basis === 'stated' ? s.date : `[${s.date}]`) : GBT_NO_DATE;
  if (known(s.publication)) parts.push(`${s.publication}${date ? `, ${date}` : ''}.`);
  else if (date) parts.push(`${date}.`);
  return parts.join(' ');
}

/** APA 7, newspaper article: Author. (Date). Title [English title]. Newspaper. */
function apaReport(s: ReportFields): string {
  const names = bylineNames(s.byline);
  const [main, sub] = titleParts(s.headline_zh);
  const title = `${sub ? `${main}：${sub}` : main} [${s.headline_en.replace(/\.$/, '')}]`;
  const date = !known(s.date) ? 'n.d.' : s.date_basis === 'stated' ? apaDate(s.date) : `ca. ${s.date.slice(0, 4)}`;
  const authors = names.length === 0 ? undefined : names.length === 1 ? names[0]! : names.length === 2 ? `${names[0]} & ${names[1]}` : `${names.slice(0, -1).join(', ')}, & ${names.at(-1)}`;
  const out = authors ? [`${authors}.`, `(${date}).`, `${title}.`] : [`${title}.`, `(${date}).`];
  if (known(s.publication)) out.push(`${s.publication}.`);
  return out.join(' ');
}

/** Escape BibTeX's special characters in a field value. */
export function bibtexEscape(value: string): string {
  return value.replace(/[\\{}&%$#_^~]/g, (c) => (c === '\\' ? '\\textbackslash{}' : c === '^' ? '\\^{}' : c === '~' ? '\\~{}' : `\\${c}`));
}

function bibtexEntry(type: string, key: string, fields: [string, string | undefined][]): string {
  const present = fields.filter((f): f is [string, string] => f[1] !== undefined && f[1] !== '');
  const width = Math.max(...present.map(([k]) => k.length));
  return `@${type}{${key},\n${present.map(([k, v]) => `  ${k.padEnd(width)} = {${v}}`).join(',\n')}\n}`;
}

function bibtexReport(s: ReportFields): string {
  const names = bylineNames(s.byline);
  const [main, sub] = titleParts(s.headline_zh);
  const [y, m, d] = known(s.date) ? s.date.split('-') : [];
  const notes = [`English title: ${s.headline_en}`];
  if (known(s.date) && s.date_basis !== 'stated') notes.push('Date not printed; year inferred');
  if (!known(s.date)) notes.push('n.d.: publication date not known');
  return bibtexEntry(known(s.publication) ? 'article' : 'misc', s.id, [
    ['author', names.length ? names.map(bibtexEscape).join(' and ') : undefined],
    ['title', bibtexEscape(sub ? `${main}：${sub}` : main)],
    ['journal', known(s.publication) ? bibtexEscape(s.publication) : undefined],
    ['year', y],
    ['month', s.date_basis === 'stated' && m ? String(Number(m)) : undefined],
    ['day', s.date_basis === 'stated' && d ? String(Number(d)) : undefined],
    ['language', 'chinese'],
    ['note', bibtexEscape(notes.join('. '))],
  ]);
}

/** The original report, in one style. */
export function citeReport(s: ReportFields, style: CiteStyle): string {
  return style === 'gbt7714' ? gbtReport(s) : style === 'apa' ? apaReport(s) : bibtexReport(s);
}

/** This site's page, in one style, with its URL and access date. */
export function citePage(p: PageFields, style: CiteStyle): string {
  const accessed = known(p.accessed) ? p.accessed : undefined;
  const url = known(p.url) ? p.url : undefined;
  if (style === 'gbt7714') return `${p.siteName}. ${p.title}[EB/OL].${accessed ? ` [${accessed}].` : ''}${url ? ` ${url}.` : ''}`;
  if (style === 'apa') return url ? `${p.siteName}. (n.d.). ${endWithStop(p.title)} ${accessed ? `Retrieved ${usDate(accessed)}, from ` : ''}${url}` : `${p.siteName}. (n.d.). ${endWithStop(p.title)}`;
  return bibtexEntry('misc', `atlas-${p.lang}-${p.key}`, [
    ['author', `{${bibtexEscape(p.siteName)}}`],
    ['title', bibtexEscape(p.title)],
    ['howpublished', url ? `\\url{${url}}` : undefined],
    ['url', url],
    ['urldate', url ? accessed : undefined],
    ['language', p.lang === 'zh' ? 'chinese' : 'english'],
    ['note', accessed ? `Accessed ${accessed}` : undefined],
  ]);
}
