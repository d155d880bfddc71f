// Quality gates against the built site: valid HTML, accessibility, CSP, reproducible output, no-JS pages,
// chart downloads equal to their tables. Each gate says in a comment how to plant a fault it must catch
// (README "Quality gates" lists the same); every one of those faults was planted once and seen to fail.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { HtmlValidate } from 'html-validate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT } from '../helpers/fixture.ts';
import { htmlFiles, listFiles, readText } from '../helpers/site.ts';
import { launch } from './browser.ts';
import { cspMeta } from '../../src/lib/csp.ts';
import { formatDate, formatPeriod } from '../../src/lib/format.ts';
import { loadProject } from '../../src/lib/load.ts';
import { placeKind } from '../../src/lib/place-kind.ts';
import { periodKind } from '../../src/charts/keyfigures.ts';
import { t } from '../../src/lib/ui.ts';
import type { Lang } from '../../src/lib/i18n.ts';

const site = inject('siteUrl');
const dist = inject('distDir');
const url = (path: string) => new URL(path, site).href;

/** One representative page of every page type; each is checked in both languages. */
export const PAGE_TYPES = [
  '',
  'cases/',
  'cases/by-theme/',
  'cases/lianjiang/',
  'cases/jiangyang/',
  'stories/',
  'stories/arena-contests/',
  'themes/',
  'themes/three-no-communities/',
  'regions/',
  'regions/guangdong/',
  'methodology/',
  'search/?q=three-no+communities',
  'compare/',
  'compare/?indicator=money_invested&scale=log&sort=name',
  'data/',
  'about/',
  'embed/map/',
  'embed/theme-contests-figures/',
  'embed/compare/?indicator=money_invested&sort=name',
  '404/',
];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Wait until a page's script-drawn content is there: search results listed, the comparison chart redrawn.
 * Pages without such content return at once.
 */
async function settled(page: Page, path: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  if (path.startsWith('search/?q=')) await page.locator('[data-search-results] li').first().waitFor({ state: 'visible', timeout: 20_000 });
  if (path.startsWith('compare/')) await page.locator('#fig-compare[data-ready="true"] [data-chart-body] svg').waitFor({ state: 'visible', timeout: 20_000 });
}

describe('valid HTML', () => {
  // Plant: put a <script type="module" src="/x.js"></script> after </html> in any page's layout (as
  // ComparePage.astro once did with its <script> outside <Base>) — the Nu checker reports “Stray start tag script”.
  it('every built page passes the W3C Nu HTML Checker (vnu.jar, one run for all pages)', () => {
    const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
    if (java.error || java.status !== 0)
      throw new Error(`The Nu HTML Checker needs Java, and \`java -version\` failed (${java.error?.message ?? java.stderr}). Install a Java runtime (Debian/Ubuntu: apt-get install -y default-jre-headless) and run again.`);
    const jar = join(ROOT, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
    const r = spawnSync('java', ['-jar', jar, '--format', 'json', '--skip-non-html', dist], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(r.error, 'running vnu.jar').toBeUndefined();
    const report = JSON.parse(r.stderr || r.stdout) as { messages: { type: string; subType?: string; url?: string; lastLine?: number; message: string }[] };
    // The checker reads pages as files, so it cannot tell that /_astro/… is 'self': its CSP notes are about that, not the pages.
    const errors = report.messages
      .filter((m) => m.type === 'error' || (m.type === 'non-document-error'))
      .map((m) => `${m.url ? relative(dist, fileURLToPath(m.url)) : '(no file)'}:${m.lastLine ?? '?'} ${m.message}`);
    expect(errors).toEqual([]);
    expect(report.messages.some((m) => m.url?.endsWith('/en/compare/index.html')), 'the checker read the compare page').toBe(true);
  }, 180_000);

  const validator = new HtmlValidate({
    extends: ['html-validate:recommended'],
    rules: {
      // Astro emits attributes and whitespace its own way; these rules are about source style, not validity.
      'no-trailing-whitespace': 'off',
      'attribute-boolean-style': 'off',
      'void-style': 'off',
      'no-inline-style': 'error',
      // Case titles are headline-length sentences; a browser tab shows the start of them.
      'long-title': ['error', { maxlength: 100 }],
      // A group of checkboxes sharing one name is how HTML expresses a multiple choice (places, filters).
      'form-dup-name': ['error', { shared: ['radio', 'button', 'reset', 'submit', 'checkbox'] }],
    },
  });
  it('every built page passes html-validate', async () => {
    const files = htmlFiles(dist);
    expect(files.length).toBeGreaterThan(50);
    const problems: string[] = [];
    for (const file of files) {
      const report = await validator.validateString(readText(dist, file), file);
      for (const r of report.results) for (const m of r.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    expect(problems).toEqual([]);
  });
});

// Plant: give a search result link no text (src/browser/search.ts: leave the title out of the result's
// <a>), and the search page fails with “link-name”; that can only be seen once results are drawn.
describe('accessibility (axe-core)', () => {
  for (const lang of ['en', 'zh']) {
    for (const path of PAGE_TYPES) {
      it(`/${lang}/${path} has no violations`, async () => {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(url(`${lang}/${path}`));
        // Plant: drop this line, and the search page is checked before its results exist (see README).
        await settled(page, path);
        const results = await new AxeBuilder({ page }).analyze();
        const violations = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
        expect(violations).toEqual([]);
        await context.close();
      });
    }
  }
});

describe('Content-Security-Policy', () => {
  it('is strict: no unsafe-inline or unsafe-eval for scripts, same policy in meta and _headers', () => {
    const scriptSrc = /script-src ([^;]+)/.exec(cspMeta())?.[1] ?? '';
    expect(scriptSrc.split(/\s+/).sort()).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    const headers = readText(dist, '_headers');
    expect(headers).toContain(`Content-Security-Policy: ${cspMeta()}; frame-ancestors 'none'`);
  });
  // Plant: in src/pages/index.astro (the root chooser builds its own <head>) write a different content=
  // for the CSP meta tag, e.g. add 'unsafe-inline' to script-src — this fails naming index.html.
  it('every page carries exactly the policy of src/lib/csp.ts, before any script or stylesheet, and no inline script', () => {
    const files = htmlFiles(dist);
    expect(files.length).toBeGreaterThan(50);
    const wrong: string[] = [];
    for (const file of files) {
      const html = readText(dist, file);
      const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g)];
      if (metas.length !== 1) wrong.push(`${file}: ${metas.length} CSP meta tags, expected 1`);
      else if (metas[0]![1]!.replaceAll('&#39;', "'") !== cspMeta()) wrong.push(`${file}: policy “${metas[0]![1]}” is not csp.ts's “${cspMeta()}”`);
      const at = metas[0]?.index ?? Infinity;
      const first = html.search(/<(script|link|style)\b/);
      if (first !== -1 && first < at) wrong.push(`${file}: a <script>, <link> or <style> comes before the policy`);
      for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        const attrs = m[1]!;
        if (/type="application\/ld\+json"/.test(attrs)) continue; // data block, not executed
        if (!/\ssrc=/.test(attrs)) wrong.push(`${file}: inline script`);
      }
      if (/\son[a-z]+=/i.test(html.replace(/<script\b[\s\S]*?<\/script>/g, ''))) wrong.push(`${file}: inline event handler`);
    }
    expect(wrong).toEqual([]);
  });
  // Plant: in src/browser/search.ts set an element's style attribute (el.setAttribute('style', 'color:red'))
  // on each result — style-src 'self' refuses it and this fails, but only once search results are drawn.
  for (const lang of ['en', 'zh']) {
    it(`no CSP violation on any page type, search results and the redrawn comparison chart included (${lang})`, async () => {
      const context = await browser.newContext();
      const violations: string[] = [];
      context.on('console', (msg) => {
        if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(msg.text());
      });
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to load (securitypolicyviolation): ${e.violatedDirective} ${e.blockedURI}`));
      });
      const page = await context.newPage();
      for (const path of PAGE_TYPES) {
        await page.goto(url(`${lang}/${path}`));
        await settled(page, path);
      }
      expect(violations).toEqual([]);
      await context.close();
    });
  }
});

describe('pages are complete without JavaScript', () => {
  for (const lang of ['en', 'zh']) {
    it(`case, theme, region and compare pages (${lang})`, async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(url(`${lang}/cases/lianjiang/`));
      expect(await page.locator('#figures tbody tr').count()).toBeGreaterThan(5);
      expect(await page.locator('figure svg').count()).toBeGreaterThan(0);
      expect(await page.locator('.prose a.fig').count()).toBeGreaterThan(3);
      await page.goto(url(`${lang}/themes/three-no-communities/`));
      expect(await page.locator('.case-list li').count()).toBeGreaterThanOrEqual(4);
      await page.goto(url(`${lang}/regions/guangdong/`));
      expect(await page.locator('.case-list li').count()).toBeGreaterThanOrEqual(3);
      await page.goto(url(`${lang}/compare/`));
      expect(await page.locator('#fig-compare svg a').count()).toBeGreaterThan(1);
      await context.close();
    });
  }
});

// Plant: make a cached stage depend on the run, e.g. in src/site/og.ts renderCard() draw Date.now()
// into the card — the first build's cached PNGs would hide it if the caches were shared; from empty caches it fails.
describe('reproducible builds', () => {
  /** The second build, from empty caches. */
  const second = join(ROOT, '.tmp', 'e2e-dist-again');
  /** What that build printed. */
  let secondLog = '';
  it('a second build of the same commit, from empty caches, in another time zone and locale, is byte-identical', () => {
    // Empty caches: Astro's content store (cacheDir) and the preview-image cache, both in a fresh directory.
    const caches = mkdtempSync(join(tmpdir(), 'atlas-cache-'));
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.ts')], {
      cwd: ROOT,
      env: { ...process.env, ATLAS_OUT_DIR: second, ATLAS_CACHE_DIR: join(caches, 'astro'), ATLAS_OG_CACHE_DIR: join(caches, 'og'), TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' },
      encoding: 'utf8',
    });
    rmSync(caches, { recursive: true, force: true });
    secondLog = r.stdout;
    expect(r.status, r.stderr).toBe(0);
    const a = listFiles(dist);
    const b = listFiles(second);
    expect(b).toEqual(a);
    const differing = a.filter((f) => !readFileSync(join(dist, f)).equals(readFileSync(join(second, f))));
    expect(differing).toEqual([]);
  }, 900_000);

  // Plant: in src/site/og-draw.ts count a card in `drawn` twice, or skip place() for cards drawn after publish().
  it('that build drew every preview image once, beside Astro and the indexer, and put each in the site', () => {
    const images = listFiles(second).filter((f) => /^og\/.+\.png$/.test(f));
    expect(images.length).toBeGreaterThan(50);
    const m = /ℹ preview images: ([\d,]+) — ([\d,]+) drawn while the pages were written, ([\d,]+) while the search was indexed, ([\d,]+) after, ([\d,]+) from the cache/.exec(secondLog);
    expect(m, secondLog.slice(-2000)).not.toBeNull();
    const [total, pages, index, after, cached] = m!.slice(1).map((x) => Number(x.replace(/,/g, '')));
    expect(cached).toBe(0); // empty caches
    expect(pages! + index! + after!).toBe(total);
    expect(total).toBe(images.length); // every card is a different picture, each at one address
  });
});

// Each chart's CSV download holds its table: the same rows in the same order, and every cell of the
// table is the CSV's cell of that row (through the one formatter or label the page puts between them).
// Plant: in src/pages/[lang]/charts/[chart].csv.ts give the timeline's title column the place name
// (title: c.placeName) — row counts still match, this test names the first differing cell.
describe('chart CSV downloads equal their tables, row by row and cell by cell', () => {
  type Cell = string | ((row: Record<string, string>, lang: Lang) => string);
  const ui = (lang: Lang) => t(lang);
  const indicators = new Map(loadProject(ROOT).indicators.map((i) => [i.id, i]));
  const indicatorName = (id: string, lang: Lang) => (lang === 'en' ? indicators.get(id)?.name_en : indicators.get(id)?.name_zh) ?? `(no indicator ${id})`;
  const date = (col: string): Cell => (r, lang) => (r[col] ? formatDate(r[col]!, lang) : '');
  /** The map table's first column: the symbol's number on that drawing, which is not a property of the data. */
  const KEY_NUMBER: Cell = () => '';
  const places = new Map(loadProject(ROOT).places.map((p) => [p.id, p]));
  const charts: { page: string; fig: string; key: [attr: string, column: string]; cells: Cell[]; matrix?: boolean }[] = [
    {
      page: '',
      fig: '#fig-timeline',
      key: ['data-case', 'case'],
      cells: [
        'place',
        date('events_date'),
        (r, lang) => ({ year: ui(lang).chart.timelineYearOnly, month: ui(lang).chart.timelineMonthOnly, day: ui(lang).chart.timelineDay, unknown: ui(lang).unknown })[r.events_date_precision!] ?? r.events_date_precision!,
        (r, lang) => `${(ui(lang) as unknown as Record<string, string>)[r.events_date_basis!] ?? r.events_date_basis!}${r.events_date_note ?? ''}`,
        (r, lang) => `${formatDate(r.reported_date!, lang)}${r.reported_date_basis === 'inferred' ? ` (${ui(lang).inferred})` : ''}`,
      ],
    },
    { page: '', fig: '#fig-map', key: ['data-case', 'case'], cells: [KEY_NUMBER, 'title', (r) => `${r.place}${r.province && r.province !== r.place ? `${', '}${r.province}` : ''}`, 'located_at', 'primary_theme', date('date')] },
    { page: 'regions/guangdong/', fig: '#fig-map', key: ['data-case', 'case'], cells: [KEY_NUMBER, 'title', (r) => `${r.place}${r.province && r.province !== r.place ? ', ' + r.province : ''}`, 'located_at', 'primary_theme', date('date')] },
    { page: 'themes/', fig: '#fig-themes-matrix', key: ['data-theme', 'theme_id'], cells: ['theme'], matrix: true },
    { page: 'compare/', fig: '#fig-compare', key: ['data-obs', 'observation'], cells: ['place', (r, lang) => placeKind(places.get(r.place_id!)!, lang), 'counted', 'display', (r, lang) => formatPeriod(r.period!, lang)] },
    {
      page: 'cases/lianjiang/',
      fig: '#fig-key-figures',
      key: ['data-obs', 'observation'],
      cells: [
        'counted',
        (r, lang) => indicatorName(r.indicator!, lang),
        'display',
        (r, lang) => `${formatPeriod(r.period!, lang)} (${ui(lang).chart.keyPeriodKind[periodKind(r.period!)]})`,
        (r, lang) => (r.compared_with === '' ? ui(lang).chart.keyNotComparable : r.compared_with === '0' ? ui(lang).chart.keyAlone : ui(lang).chart.keyOthers(Number(r.compared_with))),
      ],
    },
  ];
  for (const lang of ['en', 'zh'] as const)
    for (const c of charts)
      it(`${c.fig} on /${lang}/${c.page}`, async () => {
        const context = await browser.newContext({ javaScriptEnabled: false });
        const page = await context.newPage();
        await page.goto(url(`${lang}/${c.page}`));
        const href = await page.getAttribute(`${c.fig} a[data-download=csv]`, 'href');
        const res = await page.request.get(new URL(href!, page.url()).href);
        expect(res.status()).toBe(200);
        const parsed = Papa.parse<Record<string, string>>(await res.text(), { header: true, skipEmptyLines: true });
        expect(parsed.errors).toEqual([]);
        const csv = parsed.data;
        const columns = parsed.meta.fields ?? [];
        const table = await page.$$eval(
          `${c.fig} [data-chart-table] tbody tr`,
          (trs, attr) => trs.map((tr) => ({ key: tr.getAttribute(attr) ?? '', cells: [...tr.querySelectorAll('th, td')].map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim()) })),
          c.key[0],
        );
        expect(table.length).toBeGreaterThan(0);
        expect(table.map((r) => r.key), 'rows, in order').toEqual(csv.map((r) => r[c.key[1]]));
        const differing: string[] = [];
        table.forEach((tr, i) => {
          const row = csv[i]!;
          const expected = c.cells.map((cell, j) => (cell === KEY_NUMBER ? tr.cells[j]! : typeof cell === 'string' ? row[cell] ?? `(no column ${cell})` : cell(row, lang)));
          if (c.matrix) {
            // one column per case after the theme: the table's mark names the CSV's value
            const marks: Record<string, string> = { primary: ui(lang).chart.primary, yes: ui(lang).chart.secondary, '': '' };
            for (const col of columns.slice(2)) expected.push(marks[row[col]!] ?? row[col]!);
          }
          expected.forEach((want, j) => {
            // the key-figure note goes on to list the other figures (not a CSV column); its count is compared
            const got = c.fig === '#fig-key-figures' && j === 4 ? tr.cells[j]!.slice(0, want.length) : tr.cells[j];
            if (got !== want) differing.push(`row ${i + 1} (${tr.key}) cell ${j + 1}: table “${tr.cells[j]}”, CSV gives “${want}”`);
          });
        });
        expect(differing).toEqual([]);
        await context.close();
      });
});
