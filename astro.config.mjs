// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';
import { checkProject } from './src/lib/load.ts';
import { AtlasValidationError } from './src/lib/validate.ts';
import { headersFile } from './src/lib/csp.ts';
import { writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Stop the build (and the dev server) before anything is published when the data is wrong.
 * @returns {import('astro').AstroIntegration}
 */
function validateData() {
  return {
    name: 'atlas-validate-data',
    hooks: {
      'astro:config:setup': () => {
        const { errors } = checkProject(root);
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

// SITE: the absolute origin the site is served from; BASE: the path under it (e.g. /party-building-atlas/).
export default defineConfig({
  site: process.env.SITE ?? 'http://localhost:4321',
  base: process.env.BASE ?? '/',
  trailingSlash: 'always',
  outDir: process.env.ATLAS_OUT_DIR ?? './dist',
  cacheDir,
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [validateData(), mdx(), securityHeaders()],
  i18n: {
    locales: ['en', 'zh'],
    defaultLocale: 'en',
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  devToolbar: { enabled: false },
  // Never inline a script into the page (even a small one): the Content-Security-Policy allows only files.
  vite: { build: { assetsInlineLimit: 0 } },
});
