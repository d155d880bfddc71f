// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { fileURLToPath } from 'node:url';
import { checkProject } from './src/lib/load.ts';
import { AtlasValidationError } from './src/lib/validate.ts';
import { headersFile } from './src/lib/csp.ts';
import { checkCorrections } from './src/lib/corrections.ts';
import { copyFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

const root = fileURLToPath(new URL('.', import.meta.url));
const SITE = process.env.SITE ?? 'http://localhost:4321';
const BASE = process.env.BASE ?? '/';
/** The bilingual language chooser at the root is no language's page: no hreflang alternates to or from it. */
const baseDir = BASE.replace(/^\/+|\/+$/g, '');
const chooser = new URL(baseDir ? `/${baseDir}/` : '/', SITE).href;

/**
 * Stop the build (and the dev server) before anything is published when the data is wrong.
 * @returns {import('astro').AstroIntegration}
 */
function validateData() {
  return {
    name: 'atlas-validate-data',
    hooks: {
      'astro:config:setup': () => {
        const { data, errors } = checkProject(root);
        errors.push(...checkCorrections(root, data.cases.map((c) => c.slug)).errors);
        if (errors.length) throw new AtlasValidationError(errors);
      },
    },
  };
}

/**
 * Write the security headers file read by static hosts (same policy as the pages' <meta> tag).
 * @returns {import('astro').AstroIntegration}
 */
function securityHeaders() {
  let base = '/';
  return {
    name: 'atlas-security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir }) => {
        writeFileSync(new URL('_headers', dir), headersFile(base));
      },
    },
  };
}

// Another corpus (ATLAS_DATA_DIR / ATLAS_CONTENT_DIR: fixtures, benchmarks) gets its own content cache,
// so switching corpora never mixes their entries.
const corpus = [process.env.ATLAS_DATA_DIR, process.env.ATLAS_CONTENT_DIR].filter(Boolean).join('|');
const cacheDir = corpus ? `./.tmp/astro-cache/${createHash('sha256').update(corpus).digest('hex').slice(0, 16)}/` : './node_modules/.astro/';

/**
 * Also publish the sitemap index as `sitemap.xml`, the name crawlers and hosts look for first.
 * @returns {import('astro').AstroIntegration}
 */
function sitemapAlias() {
  return {
    name: 'atlas-sitemap-alias',
    hooks: {
      'astro:build:done': ({ dir }) => {
        copyFileSync(new URL('sitemap-index.xml', dir), new URL('sitemap.xml', dir));
      },
    },
  };
}

// SITE: the absolute origin the site is served from; BASE: the path under it (e.g. /party-building-atlas/).
export default defineConfig({
  site: SITE,
  base: BASE,
  trailingSlash: 'always',
  outDir: process.env.ATLAS_OUT_DIR ?? './dist',
  cacheDir,
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [
    validateData(),
    mdx(),
    securityHeaders(),
    // sitemap-index.xml + sitemap-0.xml under base, with hreflang alternates; not-found pages left out.
    sitemap({
      i18n: { defaultLocale: 'en', locales: { en: 'en', zh: 'zh-Hans' } },
      filter: (page) => !/\/404\/?$/.test(page) && !/\/(en|zh)\/embed\//.test(page),
      serialize: (item) => ({ ...item, links: item.url === chooser ? undefined : item.links?.filter((l) => l.url !== chooser) }),
    }),
    sitemapAlias(),
  ],
  // Never inline bundled scripts into the HTML (the Content-Security-Policy allows only 'self' scripts).
  vite: { build: { assetsInlineLimit: 0 } },
  i18n: {
    locales: ['en', 'zh'],
    defaultLocale: 'en',
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  devToolbar: { enabled: false },
});
