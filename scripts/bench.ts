// npm run bench: measures speed and size, printing numbers (never asserts). Each module in
// scripts/bench/ exports a default async function({ root, dist }) and prints its own section.
import { existsSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, '.tmp', 'bench-dist');
const only = process.argv.slice(2);

console.log(`Party-Building Case Atlas benchmark — node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
const r = spawnSync(process.execPath, [join(root, 'scripts', 'build.ts')], { cwd: root, env: { ...process.env, ATLAS_OUT_DIR: dist }, stdio: ['ignore', 'ignore', 'inherit'] });
if (r.status !== 0 || !existsSync(join(dist, 'index.html'))) {
  console.error('building the site failed');
  process.exit(1);
}
const dir = join(root, 'scripts', 'bench');
for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.startsWith('_')).sort()) {
  const name = file.replace(/\.ts$/, '');
  if (only.length && !only.includes(name)) continue;
  console.log(`\n== ${name} ==`);
  const mod = await import(pathToFileURL(join(dir, file)).href);
  await mod.default({ root, dist });
}
