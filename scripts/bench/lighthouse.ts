// Lighthouse (mobile settings) for each page type, driving the system Chromium.
import { launch as launchChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveStatic } from '../../src/lib/serve.ts';

const PAGES: [string, string][] = [
  ['home', 'en/'],
  ['case index', 'en/cases/'],
  ['case (zh)', 'zh/cases/lianjiang/'],
  ['theme', 'en/themes/three-no-communities/'],
  ['region', 'en/regions/guangdong/'],
  ['compare', 'en/compare/'],
  ['search', 'en/search/?q=three-no+communities'],
  ['data', 'en/data/'],
  ['methodology', 'en/methodology/'],
  ['404', 'en/404/'],
];

export default async function ({ dist }: { dist: string }) {
  const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  const server = await serveStatic(dist, { port: 0 });
  const chrome = await launchChrome({
    chromePath,
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    console.log('page type      perf  a11y  best-practices  seo');
    for (const [type, path] of PAGES) {
      const url = new URL(path, server.url).href;
      const res = await fetch(url);
      if (res.status !== 200) continue;
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
      const c = result?.lhr.categories;
      if (!c) continue;
      const s = (k: string) => String(Math.round((c[k]?.score ?? 0) * 100)).padStart(4);
      const failing = Object.values(c)
        .filter((cat) => (cat.score ?? 1) < 1)
        .flatMap((cat) => cat.auditRefs.filter((r) => r.weight > 0 && (result!.lhr.audits[r.id]?.score ?? 1) < 1).map((r) => r.id));
      console.log(`${type.padEnd(13)} ${s('performance')}  ${s('accessibility')}  ${s('best-practices').padStart(14)}  ${s('seo')}${failing.length ? `   below 100: ${[...new Set(failing)].join(', ')}` : ''}`);
    }
  } finally {
    chrome.kill();
    await server.close();
  }
}
