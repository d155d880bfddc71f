import { describe, expect, it } from 'vitest';
import { Atlas } from '../../src/lib/atlas.ts';
import { caseCard, leadFigure, placeLine, siteCard, themeCard } from '../../src/lib/cards.ts';
import { formatFigure } from '../../src/lib/format.ts';
import { loadProject } from '../../src/lib/load.ts';
import { clip, ogCard, titleSize, visualLength } from '../../src/lib/og-card.ts';
import { ROOT } from '../helpers/fixture.ts';

const atlas = new Atlas(loadProject(ROOT));

describe('preview card contents', () => {
  it('a Chinese case card: Chinese title, place without the country, its lead figure as printed', () => {
    const c = atlas.cases.get('lianjiang')!;
    const card = caseCard(atlas, 'lianjiang', 'zh');
    const o = leadFigure(c)!;
    expect(card.title).toBe(c.docs.zh!.frontmatter.title);
    expect(card.place).toBe('广东省 › 湛江市 › 廉江市');
    expect(card.figure).toEqual({ value: formatFigure(o, atlas.unitOf(o), 'zh', 'compact'), label: o.label_zh });
    expect(card.kicker).toBe('案例');
  });
  it('an English case card reads the English fields', () => {
    const card = caseCard(atlas, 'lianjiang', 'en');
    expect(card.place).toBe(placeLine(atlas.cases.get('lianjiang')!.chain, 'en'));
    expect(card.siteName).toBe('Party-Building Case Atlas');
    expect(card.siteNameOther).toBe('党建案例图谱');
  });
  it('a theme card counts its cases and says where its figure is from', () => {
    const card = themeCard(atlas, 'three-no-communities', 'en');
    const n = atlas.casesWithTheme('three-no-communities').length;
    expect(card.place).toMatch(new RegExp(`^${n} cases? · `));
    expect(card.figure?.label).toMatch(/^[A-Z][^:]+: /);
  });
  it('the site card states the atlas in numbers', () => {
    expect(siteCard(atlas, 'zh').kicker).toContain(`${atlas.cases.size}个案例`);
  });
});

describe('card layout helpers', () => {
  it('CJK counts double when sizing a title', () => {
    expect(visualLength('廉江abc')).toBe(7);
    expect(titleSize('短标题')).toBeGreaterThan(titleSize('很长的标题'.repeat(10)));
  });
  it('clip shortens at a word boundary with an ellipsis and leaves short text alone', () => {
    expect(clip('short', 10)).toBe('short');
    expect(clip('Party organisations shortlisted for the evaluation', 30)).toBe('Party organisations…');
    expect([...clip('入围2023年度“先锋(模范)党支部”创评的党组织', 10)].length).toBe(10);
  });
  it('the tree names the card font and carries the language', () => {
    const tree = ogCard(caseCard(atlas, 'lianjiang', 'zh'));
    expect(tree.props.lang).toBe('zh-CN');
    expect(tree.props.style?.fontFamily).toBe('Noto Sans SC');
    expect(JSON.stringify(tree)).toContain('廉江');
  });
});
