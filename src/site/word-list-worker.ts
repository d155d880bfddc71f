/**
 * A worker thread of scripts/index-search.ts: makes one language's word list (see wordListWords in
 * src/lib/search.ts) from its built pages, while the main thread feeds Pagefind, and sends it back as Pagefind
 * is given it: the words, sorted, one space between each.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { wordListWords } from '../lib/search.ts';

const { lang, files } = workerData as { lang: string; files: string[] };
const words = new Set<string>();
const segmenter = new Intl.Segmenter(lang || 'en', { granularity: 'word' });
for (const file of files) wordListWords(readFileSync(file, 'utf8'), words, segmenter);
parentPort!.postMessage([...words].sort().join(' '));
