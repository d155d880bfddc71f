// What a first query fetches: of the search index, through Pagefind's own JavaScript API against the served site
// (the word index is cut into chunks sized for the number of pages, indexChunkSize in src/lib/search.ts, so a
// query fetches small chunks — Pagefind's default chunks are about 30 KiB each, and 三无小区 needed three of
// them); and the search page's own script, which carries only the words it writes (src/lib/ui-search.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { Atlas } from '../../src/lib/atlas.ts';
import { loadProject } from '../../src/lib/load.ts';
import { dateSortKey, indexChunkSize, newestFile } from '../../src/lib/search.ts';
import { nestQuotes } from '../../src/charts/datasets.ts';
import { formatFigure, QUALIFIER_LABEL } from '../../src/lib/format.ts';
import { t } from '../../src/lib/ui.ts';
import { ta } from '../../src/lib/ui-atlas.ts';
import { ROOT } from '../helpers/fixture.ts';
import { htmlFiles } from '../helpers/site.ts';
import { loadPagefind, siteResultUrls } from '../helpers/pagefind.ts';

const site = inject('siteUrl');
const dist = inject('distDir');

/** A result's fragment as Pagefind wrote it (gzip, after its `pagefind_dcd` signature): the page's address and text. */
const fragment = (file: string) =>
  JSON.parse(gunzipSync(readFileSync(join(dist, 'pagefind', 'fragment', file))).toString('utf8').replace(/^pagefind_dcd/, '')) as { url: string; content: string };

/** Every file Pagefind fetches while the callback runs, with its size as sent (Pagefind's files are gzip already). */
let fetched: { path: string; bytes: number }[] = [];
const realFetch = globalThis.fetch;
beforeEach(() => {
  fetched = [];
  globalThis.fetch = async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const res = await realFetch(input, init);
    const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
    fetched.push({ path, bytes: (await res.clone().arrayBuffer()).byteLength });
    return res;
  };
});
afterEach(() => {
  globalThis.fetch = realFetch;
});
const kib = (re: RegExp) => fetched.filter((f) => re.test(f.path)).reduce((a, f) => a + f.bytes, 0) / 1024;

describe('search index chunks', () => {
  it('are cut smaller than Pagefind’s default (about 30 KiB each) at this size, in both languages', () => {
    const entry = JSON.parse(readFileSync(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string; page_count: number }> };
    const pages = Math.max(...Object.values(entry.languages).map((l) => l.page_count));
    expect(indexChunkSize(pages)).toBeLessThan(20_000);
    const files = readdirSync(join(dist, 'pagefind', 'index'));
    for (const lang of Object.keys(entry.languages)) {
      const mine = files.filter((f) => f.startsWith(`${lang}_`));
      const mean = mine.reduce((a, f) => a + statSync(join(dist, 'pagefind', 'index', f)).size, 0) / mine.length / 1024;
      expect(mean, `mean size of the ${mine.length} ${lang} index chunks, KiB`).toBeLessThan(8);
    }
  });

  for (const [lang, query, slug] of [['zh', '三无小区', 'shuangliao'], ['en', 'three-no communities', 'shuangliao']] as const) {
    it(`a first query for “${query}” on /${lang}/ fetches under 16 KiB of index and index list and no anchors, and finds the cases`, async () => {
      const pf = await loadPagefind(site, lang);
      const urls = await siteResultUrls(pf, query);
      expect(urls).toContain(`${new URL(site).pathname}${lang}/cases/${slug}/`);
      // the fragment of a result (fetched for each result shown) carries the page's text, not its element ids
      const first = (await pf.search(query))!.results[0]!;
      const data = (await first.data()) as { anchors?: unknown[] };
      expect(data.anchors ?? []).toEqual([]);
      const index = kib(/\.pf_index$/);
      const meta = kib(/\.pf_meta$/);
      console.log(`first query “${query}” on /${lang}/: index chunks ${index.toFixed(1)} KiB, index list ${meta.toFixed(1)} KiB`);
      expect(fetched.filter((f) => f.path.endsWith('.pf_index')).length).toBeGreaterThan(0);
      expect(index + meta).toBeLessThan(16);
    });
  }

  it('the search page’s script, with what it imports, is under 9 KiB gzip in both languages', () => {
    for (const lang of ['en', 'zh']) {
      const html = readFileSync(join(dist, lang, 'search', 'index.html'), 'utf8');
      const entry = [...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1]!).find((src) => src.includes('search.astro'));
      expect(entry, `the search page's script on /${lang}/search/`).toBeDefined();
      // the script and its static imports (Pagefind and the traditional → simplified tables are loaded on demand)
      const seen = new Set<string>();
      const walk = (file: string): void => {
        if (seen.has(file)) return;
        seen.add(file);
        const code = readFileSync(file, 'utf8');
        for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w{},*\s$]+from\s*)?"(\.\/[^"]+\.js)"/g)) walk(join(dirname(file), m[1]!));
      };
      walk(join(dist, new URL(entry!, 'http://x/').pathname.slice(new URL(site).pathname.length)));
      const bytes = [...seen].reduce((a, f) => a + gzipSync(readFileSync(f), { level: 6 }).byteLength, 0);
      console.log(`search script /${lang}/: ${[...seen].length} files, ${(bytes / 1024).toFixed(1)} KiB gzip`);
      expect(bytes / 1024).toBeLessThan(9);
    }
  });
});

describe('newest first, outside the index list', () => {
  it('no page gives Pagefind a sort, so the index list every query fetches holds no page order', () => {
    const sorted = htmlFiles(dist).filter((f) => /\sdata-pagefind-sort=/.test(readFileSync(join(dist, f), 'utf8')));
    expect(sorted).toEqual([]);
  });

  it('each language has a file of its case pages newest first, as result ids, fetched only to sort by date', () => {
    const atlas = new Atlas(loadProject(ROOT));
    const urlOf = (id: string) => fragment(`${id}.pf_fragment`).url;
    for (const [lang, pfLang] of [['en', 'en'], ['zh', 'zh-Hans']] as const) {
      const ids = JSON.parse(readFileSync(join(dist, 'pagefind', newestFile(pfLang)), 'utf8')) as string[];
      const expected = atlas
        .caseList()
        .filter((c) => c.docs[lang])
        .map((c) => ({ url: `/${lang}/cases/${c.slug}/`, key: dateSortKey(c.date) }))
        .sort((a, b) => (a.key !== b.key ? (a.key < b.key ? 1 : -1) : a.url < b.url ? -1 : 1))
        .map((c) => c.url);
      expect(ids.map(urlOf), lang).toEqual(expected);
    }
  });
});


// What a case page gives the index about reports: its own, once in full in its sources section. Its key-figures
// chart credits the reports of the other cases it samples (“Compared with figures from …”) and its figures table
// repeats its report on every row; neither is indexed, so a report's name finds the case it is the source of.
// The chart is left out of the index whole (see the next test), its credit line too. Plant: drop
// data-pagefind-ignore from the key-figures chart in src/components/charts/KeyFigures.astro and from the
// "compared with" line in src/components/charts/ChartFigure.astro.
/** Text compared without spaces: Pagefind keeps Chinese text cut into words by zero-width spaces (海南​澄​迈). */
const squeeze = (s: string) => s.replace(/[\s\u200b]+/g, '');

/** Every indexed page's text as Pagefind stored it, without spaces, by page address. */
function indexedText(): Map<string, string> {
  const content = new Map<string, string>();
  for (const f of readdirSync(join(dist, 'pagefind', 'fragment'))) {
    const { url, content: text } = fragment(f);
    content.set(url, squeeze(text));
  }
  return content;
}

describe('reports in the index', () => {
  it('each case page holds its own reports’ headlines and no other case’s', () => {
    const atlas = new Atlas(loadProject(ROOT));
    const content = indexedText();
    let credited = 0;
    for (const c of atlas.caseList()) {
      const own = new Set([c.source.id, ...c.observations.map((o) => o.source)]);
      for (const lang of ['en', 'zh'] as const) {
        const url = `/${lang}/cases/${c.slug}/`;
        const text = content.get(url)!;
        expect(text, url).toBeDefined();
        const html = readFileSync(join(dist, lang, 'cases', c.slug, 'index.html'), 'utf8');
        for (const s of atlas.sources.values()) {
          const headline = lang === 'en' ? s.headline_en : s.headline_zh;
          if (own.has(s.id)) expect(text, `${url}: its report ${s.id}`).toContain(squeeze(headline));
          else {
            expect(text, `${url}: another case's report ${s.id}`).not.toContain(squeeze(headline));
            if (html.includes(nestQuotes(headline))) credited++;
          }
        }
      }
    }
    // the pages do show other cases' reports (in the charts' credits): the index leaves them out
    expect(credited).toBeGreaterThan(10);
  });

  // Words every case page carries in the same form (the figures table's caption and headings, each qualifier's
  // explanation, the key-figures chart's description and legend, a source's labels and the lines that stand in for
  // what a page does not print) would match every case and add a word to the index for every page: they are
  // shown, not indexed. What a figure counts and its value as printed are indexed. Plant: drop
  // data-pagefind-ignore from the <caption> in src/components/FiguresTable.astro, or from the key-figures chart in
  // src/components/charts/KeyFigures.astro.
  it('each case page holds its figures as printed and none of the labels every case page repeats', () => {
    const atlas = new Atlas(loadProject(ROOT));
    const content = indexedText();
    let figures = 0;
    for (const lang of ['en', 'zh'] as const) {
      const ui = t(lang);
      const ua = ta(lang);
      const labels = [
        ui.figuresCaption, ui.chart.keyDesc, ui.chart.keyLegendBar, ui.chart.keyLegendTick, ui.publicationNotPrinted,
        ua.noCopy, ua.publicationNotPrinted, ua.sectionNotPrinted,
        ...Object.values(QUALIFIER_LABEL).map((q) => q[lang]).filter((q) => /[(（]/.test(q)),
      ];
      for (const c of atlas.caseList()) {
        const url = `/${lang}/cases/${c.slug}/`;
        const text = content.get(url)!;
        expect(text, url).toBeDefined();
        for (const label of labels) expect(text, `${url}: “${label}”`).not.toContain(squeeze(label));
        for (const o of c.observations) {
          expect(text, `${url}: figure ${o.id}`).toContain(squeeze(lang === 'en' ? o.label_en : o.label_zh));
          expect(text, `${url}: figure ${o.id}`).toContain(squeeze(formatFigure(o, atlas.unitOf(o), lang)));
          figures++;
        }
      }
    }
    expect(figures).toBeGreaterThan(100);
  });
});
