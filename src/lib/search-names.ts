// Short names for the files of a Pagefind index (Node only: scripts/index-search.ts).
//
// Every query fetches a language's index list (`pagefind.<lang>_<hash>.pf_meta`) whole: a name and a word count
// for every indexed page (the page's fragment file) and a first word, a last word and a name for every chunk of
// the word index. Pagefind names each of those files by a hash of its content, seven or more hex digits that gzip
// cannot shorten: at 20,000 cases they were most of the list. Here each page and chunk gets instead the name
// `<lang>_<key>-<n>`: one key for the whole list (a hash of Pagefind's list, which holds the hash of every
// fragment and chunk, so any change to the index gives every file a new name and a name never stands for two
// contents) and the entry's number in base 36, which gzip packs in a few bits; the dash keeps them apart from
// Pagefind's names, which are hex digits only. The files are renamed to match;
// their contents, and the list's order and every other field, stay as Pagefind wrote them.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode } from 'cborg';

/** What starts every Pagefind file once gunzipped. */
const SIGNATURE = 'pagefind_dcd';

/** Characters of the key: 40 bits, so two lists of a language never share one in practice. */
const KEY_LENGTH = 10;

/** The old and new names of a list's pages and chunks, and the list with the new names. */
export interface Renamed {
  meta: unknown[];
  pages: Map<string, string>;
  chunks: Map<string, string>;
}

const isRow = (row: unknown, at: number): row is unknown[] => Array.isArray(row) && typeof row[at] === 'string';

/**
 * Pagefind 1.6's index list (decoded: [version, pages, chunks, filters, sorts], a page [name, word count, group],
 * a chunk [first word, last word, name]) with each page and chunk named `<lang>_<key>-<n>`, n counting from 0 in
 * the list's order. Pages whose fragments Pagefind put in groups (a group's file is keyed by the names of the
 * pages in it) keep their names, as do all the pages of such a list; chunks are renamed in any list. Throws,
 * saying what it found, when the list is not of that shape.
 */
export function shortNames(meta: unknown, lang: string, key: string): Renamed {
  if (!Array.isArray(meta) || !Array.isArray(meta[1]) || !Array.isArray(meta[2])) throw new Error(`expected Pagefind's index list [version, pages, chunks, …], found ${JSON.stringify(meta)?.slice(0, 80)}`);
  const pages = new Map<string, string>();
  const chunks = new Map<string, string>();
  const rows = meta[1] as unknown[];
  rows.forEach((row, i) => {
    if (!isRow(row, 0)) throw new Error(`page ${i} of the index list: expected [name, word count, group], found ${JSON.stringify(row)}`);
  });
  const grouped = rows.some((row) => typeof (row as unknown[])[2] === 'string' && (row as unknown[])[2] !== '');
  const newPages = grouped
    ? rows
    : rows.map((row, i) => {
        const [name, ...rest] = row as [string, ...unknown[]];
        const short = `${lang}_${key}-${i.toString(36)}`;
        pages.set(name, short);
        return [short, ...rest];
      });
  const newChunks = (meta[2] as unknown[]).map((row, i) => {
    if (!isRow(row, 2)) throw new Error(`chunk ${i} of the index list: expected [first word, last word, name], found ${JSON.stringify(row)}`);
    const [from, to, name, ...rest] = row as [unknown, unknown, string, ...unknown[]];
    const short = `${lang}_${key}-${i.toString(36)}`;
    chunks.set(name, short);
    return [from, to, short, ...rest];
  });
  return { meta: [meta[0], newPages, newChunks, ...meta.slice(3)], pages, chunks };
}

/** A Pagefind file's content: gunzipped, its signature checked and taken off. */
export function readPagefindFile(path: string): Uint8Array {
  const bytes = gunzipSync(readFileSync(path));
  const head = bytes.subarray(0, SIGNATURE.length).toString('latin1');
  if (head !== SIGNATURE) throw new Error(`${path}: expected a Pagefind file starting ${SIGNATURE}, found ${JSON.stringify(head)}`);
  return bytes.subarray(SIGNATURE.length);
}

/** Pagefind's entry file (`pagefind-entry.json`): its version and, per language, the name of its index list. */
interface Entry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
}

/**
 * Give the pages and chunks of every language of the Pagefind bundle at `dir` (as Pagefind wrote it) short names
 * (see shortNames), keyed by a hash of Pagefind's list: renames the fragment and index files, writes the new
 * index list under a name of its own (a hash of it) and points `pagefind-entry.json` at it. Throws, naming the
 * file, when the list names a file that is not there.
 */
export function shortenBundleNames(dir: string): void {
  const entryPath = join(dir, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryPath, 'utf8')) as Entry;
  for (const [language, info] of Object.entries(entry.languages)) {
    const metaPath = join(dir, `pagefind.${info.hash}.pf_meta`);
    const bytes = readPagefindFile(metaPath);
    // the names' language part as Pagefind writes it (`zh-hans` for zh-Hans pages)
    const lang = info.hash.slice(0, info.hash.lastIndexOf('_'));
    const renamed = shortNames(decode(bytes), lang, hashKey(bytes));
    const moves: [string, string][] = [
      ...[...renamed.pages].map(([from, to]): [string, string] => [join(dir, 'fragment', `${from}.pf_fragment`), join(dir, 'fragment', `${to}.pf_fragment`)]),
      ...[...renamed.chunks].map(([from, to]): [string, string] => [join(dir, 'index', `${from}.pf_index`), join(dir, 'index', `${to}.pf_index`)]),
    ];
    const missing = moves.filter(([from]) => !existsSync(from)).map(([from]) => from);
    if (missing.length) throw new Error(`${metaPath} (${language}): names ${missing.length} file(s) that are not there: ${missing.slice(0, 5).join(', ')}`);
    for (const [from, to] of moves) renameSync(from, to);
    const content = Buffer.concat([Buffer.from(SIGNATURE, 'latin1'), encode(renamed.meta)]);
    const hash = `${lang}_${hashKey(content)}`;
    writeFileSync(join(dir, `pagefind.${hash}.pf_meta`), gzipSync(content, { level: 9 }));
    if (hash !== info.hash) rmSync(metaPath);
    info.hash = hash;
  }
  writeFileSync(entryPath, JSON.stringify(entry));
}

/** The first KEY_LENGTH hex digits of the SHA-256 of a file's content. */
const hashKey = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex').slice(0, KEY_LENGTH);
