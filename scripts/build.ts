// Build the whole site: render every page with Astro (its content loader validates the data first and
// stops the build with every located message), then index it with Pagefind.
// ATLAS_OUT_DIR sets the output directory (default dist/); ATLAS_PAGE_LOG=1 lets Astro print every file it writes,
// with the time it took (the scale benchmark sums them by kind).
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = resolve(root, process.env.ATLAS_OUT_DIR ?? 'dist');
const env: NodeJS.ProcessEnv = { ...process.env, ATLAS_OUT_DIR: out };
// Vite lets these environment variables override import.meta.env: a BASE_URL left over from another
// tool (vitest sets BASE_URL=/) would put every link of a BASE=/sub/ build at the wrong path.
for (const k of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'ASSETS_PREFIX']) delete env[k];

function step(label: string, args: string[]): void {
  const started = Date.now();
  const r = spawnSync(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`✗ ${label} failed`);
    process.exit(r.status ?? 1);
  }
  console.log(`✓ ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

if (!process.env.SITE?.trim())
  console.log('ℹ SITE is not set: links are root-relative; no sitemap, RSS feeds, og:url/preview images, QR codes or page addresses in citations (set SITE=https://your.domain to publish them)');

const astroBuild = [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', ...(process.env.ATLAS_PAGE_LOG ? [] : ['--silent'])];
step('validate data and render pages', astroBuild);
step('index search', [join(root, 'scripts', 'index-search.ts'), out]);
console.log(`Built site in ${out}`);
