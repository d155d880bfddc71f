// What scripts/index-search.ts sends Pagefind, checked against Pagefind itself (its binary, through its Node API):
// emptied drawings and pages sent several at a time must give the index a page-by-page feed of the full pages gives.
import { afterAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { chartTextForIndex, dropIdsForIndex, emptyDrawingsForIndex, pageForIndexer, spaceBlockBoundaries } from '../../src/lib/search.ts';

/** A case page's shape: a map with labels, tooltips, a link and attributes Pagefind reads elsewhere, then prose. */
const page = (n: number) => `<!doctype html><html lang="en"><head><title>Case ${n}</title></head><body>
<nav><a href="/">Atlas</a></nav>
<main data-pagefind-body data-pagefind-filter="theme:Services">
<h1>Red proxy services in county ${n}</h1>
<figure><svg viewBox="0 0 100 100" role="img" aria-label="Map"><title>Province ${n}</title>
<g><path d="M0 0L${n} 10L20 ${n}Z"/><a href="/x" id="p${n}"><circle r="3"/><text x="4">Yutai ${n}</text></a></g>
<text data-pagefind-ignore>Lianjiang</text></svg><figcaption id="c${n}">Service points by county</figcaption></figure>
<figure><svg class="stacked"><text>Panels ${n}</text><svg y="0"><text>Xiqiao ${n}</text><path d="M2 2"/></svg><svg y="50"><text>Zhenping ${n}</text></svg><text>Footnote ${n}</text></svg></figure>
<div hidden data-pagefind-ignore><svg><svg><text>Export copy ${n}</text></svg><text>Export note ${n}</text></svg></div>
<svg aria-hidden="true"><g data-pagefind-filter="province:Hidden ${n % 3}" data-pagefind-meta="drawn:${n}"><path d="M1 1"/><text>Maonan</text></g></svg>
<dl><dt>Date</dt><dd>2023</dd></dl><p>Volunteers ran errands for ${n} households.</p>
<table data-pagefind-ignore><tr><td>Figures ${n}</td><td><table><tr><td>Nested</td></tr></table></td></tr></table><p>Party<span data-pagefind-ignore>skipped</span>members in <em data-pagefind-ignore="all" data-pagefind-filter="dropped:${n}">Maonan</em>county</p>
<aside data-pagefind-ignore><span data-pagefind-meta="note:${n}">Note</span> hidden words<img data-pagefind-ignore alt="x"></aside><svg class="icon"><use href="#i"/></svg>
</main><footer>Sources</footer></body></html>`;

/** Every file Pagefind writes for these pages, by name, fed one page after another or `inFlight` at a time. */
async function bundle(pages: string[], inFlight = 1): Promise<Map<string, string>> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join('; '));
  const sending = new Set<Promise<unknown>>();
  for (const [i, content] of pages.entries()) {
    const sent: Promise<unknown> = index.addHTMLFile({ url: `/en/cases/c${i}/`, content }).then((r) => {
      expect(r.errors).toEqual([]);
      sending.delete(sent);
    });
    sending.add(sent);
    if (sending.size >= inFlight) await Promise.race(sending);
  }
  await Promise.all(sending);
  const { files } = await index.getFiles();
  await index.deleteIndex();
  return new Map(files.filter((f) => !/\.(js|css|pagefind)$/.test(f.path)).map((f) => [f.path, Buffer.from(f.content).toString('base64')]));
}

afterAll(() => pagefind.close());

describe('the feed to Pagefind', () => {
  it('empties each drawing, keeping its tags, but not a self-closing one or one holding Pagefind attributes', () => {
    expect(emptyDrawingsForIndex('<p>a</p><svg viewBox="0 0 1 1"><path d="M0"/><text>x</text></svg><p>b</p>')).toBe('<p>a</p><svg viewBox="0 0 1 1"></svg><p>b</p>');
    expect(emptyDrawingsForIndex('<SVG><g></g></SVG >')).toBe('<SVG></SVG >');
    expect(emptyDrawingsForIndex('<svg class="x"/><p>words</p><svg><text>y</text></svg>')).toBe('<svg class="x"/><p>words</p><svg></svg>');
    // Pagefind reads filters, metadata and sort keys inside a drawing: such a drawing is sent whole
    const marked = '<svg><g data-pagefind-filter="province:Guangdong"><path d="M0"/></g></svg>';
    expect(emptyDrawingsForIndex(`${marked}<svg><path d="M0"/></svg>`)).toBe(`${marked}<svg></svg>`);
  });

  it('empties a drawing with the drawings nested in it as one, and leaves unmatched tags as they are', () => {
    const nested = '<svg class="stacked"><svg y="0"><text>a</text></svg><svg y="9"><text>b</text></svg><text>note</text></svg>';
    expect(emptyDrawingsForIndex(`<p>x</p>${nested}<p>y</p>`)).toBe('<p>x</p><svg class="stacked"></svg><p>y</p>');
    expect(emptyDrawingsForIndex('<p>x</p></svg><svg><g/></svg>')).toBe('<p>x</p></svg><svg></svg>');
    expect(emptyDrawingsForIndex('<svg><g></g></svg><svg><text>never closed</text>')).toBe('<svg></svg><svg><text>never closed</text>');
    // an <svg> in a comment, a script or a style is not a tag: the drawings around it pair as they are
    const quoted = '<!-- <svg> --><script>const s = "</svg><svg>";</script><style>i::after{content:"<svg>"}</style>';
    expect(emptyDrawingsForIndex(`${quoted}<svg><g/></svg>`)).toBe(`${quoted}<svg></svg>`);
    expect(emptyDrawingsForIndex(`<svg><style>.a{}</style><text>x</text></svg>${quoted}`)).toBe(`<svg></svg>${quoted}`);
  });

  it('copies the labels out before it empties the drawings', () => {
    expect(pageForIndexer('<svg id="m"><text>Lianjiang</text></svg>')).toBe('<svg></svg><span data-pagefind-weight="0.1"> Lianjiang </span>');
  });

  it('gives Pagefind the same index as the full pages, sent one at a time or sixteen at a time', async () => {
    const pages = Array.from({ length: 40 }, (_, n) => page(n));
    const full = await bundle(pages.map((html) => dropIdsForIndex(spaceBlockBoundaries(chartTextForIndex(html)))));
    expect(pageForIndexer(pages[3]!)).not.toContain('<path d="M0 0L3');
    const emptied = await bundle(pages.map(pageForIndexer));
    const pipelined = await bundle(pages.map(pageForIndexer), 16);
    expect([...full.keys()].some((f) => f.endsWith('.pf_fragment'))).toBe(true);
    expect(emptied).toEqual(full);
    expect(pipelined).toEqual(full);
    // what the fragment of page 3 holds: the labels copied out of its map, none of the map's own filters or metadata
    const fragments = [...emptied.entries()].filter(([f]) => f.endsWith('.pf_fragment')).map(([, b64]) => JSON.parse(gunzipSync(Buffer.from(b64, 'base64')).subarray(12).toString('utf8')));
    const third = fragments.find((f) => f.url === '/en/cases/c3/');
    expect(third.content).toContain('Yutai 3');
    expect(third.content).toContain('Volunteers ran errands for 3 households.');
    expect(third.content).not.toContain('Province 3');
    // the labels of drawings nested in one, after it; none from the copy in an ignored element
    expect(third.content).toContain('Panels 3 · Xiqiao 3 · Zhenping 3 · Footnote 3');
    expect(third.content).not.toContain('Export');
    expect(third.filters).toEqual({ theme: ['Services'], province: ['Hidden 0'] });
    expect(third.meta).toMatchObject({ title: 'Red proxy services in county 3', drawn: '3', note: '3' });
    // ignored elements are not sent, unless they hold what Pagefind reads there; one marked "all" is sent in no case
    expect(pageForIndexer(pages[3]!)).not.toMatch(/Figures 3|Nested|skipped|dropped/);
    expect(pageForIndexer(pages[3]!)).toContain('hidden words');
    expect(third.content).toContain('Partymembers in county');
    expect(third.content).not.toMatch(/Figures|hidden words/);
  });
});
