import { LANGS } from '../lib/i18n.ts';

/** getStaticPaths for pages that exist once per language. */
export function langPaths() {
  return LANGS.map((lang) => ({ params: { lang } }));
}

/**
 * ATLAS_INDEXES_ONLY=1 builds only the pages that list or count cases (home, case index, themes, regions index,
 * compare, data): no page per case or region, no preview images, no chart CSVs. For the page-size test, which
 * needs a large corpus but not its thousands of case pages.
 */
export function indexesOnly(): boolean {
  return process.env.ATLAS_INDEXES_ONLY === '1';
}
