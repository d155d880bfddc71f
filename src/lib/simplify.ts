// Traditional → simplified Chinese for search queries. The index holds simplified text only, so a query typed
// in traditional characters (三無小區, 紅色代辦) is converted before it is run. The conversion tables (OpenCC's
// traditional → simplified phrases and characters, about 21 KB over gzip) are loaded only when a query has a
// character that needs them: a Han character outside GB 2312, the simplified national character set. The
// browser's own GBK decoder lists GB 2312 (rows 16–87), so knowing what is simplified costs no download.
import type { ConverterFunction } from 'opencc-js/core';

let gb2312: Set<string> | undefined;

/** The 6,763 Han characters of GB 2312, read from the platform's GBK decoder. */
function simplifiedSet(): Set<string> {
  if (gb2312) return gb2312;
  const decoder = new TextDecoder('gbk');
  const bytes: number[] = [];
  for (let row = 0xb0; row <= 0xf7; row++) for (let cell = 0xa1; cell <= 0xfe; cell++) bytes.push(row, cell);
  gb2312 = new Set([...decoder.decode(new Uint8Array(bytes))].filter((ch) => /\p{Script=Han}/u.test(ch)));
  return gb2312;
}

/** Does the text contain a Han character that is not in the simplified set (so probably traditional)? */
export function needsSimplifying(text: string): boolean {
  const known = simplifiedSet();
  for (const ch of text) if (/\p{Script=Han}/u.test(ch) && !known.has(ch)) return true;
  return false;
}

let converter: Promise<ConverterFunction> | undefined;

/** Load OpenCC's traditional → simplified (mainland) tables once. */
function loadConverter(): Promise<ConverterFunction> {
  converter ??= Promise.all([import('opencc-js/core'), import('opencc-js/to/cn')]).then(([core, cn]) => core.ConverterFactory(cn.default));
  return converter;
}

/** The query in simplified characters; unchanged (and nothing loaded) when it has no traditional character. */
export async function toSimplified(text: string): Promise<string> {
  if (!needsSimplifying(text)) return text;
  return (await loadConverter())(text);
}
