// Build the Pagefind full-text index over the built site (dist/ → dist/pagefind/).
// Pagefind splits the index by <html lang>: /en/ pages get English stemming, /zh/ pages (zh-Hans) Chinese
// word segmentation. Only pages that mark their main content with data-pagefind-body are indexed.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { pagefindCacheRules } from '../src/lib/csp.ts';
import { listFiles, moveInto, PageStart } from '../src/lib/paths.ts';
import { readPagefindFile, shortenBundleNames } from '../src/lib/search-names.ts';
import { indexChunkSize, marksIndexedContent, newestFile, pageForIndexer, partSizes, partsFile, SEARCH_PART_PAGES, type SearchParts, splitIntoParts, wordListUrl } from '../src/lib/search.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = process.argv[2] ?? join(root, 'dist');
const bundle = join(dist, 'pagefind');

/** A built file's path under dist/ with forward slashes: what Pagefind is given and what its page address comes from. */
const sourcePathOf = (file: string) => relative(dist, file).split(sep).join('/');

const htmlFiles = (dir: string) => listFiles(dir).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/')).map((f) => join(dir, f));

/** Seconds spent on each stage of the indexing, printed at the end (the scale benchmark reports them). */
const spent = { scan: 0, reading: 0, waiting: 0, writing: 0, placing: 0 };
let clock = performance.now();
/** Add the time since the last call to a stage. */
const lap = (stage: keyof typeof spent) => {
  const now = performance.now();
  spent[stage] += (now - clock) / 1000;
  clock = now;
};
const files = htmlFiles(dist);
// Chunks of the word index sized for the number of pages (see indexChunkSize): a first query fetches the chunk of
// each of its words, so at 84 pages a language 30 KiB chunks would be most of what it transfers. Pagefind reads
// the size from its environment when its process starts, so it is set before the first call.
const indexed = new Map<string, number>();
/** Indexed pages with a date to sort by (case pages: `data-date-sort`), by their address. */
const dated = new Map<string, string>();
/** The pages that mark their content with data-pagefind-body: once one page does, Pagefind indexes only those. */
const bodyFiles: string[] = [];
/** Each page's <html lang>, lower-cased: Pagefind's language of its index. */
const langOf = new Map<string, string>();
/** A page's <html lang> as written. */
const htmlLangOf = (html: string) => /<html[^>]*\slang="([^"]+)"/i.exec(html)?.[1];
/** Bytes of a page read first: enough for the <html> tag, data-pagefind-body and a case page's date (at about 8 KiB). */
const HEAD_BYTES = 32 * 1024;
for (const file of files) {
  // An indexed page is read whole when it is sent to Pagefind: here only its start is read, and the rest only
  // when what is looked for is not in it. Most of the site's bytes are indexed pages (4.5 of 7.0 GB at 20,000
  // cases), read from disk at this point of a build.
  const page = new PageStart(file, HEAD_BYTES);
  // most pages do not mark their content (embed pages alone are about half of all pages, each with its maps):
  // the attribute is looked for in the bytes, and only a page that has it is decoded
  const hasMark = () => page.bytes.indexOf('data-pagefind-body') >= 0;
  if (!hasMark() && (!page.readRest() || !hasMark())) continue;
  if (!page.find(marksIndexedContent)) continue;
  const lang = page.find(htmlLangOf) ?? '';
  langOf.set(file, lang.toLowerCase());
  bodyFiles.push(file);
  indexed.set(lang, (indexed.get(lang) ?? 0) + 1);
  const key = page.find((html) => /\sdata-date-sort="([^"]*)"/.exec(html)?.[1]);
  if (key !== undefined) dated.set(`/${sourcePathOf(file).replace(/index\.html$/, '')}`, key);
}
// a site where no page marks its content is indexed whole, as Pagefind does: every page's language is needed
if (!bodyFiles.length) for (const file of files) langOf.set(file, (htmlLangOf(readFileSync(file, 'utf8')) ?? '').toLowerCase());
lap('scan');
// At most this many pages of a language in one Pagefind process (see SEARCH_PART_PAGES).
const partEnv = process.env.ATLAS_SEARCH_PART_PAGES;
const partPages = partEnv === undefined || partEnv === '' ? SEARCH_PART_PAGES : Number(partEnv);
if (!Number.isInteger(partPages) || partPages < 1) throw new Error(`ATLAS_SEARCH_PART_PAGES=${partEnv}: expected a whole number of pages, 1 or more`);
const largestPart = Math.max(0, ...[...indexed.values()].map((n) => Math.max(...partSizes(n, partPages))));
const chunkSize = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE || String(indexChunkSize(largestPart));
process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = chunkSize;

const problems: string[] = [];

/** A language's word list (see wordListWords), made from its pages on a thread of its own (src/site/word-list-worker.ts). */
function wordListOf(lang: string, langFiles: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../src/site/word-list-worker.ts', import.meta.url), { workerData: { lang, files: langFiles } });
    worker.once('message', (words: string) => resolve(words));
    worker.once('error', (e: Error) => reject(new Error(`the word list of ${lang || 'pages with no lang'}: ${e.message}`)));
    worker.once('exit', (code) => reject(new Error(`the word list of ${lang || 'pages with no lang'}: the thread stopped (code ${code}) before sending it`)));
  });
}
/** Pages sent to Pagefind and not yet answered, at most. */
const PAGES_IN_FLIGHT = 16;
// Only the pages Pagefind would index are sent to it (embed pages, the comparison and data pages are about half
// of all pages at scale, and each would be read, rewritten and parsed for nothing); a site where no page marks its
// content would be indexed whole, as Pagefind does.
const toIndex = bodyFiles.length ? bodyFiles : files;
// One language at a time, and a language with more than SEARCH_PART_PAGES pages in parts (src/lib/search.ts):
// Pagefind keeps every page it was given in memory until it writes the index, and each language's index is built
// from its own pages only, so indexing them one after the other and putting the bundles together gives the same
// files with half the pages held at once.
const byLang = new Map<string, string[]>();
for (const file of toIndex) {
  const lang = langOf.get(file) ?? '';
  const list = byLang.get(lang);
  if (list) list.push(file);
  else byLang.set(lang, [file]);
}
// A language in more than one part: every part also gets the language's word list (see wordListWords). Each list
// is made on a thread of its own, one language after the other, from the start: the first language's while its
// first part is fed to Pagefind, the next ones' while the languages before them are indexed.
const wordLists = new Map<string, Promise<string>>();
let listed: Promise<unknown> = Promise.resolve();
for (const [lang, langFiles] of byLang) {
  if (partSizes(langFiles.length, partPages).length < 2) continue;
  const list = listed.then(() => wordListOf(lang, langFiles));
  wordLists.set(lang, list);
  listed = list.catch(() => undefined);
}
rmSync(bundle, { recursive: true, force: true });
// each part is written here, then moved into place by renaming (see moveInto): inside the bundle, so on its file
// system, and gone with it if this script stops half-way
mkdirSync(bundle, { recursive: true });
const tmp = mkdtempSync(join(bundle, '.parts-'));
/** The folder of part k of the bundle: the first part is the bundle itself. */
const partDir = (k: number) => (k === 0 ? bundle : join(bundle, `part-${k}`));
/** Each part's entry files (one per language that has that part), by part. */
const entries: { version: string; languages: Record<string, unknown> }[][] = [];
const partsOf = new Map<string, SearchParts>();
for (const [lang, langFiles] of byLang) {
  const parts = splitIntoParts(langFiles, partPages);
  partsOf.set(lang, { parts: parts.slice(1).map((_, k) => `part-${k + 1}/`), wordLists: [] });
  for (const [k, partFiles] of parts.entries()) {
    // Each part in a Pagefind process of its own: the process keeps what it has indexed until it exits.
    lap('placing');
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    // Pages go to Pagefind several at a time: it reads them one after the other, in the order sent (the index is
    // the same), and while it reads one this process prepares the next instead of waiting for each answer.
    const sending = new Set<Promise<void>>();
    for (const file of partFiles) {
      // The page as built, with chart labels readable, drawings empty, blocks kept apart and no element ids, for
      // the indexer only (see src/lib/search.ts).
      const sourcePath = sourcePathOf(file);
      const sent: Promise<void> = index.addHTMLFile({ sourcePath, content: pageForIndexer(readFileSync(file, 'utf8')) }).then((added) => {
        problems.push(...added.errors.map((e) => `${sourcePath}: ${e}`));
        sending.delete(sent);
      });
      sending.add(sent);
      if (sending.size >= PAGES_IN_FLIGHT) await Promise.race(sending);
    }
    await Promise.all(sending);
    lap('reading');
    const words = await wordLists.get(lang);
    lap('waiting');
    if (words !== undefined) {
      const added = await index.addCustomRecord({ url: wordListUrl(lang), content: words, language: lang });
      problems.push(...added.errors.map((e) => `${wordListUrl(lang)}: ${e}`));
    }
    if (problems.length) throw new Error(`Pagefind indexing failed:\n${problems.join('\n')}`);
    const out = join(tmp, `${k}-${lang}`);
    const written = await index.writeFiles({ outputPath: out });
    lap('writing');
    if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
    await pagefind.close();
    // short names for the part's pages and chunks, which a first query's index list is mostly made of (see
    // src/lib/search-names.ts)
    shortenBundleNames(out);
    (entries[k] ??= []).push(JSON.parse(readFileSync(join(out, 'pagefind-entry.json'), 'utf8')));
    // every part carries Pagefind's scripts and the language-independent files, the same in each; the parts after
    // the first are read with the first one's scripts and WebAssembly, so they keep only their index
    if (k > 0) for (const name of readdirSync(out)) if (!/^(?:index|fragment|filter)$|\.pf_meta$|^pagefind-entry\.json$/.test(name)) rmSync(join(out, name), { recursive: true, force: true });
    moveInto(out, partDir(k));
  }
}
rmSync(tmp, { recursive: true, force: true });
// one entry file a part naming every language in it, as Pagefind writes it for a site indexed at once
for (const [k, list] of entries.entries()) {
  const seen = list.flatMap((e) => Object.keys(e.languages));
  const twice = seen.filter((l, i) => seen.indexOf(l) !== i);
  if (twice.length) throw new Error(`pages with different lang attributes (${[...byLang.keys()].join(', ')}) fell into one Pagefind language (${twice.join(', ')}): give them one lang attribute`);
  writeFileSync(join(partDir(k), 'pagefind-entry.json'), JSON.stringify({ ...list[0], languages: Object.assign({}, ...list.map((e) => e.languages)) }));
}

// Newest first, per language of the index: the dated pages' result ids (their fragment file names) in date
// order, for the search page to sort by when a reader asks (see newestFile in src/lib/search.ts).
const idOf = new Map<string, string>();
for (const k of entries.keys()) {
  const fragments = join(partDir(k), 'fragment');
  if (!existsSync(fragments)) continue;
  for (const name of readdirSync(fragments)) {
    const text = Buffer.from(readPagefindFile(join(fragments, name))).toString('utf8');
    const url = /^\{"url":"((?:[^"\\]|\\.)*)"/.exec(text)?.[1];
    if (url === undefined) throw new Error(`${join(fragments, name)}: found no page address at its start, expected {"url":…`);
    const id = name.replace(/\.pf_fragment$/, '');
    const address = JSON.parse(`"${url}"`) as string;
    const lang = [...partsOf.keys()].find((l) => address === wordListUrl(l));
    if (lang !== undefined) partsOf.get(lang)!.wordLists.push(id);
    else idOf.set(address, id);
  }
}
// The hosts that read `_headers` (written by the build, see headersFile in src/lib/csp.ts) cache the parts'
// content-named files for a year, as they do the first part's: a rule for each part's folders, in place of any
// an earlier run of this script added.
const headersPath = join(dist, '_headers');
const partDirs = [...new Set([...partsOf.values()].flatMap((p) => p.parts))].sort();
if (existsSync(headersPath)) {
  const rules = readFileSync(headersPath, 'utf8').replace(/\n+$/, '').split(/\n{2,}/);
  const prefix = rules.map((r) => /^(.*)pagefind\/index\/\*$/.exec(r.split('\n')[0]!)?.[1]).find((p) => p !== undefined);
  if (prefix === undefined) throw new Error(`${headersPath}: found no rule for pagefind/index/*, expected the one src/lib/csp.ts writes`);
  const kept = rules.filter((r) => !r.startsWith(`${prefix}pagefind/part-`));
  const added = partDirs.map((part) => pagefindCacheRules(prefix, part).join('\n').trim());
  writeFileSync(headersPath, `${[...kept, ...added].join('\n\n')}\n`);
}

// what the search page reads to merge a language's parts (see mergeParts in src/lib/search.ts)
mkdirSync(bundle, { recursive: true });
for (const [lang, parts] of partsOf) writeFileSync(join(bundle, partsFile(lang)), JSON.stringify({ ...parts, wordLists: [...new Set(parts.wordLists)].sort() }));
const newest = new Map<string, { id: string; url: string; key: string }[]>();
for (const [url, key] of dated) {
  const id = idOf.get(url);
  if (!id) throw new Error(`${url}: a dated page with no Pagefind fragment`);
  const lang = id.slice(0, id.lastIndexOf('_'));
  const list = newest.get(lang);
  if (list) list.push({ id, url, key });
  else newest.set(lang, [{ id, url, key }]);
}
for (const [lang, pages] of newest) {
  pages.sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  writeFileSync(join(bundle, newestFile(lang)), JSON.stringify(pages.map((p) => p.id)));
}
const inParts = [...partsOf].filter(([, p]) => p.parts.length > 0).map(([lang, p]) => `${lang} in ${p.parts.length + 1} parts`);
lap('placing');
console.log(`✓ search index: ${[...byLang].map(([lang, list]) => `${lang} ${list.length}`).join(', ')} pages${inParts.length ? ` (${inParts.join(', ')} of at most ${partPages} pages)` : ''}, chunks of ${chunkSize} word positions → ${bundle}`);
console.log(`ℹ search index stages: finding the indexed pages ${spent.scan.toFixed(1)} s, Pagefind reading them ${spent.reading.toFixed(1)} s, waiting for word lists ${spent.waiting.toFixed(1)} s, Pagefind writing ${spent.writing.toFixed(1)} s, the rest (starting Pagefind, placing the parts, the sort lists) ${spent.placing.toFixed(1)} s`);
