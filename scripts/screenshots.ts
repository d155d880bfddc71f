// Full-page screenshots of every page type, at 360 px (phone) and 1280 px (desktop), in both languages,
// for looking at what readers see. Serves a built site (ATLAS_OUT_DIR, default dist/) on loopback and
// writes PNGs to .tmp/shots/<lang>-<page>-<width>.png.
//   node scripts/screenshots.ts                 every page type
//   node scripts/screenshots.ts compare region  only the page types whose name contains a word given
//   node scripts/screenshots.ts --screen        only the first screen of each page (not the full length)
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../src/lib/serve.ts';
import { launch } from '../tests/e2e/browser.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = resolve(root, process.env.ATLAS_OUT_DIR ?? 'dist');
const out = join(root, '.tmp', 'shots');
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`No built site in ${dist}. Run \`npm run build\` first.`);
  process.exit(1);
}

/** Page types: name → path under /<lang>/ (a query string or a missing address where that is the point). */
const PAGES: [string, string][] = [
  ['home', ''],
  ['cases', 'cases/'],
  ['case', 'cases/lianjiang/'],
  ['themes', 'themes/'],
  ['theme', 'themes/three-no-communities/'],
  ['regions', 'regions/'],
  ['region', 'regions/guangdong/'],
  ['region-county', 'regions/yingshan/'],
  ['compare', 'compare/'],
  ['compare-state', 'compare/?indicator=money_invested&scale=log'],
  ['search', 'search/?q=三无小区'],
  ['data', 'data/'],
  ['methodology', 'methodology/'],
  ['404', 'no-such-page/'],
];
const WIDTHS = [360, 1280];
const screenOnly = process.argv.includes('--screen');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const chosen = only.length ? PAGES.filter(([name]) => only.some((w) => name.includes(w))) : PAGES;

mkdirSync(out, { recursive: true });
const server = await serveStatic(dist, { port: 0 });
const browser = await launch();
try {
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: width < 600 ? 740 : 800 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    for (const lang of ['en', 'zh']) {
      for (const [name, path] of chosen) {
        await page.goto(new URL(`${lang}/${path}`, server.url).href);
        await page.waitForLoadState('networkidle');
        const file = join(out, `${lang}-${name}-${width}.png`);
        await page.screenshot({ path: file, fullPage: !screenOnly });
        console.log(file);
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
