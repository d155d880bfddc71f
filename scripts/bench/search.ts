// Search: the size of the Pagefind bundle per language on disk, and what a first query transfers in Chromium,
// counted over gzip at the server (so the Pagefind worker's requests are included).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { BenchContext } from '../bench.ts';
import { partsFile, type SearchParts } from '../../src/lib/search.ts';
import { serveStatic } from '../../src/lib/serve.ts';
import { launch } from '../../tests/e2e/browser.ts';

interface Entry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
}

function files(dir: string): { path: string; bytes: number }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? files(path) : [{ path, bytes: statSync(path).size }];
  });
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const sum = (xs: { bytes: number }[]) => xs.reduce((a, x) => a + x.bytes, 0);

/** First queries, each in a fresh browser (nothing cached): English, Chinese, and Chinese typed in traditional characters. */
const FIRST_QUERIES = [
  ['en', 'three-no communities'],
  ['zh', '三无小区'],
  ['zh', '三無小區'],
] as const;

/** What the target is: the first Chinese query, as transferred (search runtime, index, results, search script). */
const TARGET_KB = 150;

interface Transfer {
  path: string;
  raw: number;
  /** Bytes on the wire with gzip (level 6, as nginx or a CDN sends text); Pagefind's index files are gzip already. */
  wire: number;
}

/**
 * A recording proxy in front of the static server: every request the page and its workers make passes through
 * it, so the count includes what Pagefind's web worker fetches, which page-level events do not always show.
 */
async function recordingProxy(upstream: string): Promise<{ url: string; log: Transfer[]; close(): Promise<void> }> {
  const log: Transfer[] = [];
  const server = createServer(async (req, res) => {
    const target = new URL(req.url ?? '/', upstream);
    const got = await fetch(target);
    const body = Buffer.from(await got.arrayBuffer());
    const gz = gzipSync(body, { level: 6 }).byteLength;
    log.push({ path: decodeURIComponent(target.pathname), raw: body.byteLength, wire: Math.min(body.byteLength, gz) });
    const headers: Record<string, string> = {};
    got.headers.forEach((v, k) => {
      if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(k)) headers[k] = v;
    });
    res.writeHead(got.status, headers);
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, log, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export default async function searchBench({ dist }: BenchContext): Promise<void> {
  const bundle = join(dist, 'pagefind');
  const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as Entry;
  const all = files(bundle).map((f) => ({ ...f, path: relative(bundle, f.path).split(sep).join('/') }));
  const runtime = all.filter((f) => f.path === 'pagefind.js' || f.path === 'pagefind-worker.js');

  console.log(`Pagefind ${entry.version}: bundle ${kb(sum(all))} in ${all.length} files on disk`);
  console.log(`shared search runtime (pagefind.js + pagefind-worker.js): ${kb(sum(runtime))}`);
  const unusedUi = all.filter((f) => /^pagefind-(ui|modular-ui|component-ui|highlight)\./.test(f.path));
  console.log(`Pagefind's prebuilt UI files, written by Pagefind but never loaded by this site: ${kb(sum(unusedUi))}`);
  for (const [key, l] of Object.entries(entry.languages)) {
    // the language's index parts after the first, if it has any (see SEARCH_PART_PAGES in src/lib/search.ts)
    const partsPath = join(bundle, partsFile(key));
    const parts = existsSync(partsPath) ? (JSON.parse(readFileSync(partsPath, 'utf8')) as SearchParts).parts : [];
    const inParts = parts.map((p) => all.filter((f) => f.path.startsWith(p) && new RegExp(`^(?:pagefind\\.${key}_|(?:index|fragment|filter)/${key}_)`).test(f.path.slice(p.length))));
    if (parts.length) console.log(`index ${key}: in ${parts.length + 1} parts; the ${parts.length} after the first: ${parts.map((p, i) => `${p} ${kb(sum(inParts[i]!))}`).join(', ')}`);
    const own = all.filter((f) => f.path.startsWith(`pagefind.${key}_`) || /^(index|fragment|filter)\//.test(f.path) && f.path.split('/')[1]!.startsWith(`${key}_`));
    const kinds = ['index', 'fragment', 'filter'].map((k) => `${k} ${kb(sum(own.filter((f) => f.path.startsWith(`${k}/`))))}`).join(', ');
    const wasm = all.find((f) => f.path === `wasm.${l.wasm ?? 'unknown'}.pagefind`);
    const chunks = own.filter((f) => f.path.startsWith('index/'));
    const meta = own.find((f) => f.path.endsWith('.pf_meta'));
    console.log(
      `index ${key}: ${l.page_count} pages, ${kb(sum(own))} in ${own.length} files (${kinds}); ${chunks.length} index chunks, ` +
        `mean ${kb(sum(chunks) / Math.max(1, chunks.length))}, largest ${kb(Math.max(0, ...chunks.map((c) => c.bytes)))}; index list (pf_meta) ${kb(meta?.bytes ?? 0)}; WebAssembly ${wasm?.path} ${kb(wasm?.bytes ?? 0)}`,
    );
  }

  const site = await serveStatic(dist, { port: 0 });
  const proxy = await recordingProxy(site.url);
  const browser = await launch();
  const runs: { lang: string; query: string; got: Transfer[] }[] = [];
  try {
    for (const [lang, query] of FIRST_QUERIES) {
      // fresh: nothing cached; a phone screen, as most readers have
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      proxy.log.length = 0;
      const started = Date.now();
      await page.goto(new URL(`${lang}/search/?q=${encodeURIComponent(query)}`, proxy.url).href);
      await page.waitForFunction(() => {
        const root = document.querySelector('[data-search]');
        return root && !root.hasAttribute('aria-busy') && document.querySelectorAll('[data-search-results] li').length > 0;
      });
      const elapsed = Date.now() - started;
      await page.waitForLoadState('networkidle');
      const got = [...proxy.log];
      runs.push({ lang, query, got });
      const wire = (re: RegExp) => sum(got.filter((g) => re.test(g.path)).map((g) => ({ bytes: g.wire })));
      const search = got.filter((g) => g.path.includes('/pagefind/') || /search|\/_astro\/(?:core|cn)\./.test(g.path));
      const searchWire = sum(search.map((g) => ({ bytes: g.wire })));
      console.log(
        `first query /${lang}/search/?q=${query}: search ${kb(searchWire)} over gzip in ${search.length} requests ` +
          `(pagefind.js + worker ${kb(wire(/\/pagefind\/pagefind(-worker)?\.js$/))}, wasm ${kb(wire(/\.pagefind$/))}, meta ${kb(wire(/\.pf_meta$/))}, ` +
          `index ${kb(wire(/\.pf_index$/))}, filters ${kb(wire(/\.pf_filter$/))}, fragments ${kb(wire(/\.pf_fragment$/))} for ` +
          `${await page.locator('[data-search-results] li').count()} results shown, search script ${kb(wire(/\/_astro\/.*search.*\.js$/))}, ` +
          `traditional→simplified tables ${kb(wire(/\/_astro\/(?:core|cn)\.[\w-]+\.js$/))}); whole page ${kb(sum(got.map((g) => ({ bytes: g.wire }))))}; ` +
          `${elapsed} ms on loopback` +
          (lang === 'zh' && query === '三无小区' ? ` — target ≤ ${TARGET_KB} KB: ${searchWire / 1024 <= TARGET_KB ? 'met' : 'NOT MET'}` : ''),
      );
      await context.close();
    }
    const [, simplified, traditional] = runs;
    if (simplified && traditional) {
      const seen = new Set(simplified.got.map((g) => g.path));
      const extra = traditional.got.filter((g) => !seen.has(g.path) && g.path.startsWith('/_astro/'));
      console.log(`a traditional first query adds ${kb(sum(extra.map((g) => ({ bytes: g.wire }))))} over gzip (${extra.map((g) => `${g.path.split('/').pop()} ${kb(g.wire)}`).join(', ')}) to the same query typed in simplified characters`);
    }
  } finally {
    await browser.close();
    await proxy.close();
    await site.close();
  }
}
