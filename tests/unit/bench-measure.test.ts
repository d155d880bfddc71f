import { describe, expect, it } from 'vitest';
import { outputKind, pageType, renderTimes } from '../../scripts/bench/_measure.ts';

describe('the scale benchmark reads Astro’s page log', () => {
  it('tells a file’s kind from its path in the log', () => {
    expect(outputKind('/en/cases/yutai/index.html')).toBe('case');
    expect(outputKind('/zh/cases/page/3/index.html')).toBe('case index');
    expect(outputKind('/zh/regions/lianjiang/index.html')).toBe('region');
    expect(outputKind('/en/embed/case-yutai-figures/index.html')).toBe('embed');
    expect(outputKind('/og/zh/cases/yutai.png')).toBe('preview image');
    expect(outputKind('/en/charts/collective_income.csv')).toBe('CSV');
    expect(outputKind('/zh/compare/data/party_members/n-c1.json')).toBe('JSON');
    expect(outputKind('/404.html')).toBe('other');
    // a page's kind is the type the page-size report gives it
    expect(outputKind('/en/themes/contests/index.html')).toBe(pageType('en/themes/contests/index.html'));
  });

  it('sums each kind’s files and times, in every form Astro prints, with colours or without', () => {
    const log = [
      '23:29:31 [content] Syncing content',
      '23:29:34   ├─ /en/cases/yutai/index.html (+5ms) ',
      '23:29:34   \x1b[34m├─\x1b[39m \x1b[2m/zh/cases/yutai/index.html\x1b[22m \x1b[2m(+7ms)\x1b[22m ',
      '23:29:35   ├─ /en/cases/xiqiao/index.html (+1.25s) ',
      '23:29:36   ├─ /og/en/cases/yutai.png (+2m 5s) ',
      '23:29:36   ├─ /en/cases/maonan/index.html (restored)',
      '23:29:36   ├─ /en/charts/collective_income.csv (cached)',
      '23:29:37 ✓ Completed in 3.02s.',
    ].join('\n');
    const kinds = renderTimes(log);
    expect(Object.fromEntries(kinds)).toEqual({
      case: { files: 3, ms: 5 + 7 + 1250, restored: 1 },
      'preview image': { files: 1, ms: 125_000, restored: 0 },
      CSV: { files: 0, ms: 0, restored: 1 },
    });
    // one kind for every file (the bare build's pages)
    expect(renderTimes(log, () => 'page').get('page')).toEqual({ files: 4, ms: 126_262, restored: 2 });
  });

  it('stops on a time it cannot read, naming it', () => {
    expect(() => renderTimes('  ├─ /en/index.html (+5 ms) ')).toThrow(/"5 ms"/);
  });
});
