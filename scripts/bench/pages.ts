// Bytes per page type: HTML, CSS and JS each page loads, raw and gzip.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: [string, string][] = [
  ['home', 'en/index.html'],
  ['case index', 'en/cases/index.html'],
  ['case', 'zh/cases/lianjiang/index.html'],
  ['theme', 'en/themes/three-no-communities/index.html'],
  ['region', 'en/regions/guangdong/index.html'],
  ['compare', 'en/compare/index.html'],
  ['search', 'en/search/index.html'],
  ['data', 'en/data/index.html'],
  ['methodology', 'en/methodology/index.html'],
  ['404', '404.html'],
];

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export default async function ({ dist }: { dist: string }) {
  const rows: string[][] = [['page type', 'HTML', 'HTML gz', 'CSS', 'CSS gz', 'JS', 'JS gz']];
  for (const [type, file] of TYPES) {
    let html: Buffer;
    try {
      html = readFileSync(join(dist, file));
    } catch {
      continue;
    }
    const text = html.toString('utf8');
    const assets = (re: RegExp) => [...text.matchAll(re)].map((m) => m[1]!).filter((u) => !/^https?:/.test(u));
    const load = (urls: string[]) => urls.map((u) => {
      try {
        return readFileSync(join(dist, u.replace(/^\/+/, '').replace(/^[^/]*\/(?=_astro)/, '')));
      } catch {
        return Buffer.alloc(0);
      }
    });
    const css = load(assets(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g));
    const js = load(assets(/<script[^>]+src="([^"]+)"/g));
    const sum = (bs: Buffer[]) => bs.reduce((a, b) => a + b.length, 0);
    const gz = (bs: Buffer[]) => bs.reduce((a, b) => a + gzipSync(b).length, 0);
    rows.push([type, kb(html.length), kb(gzipSync(html).length), kb(sum(css)), kb(gz(css)), kb(sum(js)), kb(gz(js))]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
}
