// Search: the size of the Pagefind bundle per language on disk, and what a first query downloads in Chromium.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { BenchContext } from '../bench.ts';
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

/** The first queries of the issue, one per language page. */
const FIRST_QUERIES = [
  ['en', 'three-no communities'],
  ['zh', '三无小区'],
] as const;

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
    const own = all.filter((f) => f.path.startsWith(`pagefind.${key}_`) || /^(index|fragment|filter)\//.test(f.path) && f.path.split('/')[1]!.startsWith(`${key}_`));
    const kinds = ['index', 'fragment', 'filter'].map((k) => `${k} ${kb(sum(own.filter((f) => f.path.startsWith(`${k}/`))))}`).join(', ');
    const wasm = all.find((f) => f.path === `wasm.${l.wasm ?? 'unknown'}.pagefind`);
    console.log(`index ${key}: ${l.page_count} pages, ${kb(sum(own))} in ${own.length} files (${kinds}); WebAssembly ${wasm?.path} ${kb(wasm?.bytes ?? 0)}`);
  }

  const site = await serveStatic(dist, { port: 0 });
  const browser = await launch();
  try {
    for (const [lang, query] of FIRST_QUERIES) {
      // a fresh context: nothing cached
      const context = await browser.newContext();
      const page = await context.newPage();
      const loads: Promise<{ url: string; bytes: number }>[] = [];
      page.on('response', (res) => {
        if (new URL(res.url()).pathname.includes('/pagefind/')) loads.push(res.body().then((b) => ({ url: res.url(), bytes: b.byteLength })));
      });
      const started = Date.now();
      await page.goto(new URL(`${lang}/search/?q=${encodeURIComponent(query)}`, site.url).href);
      await page.waitForFunction(() => {
        const root = document.querySelector('[data-search]');
        return root && !root.hasAttribute('aria-busy') && document.querySelectorAll('[data-search-results] li').length > 0;
      });
      const elapsed = Date.now() - started;
      const got = await Promise.all(loads);
      const by = (re: RegExp) => sum(got.filter((g) => re.test(new URL(g.url).pathname)));
      console.log(
        `first query /${lang}/search/?q=${query}: ${got.length} requests, ${kb(sum(got))} ` +
          `(js ${kb(by(/\.js$/))}, wasm ${kb(by(/\.pagefind$/))}, meta ${kb(by(/\.pf_meta$/))}, index ${kb(by(/\.pf_index$/))}, ` +
          `filters ${kb(by(/\.pf_filter$/))}, fragments ${kb(by(/\.pf_fragment$/))}, entry ${kb(by(/\.json$/))}); ` +
          `${await page.locator('[data-search-results] li').count()} results shown, ${elapsed} ms on loopback`,
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
}
