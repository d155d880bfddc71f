import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listFiles, moveInto, PageStart } from '../../src/lib/paths.ts';

/** A folder holding these files (path → text), made under a fresh temporary folder. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-paths-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('moveInto, which puts each part of the search index into place', () => {
  it('moves a folder whole where nothing is yet, keeping its files (the same inodes: nothing is copied)', () => {
    const from = folder({ 'index/en_1.pf_index': 'a', 'fragment/en_2.pf_fragment': 'b' });
    const inode = statSync(join(from, 'index/en_1.pf_index')).ino;
    const parent = mkdtempSync(join(tmpdir(), 'atlas-paths-'));
    const to = join(parent, 'part-1');
    moveInto(from, to);
    expect(existsSync(from)).toBe(false);
    expect(listFiles(to)).toEqual(['fragment/en_2.pf_fragment', 'index/en_1.pf_index']);
    expect(statSync(join(to, 'index/en_1.pf_index')).ino).toBe(inode);
    rmSync(parent, { recursive: true, force: true });
  });

  it('merges into a folder already there: another language’s files are kept, a file of the same name is replaced', () => {
    const to = folder({ 'index/en_1.pf_index': 'en', 'pagefind.js': 'old', 'pagefind-entry.json': '{"en":1}', 'parts-en.json': '[]' });
    const from = folder({ 'index/zh_1.pf_index': 'zh', 'pagefind.js': 'new', 'pagefind-entry.json': '{"zh":1}', 'filter/zh_3.pf_filter': 'f' });
    moveInto(from, to);
    expect(existsSync(from)).toBe(false);
    expect(listFiles(to)).toEqual(['filter/zh_3.pf_filter', 'index/en_1.pf_index', 'index/zh_1.pf_index', 'pagefind-entry.json', 'pagefind.js', 'parts-en.json']);
    expect(readFileSync(join(to, 'pagefind.js'), 'utf8')).toBe('new');
    expect(readFileSync(join(to, 'pagefind-entry.json'), 'utf8')).toBe('{"zh":1}');
    expect(readFileSync(join(to, 'index/en_1.pf_index'), 'utf8')).toBe('en');
    rmSync(to, { recursive: true, force: true });
  });

  it('replaces a file with a folder of its name and a folder with a file', () => {
    const to = folder({ index: 'a file', 'wasm/x': 'a folder' });
    const from = folder({ 'index/en_1.pf_index': 'i', wasm: 'now a file' });
    moveInto(from, to);
    expect(listFiles(to)).toEqual(['index/en_1.pf_index', 'wasm']);
    expect(readFileSync(join(to, 'wasm'), 'utf8')).toBe('now a file');
    rmSync(to, { recursive: true, force: true });
  });
});

describe('PageStart, which the search indexer scans the built pages with', () => {
  const marked = (html: string) => /\sdata-pagefind-body[\s>=]/.test(html);
  const date = (html: string) => /\sdata-date-sort="([^"]*)"/.exec(html)?.[1];
  const page = `<!doctype html><html lang="zh-Hans"><body><main data-pagefind-body>${'x'.repeat(100)}<dd data-date-sort="2023-05">`;

  it('reads only the start of a file and finds what is there without reading more', () => {
    const dir = folder({ 'a.html': page + 'y'.repeat(10_000) });
    const start = new PageStart(join(dir, 'a.html'), 256);
    expect(start.bytes.length).toBe(256);
    expect(start.find(marked)).toBe(true);
    expect(start.find(date)).toBe('2023-05');
    expect(start.whole).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the whole file when what is looked for is not in its start, or is cut at its end', () => {
    const dir = folder({ 'late.html': `${'y'.repeat(1000)}${page}`, 'cut.html': page });
    const late = new PageStart(join(dir, 'late.html'), 256);
    expect(late.find(date)).toBe('2023-05');
    expect(late.whole).toBe(true);
    // the start ends inside the date's value: no match there, the whole file has it
    const cutAt = page.indexOf('2023-0') + 6;
    const cut = new PageStart(join(dir, 'cut.html'), cutAt);
    expect(cut.bytes.toString()).toMatch(/data-date-sort="2023-0$/);
    expect(cut.find(date)).toBe('2023-05');
    // and the marker cut before the character that ends the attribute's name
    const cutMarker = new PageStart(join(dir, 'cut.html'), page.indexOf('data-pagefind-body') + 'data-pagefind-body'.length);
    expect(marked(cutMarker.bytes.toString())).toBe(false);
    expect(cutMarker.find(marked)).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds nothing in a file that does not have it, short or long, read whole', () => {
    const dir = folder({ 'short.html': '<html lang="en"><p>hi', 'long.html': `<html lang="en">${'z'.repeat(5000)}` });
    const short = new PageStart(join(dir, 'short.html'), 256);
    expect(short.whole).toBe(true);
    expect(short.readRest()).toBe(false);
    expect(short.find(marked)).toBeUndefined();
    const long = new PageStart(join(dir, 'long.html'), 256);
    expect(long.find(date)).toBeUndefined();
    expect(long.whole).toBe(true);
    expect(long.bytes.length).toBe(5016);
    rmSync(dir, { recursive: true, force: true });
  });
});
