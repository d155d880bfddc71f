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
/** At most this many places in a name file; a fuller one is split by one more character of the names. */
export const NAME_FILE_MAX = 250;

/** Characters of a folded name that pick its first name file: two letters or digits, one Chinese character; 0 when it starts with neither. */
function firstLength(f: string): number {
  const ch = f.charAt(0);
  if (CJK.test(ch)) return 1;
  if (/[a-z0-9]/.test(ch)) return 2;
  return 0;
}

/** The key of the name file for names (folded) starting with `prefix`: the prefix itself when plain letters and digits, else its code points. */
export function prefixKey(prefix: string): string {
  if (/^[a-z0-9]+$/.test(prefix)) return prefix;
  if (prefix.length === 1 && CJK.test(prefix)) return `c${prefix.charCodeAt(0) % CJK_FILES}`;
  return `u${[...prefix].map((c) => c.codePointAt(0)!.toString(16)).join('-')}`;
}

/** Which name files exist (`n-<key>.json`) and which keys were split into longer ones: `n.json` of an indicator. */
export interface NameIndex {
  names: string[];
  split: string[];
}

/**
 * The name file to read for what was typed (its key), or 'short' when it is too short to look up (a single
 * letter), 'more' when more must be typed (a prefix shared by more than NAME_FILE_MAX places), or 'none'
 * when no name starts so. A split
 * key's own file (`<key>_`) holds the names that end there (“Guangdong” itself, not “Guangdongxyz”).
 */
export function nameKeyFor(text: string, index: NameIndex): string {
  const f = fold(text);
  if (!f) return 'short';
  const first = firstLength(f);
  if (first === 0) return 'none';
  for (let len = first; ; len++) {
    if (f.length < len) return len === first ? 'short' : 'more';
    const k = prefixKey(f.slice(0, len));
    if (index.split.includes(k)) {
      if (f.length === len) return index.names.includes(`${k}_`) ? `${k}_` : 'more';
      continue;
    }
    return index.names.includes(k) ? k : 'none';
  }
}

/**
 * The name files: each entry is listed under the key of every name it is found by (first two letters or
 * first Chinese character); a file of more than NAME_FILE_MAX places is split by one more character.
 */
export function nameFiles(entries: NameEntry[]): { files: Map<string, NameEntry[]>; index: NameIndex } {
  const files = new Map<string, NameEntry[]>();
  const split: string[] = [];
  const unique = (pairs: [NameEntry, string][]) => [...new Map(pairs.map(([e]) => [e.id, e])).values()];
  const group = (pairs: [NameEntry, string][], len: number) => {
    const out = new Map<string, [NameEntry, string][]>();
    for (const p of pairs) {
      const k = prefixKey(p[1].slice(0, len || firstLength(p[1])));
      let list = out.get(k);
      if (!list) out.set(k, (list = []));
      list.push(p);
    }
    return out;
  };
  const place = (key: string, len: number, pairs: [NameEntry, string][]) => {
    const longer = pairs.filter(([, n]) => n.length > len);
    const all = unique(pairs);
    if (all.length <= NAME_FILE_MAX || longer.length === 0) {
      files.set(key, all);
      return;
    }
    split.push(key);
    const ending = unique(pairs.filter(([, n]) => n.length === len));
    if (ending.length) files.set(`${key}_`, ending);
    for (const [k, list] of group(longer, len + 1)) place(k, len + 1, list);
  };
  const pairs: [NameEntry, string][] = [];
  for (const e of entries) for (const n of new Set(entryNames(e).map(fold))) if (firstLength(n) > 0 && n.length >= firstLength(n)) pairs.push([e, n]);
  // the first files: two letters, or one Chinese character (several characters share a file)
  const first = new Map<string, { len: number; pairs: [NameEntry, string][] }>();
  for (const p of pairs) {
    const len = firstLength(p[1]);
    const k = prefixKey(p[1].slice(0, len));
    let g = first.get(k);
    if (!g) first.set(k, (g = { len, pairs: [] }));
    g.pairs.push(p);
  }
  for (const [k, g] of first) place(k, g.len, g.pairs);
  return { files, index: { names: [...files.keys()].sort(), split: split.sort() } };
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
