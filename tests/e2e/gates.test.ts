// Quality gates against the built site: valid HTML, accessibility, CSP, reproducible output, no-JS pages.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { HtmlValidate } from 'html-validate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT } from '../helpers/fixture.ts';
import { htmlFiles, listFiles, readText } from '../helpers/site.ts';
import { launch } from './browser.ts';

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

describe('valid HTML', () => {
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

describe('accessibility (axe-core)', () => {
  for (const lang of ['en', 'zh']) {
    for (const path of PAGE_TYPES) {
      it(`/${lang}/${path} has no violations`, async () => {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(url(`${lang}/${path}`));
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
    const html = readText(dist, 'en/index.html');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const scriptSrc = /script-src ([^;]+)/.exec(meta)?.[1] ?? '';
    expect(scriptSrc.split(/\s+/).sort()).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    const headers = readText(dist, '_headers');
    expect(headers).toContain(`Content-Security-Policy: ${meta}; frame-ancestors 'none'`);
  });
  it('every page carries the policy and has no inline script', () => {
    for (const file of htmlFiles(dist)) {
      const html = readText(dist, file);
      expect(html, file).toContain('http-equiv="Content-Security-Policy"');
      for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        const attrs = m[1]!;
        if (/type="application\/ld\+json"/.test(attrs)) continue; // data block, not executed
        expect(attrs, `${file}: inline script`).toMatch(/\ssrc=/);
      }
      expect(html, `${file}: inline event handler`).not.toMatch(/\son[a-z]+=["']/i);
    }
  });
  for (const lang of ['en', 'zh']) {
    it(`no CSP violation on any page type (${lang})`, async () => {
      const context = await browser.newContext();
      const violations: string[] = [];
      context.on('console', (msg) => {
        if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(msg.text());
      });
      const page = await context.newPage();
      for (const path of PAGE_TYPES) {
        await page.goto(url(`${lang}/${path}`));
        await page.waitForLoadState('networkidle');
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

describe('reproducible builds', () => {
  it('a second build of the same commit is byte-identical', () => {
    const second = join(ROOT, '.tmp', 'e2e-dist-again');
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.ts')], { cwd: ROOT, env: { ...process.env, ATLAS_OUT_DIR: second }, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const a = listFiles(dist);
    const b = listFiles(second);
    expect(b).toEqual(a);
    const differing = a.filter((f) => !readFileSync(join(dist, f)).equals(readFileSync(join(second, f))));
    expect(differing).toEqual([]);
  }, 180_000);
});
