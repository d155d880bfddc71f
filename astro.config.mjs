// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { headersFile } from './src/lib/csp.ts';
import { markChineseInHtml } from './src/lib/mixed-script.ts';
import { listFiles } from './src/lib/paths.ts';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

/**
 * SITE: the public origin (https://atlas.example.org), the one place it is configured. Without it
 * the build never guesses one: links are root-relative, and what needs an absolute address
 * (sitemap, feeds, og:url and preview images, QR codes, the page address in citations) is left out.
 */
const SITE = process.env.SITE?.trim() || undefined;
if (SITE !== undefined && !/^https?:\/\/[^/]+/.test(SITE)) throw new Error(`SITE: found "${SITE}", expected an origin such as https://atlas.example.org`);
const BASE = process.env.BASE ?? '/';
/** The bilingual language chooser at the root is no language's page: no hreflang alternates to or from it. */
const baseDir = BASE.replace(/^\/+|\/+$/g, '');
const chooser = SITE ? new URL(baseDir ? `/${baseDir}/` : '/', SITE).href : '';

/**
 * The top two levels of the built site, as base-relative paths (directories end in /): what `_headers` enumerates.
 * @param {string} dir
 */
function builtPaths(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? [`${e.name}/`, ...readdirSync(`${dir}/${e.name}`, { withFileTypes: true }).map((f) => `${e.name}/${f.name}${f.isDirectory() ? '/' : ''}`)] : [e.name],
  );
}

/**
 * English pages: mark every run of Chinese in their text lang="zh-Hans" (profiles, data labels,
 * citations), so browsers use Chinese glyphs and screen readers a Chinese voice.
 * @returns {import('astro').AstroIntegration}
 */
function chineseInEnglish() {
  return {
    name: 'atlas-chinese-in-english',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const out = fileURLToPath(dir);
        for (const f of listFiles(out)) {
          // the Chinese pages (zh/) are not read: half the site's pages, none of them English
          if (!f.endsWith('.html') || /^(_astro|pagefind|og|zh)\//.test(f)) continue;
          const html = readFileSync(join(out, f), 'utf8');
          if (/<html lang="en"/.test(html)) writeFileSync(join(out, f), markChineseInHtml(html));
        }
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
        writeFileSync(new URL('_headers', dir), headersFile(base, builtPaths(fileURLToPath(dir))));
      },
    },
  };
}

// Another corpus (ATLAS_DATA_DIR / ATLAS_CONTENT_DIR: fixtures, benchmarks) gets its own content cache,
// so switching corpora never mixes their entries.
const corpus = [process.env.ATLAS_DATA_DIR, process.env.ATLAS_CONTENT_DIR].filter(Boolean).join('|');
// ATLAS_CACHE_DIR: another cache directory (the reproducible-build gate builds from an empty one).
const cacheDir = process.env.ATLAS_CACHE_DIR ?? (corpus ? `./.tmp/astro-cache/${createHash('sha256').update(corpus).digest('hex').slice(0, 16)}/` : './node_modules/.astro/');

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
  // pages whose getStaticPaths() gives a cacheKey (src/site/cache-key.ts) are restored from the last build when
  // neither their inputs nor their code changed
  experimental: { incrementalBuild: true },
  integrations: [
    mdx(),
    chineseInEnglish(),
    // With SITE: sitemap-index.xml + sitemap-0.xml under base, with hreflang alternates; not-found pages left out.
    ...(SITE
      ? [
          sitemap({
            i18n: { defaultLocale: 'en', locales: { en: 'en', zh: 'zh-Hans' } },
            filter: (page) => !/\/404\/?$/.test(page) && !/\/(en|zh)\/embed\//.test(page),
            serialize: (item) => ({ ...item, links: item.url === chooser ? undefined : item.links?.filter((l) => l.url !== chooser) }),
          }),
          sitemapAlias(),
        ]
      : []),
    // Last: it lists the built files, so it runs after every integration that writes some.
    securityHeaders(),
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
