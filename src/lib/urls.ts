import type { Lang } from './i18n.ts';

/** Join the site's base path and a site-relative path, keeping exactly one slash between. */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\/+/, '');
}

/** Route paths, relative to the base, one place for every page's address. */
export const routes = {
  home: (lang: Lang) => `${lang}/`,
  cases: (lang: Lang, view: 'name' | 'date' | 'province' | 'theme' = 'name') => (view === 'name' ? `${lang}/cases/` : `${lang}/cases/by-${view}/`),
  case: (lang: Lang, slug: string) => `${lang}/cases/${slug}/`,
  themes: (lang: Lang) => `${lang}/themes/`,
  theme: (lang: Lang, id: string) => `${lang}/themes/${id}/`,
  regions: (lang: Lang) => `${lang}/regions/`,
  region: (lang: Lang, id: string) => `${lang}/regions/${id}/`,
  methodology: (lang: Lang) => `${lang}/methodology/`,
  search: (lang: Lang) => `${lang}/search/`,
  notFound: (lang: Lang) => `${lang}/404/`,
} as const;

/** The same page in another language: swap the leading language segment of a base-relative path. */
export function switchLang(pathFromBase: string, to: Lang): string {
  const clean = pathFromBase.replace(/^\/+/, '');
  return clean.replace(/^(en|zh)(?=\/|$)/, to) || `${to}/`;
}
