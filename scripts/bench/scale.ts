// Build synthetic corpora of growing size; print build time, per-page cost, search index size and peak memory.
// BENCH_SIZES=500,2000,5000 (default) chooses the corpus sizes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from './_corpus.ts';
import { htmlCount, dirBytes } from './_fs.ts';

export default async function ({ root }: { root: string }) {
  const sizes = (process.env.BENCH_SIZES ?? '500,2000,5000').split(',').map(Number).filter((n) => n > 0);
  const rows: { n: number; pages: number; seconds: number; perPageMs: number; indexMB: number; peakMB: number; steps: string }[] = [];
  for (const n of sizes) {
    const dir = mkdtempSync(join(tmpdir(), `atlas-bench-${n}-`));
    try {
      const c = generateCorpus(root, dir, n);
      const out = join(dir, 'dist');
      const started = process.hrtime.bigint();
      const r = spawnSync('/usr/bin/time', ['-f', 'PEAK_RSS_KB=%M', process.execPath, join(root, 'scripts', 'build.ts')], {
        cwd: root,
        env: { ...process.env, ATLAS_OUT_DIR: out, ATLAS_DATA_DIR: c.data, ATLAS_CONTENT_DIR: c.content, ATLAS_SOURCES_DIR: c.sources },
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (r.status !== 0) {
        console.log(`${n} cases: build failed\n${r.stderr.slice(-2000)}`);
        continue;
      }
      const peakKb = Number(/PEAK_RSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? 0);
      const steps = [...r.stdout.matchAll(/✓ (validate data and render pages|index search) \(([\d.]+) s\)/g)].map((m) => `${m[1]} ${m[2]} s`).join(', ');
      const pages = htmlCount(out);
      rows.push({ n, pages, seconds, perPageMs: (seconds * 1000) / pages, indexMB: dirBytes(join(out, 'pagefind')) / 2 ** 20, peakMB: peakKb / 1024, steps });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log('cases  pages   build s  ms/page  index MB  peak RSS MB  steps');
  for (const r of rows)
    console.log(`${String(r.n).padStart(5)}  ${String(r.pages).padStart(5)}  ${r.seconds.toFixed(1).padStart(8)}  ${r.perPageMs.toFixed(2).padStart(7)}  ${r.indexMB.toFixed(2).padStart(8)}  ${r.peakMB.toFixed(0).padStart(11)}  ${r.steps}`);
  if (rows.length >= 2) {
    const a = rows[0]!;
    const b = rows[rows.length - 1]!;
    console.log(`per-page cost growth from ${a.n} to ${b.n} cases: ×${(b.perPageMs / a.perPageMs).toFixed(2)} (1.00 = perfectly linear total time)`);
  }
}
