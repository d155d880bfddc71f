import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRow, decodeText, parseCsv, toCsv } from '../../src/lib/csv.ts';
import { ROOT } from '../helpers/fixture.ts';

describe('parseCsv', () => {
  it('reads a BOM, CRLF endings and trailing blank lines', () => {
    const t = parseCsv('\uFEFFid,name\r\na,甲\r\nb,"乙, 丙"\r\n\r\n\r\n', ['id', 'name']);
    expect(t.problems).toEqual([]);
    expect(t.rows).toEqual([
      { line: 2, record: { id: 'a', name: '甲' } },
      { line: 3, record: { id: 'b', name: '乙, 丙' } },
    ]);
  });
  it('reports a wrong header once, at the header, not again on every row', () => {
    const t = parseCsv('id,nam\na\nb,c\n', ['id', 'name']);
    expect(t.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '1: found no column "name" in the header, expected columns: id, name',
      '1: found unknown column "nam", expected columns: id, name',
    ]);
  });
  it('reports a short row with its line', () => {
    const t = parseCsv('id,name\na,甲\nb\n', ['id', 'name']);
    expect(t.problems.map((p) => `${p.line}: ${p.message}`)).toEqual(['3: found 1 cells, expected 2 (one per column: id, name)']);
  });
  it('reports a quote that is never closed once, at the line it opens on', () => {
    const t = parseCsv('id,name\na,甲\nb,"乙\nc,丙\nd,丁\n', ['id', 'name']);
    expect(t.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '3: found a quote (") that opens a cell and is never closed, so everything after it was read as one cell; expected a closing quote (write a quote inside a quoted cell as "")',
    ]);
  });
  it('round-trips through toCsv', () => {
    const rows = [{ id: 'x', name: 'a "quoted", value' }];
    const t = parseCsv(toCsv(['id', 'name'], rows), ['id', 'name']);
    expect(t.rows.map((r) => r.record)).toEqual(rows);
  });
  it('writes one row with csvRow: quoted where needed, empty cells for missing fields', () => {
    expect(csvRow(['id', 'name', 'note'], { id: 'x', name: 'a "quoted", value' })).toBe('x,"a ""quoted"", value",');
  });
});

describe('decodeText', () => {
  it('reads UTF-8', () => {
    expect(decodeText(new TextEncoder().encode('id,名\n'))).toEqual({ text: 'id,名\n' });
  });
  it('recognises a real table saved as GB18030/GBK and gives the line of its first non-UTF-8 byte', () => {
    const gbk = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030', join(ROOT, 'data', 'places.csv')]);
    const firstChinese = readFileSync(join(ROOT, 'data', 'places.csv'), 'utf8').split('\n').findIndex((l) => /[^\x00-\x7f]/.test(l)) + 1;
    expect(decodeText(gbk)).toEqual({ text: '', notUtf8: { line: firstChinese, looksLike: 'GB18030/GBK' } });
  });
  it('recognises UTF-16 by its byte-order mark', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id,名\n', 'utf16le')]);
    expect(decodeText(utf16).notUtf8?.looksLike).toBe('UTF-16');
  });
});
