// Benchmarks: build the site into .tmp/bench-dist (when it is missing or older than the sources), then import
// every module in scripts/bench/ in name order and await its default export, which prints its numbers.
// `npm run bench -- search` runs only the modules whose file name contains "search".
// BENCH_DIST=path uses an already built site instead.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { listFiles } from '../src/lib/paths.ts';

export interface BenchContext {
  /** The project root. */
  root: string;
  /** A built site (pages and search index). */
  dist: string;
}

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = process.env.BENCH_DIST ? resolve(process.env.BENCH_DIST) : join(root, '.tmp', 'bench-dist');
const only = process.argv.slice(2);

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...listFiles(path).map((f) => statSync(join(path, f)).mtimeMs));
}

const builtAt = newest(join(dist, 'pagefind', 'pagefind-entry.json'));
const sourcesAt = Math.max(...['content', 'data', 'src', 'public', 'scripts/build.ts', 'scripts/index-search.ts', 'astro.config.mjs', 'package.json'].map((p) => newest(join(root, p))));
if (!process.env.BENCH_DIST && (!builtAt || builtAt < sourcesAt)) {
  console.log(`building the site into ${dist} …`);
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build.ts')], { cwd: root, env: { ...process.env, ATLAS_OUT_DIR: dist }, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
} else if (!builtAt) {
  console.error(`BENCH_DIST=${dist} holds no built site (no pagefind/pagefind-entry.json).`);
  process.exit(1);
}

console.log(`Party-Building Case Atlas benchmark — node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
const dir = join(root, 'scripts', 'bench');
const modules = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_') && (only.length === 0 || only.some((o) => f.includes(o))))
  .sort();
for (const file of modules) {
  console.log(`\n## ${file.replace(/\.ts$/, '')}`);
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default: (ctx: BenchContext) => Promise<void> };
  await mod.default({ root, dist });
}
