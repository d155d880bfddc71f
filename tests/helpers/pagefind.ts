// Pagefind's browser API (pagefind.js from the built site), loaded into Node and pointed at the site served
// over HTTP — the same files, index and query code a reader's browser uses. Node 24 has fetch, WebAssembly and
// Intl.Segmenter with full ICU, which is all pagefind.js needs outside a browser.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { htmlLang, type Lang } from '../../src/lib/i18n.ts';
import type { PagefindApi, PagefindModule } from '../../src/lib/pagefind-api.ts';
import { fetchParts, mergeParts, PAGEFIND_RANKING, searchWholeTerms } from '../../src/lib/search.ts';
import { toSimplified } from '../../src/lib/simplify.ts';

/**
 * A Pagefind instance for one language of the site at `siteUrl` (ending in /), its index parts merged.
 * pagefind.js picks the language index from `<html lang>`, which it reads through `document`; in Node there is
 * no document, so for the moment the instance is created we provide just that attribute. Each language gets its
 * own copy of the module: the module keeps one WebAssembly instance, and languages load different ones.
 */
export async function loadPagefind(siteUrl: string, lang: Lang): Promise<PagefindApi> {
  const res = await fetch(new URL('pagefind/pagefind.js', siteUrl));
  if (!res.ok) throw new Error(`pagefind.js: HTTP ${res.status} from ${siteUrl}`);
  const dir = mkdtempSync(join(tmpdir(), `atlas-pagefind-${lang}-`));
  const file = join(dir, 'pagefind.mjs');
  writeFileSync(file, await res.text());
  let mod: PagefindModule;
  try {
    mod = (await import(pathToFileURL(file).href)) as PagefindModule;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const g = globalThis as { document?: unknown };
  const before = g.document;
  g.document = { querySelector: (sel: string) => (sel === 'html' ? { getAttribute: (a: string) => (a === 'lang' ? htmlLang(lang) : null) } : null) };
  const bundle = new URL('pagefind/', siteUrl).href;
  const baseUrl = new URL(siteUrl).pathname;
  let instance: PagefindApi;
  try {
    instance = mod.createInstance({ basePath: bundle, baseUrl, ranking: PAGEFIND_RANKING });
  } finally {
    if (before === undefined) delete g.document;
    else g.document = before;
  }
  await instance.init();
  // the language's other index parts, merged as the search page merges them
  return mergeParts(instance, await fetchParts(bundle, htmlLang(lang)), bundle, baseUrl);
}

/** URLs of every result of a query as the search page runs it: simplified, whole Chinese terms first. */
export async function siteResultUrls(pf: PagefindApi, query: string): Promise<string[]> {
  const response = await searchWholeTerms(pf, await toSimplified(query));
  if (!response) return [];
  return Promise.all(response.results.map(async (r) => (await r.data()).url));
}

/** URLs of every result of a query, in Pagefind's order. */
export async function resultUrls(pf: PagefindApi, term: string | null, options: Parameters<PagefindApi['search']>[1] = {}): Promise<string[]> {
  const response = await pf.search(term, options);
  if (!response) return [];
  return Promise.all(response.results.map(async (r) => (await r.data()).url));
}
