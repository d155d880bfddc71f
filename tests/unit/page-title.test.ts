import { describe, expect, it } from 'vitest';
import { MAX_TITLE, pageTitle } from '../../src/lib/page-title.ts';

const SITE = 'Party-Building Case Atlas';

describe('pageTitle', () => {
  it('names the page, then the site', () => {
    expect(pageTitle('Guangdong', SITE)).toBe('Guangdong · Party-Building Case Atlas');
    expect(pageTitle('廉江市', '党建案例图谱')).toBe('廉江市 · 党建案例图谱');
  });
  it('the home page is the site itself', () => {
    expect(pageTitle(SITE, SITE)).toBe(SITE);
  });
  it('shortens a long headline at a word, keeping the site name, within the limit', () => {
    const long = 'Yingshan County, Hubei: a village party secretary turns a poor mountain village around by organising farmers into a cooperative';
    const t = pageTitle(long, SITE);
    expect(t.length).toBeLessThanOrEqual(MAX_TITLE);
    expect(t.endsWith('… · Party-Building Case Atlas')).toBe(true);
    expect(long.startsWith(t.slice(0, t.indexOf('…')))).toBe(true);
    expect(t).not.toMatch(/\s…/);
    expect(t.slice(0, t.indexOf('…'))).toMatch(/[a-z]$/); // cut after a whole word
    expect(long.charAt(t.indexOf('…'))).toBe(' ');
  });
});
