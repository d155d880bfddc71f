// Build the Pagefind full-text index over the built site (dist/ → dist/pagefind/).
// Pagefind splits the index by <html lang>: /en/ pages get English stemming, /zh/ pages (zh-Hans) Chinese
// word segmentation. Only pages that mark their main content with data-pagefind-body are indexed.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { listFiles } from '../src/lib/paths.ts';
import { chartTextForIndex, dropIdsForIndex, indexChunkSize, spaceBlockBoundaries } from '../src/lib/search.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = process.argv[2] ?? join(root, 'dist');
const bundle = join(dist, 'pagefind');

const htmlFiles = (dir: string) => listFiles(dir).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/')).map((f) => join(dir, f));

const files = htmlFiles(dist);
// Chunks of the word index sized for the number of pages (see indexChunkSize): a first query fetches the chunk of
// each of its words, so at 84 pages a language 30 KiB chunks would be most of what it transfers. Pagefind reads
// the size from its environment when its process starts, so it is set before the first call.
const indexed = new Map<string, number>();
for (const file of files) {
  const html = readFileSync(file, 'utf8');
  if (!/\sdata-pagefind-body[\s>=]/.test(html)) continue;
  const lang = /<html[^>]*\slang="([^"]+)"/i.exec(html)?.[1] ?? '';
  indexed.set(lang, (indexed.get(lang) ?? 0) + 1);
}
const chunkSize = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE || String(indexChunkSize(Math.max(0, ...indexed.values())));
process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = chunkSize;

const { index, errors } = await pagefind.createIndex({});
if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
const problems: string[] = [];
for (const file of files) {
  // The page as built, with blocks kept apart, chart labels readable and no element ids, for the indexer only
  // (see src/lib/search.ts).
  const sourcePath = relative(dist, file).split(sep).join('/');
  const added = await index.addHTMLFile({ sourcePath, content: dropIdsForIndex(chartTextForIndex(spaceBlockBoundaries(readFileSync(file, 'utf8')))) });
  problems.push(...added.errors.map((e) => `${sourcePath}: ${e}`));
}
if (problems.length) throw new Error(`Pagefind indexing failed:\n${problems.join('\n')}`);
const written = await index.writeFiles({ outputPath: bundle });
if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
await pagefind.close();
const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
console.log(`✓ search index: ${Object.entries(entry.languages).map(([lang, l]) => `${lang} ${l.page_count}`).join(', ')} pages, chunks of ${chunkSize} word positions → ${bundle}`);
