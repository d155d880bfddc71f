// Short names for a Pagefind bundle's pages and chunks (src/lib/search-names.ts), checked on bundles Pagefind
// itself writes (its binary, through its Node API).
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cborg';
import * as pagefind from 'pagefind';
import { shortenBundleNames, shortNames } from '../../src/lib/search-names.ts';

const dirs: string[] = [];
afterAll(async () => {
  await pagefind.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const page = (n: number, lang: 'en' | 'zh-CN', extra = '') =>
  `<!doctype html><html lang="${lang}"><head><title>Case ${n}</title></head><body><main data-pagefind-body>
<h1>${lang === 'en' ? `Red proxy services in county ${n}` : `县${n}红色代办服务`}</h1>
<p>${lang === 'en' ? `Volunteers ran errands for ${n * 7} households in village ${n}; word${n} appears here only.` : `志愿者为${n * 7}户群众代办事项，三无小区治理${n}。`}${extra}</p></main></body></html>`;

/** A bundle as Pagefind writes it for `count` pages of each language, in a folder of its own. */
async function writeBundle(count: number, extra = (_n: number) => ''): Promise<string> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join('; '));
  for (let n = 0; n < count; n++) {
    expect((await index.addHTMLFile({ url: `/en/cases/c${n}/`, content: page(n, 'en', extra(n)) })).errors).toEqual([]);
    expect((await index.addHTMLFile({ url: `/zh/cases/c${n}/`, content: page(n, 'zh-CN', extra(n)) })).errors).toEqual([]);
  }
  const dir = mkdtempSync(join(tmpdir(), 'atlas-names-'));
  dirs.push(dir);
  expect((await index.writeFiles({ outputPath: dir })).errors).toEqual([]);
  await index.deleteIndex();
  return dir;
}

/** Every file of a folder (recursively), by path, with its bytes. */
function filesOf(dir: string, under = ''): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const name of readdirSync(join(dir, under))) {
    const rel = under ? `${under}/${name}` : name;
    if (statSync(join(dir, rel)).isDirectory()) for (const [k, v] of filesOf(dir, rel)) out.set(k, v);
    else out.set(rel, readFileSync(join(dir, rel)));
  }
  return out;
}

/** A language's index list, decoded, and its file name. */
function metaOf(dir: string, lang: string): { name: string; meta: [string, [string, number, string][], [string, string, string][], ...unknown[]] } {
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8'));
  const name = `pagefind.${entry.languages[lang].hash}.pf_meta`;
  const bytes = gunzipSync(readFileSync(join(dir, name)));
  expect(bytes.subarray(0, 12).toString()).toBe('pagefind_dcd');
  return { name, meta: decode(bytes.subarray(12)) };
}

describe('short names for the pages and chunks of an index list', () => {
  const meta = ['1.6.0', [['en_58d699c', 1210, ''], ['en_525aaa9', 18, '']], [['a', 'm', 'en_fb73123'], ['n', 'z', 'en_c5e8c03']], [['theme', 'en_f00']], []];

  it('numbers pages and chunks in the list’s order and keeps every other field', () => {
    const r = shortNames(meta, 'en', 'k1');
    expect(r.meta).toEqual(['1.6.0', [['en_k1-0', 1210, ''], ['en_k1-1', 18, '']], [['a', 'm', 'en_k1-0'], ['n', 'z', 'en_k1-1']], [['theme', 'en_f00']], []]);
    expect([...r.pages]).toEqual([['en_58d699c', 'en_k1-0'], ['en_525aaa9', 'en_k1-1']]);
    expect([...r.chunks]).toEqual([['en_fb73123', 'en_k1-0'], ['en_c5e8c03', 'en_k1-1']]);
    // the numbers are base 36
    const many = shortNames(['1.6.0', Array.from({ length: 40 }, (_, i) => [`en_${i}`, 1, '']), []], 'en', 'k');
    expect((many.meta[1] as string[][])[37]![0]).toBe('en_k-11');
  });

  it('leaves the pages of a list whose fragments are grouped as they are, and still renames its chunks', () => {
    const grouped = ['1.6.0', [['en_58d699c', 1210, 'en_g1'], ['en_525aaa9', 18, 'en_g1']], [['a', 'z', 'en_fb73123']], [], []];
    const r = shortNames(grouped, 'en', 'k1');
    expect(r.pages.size).toBe(0);
    expect((r.meta[1] as unknown[])).toEqual(grouped[1]);
    expect([...r.chunks]).toEqual([['en_fb73123', 'en_k1-0']]);
  });

  it('says what it found when the list is not Pagefind’s', () => {
    expect(() => shortNames({ pages: [] }, 'en', 'k')).toThrow(/expected Pagefind's index list \[version, pages, chunks, …\], found \{"pages":\[\]\}/);
    expect(() => shortNames(['1.6.0', [['en_a', 1, ''], [7, 1, '']], []], 'en', 'k')).toThrow(/page 1 of the index list: expected \[name, word count, group\], found \[7,1,""\]/);
    expect(() => shortNames(['1.6.0', [], [['a', 'b']]], 'en', 'k')).toThrow(/chunk 0 of the index list: expected \[first word, last word, name\], found \["a","b"\]/);
  });
});

describe('a bundle Pagefind wrote, renamed', () => {
  it('renames every fragment and chunk a list names, keeps their contents, and points the entry at the new list', async () => {
    const dir = await writeBundle(120);
    const before = filesOf(dir);
    const oldLists = Object.fromEntries(['en', 'zh-cn'].map((l) => [l, metaOf(dir, l)]));
    shortenBundleNames(dir);
    const after = filesOf(dir);
    for (const lang of ['en', 'zh-cn']) {
      const old = oldLists[lang]!;
      const now = metaOf(dir, lang);
      expect(now.name).not.toBe(old.name);
      expect(after.has(old.name)).toBe(false);
      const [, pages, chunks] = now.meta;
      expect(pages.length).toBe(120);
      expect(chunks.length).toBe(old.meta[2].length);
      pages.forEach(([name, words, group], i) => {
        expect(name).toMatch(new RegExp(`^${lang}_[0-9a-f]{10}-${i.toString(36)}$`));
        // the same page in the same place, with the same word count, its fragment the same bytes under the new name
        const [oldName, oldWords, oldGroup] = old.meta[1][i]!;
        expect([words, group]).toEqual([oldWords, oldGroup]);
        expect(after.get(`fragment/${name}.pf_fragment`)).toEqual(before.get(`fragment/${oldName}.pf_fragment`));
      });
      chunks.forEach(([from, to, name], i) => {
        expect([from, to]).toEqual(old.meta[2][i]!.slice(0, 2));
        expect(after.get(`index/${name}.pf_index`)).toEqual(before.get(`index/${old.meta[2][i]![2]}.pf_index`));
      });
      // everything after the chunks (filters, sorts) as Pagefind wrote it
      expect(now.meta.slice(3)).toEqual(old.meta.slice(3));
    }
    // no file left under an old name, none lost: the same contents, as many files
    expect([...after.keys()].filter((f) => /^(fragment|index)\//.test(f)).every((f) => /_[0-9a-f]{10}-[0-9a-z]+\.pf_/.test(f))).toBe(true);
    expect(after.size).toBe(before.size);
    const contents = (files: Map<string, Buffer>) => [...files].filter(([f]) => !/\.pf_meta$|entry\.json$/.test(f)).map(([, b]) => b.toString('base64')).sort();
    expect(contents(after)).toEqual(contents(before));
  });

  it('makes the index list smaller over gzip', async () => {
    const dir = await writeBundle(400);
    const size = (lang: string) => statSync(join(dir, metaOf(dir, lang).name)).size;
    const before = { en: size('en'), zh: size('zh-cn') };
    shortenBundleNames(dir);
    // measured: 400 pages a language, about 6 bytes a page's hash over gzip against about 2 for its number
    expect(size('en')).toBeLessThan(before.en * 0.75);
    expect(size('zh-cn')).toBeLessThan(before.zh * 0.75);
  });

  it('gives the same index the same names, and a changed index new names for every file', async () => {
    const a = await writeBundle(30);
    const b = await writeBundle(30);
    const c = await writeBundle(30, (n) => (n === 29 ? ' One more sentence.' : ''));
    for (const d of [a, b, c]) shortenBundleNames(d);
    const names = (d: string) => [...filesOf(d).keys()].sort();
    expect(names(b)).toEqual(names(a));
    const changed = names(c).filter((f) => f.startsWith('fragment/'));
    expect(changed.filter((f) => names(a).includes(f))).toEqual([]);
  });

  it('names a file the list names and the bundle does not have', async () => {
    const dir = await writeBundle(5);
    const [, pages] = metaOf(dir, 'en').meta;
    rmSync(join(dir, 'fragment', `${pages[2]![0]}.pf_fragment`));
    expect(() => shortenBundleNames(dir)).toThrow(new RegExp(`pagefind\\.en_[0-9a-f]+\\.pf_meta \\(en\\): names 1 file\\(s\\) that are not there: .*${pages[2]![0]}\\.pf_fragment`));
  });
});
