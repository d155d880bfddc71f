import type { Lang } from './i18n.ts';

/** Join the site's base path and a site-relative path, keeping exactly one slash between. */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\/+/, '');
}

/** Route paths, relative to the base, one place for every page's address. */
export const routes = {
  home: (lang: Lang) => `${lang}/`,
  cases: (lang: Lang, view: 'name' | 'date' | 'province' | 'theme' | 'year' | 'level' = 'name') => (view === 'name' ? `${lang}/cases/` : `${lang}/cases/by-${view}/`),
  /** A page of the case index: `path` is a listing's page as src/lib/listing.ts listingPath() makes it. */
  caseListing: (lang: Lang, path: string) => `${lang}/cases/${path}`,
  case: (lang: Lang, slug: string) => `${lang}/cases/${slug}/`,
  themes: (lang: Lang) => `${lang}/themes/`,
  theme: (lang: Lang, id: string) => `${lang}/themes/${id}/`,
  regions: (lang: Lang) => `${lang}/regions/`,
  region: (lang: Lang, id: string) => `${lang}/regions/${id}/`,
  methodology: (lang: Lang) => `${lang}/methodology/`,
  about: (lang: Lang) => `${lang}/about/`,
  search: (lang: Lang) => `${lang}/search/`,
  notFound: (lang: Lang) => `${lang}/404/`,
  data: (lang: Lang) => `${lang}/data/`,
  /** A published data file (CSV, JSON, datapackage.json), shared by both languages. */
  dataFile: (name: string) => `data/${name}`,
  rss: (lang: Lang) => `${lang}/rss.xml`,
  /** Preview image (1200×630 PNG) of a page: `key` is `cases/<slug>`, `themes/<id>` or `site`. */
  ogImage: (lang: Lang, key: string) => `og/${lang}/${key}.png`,
} as const;

/** An absolute URL for a base-relative path, on the configured site origin. */
export function absoluteUrl(site: string | URL, base: string, path: string): string {
  return new URL(withBase(base, path), site).href;
}

/**
 * The public address of a page or file, for what only works with an absolute URL (Open Graph,
 * sitemap, feeds, citations, QR codes): on the configured origin (`SITE`), or undefined when the
 * build does not know where the site will live — then it is left out, never guessed.
 */
export function publicUrl(site: string | URL | undefined, base: string, path: string): string | undefined {
  return site ? absoluteUrl(site, base, path) : undefined;
}

/** A link to a page that works wherever the site is served: absolute with `SITE`, root-relative without. */
export function siteLink(site: string | URL | undefined, base: string, path: string): string {
  return publicUrl(site, base, path) ?? withBase(base, path);
}

/** The same page in another language: swap the leading language segment of a base-relative path. */
export function switchLang(pathFromBase: string, to: Lang): string {
  const clean = pathFromBase.replace(/^\/+/, '');
  return clean.replace(/^(en|zh)(?=\/|$)/, to) || `${to}/`;
}
