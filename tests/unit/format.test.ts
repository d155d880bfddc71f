import { describe, expect, it } from 'vitest';
import { formatAxis, formatCaseDates, formatDate, formatFigure, formatPeriod, reportDate, tidy } from '../../src/lib/format.ts';
import { qualifierWord } from '../../src/lib/qualifiers.ts';
import type { Qualifier, Unit } from '../../src/lib/schema.ts';

const U = (unit: string, kind: Unit['kind'], factor: number, en: string, scale: Unit['scale'] = 'base'): Unit => ({ unit, kind, factor, en, scale });
const ge = U('个', 'count', 1, '{n}');
const ming = U('名', 'count', 1, '{n}');
const wanyuan = U('万元', 'currency', 10000, '{n} yuan');
const yuan = U('元', 'currency', 1, '{n} yuan');
const wanrenci = U('万人次', 'count', 10000, '{n}');
const qianming = U('千名', 'count', 1000, '{n}');
const mu = U('亩', 'area', 2000 / 3, '{n} mu', 'printed');
const fig = (value: number, qualifier: Qualifier, qualifier_zh = '') => ({ value, qualifier, qualifier_zh });

describe('formatFigure', () => {
  it('writes Chinese figures as printed, with the qualifier where the source put it', () => {
    expect(formatFigure(fig(460000, 'exact'), wanyuan, 'zh')).toBe('46万元');
    expect(formatFigure(fig(30, 'more_than', '余'), ge, 'zh')).toBe('30余个');
    expect(formatFigure(fig(4000, 'nearly', '近'), ming, 'zh')).toBe('近4000名');
    expect(formatFigure(fig(100, 'more_than', '以上'), ge, 'zh')).toBe('100个以上');
    expect(formatFigure(fig(2, 'at_least', '不少于'), ming, 'zh')).toBe('不少于2名');
    expect(formatFigure(fig(60000, 'more_than', '万多'), wanyuan, 'zh')).toBe('6万多元');
    expect(formatFigure(fig(3000000, 'more_than', '余'), wanyuan, 'zh')).toBe('300余万元');
  });
  it('puts 余 and 多 before or after 万, 亿 or 千 as the report printed them', () => {
    // 1.6万余人次 (Dali), 20余万元 (Dongping), 2000多万元 (Xiqiao), 3千多名 (Xiqiao), 300余万元 (Jiangyang)
    expect(formatFigure(fig(16000, 'more_than', '万余'), wanrenci, 'zh')).toBe('1.6万余人次');
    expect(formatFigure(fig(200000, 'more_than', '余'), wanyuan, 'zh')).toBe('20余万元');
    expect(formatFigure(fig(200000, 'more_than', '万余'), wanyuan, 'zh')).toBe('20万余元');
    expect(formatFigure(fig(20000000, 'more_than', '多'), wanyuan, 'zh')).toBe('2000多万元');
    expect(formatFigure(fig(3000, 'more_than', '千多'), qianming, 'zh')).toBe('3千多名');
    expect(formatFigure(fig(16000, 'more_than', '万余'), wanrenci, 'en')).toBe('more than 16,000');
    expect(formatFigure(fig(3000, 'more_than', '千多'), qianming, 'en', 'compact')).toBe('3,000+');
  });
  it('refuses a placement no report prints instead of showing it', () => {
    expect(() => formatFigure(fig(16000, 'more_than', '余'), wanrenci, 'zh')).toThrow('found "余" after the decimal 1.6, which would print 1.6余万人次; expected the word where the report prints it, after 万: qualifier_zh "万余" (1.6万余人次)');
    expect(() => formatFigure(fig(3000, 'more_than', '千多'), ming, 'zh')).toThrow('expected a unit starting with 千');
    // an exact figure carries no word, so nothing can be misplaced
    expect(formatFigure(fig(16000, 'exact'), wanrenci, 'zh')).toBe('1.6万人次');
  });
  it('writes English figures in base units with words for the qualifier', () => {
    expect(formatFigure(fig(460000, 'exact'), wanyuan, 'en')).toBe('460,000 yuan');
    expect(formatFigure(fig(30, 'more_than', '余'), ge, 'en')).toBe('more than 30');
    expect(formatFigure(fig(4000, 'nearly', '近'), ming, 'en')).toBe('nearly 4,000');
    expect(formatFigure(fig(1200, 'about', '约'), ge, 'en')).toBe('about 1,200');
    expect(formatFigure(fig(2, 'at_least', '不少于'), ming, 'en')).toBe('at least 2');
    expect(formatFigure(fig(100, 'less_than', '不足'), ge, 'en')).toBe('under 100');
    expect(formatFigure(fig(60000, 'more_than', '多'), yuan, 'en')).toBe('more than 60,000 yuan');
  });
  it('has a compact English form for charts', () => {
    expect(formatFigure(fig(30, 'more_than', '余'), ge, 'en', 'compact')).toBe('30+');
    expect(formatFigure(fig(2, 'at_least', '至少'), ge, 'en', 'compact')).toBe('≥2');
    expect(formatFigure(fig(1200, 'about', '约'), ge, 'en', 'compact')).toBe('~1,200');
    expect(formatFigure(fig(4000, 'nearly', '近'), ge, 'en', 'compact')).toBe('nearly 4,000');
  });
  it('keeps printed-scale units such as mu in their own scale', () => {
    expect(formatFigure(fig(80000, 'exact'), mu, 'en')).toBe('120 mu');
    expect(formatFigure(fig(80000, 'exact'), mu, 'zh')).toBe('120亩');
  });
});

describe('qualifierWord', () => {
  it('reads a printed word for its meaning and place, with the scale character it follows', () => {
    expect(qualifierWord('余')).toEqual({ qualifier: 'more_than', position: 'after-number' });
    expect(qualifierWord('万余')).toEqual({ qualifier: 'more_than', position: 'inside-unit', scale: '万' });
    expect(qualifierWord('亿多')).toEqual({ qualifier: 'more_than', position: 'inside-unit', scale: '亿' });
    expect(qualifierWord('千多')).toEqual({ qualifier: 'more_than', position: 'inside-unit', scale: '千' });
    expect(qualifierWord('以上')).toEqual({ qualifier: 'more_than', position: 'after-unit' });
    // only 余 and 多 follow a scale character; 约 and 近 go before the number
    expect(qualifierWord('万约')).toBeUndefined();
    expect(qualifierWord('元余')).toBeUndefined();
    expect(qualifierWord('over')).toBeUndefined();
  });
});

describe('tidy', () => {
  it('removes floating-point noise', () => {
    expect(tidy(0.1 + 0.2)).toBe(0.3);
    expect(tidy(80000 / (2000 / 3))).toBe(120);
  });
});

describe('dates and periods keep their precision', () => {
  it('never shows a day or month it does not have', () => {
    expect(formatDate('2023', 'en')).toBe('2023');
    expect(formatDate('2023', 'zh')).toBe('2023年');
    expect(formatDate('2020-06', 'en')).toBe('June 2020');
    expect(formatDate('2020-06', 'zh')).toBe('2020年6月');
    expect(formatDate('2020-06-30', 'en')).toBe('30 June 2020');
    expect(formatDate('2020-06-30', 'zh')).toBe('2020年6月30日');
    expect(formatDate('unknown', 'en')).toBe('date unknown');
  });
  it('shows spans', () => {
    expect(formatPeriod('2019/2023', 'en')).toBe('2019–2023');
    expect(formatPeriod('2019/2023', 'zh')).toBe('2019年–2023年');
  });
});

describe('the two dates of a case, each named', () => {
  it('says which date is the report’s and which the events’, at the precision each has', () => {
    expect(formatCaseDates({ date: '2020' }, { date: '2021' }, 'en')).toBe('reported 2021 · events 2020');
    expect(formatCaseDates({ date: '2020' }, { date: '2021' }, 'zh')).toBe('报道 2021年 · 事件 2020年');
    expect(formatCaseDates({ date: '2020-06-30' }, { date: '2020' }, 'en')).toBe('reported 2020 · events 30 June 2020');
    expect(formatCaseDates({ date: '2021-08' }, { date: '2021' }, 'zh')).toBe('报道 2021年 · 事件 2021年8月');
  });
  it('says so when a date is unknown', () => {
    expect(formatCaseDates({ date: 'unknown' }, { date: 'unknown' }, 'en')).toBe('reported date unknown · events date unknown');
    expect(formatCaseDates({ date: 'unknown' }, { date: '2021' }, 'zh')).toBe('报道 2021年 · 事件 日期不详');
  });
  it('reads the report’s date and its basis from the source row', () => {
    expect(reportDate({ date: '2021', date_basis: 'inferred', date_note_en: 'From 25 January.', date_note_zh: '据1月25日。' })).toEqual({ date: '2021', basis: 'inferred', note_en: 'From 25 January.', note_zh: '据1月25日。' });
  });
});

describe('formatAxis', () => {
  it('uses 万 and 亿 in Chinese and compact notation in English', () => {
    expect(formatAxis(460000, 'zh', 'currency')).toBe('46万');
    expect(formatAxis(250000000, 'zh', 'currency')).toBe('2.5亿');
    expect(formatAxis(460000, 'en', 'currency')).toBe('460k');
    expect(formatAxis(950, 'zh', 'count')).toBe('950');
  });
});
