import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCorrections, lastChanged, parseCorrections, sortCorrections } from '../../src/lib/corrections.ts';
import { formatError } from '../../src/lib/validate.ts';
import { loadProject } from '../../src/lib/load.ts';
import { ROOT } from '../helpers/fixture.ts';

const HEAD = 'date,case,change_en,change_zh,reason_en,reason_zh\n';
const SLUGS = ['lianjiang', 'maonan'];
const messages = (text: string) => parseCorrections(HEAD + text, 'data/corrections.csv', SLUGS).errors.map(formatError);

describe('corrections log validation', () => {
  it('accepts a good row, several cases joined by |, and "all"', () => {
    const { rows, errors } = parseCorrections(HEAD + '2026-11-29,lianjiang|maonan,A,甲,B,乙\n2026-11-28,all,C,丙,D,丁\n', 'data/corrections.csv', SLUGS);
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.date, r.cases])).toEqual([['2026-11-29', ['lianjiang', 'maonan']], ['2026-11-28', []]]);
  });
  it('rejects an impossible or badly written date', () => {
    expect(messages('2026-02-30,lianjiang,A,甲,B,乙\n')).toEqual(['data/corrections.csv:2 [date]: found "2026-02-30", expected a date YYYY-MM-DD (the day the correction was made)']);
    expect(messages('29/11/2026,lianjiang,A,甲,B,乙\n')).toEqual(['data/corrections.csv:2 [date]: found "29/11/2026", expected a date YYYY-MM-DD (the day the correction was made)']);
  });
  it('rejects an unknown case and an empty case', () => {
    expect(messages('2026-11-29,lianjang,A,甲,B,乙\n')).toEqual(['data/corrections.csv:2 [case]: found "lianjang", expected a case slug (content/cases/<lang>/<slug>.mdx) or "all"']);
    expect(messages('2026-11-29,,A,甲,B,乙\n')).toEqual(['data/corrections.csv:2 [case]: found nothing, expected a case slug, several joined by "|", or "all"']);
  });
  it('requires what changed and why, in both languages, with no TODO', () => {
    expect(messages('2026-11-29,maonan,,甲,B,TODO\n')).toEqual([
      'data/corrections.csv:2 [change_en]: found nothing, expected what changed in English',
      'data/corrections.csv:2 [reason_zh]: found a TODO placeholder, expected the finished text',
    ]);
  });
  it('reports a missing column with the line of the header', () => {
    const errors = parseCorrections('date,case,change_en,change_zh,reason_en\n2026-11-29,maonan,A,甲,B\n', 'data/corrections.csv', SLUGS).errors.map(formatError);
    expect(errors[0]).toBe('data/corrections.csv:1 [reason_zh]: found no column "reason_zh" in the header, expected columns: date, case, change_en, change_zh, reason_en, reason_zh');
  });
  it('sorts newest first, keeping file order within a day', () => {
    const { rows } = parseCorrections(HEAD + '2026-01-02,maonan,A,甲,B,乙\n2026-03-01,maonan,C,丙,D,丁\n2026-03-01,lianjiang,E,戊,F,己\n', 'x', SLUGS);
    expect(sortCorrections(rows).map((r) => r.change_en)).toEqual(['C', 'E', 'A']);
  });
  it('last changed: the newest correction, else the newest report date', () => {
    const { rows } = parseCorrections(HEAD + '2026-01-02,maonan,A,甲,B,乙\n2026-03-01,maonan,C,丙,D,丁\n', 'x', SLUGS);
    expect(lastChanged(rows, ['2021', '2023'])).toBe('2026-03-01');
    expect(lastChanged([], ['2021-08-24', 'unknown', '2023'])).toBe('2023');
    expect(lastChanged([], [])).toBeUndefined();
  });
});

describe('the real corrections log', () => {
  const slugs = [...new Set(loadProject(ROOT).cases.map((c) => c.slug))];
  it('validates, and every row is dated the day of the audit corrections', () => {
    const { rows, errors } = checkCorrections(ROOT, slugs);
    expect(errors.map(formatError)).toEqual([]);
    expect(rows.length).toBeGreaterThanOrEqual(15);
    expect(new Set(rows.map((r) => r.date))).toEqual(new Set(['2026-11-29']));
  });
  it('names no internal id: observation, source or page-file ids stay out of the reader-facing text', () => {
    const text = readFileSync(join(ROOT, 'data', 'corrections.csv'), 'utf8');
    expect(text).not.toMatch(/\bs\d{3}-[a-z]+|\d{3}_[0-9a-f]{8,}\.txt|\b[a-z]+-[a-z]+-[a-z]+(?=[ ,])/);
  });
});
