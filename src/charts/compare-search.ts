/**
 * How the comparison's place picker finds places: names folded for comparison, the name file that holds
 * every name starting like what was typed, and the order of the matches. Pure; used by the build (which
 * writes the name files, src/charts/compare-shards.ts) and by the picker in the browser (loaded only when
 * a reader starts typing).
 */

/** One place the picker can offer: its names in both languages and those of the places it lies in (nearest first). */
export interface NameEntry {
  id: string;
  en: string;
  zh: string;
  /** Shard holding the place's figures. */
  s: string;
  /** Names of the places it lies in, nearest first, country left out. */
  pe: string[];
  pz: string[];
}

/** Lower case, accents and spaces removed, full-width forms folded: how names and what is typed are compared. */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\s\-'’·.,()（）]+/g, '');
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** Chinese names are spread over this many files by their first character. */
export const CJK_FILES = 64;

/**
 * The name file that holds every name starting like `text`: its first two letters (a Latin name), its
 * first character (a Chinese name, spread over CJK_FILES files), or undefined when `text` is too short to
 * say (a single Latin letter) or starts with neither.
 */
export function nameKey(text: string): string | undefined {
  const f = fold(text);
  const c = f.codePointAt(0);
  if (c === undefined) return undefined;
  const ch = String.fromCodePoint(c);
  if (CJK.test(ch)) return `c${c % CJK_FILES}`;
  if (/[a-z0-9]/.test(ch)) return /^[a-z0-9]{2}/.test(f) ? f.slice(0, 2) : undefined;
  return undefined;
}

/** The names an entry is found by: its own, in both languages, and those of the places it lies in. */
export function entryNames(e: NameEntry): string[] {
  return [e.en, e.zh, ...e.pe, ...e.pz];
}

/**
 * The entries that match what was typed: a name of the place (either language) or of a place it lies in
 * starts with it. Places whose own name matches come first, then by name in the reader's language.
 */
export function matchNames(entries: NameEntry[], text: string, lang: 'en' | 'zh', compare: (a: string, b: string) => number): NameEntry[] {
  const q = fold(text);
  if (!q) return [];
  const own = (e: NameEntry) => fold(e.en).startsWith(q) || fold(e.zh).startsWith(q);
  const hit = entries.filter((e) => entryNames(e).some((n) => fold(n).startsWith(q)));
  const name = (e: NameEntry) => (lang === 'en' ? e.en : e.zh);
  return hit.sort((a, b) => Number(own(b)) - Number(own(a)) || compare(name(a), name(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
