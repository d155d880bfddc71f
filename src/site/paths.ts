import { LANGS } from '../lib/i18n.ts';

/** getStaticPaths for pages that exist once per language. */
export function langPaths() {
  return LANGS.map((lang) => ({ params: { lang } }));
}
