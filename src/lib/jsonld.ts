/**
 * Structured data (schema.org JSON-LD) for case pages (Article) and the data page (Dataset), and
 * its safe serialisation into a `<script type="application/ld+json">` data block.
 */
import type { CaseEvents, Place, Source, Theme } from './schema.ts';
import { bylineNames, known } from './cite.ts';
import { htmlLang, type Lang, localName } from './i18n.ts';
import { LICENSE } from './opendata.ts';

export type JsonLd = Record<string, unknown>;

/**
 * JSON for a `<script>` element: `<`, `>` and `&` are written as \u escapes, so no data value can
 * close the element (`</script>`) or open a comment; the JSON means exactly the same.
 */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const placeName = localName;

function placeLd(chain: Place[], lang: Lang): JsonLd {
  const own = chain.at(-1)!;
  const parents = chain.slice(0, -1).reverse();
  return {
    '@type': 'Place',
    name: placeName(own, lang),
    ...(own.lat !== null && own.lon !== null ? { geo: { '@type': 'GeoCoordinates', latitude: own.lat, longitude: own.lon } } : {}),
    ...(parents.length ? { containedInPlace: parents.reduceRight<JsonLd | undefined>((inner, p) => ({ '@type': 'Place', name: placeName(p, lang), ...(inner ? { containedInPlace: inner } : {}) }), undefined) } : {}),
  };
}

/** The newspaper report, with what is known of it (no unknown field is given a value). */
export function reportLd(s: Source): JsonLd {
  const names = bylineNames(s.byline);
  return {
    '@type': 'NewsArticle',
    headline: s.headline_zh,
    alternativeHeadline: s.headline_en,
    inLanguage: 'zh-Hans',
    ...(names.length ? { author: names.map((name) => ({ '@type': 'Person', name })) } : {}),
    ...(known(s.publication) ? { publisher: { '@type': 'Organization', name: s.publication } } : {}),
    // Only a date printed on the page is a publication date; an inferred one is not asserted here.
    ...(known(s.date) && s.date_basis === 'stated' ? { datePublished: s.date } : {}),
  };
}

export interface ArticleInput {
  lang: Lang;
  url: string;
  title: string;
  summary: string;
  image: string;
  siteName: string;
  siteUrl: string;
  chain: Place[];
  themes: Theme[];
  source: Source;
  /** When the events the case describes happened (the report's own date is the source's). */
  events?: CaseEvents | undefined;
  /** The build date (YYYY-MM-DD), if known: when the page was last generated from the data. */
  modified?: string | undefined;
}

export function articleLd(a: ArticleInput): JsonLd {
  const site = { '@type': 'Organization', name: a.siteName, url: a.siteUrl };
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: a.title,
    description: a.summary,
    inLanguage: htmlLang(a.lang),
    url: a.url,
    mainEntityOfPage: a.url,
    image: a.image,
    author: site,
    publisher: site,
    ...(a.modified ? { dateModified: a.modified } : {}),
    license: LICENSE.path,
    about: [placeLd(a.chain, a.lang), ...a.themes.map((t) => ({ '@type': 'Thing', name: localName(t, a.lang), alternateName: a.lang === 'en' ? t.name_zh : t.name_en }))],
    contentLocation: placeLd(a.chain, a.lang),
    keywords: a.themes.map((t) => localName(t, a.lang)).join(', '),
    // The time the case is about: the events' date (ISO 8601: a year, month, day or a span 2019/2021),
    // stated or inferred; the report's publication date is `isBasedOn.datePublished`, never this.
    ...(a.events && known(a.events.date) ? { temporalCoverage: a.events.date } : {}),
    isBasedOn: reportLd(a.source),
  };
}

export interface DatasetInput {
  lang: Lang;
  url: string;
  name: string;
  description: string;
  siteName: string;
  siteUrl: string;
  modified?: string | undefined;
  /** [name, absolute URL, media type] of each download. */
  downloads: [string, string, string][];
  spatial: string[];
}

export function datasetLd(d: DatasetInput): JsonLd {
  const site = { '@type': 'Organization', name: d.siteName, url: d.siteUrl };
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: d.name,
    description: d.description,
    url: d.url,
    inLanguage: ['en', 'zh-Hans'],
    license: LICENSE.path,
    isAccessibleForFree: true,
    creator: site,
    publisher: site,
    ...(d.modified ? { dateModified: d.modified } : {}),
    spatialCoverage: d.spatial.map((name) => ({ '@type': 'Place', name })),
    distribution: d.downloads.map(([name, contentUrl, encodingFormat]) => ({ '@type': 'DataDownload', name, contentUrl, encodingFormat })),
  };
}
