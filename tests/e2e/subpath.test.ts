// The site deployed under a sub-path, served by nginx with the shipped deploy/nginx.conf (only its port,
// root and base filled in): every file, page, link, anchor, download, feed, preview image and the search
// index work there, and every kind of response carries the security and cache headers.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import Papa from 'papaparse';
import { PNG } from 'pngjs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/lib/load.ts';
import { TABLES } from '../../src/lib/schema.ts';
import { checkDataPackage, type Descriptor } from '../helpers/frictionless.ts';
import { ROOT } from '../helpers/fixture.ts';
import { listFiles } from '../helpers/site.ts';
import { DEPLOY_CONF, startStaticHost, type StaticHost } from '../helpers/nginx.ts';
import { CACHE_CONTROL, CSP_DIRECTIVES, cspHeaderFor, EMBED_PREFIXES, FRAME_ANCESTORS, isEmbedPath, nginxCspLine, SECURITY_HEADERS } from '../../src/lib/csp.ts';
import { launch, watchErrors } from './browser.ts';

const BASE = '/party-building-atlas/';
const SITE = 'https://atlas.example.org';
const PUBLIC = `${SITE}${BASE}`;
const OUT = join(ROOT, '.tmp', 'e2e-subpath');
const data = loadProject(ROOT);
const slugs = [...new Set(data.cases.map((c) => c.slug))];

let nginx: StaticHost | undefined;
let browser: Browser | undefined;
let files: string[] = [];


/** The served URL of a base-relative path, or of a public absolute URL of the site. */
const served = (path: string) => (path.startsWith(PUBLIC) ? nginx!.url + path.slice(PUBLIC.length) : nginx!.url + path.replace(/^\/+/, ''));
/** Base-relative URL path of a built file: en/cases/x/index.html → en/cases/x/ */
const fileUrl = (file: string) => file.replace(/(^|\/)index\.html$/, '$1');

const responses = new Map<string, Promise<{ status: number; type: string; body: Buffer }>>();
function get(url: string) {
  let r = responses.get(url);
  if (!r) {
    r = fetch(url, { redirect: 'manual' }).then(async (res) => ({ status: res.status, type: res.headers.get('content-type') ?? '', body: Buffer.from(await res.arrayBuffer()) }));
    responses.set(url, r);
  }
  return r;
}

interface PageFacts {
  ids: Set<string>;
  refs: { attr: string; value: string }[];
  /** `<base href>`, against which a browser resolves the page's relative links (embed pages name their full page). */
  base?: string;
}
function parseHtml(html: string): PageFacts {
  const ids = new Set<string>();
  const refs: PageFacts['refs'] = [];
  let base: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, a) {
        if (name === 'base' && a.href && base === undefined) base = a.href;
        if (a.id) ids.add(a.id);
        if (name === 'a' && a.name) ids.add(a.name);
        for (const attr of ['href', 'src', 'action', 'poster', 'data']) if (a[attr] !== undefined) refs.push({ attr: `${name}[${attr}]`, value: a[attr]! });
        for (const attr of ['srcset', 'imagesrcset']) if (a[attr]) for (const part of a[attr]!.split(',')) refs.push({ attr: `${name}[${attr}]`, value: part.trim().split(/\s+/)[0]! });
        if (name === 'meta' && a.content && /^(og:(image|url)|twitter:image)$/.test(a.property ?? a.name ?? '')) refs.push({ attr: `meta[${a.property ?? a.name}]`, value: a.content });
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return { ids, refs, base };
}

beforeAll(async () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.ts')], {
    cwd: ROOT,
    env: { ...process.env, ATLAS_OUT_DIR: OUT, BASE, SITE },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`building the site under ${BASE} failed:\n${r.stdout}\n${r.stderr}`);
  files = listFiles(OUT);
  // An embed page to check frame-ancestors on, whether or not the build has embed pages yet (not in `files`).
  mkdirSync(join(OUT, EMBED_PREFIXES[0], 'header-probe'), { recursive: true });
  writeFileSync(join(OUT, EMBED_PREFIXES[0], 'header-probe', 'index.html'), '<!doctype html><title>probe</title>');
  nginx = await startStaticHost(OUT, BASE);
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await nginx?.stop();
});

describe(`served by a static host (nginx where installed) under ${BASE}`, () => {
  it('every built file is served with 200, and nothing is served outside the base path', async () => {
    expect(files.length).toBeGreaterThan(200);
    const failed: string[] = [];
    for (const f of files) {
      const res = await get(served(fileUrl(f)));
      if (res.status !== 200) failed.push(`${f}: ${res.status}`);
    }
    expect(failed).toEqual([]);
    expect((await fetch(nginx!.url.replace(BASE, '/en/'))).status).toBe(404);
  });

  it('a missing page answers 404 with the site’s not-found page, its links under the base', async () => {
    const res = await fetch(served('en/cases/no-such-case/'));
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('Page not found');
    expect(html).toMatch(new RegExp(`href="${BASE}en/"`));
  });

  it('a missing page under zh/ answers 404 with the Chinese not-found page and its search box', async () => {
    const res = await fetch(served('zh/cases/no-such-case/'));
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('<html lang="zh-Hans">');
    expect(html).toMatch(/<h1[^>]*>页面不存在<\/h1>/);
    expect(html).toMatch(new RegExp(`<form class="not-found-search"[^>]*action="${BASE}zh/search/"`));
    expect(html).not.toContain('Page not found');
  });

  it('crawling every page finds no broken internal link or anchor, and no link that leaves the base path', async () => {
    const pages = files.filter((f) => f.endsWith('.html'));
    const facts = new Map<string, PageFacts>();
    for (const f of pages) facts.set(served(fileUrl(f)), parseHtml(readFileSync(join(OUT, f), 'utf8')));
    const origin = new URL(nginx!.url).origin;
    const broken: string[] = [];
    let checked = 0;
    for (const [pageUrl, { refs, base }] of facts) {
      for (const { attr, value } of refs) {
        if (/^(mailto|tel|data):/.test(value)) continue;
        let target = new URL(value, base ? new URL(base, pageUrl) : pageUrl);
        if (target.href.startsWith(PUBLIC)) target = new URL(served(target.href));
        else if (target.origin !== origin) {
          if (target.origin === SITE) broken.push(`${pageUrl} ${attr}=${value}: absolute URL outside ${BASE}`);
          continue; // an external link
        }
        if (!target.pathname.startsWith(BASE)) {
          broken.push(`${pageUrl} ${attr}=${value}: outside ${BASE}`);
          continue;
        }
        checked++;
        const hash = decodeURIComponent(target.hash.slice(1));
        target.hash = '';
        const res = await get(target.href);
        if (res.status !== 200) broken.push(`${pageUrl} ${attr}=${value}: ${res.status}`);
        else if (hash) {
          const t = facts.get(target.href) ?? (res.type.startsWith('text/html') ? parseHtml(res.body.toString('utf8')) : undefined);
          if (!t?.ids.has(hash)) broken.push(`${pageUrl} ${attr}=${value}: no element with id “${hash}” there`);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(pages.length * 10);
  }, 120_000);

  it('every page has a canonical URL, hreflang alternates and a preview image under the public base URL', async () => {
    // embed pages (noindex, a chart alone for other sites' iframes) name their full page as canonical
    for (const f of files.filter((x) => x.endsWith('index.html') && !x.includes('404') && !/(^|\/)(en|zh)\/embed\//.test(x))) {
      const html = readFileSync(join(OUT, f), 'utf8');
      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
      expect(canonical, f).toBe(PUBLIC + fileUrl(f));
      if (f !== 'index.html') {
        expect(html, f).toMatch(/<link rel="alternate" hreflang="zh-Hans" href="https:\/\/atlas\.example\.org\/party-building-atlas\/zh\//);
        expect(html, f).toMatch(/<link rel="alternate" hreflang="en" href="https:\/\/atlas\.example\.org\/party-building-atlas\/en\//);
      }
      expect(html, f).toMatch(/<meta property="og:image" content="https:\/\/atlas\.example\.org\/party-building-atlas\/og\/(en|zh)\/[a-z0-9/-]+\.png"/);
    }
  });
});

describe(`with SITE=${SITE}, every absolute address is on it`, () => {
  // Standards and licences the pages name on purpose; anything else absolute must be the site's own address.
  const EXTERNAL = new Set(['http://www.w3.org', 'https://creativecommons.org', 'https://schema.org', 'http://www.sitemaps.org', 'http://www.google.com', 'https://www.naturalearthdata.com']);

  it('no built file names localhost or a loopback address, and every other absolute URL is under the public base', () => {
    const wrong: string[] = [];
    let ours = 0;
    for (const f of files.filter((x) => /\.(html|xml|txt|json|csv)$|(^|\/)_headers$/.test(x) && !x.startsWith('pagefind/'))) {
      const text = readFileSync(join(OUT, f), 'utf8');
      for (const m of text.matchAll(/https?:\/\/[^\s"'<>\\)}\]]+/g)) {
        const u = m[0];
        if (u.startsWith(PUBLIC)) ours++;
        else if (!EXTERNAL.has(new URL(u).origin)) wrong.push(`${f}: ${u}`);
      }
      if (/localhost|127\.0\.0\.1/.test(text)) wrong.push(`${f}: names localhost`);
    }
    expect(wrong).toEqual([]);
    expect(ours).toBeGreaterThan(files.length);
  });

  it('a case page carries it in og:url, the share field, the QR code and every citation of the page', () => {
    const html = readFileSync(join(OUT, 'en', 'cases', 'lianjiang', 'index.html'), 'utf8');
    const page = `${PUBLIC}en/cases/lianjiang/`;
    expect(html).toContain(`<meta property="og:url" content="${page}">`);
    expect(html).toMatch(new RegExp(`id="share-url"[^>]*value="${page}"`));
    expect(html).toContain(`aria-label="QR code of this page’s address, ${page}"`);
    for (const style of ['gbt7714', 'apa', 'bibtex']) expect(new RegExp(`id="cite-${style}-page"[^]*?${page}`).test(html), style).toBe(true);
  });
});

describe('downloads, feeds and discovery under the base path', () => {
  it('each CSV is downloadable exactly as published', async () => {
    for (const t of TABLES) {
      const res = await get(served(`data/${t}.csv`));
      expect(res.status, t).toBe(200);
      expect(res.body.equals(readFileSync(join(ROOT, 'data', `${t}.csv`))), `${t}.csv byte for byte`).toBe(true);
    }
  });

  it('datapackage.json validates against the CSVs it describes, fetched from the server', async () => {
    const pkg = JSON.parse((await get(served('data/datapackage.json'))).body.toString('utf8')) as Descriptor & { homepage: string };
    expect(pkg.homepage).toBe(`${PUBLIC}en/data/`);
    const bytes = new Map<string, Uint8Array>();
    for (const r of pkg.resources) bytes.set(r.path, (await get(served(`data/${r.path}`))).body);
    expect(checkDataPackage(pkg, (p) => bytes.get(p))).toEqual([]);
    for (const r of pkg.resources) {
      const json = JSON.parse((await get(served(`data/${r.name}.json`))).body.toString('utf8')) as unknown[];
      const csv = Papa.parse<Record<string, string>>(new TextDecoder().decode(bytes.get(r.path)), { header: true, skipEmptyLines: true }).data;
      expect(json.length, r.name).toBe(csv.length);
      expect(json.length, r.name).toBeGreaterThan(0);
    }
  });

  it('the RSS feeds list every case with links under the public base URL', async () => {
    for (const lang of ['en', 'zh']) {
      const res = await get(served(`${lang}/rss.xml`));
      expect(res.status).toBe(200);
      const xml = res.body.toString('utf8');
      const links = [...xml.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((m) => m[1]!);
      // cases, plus the stories that come first in the feed
      expect(links.filter((l) => !l.startsWith(`${PUBLIC}${lang}/stories/`)).sort()).toEqual(slugs.map((s) => `${PUBLIC}${lang}/cases/${s}/`).sort());
      for (const l of links) expect((await get(served(l))).status, l).toBe(200);
    }
  });

  it('robots.txt names the sitemap, and the sitemap lists every page (and only pages that exist)', async () => {
    const robots = (await get(served('robots.txt'))).body.toString('utf8');
    expect(robots).toContain(`Sitemap: ${PUBLIC}sitemap.xml`);
    const index = (await get(served('sitemap-index.xml'))).body.toString('utf8');
    expect((await get(served('sitemap.xml'))).body.toString('utf8')).toBe(index);
    const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(maps.length).toBeGreaterThan(0);
    const locs: string[] = [];
    for (const m of maps) {
      expect(m.startsWith(PUBLIC)).toBe(true);
      const xml = (await get(served(m))).body.toString('utf8');
      locs.push(...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((x) => x[1]!));
      for (const h of xml.matchAll(/hreflang="[^"]+" href="([^"]+)"/g)) expect((await get(served(h[1]!))).status, h[1]).toBe(200);
    }
    // not-found pages and embed pages (noindex: a chart alone, for other sites' iframes) are left out
    const pages = files.filter((f) => f.endsWith('index.html') && !/(^|\/)404\//.test(f) && !/(^|\/)(en|zh)\/embed\//.test(f)).map((f) => PUBLIC + fileUrl(f));
    expect(locs.sort()).toEqual(pages.sort());
  });

  it('the preview image of a Chinese case is a 1200×630 PNG with its title drawn', async () => {
    const html = readFileSync(join(OUT, 'zh', 'cases', 'lianjiang', 'index.html'), 'utf8');
    const src = /<meta property="og:image" content="([^"]+)"/.exec(html)![1]!;
    const res = await get(served(src));
    expect(res.status).toBe(200);
    expect(res.type).toBe('image/png');
    const png = res.body;
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    const img = PNG.sync.read(png);
    const colours = new Set<number>();
    let dark = 0;
    // The title band (below the site name, above the figure): near-black title glyphs, if they were drawn.
    for (let y = 0; y < img.height; y++)
      for (let x = 0; x < img.width; x++) {
        const i = (y * img.width + x) * 4;
        const [r, g, b] = [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!];
        colours.add((r << 16) | (g << 8) | b);
        if (y > 150 && y < 450 && x > 80 && r + g + b < 180) dark++;
      }
    expect(colours.size).toBeGreaterThan(50); // anti-aliased text in several colours, not a blank or flat image
    expect(dark / (300 * 1100)).toBeGreaterThan(0.03);
  });
});

describe('in a browser, under the base path', () => {
  const PAGES = ['', 'cases/', 'cases/lianjiang/', 'themes/three-no-communities/', 'regions/guangdong/', 'methodology/', 'data/'];
  for (const lang of ['en', 'zh']) {
    it(`pages load with their styles and scripts, no failed request, error or webfont (${lang})`, async () => {
      const context = await browser!.newContext();
      const problems = watchErrors(context);
      const fonts: string[] = [];
      context.on('request', (r) => {
        if (r.resourceType() === 'font' || /\.(ttf|otf|woff2?)(\?|$)/.test(r.url())) fonts.push(r.url());
      });
      const page = await context.newPage();
      for (const p of PAGES) {
        const res = await page.goto(served(`${lang}/${p}`));
        expect(res?.status(), p).toBe(200);
        await page.waitForLoadState('networkidle');
        expect(await page.$eval('.site-header', (el) => getComputedStyle(el).borderBottomStyle), p).toBe('solid');
      }
      expect(problems).toEqual([]);
      expect(fonts, 'pages load no webfont (the CJK font is only for preview images)').toEqual([]);
      await context.close();
    });
  }

  it('the copy-link button copies the page’s public address', async () => {
    const context = await browser!.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(nginx!.url).origin });
    const page = await context.newPage();
    await page.goto(served('zh/cases/lianjiang/'));
    const button = page.locator('button[data-copy-target="share-url"]');
    await button.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${PUBLIC}zh/cases/lianjiang/`);
    expect(await button.locator('xpath=following-sibling::*[@role="status"]').textContent()).toBe('已复制');
    await page.locator('button[data-copy-target="cite-gbt7714-report"]').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\[N\]\./);
    await context.close();
  });

  it('without JavaScript the address and citations are there to select, and no copy button shows', async () => {
    const context = await browser!.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(served('en/cases/lianjiang/'));
    expect(await page.inputValue('#share-url')).toBe(`${PUBLIC}en/cases/lianjiang/`);
    expect(await page.locator('button[data-copy-target]:visible').count()).toBe(0);
    expect(await page.locator('#cite-apa-report').textContent()).toContain('郭文治');
    expect(await page.locator('svg[role="img"][aria-label*="QR"]').count()).toBe(1);
    await context.close();
  });

  it('the search script and index load from the base path and return results under it', async () => {
    const context = await browser!.newContext();
    const problems = watchErrors(context);
    const page = await context.newPage();
    await page.goto(served('zh/'));
    // A string, not a function: the test runner would rewrite a function's import() for Node.
    const urls = (await page.evaluate(`(async () => {
      const pagefind = await import(${JSON.stringify(`${BASE}pagefind/pagefind.js`)});
      const search = await pagefind.search('廉江');
      return Promise.all(search.results.slice(0, 5).map(async (r) => (await r.data()).url));
    })()`)) as string[];
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) {
      expect(u.startsWith(BASE)).toBe(true);
      expect((await get(new URL(u, nginx!.url).href)).status, u).toBe(200);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('security and cache headers', () => {
  // Plant: change a directive in src/lib/csp.ts (e.g. img-src 'self' only) and not deploy/nginx.conf —
  // this fails and prints the line the file must hold.
  it('deploy/nginx.conf holds the policy and headers of src/lib/csp.ts', () => {
    const conf = readFileSync(DEPLOY_CONF, 'utf8');
    expect(conf.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('add_header Content-Security-Policy'))).toEqual([nginxCspLine()]);
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) expect(conf, k).toContain(`add_header ${k} "${v}" always;`);
    const map = /map \$uri \$atlas_frame_ancestors \{([^}]*)\}/.exec(conf)?.[1] ?? '';
    expect(map).toContain(`default "${FRAME_ANCESTORS.page}";`);
    expect(map).toContain(`"~^@BASE@(${EMBED_PREFIXES.map((e) => e.split('/')[0]).join('|')})/embed/" "${FRAME_ANCESTORS.embed}";`);
    expect(conf).toContain(`"${CACHE_CONTROL.immutable}"`);
    expect(conf).toContain(`default "${CACHE_CONTROL.page}";`);
  });

  // Plant: add `add_header X-Frame-Options DENY;` inside a location of deploy/nginx.conf — nginx then drops
  // the server-level headers there and this fails; or set gzip off, or remove the zh error_page.
  const kinds: { name: string; path: () => string; status: number; frame: keyof typeof FRAME_ANCESTORS; cache: string; type: RegExp; gzip?: boolean; lang?: string }[] = [
    { name: 'HTML page', path: () => 'en/cases/lianjiang/', status: 200, frame: 'page', cache: CACHE_CONTROL.page, type: /^text\/html; charset=utf-8$/, gzip: true },
    { name: 'embed page', path: () => `${EMBED_PREFIXES[0]}header-probe/`, status: 200, frame: 'embed', cache: CACHE_CONTROL.page, type: /^text\/html/ },
    // a script large enough to be compressed (nginx leaves responses under gzip_min_length as they are)
    { name: 'hashed script', path: () => files.find((f) => /^_astro\/.+\.js$/.test(f) && statSync(join(OUT, f)).size > 2048)!, status: 200, frame: 'page', cache: CACHE_CONTROL.immutable, type: /javascript/, gzip: true },
    { name: 'hashed stylesheet', path: () => files.find((f) => /^_astro\/.+\.css$/.test(f))!, status: 200, frame: 'page', cache: CACHE_CONTROL.immutable, type: /^text\/css/, gzip: true },
    { name: 'CSV download', path: () => 'data/cases.csv', status: 200, frame: 'page', cache: CACHE_CONTROL.page, type: /^text\/csv; charset=utf-8$/, gzip: true },
    { name: 'chart CSV', path: () => 'zh/charts/map.csv', status: 200, frame: 'page', cache: CACHE_CONTROL.page, type: /^text\/csv; charset=utf-8$/ },
    { name: 'Pagefind script', path: () => 'pagefind/pagefind.js', status: 200, frame: 'page', cache: CACHE_CONTROL.page, type: /javascript/, gzip: true },
    { name: 'Pagefind entry', path: () => 'pagefind/pagefind-entry.json', status: 200, frame: 'page', cache: CACHE_CONTROL.page, type: /^application\/json/ },
    { name: 'Pagefind fragment', path: () => files.find((f) => f.startsWith('pagefind/fragment/'))!, status: 200, frame: 'page', cache: CACHE_CONTROL.immutable, type: /./ },
    { name: 'Pagefind index chunk', path: () => files.find((f) => f.startsWith('pagefind/index/'))!, status: 200, frame: 'page', cache: CACHE_CONTROL.immutable, type: /./ },
    { name: 'Pagefind metadata', path: () => files.find((f) => /^pagefind\/pagefind\.[^/]+\.pf_meta$/.test(f))!, status: 200, frame: 'page', cache: CACHE_CONTROL.immutable, type: /./ },
    { name: 'Pagefind wasm', path: () => files.find((f) => /^pagefind\/wasm\.[^/]+\.pagefind$/.test(f))!, status: 200, frame: 'page', cache: 'public, max-age=86400', type: /./ },
    { name: 'missing page in English', path: () => 'en/no-such-page/', status: 404, frame: 'page', cache: CACHE_CONTROL.page, type: /^text\/html/, gzip: true, lang: 'en' },
    { name: 'missing file elsewhere', path: () => 'data/no-such.csv', status: 404, frame: 'page', cache: CACHE_CONTROL.page, type: /^text\/html/, lang: 'en' },
    { name: 'missing page in Chinese', path: () => 'zh/cases/no-such-case/', status: 404, frame: 'page', cache: CACHE_CONTROL.page, type: /^text\/html/, gzip: true, lang: 'zh-Hans' },
  ];
  for (const k of kinds)
    it(`${k.name}: status, policy, frame-ancestors, nosniff, referrer, permissions, caching${k.gzip ? ', gzip' : ''}`, async (ctx) => {
      if (nginx!.kind !== 'nginx') {
        console.log(`header checks skipped: nginx is not installed, so deploy/nginx.conf was not exercised (apt-get install nginx-light).`);
        ctx.skip();
      }
      const path = k.path();
      expect(path, `a built file for ${k.name}`).toBeTruthy();
      const res = await fetch(served(fileUrl(path)), { redirect: 'manual', headers: { 'accept-encoding': 'gzip' } });
      const body = await res.text();
      expect(res.status, path).toBe(k.status);
      const h = (n: string) => res.headers.get(n);
      expect(h('content-security-policy'), path).toBe(cspHeaderFor(k.frame));
      expect(h('content-security-policy')).toContain(`frame-ancestors ${k.frame === 'embed' ? '*' : "'none'"}`);
      expect(cspHeaderFor(k.frame).startsWith(Object.entries(CSP_DIRECTIVES).map(([d, v]) => `${d} ${v}`).join('; '))).toBe(true);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(h(name), `${path} ${name}`).toBe(value);
      expect(h('cache-control'), path).toBe(k.cache);
      expect(h('content-type') ?? '', path).toMatch(k.type);
      if (k.gzip) expect(h('content-encoding'), `${path} compressed`).toBe('gzip');
      if (k.lang) {
        expect(body).toContain(`<html lang="${k.lang}"`);
        expect(body).toMatch(new RegExp(`href="${BASE}${k.lang === 'en' ? 'en' : 'zh'}/"`));
      }
    });

  // Plant: make headersFile() in src/lib/csp.ts also list the lang directories as `/en/*` — embed pages then
  // get two policies (hosts join them) and this fails naming them.
  it('_headers gives every built file exactly one policy (frame-ancestors * only for embed pages), the security headers, and long caching for hashed files', () => {
    const rules: { pattern: string; headers: [string, string][] }[] = [];
    for (const line of readFileSync(join(OUT, '_headers'), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      if (!line.startsWith(' ')) rules.push({ pattern: line.trim(), headers: [] });
      else {
        const i = line.indexOf(':');
        rules.at(-1)!.headers.push([line.slice(0, i).trim(), line.slice(i + 1).trim()]);
      }
    }
    const matches = (pattern: string, path: string) => (pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern);
    const problems: string[] = [];
    const paths = [...files.filter((f) => f !== '_headers').map((f) => BASE + fileUrl(f)), `${BASE}${EMBED_PREFIXES[0]}header-probe/`, `${BASE}${EMBED_PREFIXES[1]}some-chart/`];
    for (const path of paths) {
      const got = rules.filter((r) => matches(r.pattern, path)).flatMap((r) => r.headers);
      const values = (n: string) => got.filter(([k]) => k === n).map(([, v]) => v);
      const rel = path.slice(BASE.length);
      const want = cspHeaderFor(isEmbedPath(rel) ? 'embed' : 'page');
      if (values('Content-Security-Policy').join(', ') !== want) problems.push(`${path}: policy ${JSON.stringify(values('Content-Security-Policy'))}, expected one: ${want}`);
      for (const [n, v] of Object.entries(SECURITY_HEADERS)) if (values(n).join(', ') !== v) problems.push(`${path}: ${n} ${JSON.stringify(values(n))}`);
      const hashed = /^(_astro|pagefind\/(index|fragment|filter))\//.test(rel);
      if (values('Cache-Control').join(', ') !== (hashed ? CACHE_CONTROL.immutable : '')) problems.push(`${path}: Cache-Control ${JSON.stringify(values('Cache-Control'))}`);
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(paths.length).toBeGreaterThan(200);
  });
});

describe('stories in the feeds, the sitemap and previews (a build with SITE)', () => {
  const stories = readdirSync(join(ROOT, 'content', 'stories', 'en')).filter((f) => f.endsWith('.mdx')).map((f) => f.replace(/\.mdx$/, ''));
  it('the RSS feed of each language has an item per story', () => {
    expect(stories.length).toBeGreaterThanOrEqual(3);
    for (const lang of ['en', 'zh']) {
      const xml = readFileSync(join(OUT, lang, 'rss.xml'), 'utf8');
      for (const slug of stories) expect(xml).toContain(`<link>${PUBLIC}${lang}/stories/${slug}/</link>`);
    }
  });

  it('the sitemap lists every story page, and each has its own preview image', () => {
    const sitemap = readFileSync(join(OUT, 'sitemap-0.xml'), 'utf8');
    for (const slug of stories)
      for (const lang of ['en', 'zh']) {
        expect(sitemap).toContain(`<loc>${PUBLIC}${lang}/stories/${slug}/</loc>`);
        expect(statSync(join(OUT, 'og', lang, 'stories', `${slug}.png`)).size).toBeGreaterThan(1000);
        expect(readFileSync(join(OUT, lang, 'stories', slug, 'index.html'), 'utf8')).toContain(`<meta property="og:image" content="${PUBLIC}og/${lang}/stories/${slug}.png"`);
      }
  });
});
