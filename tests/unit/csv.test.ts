import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '../../src/lib/csv.ts';

describe('parseCsv', () => {
  it('reads a BOM, CRLF endings and trailing blank lines', () => {
    const t = parseCsv('\uFEFFid,name\r\na,甲\r\nb,"乙, 丙"\r\n\r\n\r\n', ['id', 'name']);
    expect(t.problems).toEqual([]);
    expect(t.rows).toEqual([
      { line: 2, record: { id: 'a', name: '甲' } },
      { line: 3, record: { id: 'b', name: '乙, 丙' } },
    ]);
  });
  it('reports short rows and unknown columns with their lines', () => {
    const t = parseCsv('id,nam\na\n', ['id', 'name']);
    expect(t.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '1: found no column "name" in the header, expected columns: id, name',
      '1: found unknown column "nam", expected columns: id, name',
      '2: found 1 cells, expected 2 (one per column: id, nam)',
    ]);
  });
  it('round-trips through toCsv', () => {
    const rows = [{ id: 'x', name: 'a "quoted", value' }];
    const t = parseCsv(toCsv(['id', 'name'], rows), ['id', 'name']);
    expect(t.rows.map((r) => r.record)).toEqual(rows);
  });
});
