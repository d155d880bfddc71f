// Benchmarks: builds the site into .tmp/bench-dist when there is none (or BENCH_REBUILD=1), then imports
// every module of scripts/bench/ in name order and awaits its default export with { root, dist }.
// Each module PRINTS its numbers; nothing here asserts.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchContext {
  root: string;
  dist: string;
}

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = resolve(root, process.env.BENCH_DIST ?? join('.tmp', 'bench-dist'));

if (process.env.BENCH_REBUILD === '1' || !existsSync(join(dist, 'index.html'))) {
  console.log(`building the site into ${dist} …`);
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build.ts')], { cwd: root, env: { ...process.env, ATLAS_OUT_DIR: dist }, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const dir = join(root, 'scripts', 'bench');
for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
  console.log(`\n# ${file}`);
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default: (ctx: BenchContext) => Promise<void> };
  await mod.default({ root, dist });
}
