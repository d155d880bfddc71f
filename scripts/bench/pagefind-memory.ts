// Pagefind's memory for a number of case pages. Pagefind keeps every page's words until it writes the index, and
// needs several times that while writing, so its peak goes with the words on each page, summed over the pages.
// For each language, the built site's case pages are given to a fresh Pagefind process (its Node API, each page
// as scripts/index-search.ts gives it) BENCH_PAGEFIND_PAGES times in all (default 2,000), repeated at addresses
// of their own when the site has fewer; Pagefind's process's memory is read from /proc every 100 ms. Run it
// over the real site and over a synthetic one (BENCH_DIST=<its dist>) to see how far their pages differ.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { BenchContext } from '../bench.ts';
import { marksIndexedContent, pageForIndexer } from '../../src/lib/search.ts';
import { isPagefind, treeRss, wholeNumberFromEnv } from './_measure.ts';

const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20).toLocaleString('en')} MB`;

/** The largest resident memory among this process's Pagefind processes right now (bytes). */
const pagefindRss = () => Math.max(0, ...treeRss(process.pid).processes.filter((p) => isPagefind(p.name)).map((p) => p.rss));

export default async function pagefindMemory({ dist }: BenchContext): Promise<void> {
  const count = wholeNumberFromEnv('BENCH_PAGEFIND_PAGES', 2000, 'pages');
  const out = mkdtempSync(join(tmpdir(), 'atlas-pagefind-memory-'));
  try {
    for (const lang of ['en', 'zh']) {
      const dir = join(dist, lang, 'cases');
      // a case's page is cases/<slug>/index.html and marks its content for the index; the case index's pages do not
      const candidates = readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'index.html')))
        .map((e) => join(dir, e.name, 'index.html'))
        .sort();
      const files: string[] = [];
      for (const f of candidates) {
        if (files.length === count) break;
        if (marksIndexedContent(readFileSync(f, 'utf8'))) files.push(f);
      }
      if (!files.length) throw new Error(`${dir}: no case pages marked data-pagefind-body`);
      let peak = 0;
      let held = 0;
      let words = 0;
      const timer = setInterval(() => (peak = Math.max(peak, pagefindRss())), 100);
      try {
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        for (let i = 0; i < count; i++) {
          const file = files[i % files.length]!;
          const added = await index.addHTMLFile({ sourcePath: `${lang}/cases/copy-${i}/index.html`, content: pageForIndexer(readFileSync(file, 'utf8')) });
          if (added.errors.length) throw new Error(`${file}: ${added.errors.join('; ')}`);
          words += added.file.uniqueWords;
        }
        held = pagefindRss();
        const written = await index.writeFiles({ outputPath: join(out, lang) });
        if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
      } finally {
        clearInterval(timer);
        // a fresh Pagefind process for the next language (and none left running after an error)
        await pagefind.close();
      }
      peak = Math.max(peak, held);
      console.log(
        `${lang}: ${count.toLocaleString('en')} pages (${files.length.toLocaleString('en')} case pages${count > files.length ? ', repeated' : ''}), ` +
          `${Math.round(words / count).toLocaleString('en')} words a page; Pagefind's process ${mb(held)} with every page added, ` +
          `${mb(peak)} at its peak while writing (${mb((peak / count) * 1000)} per 1,000 pages)`,
      );
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
