// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';
import { checkProject } from './src/lib/load.ts';
import { AtlasValidationError } from './src/lib/validate.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Stop the build (and the dev server) before anything is published when the data is wrong. */
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

// SITE: the absolute origin the site is served from; BASE: the path under it (e.g. /party-building-atlas/).
export default defineConfig({
  site: process.env.SITE ?? 'http://localhost:4321',
  base: process.env.BASE ?? '/',
  trailingSlash: 'always',
  outDir: process.env.ATLAS_OUT_DIR ?? './dist',
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [validateData(), mdx()],
  i18n: {
    locales: ['en', 'zh'],
    defaultLocale: 'en',
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  devToolbar: { enabled: false },
  // Never inline a script into the page (even a small one): the Content-Security-Policy allows only files.
  vite: { build: { assetsInlineLimit: 0 } },
});
