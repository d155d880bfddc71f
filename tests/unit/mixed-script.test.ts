import { describe, expect, it } from 'vitest';
import { markChineseInHtml, splitChinese } from '../../src/lib/mixed-script.ts';

const zh = (s: string) => splitChinese(s).filter((p) => p.zh).map((p) => p.text);

describe('splitChinese', () => {
  it('finds each run of Chinese with the punctuation, quotes and digits that belong to it', () => {
    expect(zh('Responsibility zones (片区), headed by')).toEqual(['片区']);
    expect(zh('Printed as 1.6万余人次. Year inferred')).toEqual(['1.6万余人次']);
    expect(zh('three halls: 《南溟奇闻》, 《红旗不倒》 and 《扬帆奋进》.')).toEqual(['《南溟奇闻》', '《红旗不倒》', '《扬帆奋进》']);
    expect(zh('the “十项活动” of the anniversary (建党99周年)')).toEqual(['“十项活动”', '建党99周年']);
  });
  it('leaves English, numbers and quotes of English phrases alone, and gives the text back whole', () => {
    const s = 'In 2020, 30 “Party-member households” (党员户) joined.';
    expect(zh(s)).toEqual(['党员户']);
    expect(splitChinese(s).map((p) => p.text).join('')).toBe(s);
    expect(splitChinese('No Chinese here, 2023.')).toEqual([{ text: 'No Chinese here, 2023.', zh: false }]);
  });
});

describe('markChineseInHtml', () => {
  it('wraps Chinese in English text, and nothing inside lang elements, scripts, SVG, titles or attributes', () => {
    const html = '<!doctype html><html lang="en"><head><title>廉江 · Atlas</title><script type="application/ld+json">{"a":"廉江"}</script></head>'
      + '<body><p title="廉江">Lianjiang (廉江市) and <span lang="zh-Hans">西樵镇</span></p><svg><text>爱国</text></svg><input value="x"><p>Done.</p></body></html>';
    const out = markChineseInHtml(html);
    expect(out).toContain('<p title="廉江">Lianjiang (<span lang="zh-Hans" class="nowrap">廉江市</span>) and <span lang="zh-Hans">西樵镇</span></p>');
    expect(out).toContain('<title>廉江 · Atlas</title>');
    expect(out).toContain('{"a":"廉江"}');
    expect(out).toContain('<svg><text>爱国</text></svg>');
    expect(out).toBe(html.replace('(廉江市)', '(<span lang="zh-Hans" class="nowrap">廉江市</span>)'));
    // a long run wraps as Chinese text does
    expect(markChineseInHtml('<p>Headline: 四川省泸州市江阳区加大投入筑牢党建基石</p>')).toBe('<p>Headline: <span lang="zh-Hans">四川省泸州市江阳区加大投入筑牢党建基石</span></p>');
  });
});
