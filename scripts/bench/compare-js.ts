// Client JavaScript of the comparison page: every script the built page loads (following its
// <script src> tags and the modules they import), raw and gzip bytes. Target: under 30 KB gzip.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const TARGET_GZIP = 30 * 1024;

/** Script files a page loads, with their static imports (Astro/Vite emit shared chunks as imports). */
export function pageScripts(dist: string, html: string): string[] {
  const seen = new Set<string>();
  const queue = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);
  while (queue.length) {
    const src = queue.shift()!;
    const path = join(dist, src.replace(/^\/+/, '').replace(/^.*?_astro\//, '_astro/'));
    if (seen.has(path) || !existsSync(path)) continue;
    seen.add(path);
    const js = readFileSync(path, 'utf8');
    for (const m of js.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) queue.push(`_astro/${m[1]!.split('/').pop()}`);
  }
  return [...seen];
}

export default async function bench({ dist }: { root: string; dist: string }): Promise<void> {
  for (const lang of ['en', 'zh']) {
    const page = join(dist, lang, 'compare', 'index.html');
    const html = readFileSync(page, 'utf8');
    const files = pageScripts(dist, html);
    let raw = 0;
    let gz = 0;
    for (const f of files) {
      const buf = readFileSync(f);
      raw += buf.length;
      const g = gzipSync(buf, { level: 9 }).length;
      gz += g;
      console.log(`  ${f.slice(dist.length + 1).padEnd(70)} ${String(buf.length).padStart(7)} B  ${String(g).padStart(6)} B gzip`);
    }
    // the script reads the list of indicators, then the figures of the indicator shown
    const indicator = /data-indicator="([^"]+)"/.exec(html)?.[1] ?? '';
    const data = Buffer.concat([readFileSync(join(dist, lang, 'compare', 'indicators.json')), readFileSync(join(dist, lang, 'compare', 'data', `${indicator}.json`))]);
    console.log(`/${lang}/compare/ client JS: ${files.length} file(s), ${raw} B raw, ${gz} B gzip (${(gz / 1024).toFixed(1)} KB; target < ${TARGET_GZIP / 1024} KB: ${gz < TARGET_GZIP ? 'met' : 'NOT met'})`);
    console.log(`/${lang}/compare/ data fetched by the script (indicators.json + data/${indicator}.json): ${data.length} B raw, ${gzipSync(data, { level: 9 }).length} B gzip`);
    console.log(`/${lang}/compare/ HTML: ${Buffer.byteLength(html)} B raw, ${gzipSync(html, { level: 9 }).length} B gzip`);
  }
}
