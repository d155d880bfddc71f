import { describe, expect, it } from 'vitest';
import { buildDate } from '../../src/lib/build-date.ts';

describe('buildDate: reproducible, never the wall clock', () => {
  it('SOURCE_DATE_EPOCH wins, read as UTC', () => {
    expect(buildDate({ sourceDateEpoch: '1700000000', gitDate: '2020-01-01T00:00:00Z', dataDates: ['2023'] })).toBe('2023-11-14');
  });
  it('then the latest commit date, normalised to UTC', () => {
    expect(buildDate({ gitDate: '2024-05-06T23:30:00-02:00', dataDates: ['2023'] })).toBe('2024-05-07');
    expect(buildDate({ sourceDateEpoch: 'not-a-number', gitDate: '2024-05-06T10:00:00+08:00' })).toBe('2024-05-06');
  });
  it('then the newest date in the data, at the precision it has', () => {
    expect(buildDate({ dataDates: ['2021', 'unknown', '2023-07', '2023', '2020-07-01'] })).toBe('2023-07');
    expect(buildDate({ dataDates: ['unknown'] })).toBeUndefined();
  });
});
