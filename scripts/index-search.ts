// Build the Pagefind full-text index over the built site (dist/ → dist/pagefind/).
// Pagefind splits the index by <html lang>: /en/ pages get English stemming, /zh/ pages (zh-Hans) Chinese
// word segmentation. Only pages that mark their main content with data-pagefind-body are indexed.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { listFiles } from '../src/lib/paths.ts';
import { indexChunkSize, marksIndexedContent, newestFile, pageForIndexer } from '../src/lib/search.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = process.argv[2] ?? join(root, 'dist');
const bundle = join(dist, 'pagefind');

/** A built file's path under dist/ with forward slashes: what Pagefind is given and what its page address comes from. */
const sourcePathOf = (file: string) => relative(dist, file).split(sep).join('/');

const htmlFiles = (dir: string) => listFiles(dir).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/')).map((f) => join(dir, f));

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
for (const file of files) {
  const html = readFileSync(file, 'utf8');
  const lang = /<html[^>]*\slang="([^"]+)"/i.exec(html)?.[1] ?? '';
  langOf.set(file, lang.toLowerCase());
  if (!marksIndexedContent(html)) continue;
  bodyFiles.push(file);
  indexed.set(lang, (indexed.get(lang) ?? 0) + 1);
  const key = /\sdata-date-sort="([^"]*)"/.exec(html)?.[1];
  if (key !== undefined) dated.set(`/${sourcePathOf(file).replace(/index\.html$/, '')}`, key);
}
const chunkSize = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE || String(indexChunkSize(Math.max(0, ...indexed.values())));
process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = chunkSize;

const problems: string[] = [];
// Only the pages Pagefind would index are sent to it (embed pages, the comparison and data pages are about half
// of all pages at scale, and each would be read, rewritten and parsed for nothing); a site where no page marks its
// content would be indexed whole, as Pagefind does.
const toIndex = bodyFiles.length ? bodyFiles : files;
// One language at a time: Pagefind keeps every page it was given in memory until it writes the index, and each
// language's index is built from its own pages only, so indexing them one after the other and putting the bundles
// together gives the same files with half the pages held at once.
const byLang = new Map<string, string[]>();
for (const file of toIndex) {
  const lang = langOf.get(file) ?? '';
  const list = byLang.get(lang);
  if (list) list.push(file);
  else byLang.set(lang, [file]);
}
rmSync(bundle, { recursive: true, force: true });
const parts = mkdtempSync(join(tmpdir(), 'atlas-pagefind-'));
const entries: { version: string; languages: Record<string, unknown> }[] = [];
for (const [n, langFiles] of [...byLang.values()].entries()) {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  for (const file of langFiles) {
    // The page as built, with blocks kept apart, chart labels readable and no element ids, for the indexer only
    // (see src/lib/search.ts).
    const sourcePath = sourcePathOf(file);
    const added = await index.addHTMLFile({ sourcePath, content: pageForIndexer(readFileSync(file, 'utf8')) });
    problems.push(...added.errors.map((e) => `${sourcePath}: ${e}`));
  }
  if (problems.length) throw new Error(`Pagefind indexing failed:\n${problems.join('\n')}`);
  const part = join(parts, String(n));
  const written = await index.writeFiles({ outputPath: part });
  if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
  await index.deleteIndex();
  entries.push(JSON.parse(readFileSync(join(part, 'pagefind-entry.json'), 'utf8')));
  // every part carries Pagefind's scripts and the language-independent files, the same in each
  cpSync(part, bundle, { recursive: true });
}
await pagefind.close();
rmSync(parts, { recursive: true, force: true });
// one entry file naming every language, as Pagefind writes it for a site indexed at once
const seen = entries.flatMap((e) => Object.keys(e.languages));
const twice = seen.filter((l, i) => seen.indexOf(l) !== i);
if (twice.length) throw new Error(`pages with different lang attributes (${[...byLang.keys()].join(', ')}) fell into one Pagefind language (${twice.join(', ')}): give them one lang attribute`);
writeFileSync(join(bundle, 'pagefind-entry.json'), JSON.stringify({ ...entries[0], languages: Object.assign({}, ...entries.map((e) => e.languages)) }));

// Newest first, per language of the index: the dated pages' result ids (their fragment file names) in date
// order, for the search page to sort by when a reader asks (see newestFile in src/lib/search.ts).
const idOf = new Map<string, string>();
const fragments = join(bundle, 'fragment');
for (const name of readdirSync(fragments)) {
  const text = gunzipSync(readFileSync(join(fragments, name))).toString('utf8');
  const url = /^pagefind_dcd\{"url":"((?:[^"\\]|\\.)*)"/.exec(text)?.[1];
  if (url === undefined) throw new Error(`${join(fragments, name)}: found no page address at its start, expected pagefind_dcd{"url":…`);
  idOf.set(JSON.parse(`"${url}"`) as string, name.replace(/\.pf_fragment$/, ''));
}
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
const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
console.log(`✓ search index: ${Object.entries(entry.languages).map(([lang, l]) => `${lang} ${l.page_count}`).join(', ')} pages, chunks of ${chunkSize} word positions → ${bundle}`);
