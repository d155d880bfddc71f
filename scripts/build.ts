// Build the whole site: render every page with Astro (its content loader validates the data first and
// stops the build with every located message), then index it with Pagefind; the preview images are drawn
// beside both by scripts/draw-cards.ts.
// ATLAS_OUT_DIR sets the output directory (default dist/); ATLAS_PAGE_LOG=1 lets Astro print every file it writes,
// with the time it took (the scale benchmark sums them by kind).
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { astroBuildArgs } from '../src/site/node-flags.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = resolve(root, process.env.ATLAS_OUT_DIR ?? 'dist');
// Astro's images route lists the preview images here, and scripts/draw-cards.ts draws them beside the other steps
const plan = join(root, '.tmp', `og-plan-${process.pid}.json`);
const env: NodeJS.ProcessEnv = { ...process.env, ATLAS_OUT_DIR: out, ATLAS_OG_PLAN: plan };
// Vite lets these environment variables override import.meta.env: a BASE_URL left over from another
// tool (vitest sets BASE_URL=/) would put every link of a BASE=/sub/ build at the wrong path.
for (const k of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'ASSETS_PREFIX']) delete env[k];

const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);
const exited = (child: ChildProcess) => new Promise<number>((done) => child.once('exit', (code, signal) => done(code ?? (signal ? 1 : 0))));

rmSync(plan, { force: true });
const drawer = fork(join(root, 'scripts', 'draw-cards.ts'), [plan, out], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const drawn = exited(drawer);

function fail(label: string, code: number): never {
  console.error(`✗ ${label} failed`);
  drawer.kill();
  rmSync(plan, { force: true });
  process.exit(code || 1);
}

async function step(label: string, args: string[]): Promise<void> {
  const since = Date.now();
  const code = await exited(spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' }));
  if (code !== 0) fail(label, code);
  console.log(`✓ ${label} (${seconds(since)} s)`);
}

if (!process.env.SITE?.trim())
  console.log('ℹ SITE is not set: links are root-relative; no sitemap, RSS feeds, og:url/preview images, QR codes or page addresses in citations (set SITE=https://your.domain to publish them)');

const astroBuild = [...astroBuildArgs(root), ...(process.env.ATLAS_PAGE_LOG ? [] : ['--silent'])];
await step('validate data and render pages', astroBuild);
if (drawer.connected) drawer.send('pages-written');
await step('index search', [join(root, 'scripts', 'index-search.ts'), out]);
const indexed = Date.now();
if (drawer.connected) drawer.send('index-written');
const code = await drawn;
rmSync(plan, { force: true });
if (code !== 0) fail('preview images', code);
console.log(`✓ preview images, after the search index (${seconds(indexed)} s)`);
console.log(`Built site in ${out}`);
