/** Reading numbers as Chinese reports print them: Arabic, full-width and Chinese numerals. */

export const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
/** Scale characters that follow a number (Arabic or Chinese): 1.6万, 3000余万, 3千多. */
export const SCALES: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 1e4, 亿: 1e8 };

/** Characters that may make up a Chinese numeral. */
export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

/** Replace full-width digits, decimal point, percent sign and comma-free separators with ASCII. */
export function toHalfWidth(s: string): string {
  return s.replace(/[０-９．％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Value of a Chinese numeral: 一千二百 → 1200, 二十三 → 23, 十 → 10, 两 → 2, 三千万 → 30000000,
 * 一万二千 → 12000. A run of bare digits (二〇二三) is read digit by digit → 2023.
 * Returns undefined for a string that is not a well-formed numeral.
 */
export function parseChineseNumeral(s: string): number | undefined {
  if (!s) return undefined;
  for (const ch of s) if (!CN_NUMERAL_CHARS.includes(ch)) return undefined;
  const hasUnit = /[十百千万亿]/.test(s);
  if (!hasUnit) {
    if (s.length === 1) return CN_DIGITS[s];
    // 二〇二三: digit by digit (years, codes); 两 is never used this way.
    if (s.includes('两')) return undefined;
    return Number([...s].map((c) => CN_DIGITS[c]).join(''));
  }
  let total = 0; // completed 亿 part
  let wan = 0; // completed 万 part (below 亿)
  let section = 0; // below 万
  let digit: number | undefined;
  let lastSmall = Infinity; // last small unit seen within the section, to reject 十百
  for (const ch of s) {
    if (ch in CN_DIGITS) {
      if (digit !== undefined && digit !== 0 && CN_DIGITS[ch] !== 0) return undefined; // 三四
      digit = CN_DIGITS[ch];
    } else if (ch in CN_SMALL_UNITS) {
      const m = CN_SMALL_UNITS[ch]!;
      if (m >= lastSmall) return undefined;
      section += (digit ?? (m === 10 ? 1 : NaN)) * m;
      if (Number.isNaN(section)) return undefined; // 百 or 千 with no digit before it
      lastSmall = m;
      digit = undefined;
    } else if (ch === '万') {
      const part = section + (digit ?? 0);
      if (part === 0 && wan === 0 && total === 0) return undefined;
      wan = part * 1e4;
      section = 0;
      digit = undefined;
      lastSmall = Infinity;
    } else if (ch === '亿') {
      const part = wan + section + (digit ?? 0);
      if (part === 0) return undefined;
      total = (total + part) * 1e8;
      wan = 0;
      section = 0;
      digit = undefined;
      lastSmall = Infinity;
    }
  }
  return total + wan + section + (digit ?? 0);
}

/** Value of an Arabic number as printed: 1,200 / 3.5 / ３５ (full-width). */
export function parseArabic(s: string): number | undefined {
  const t = toHalfWidth(s).replace(/,/g, '');
  if (!/^\d+(?:\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}

/** Multiply without the float noise of 1.6 * 10000 = 16000.000000000002. */
export function scale(n: number, factor: number): number {
  const r = n * factor;
  const rounded = Number(r.toPrecision(15));
  return rounded;
}
