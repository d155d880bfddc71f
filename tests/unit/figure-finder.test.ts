import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  coverage,
  explainFigures,
  findFigures,
  matchFigures,
  parseChineseNumeral,
  parseNotFigures,
  passageOf,
  readFinderData,
  type Figure,
} from '../../src/lib/figures/index.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (name: string) => readFileSync(join(root, 'data', name), 'utf8');
const units = readFinderData({ sources: read('sources.csv'), units: read('units.csv'), observations: read('observations.csv') }).units;

/** The figures of a sentence, as [printed, base value, unit, qualifier]. */
const find = (text: string) => findFigures(text, { units });
const brief = (text: string) => find(text).map((f) => [f.printed, f.value, f.unit, f.qualifier]);
const one = (text: string): Figure => {
  const figs = find(text);
  expect(figs, `one figure in ${text}`).toHaveLength(1);
  return figs[0]!;
};

describe('parseChineseNumeral', () => {
  it.each([
    ['一千二百', 1200],
    ['二十三', 23],
    ['十', 10],
    ['两', 2],
    ['一千零五十', 1050],
    ['三千万', 30000000],
    ['一万二千', 12000],
    ['三亿五千万', 350000000],
    ['二〇二三', 2023],
  ])('%s → %d', (s, n) => expect(parseChineseNumeral(s)).toBe(n));
  it.each(['百', '十百', '三十四十', '两两', 'abc'])('rejects %s', (s) => expect(parseChineseNumeral(s)).toBeUndefined());
});

describe('findFigures: numeral forms', () => {
  it('Chinese numerals with 余 and a counter', () => {
    const f = one('全镇共有党员一千二百余名');
    expect(f).toMatchObject({ kind: 'quantity', printed: '一千二百余名', number: 1200, value: 1200, unit: '名', qualifier: 'more_than', qualifierWord: '余', clause: '全镇共有党员一千二百余名' });
  });
  it('a decimal with 亿 scales to yuan', () => {
    expect(one('投入资金3.5亿元').value).toBe(350000000);
    expect(one('投入资金3.5亿元').unit).toBe('亿元');
  });
  it('full-width digits and percent sign', () =>
    expect(brief('建成服务站１２个，占比６０％')).toEqual([
      ['１２个', 12, '个', 'exact'],
      ['６０％', 60, '%', 'exact'],
    ]));
  it('thousands separators, but a comma used as a clause mark is not one', () =>
    expect(find('共有党员1,200名，7月26日晚,全镇举行').map((f) => [f.kind, f.printed, f.value])).toEqual([
      ['quantity', '1,200名', 1200],
      ['date', '7月26日晚', null],
    ]));
  it('两, 二十三, 十余, 零', () =>
    expect(brief('新建两个站点，培养二十三名骨干，组建十余支队伍，走访一千零五十户')).toEqual([
      ['两个', 2, '个', 'exact'],
      ['二十三名', 23, '名', 'exact'],
      ['十余支', 10, '支', 'more_than'],
      ['一千零五十户', 1050, '户', 'exact'],
    ]));
  it('万 and 亿 inside Chinese numerals', () =>
    expect(brief('筹资三千万元，总投资三亿五千万元')).toEqual([
      ['三千万元', 30000000, '万元', 'exact'],
      ['三亿五千万元', 350000000, '元', 'exact'],
    ]));
  it('Arabic numbers with a Chinese scale: 1.6万余人次, 3000余万, 3千多名', () =>
    expect(brief('培训农民1.6万余人次，募集资金3000余万，动员3千多名志愿者')).toEqual([
      ['1.6万余人次', 16000, '万人次', 'more_than'],
      ['3000余万', 30000000, '万', 'more_than'],
      ['3千多名', 3000, '千名', 'more_than'],
    ]));
  it('percentages: 60%, 百分之六十, 近两成', () =>
    expect(brief('评委评分占60%，百分之六十的村完成改造，全村近两成农户种茶')).toEqual([
      ['60%', 60, '%', 'exact'],
      ['百分之六十', 60, '%', 'exact'],
      ['近两成', 20, '成', 'nearly'],
    ]));
  it('ranges: 3至5个, 3—5名, 3-5个, 三到五个', () => {
    const figs = find('覆盖3至5个村，每组3—5名党员，设3-5个岗位，选派三到五个工作组');
    expect(figs.map((f) => [f.printed, f.value, f.valueHigh, f.unit])).toEqual([
      ['3至5个', 3, 5, '个'],
      ['3—5名', 3, 5, '名'],
      ['3-5个', 3, 5, '个'],
      ['三到五个', 3, 5, '个'],
    ]);
  });
  it('fractions: 三分之一, 1/4', () => {
    const figs = find('三分之一的村有合作社，1/4的户参与');
    expect(figs.map((f) => [f.printed, f.value])).toEqual([
      ['三分之一', 0.333333333333333],
      ['1/4', 0.25],
    ]);
  });
  it('units from data/units.csv convert to base units: 亩, 万件', () =>
    expect(brief('流转土地120亩，办件逾2万件')).toEqual([
      ['120亩', 80000, '亩', 'exact'],
      ['逾2万件', 20000, '万件', 'more_than'],
    ]));
  it('a frequency: 每月…2次 → 次/月, 每年…1次 → 次/年', () =>
    expect(brief('每月至少2次走访企业，每年组织不少于1次培训')).toEqual([
      ['至少2次', 2, '次/月', 'at_least'],
      ['不少于1次', 0.0833333333333333, '次/年', 'at_least'],
    ]));
});

describe('findFigures: qualifier words', () => {
  it.each([
    ['党员达30余名', '余', 'more_than'],
    ['服务600多家企业', '多', 'more_than'],
    ['惠及逾50户', '逾', 'more_than'],
    ['参训超200人', '超', 'more_than'],
    ['引进超过30家企业', '超过', 'more_than'],
    ['覆盖率90%以上', '以上', 'more_than'],
    ['收入突破30万元', '突破', 'more_than'],
    ['全镇近4000名党员', '近', 'nearly'],
    ['开展活动约180场次', '约', 'about'],
    ['每期20人左右', '左右', 'about'],
    ['配备不少于2名帮办员', '不少于', 'at_least'],
    ['每周至少1次', '至少', 'at_least'],
    ['受理事项不到100项', '不到', 'less_than'],
    ['近百分之六十的村', '近', 'nearly'],
    ['百分之三十以上的户', '以上', 'more_than'],
    ['办结时间3天以内', '以内', 'up_to'],
  ])('%s → %s → %s', (text, word, qualifier) => {
    const f = one(text);
    expect([f.qualifierWord, f.qualifier, f.qualifierNote]).toEqual([word, qualifier, undefined]);
  });
  it('a word the project does not list is mapped to the nearest qualifier, with a note', () => {
    const f = one('每班50人以下');
    expect(f.qualifier).toBe('up_to');
    expect(f.qualifierNote).toMatch(/以下 is not among the qualifier words/);
  });
  it('qualifierZh places a word after 万/亿 inside the unit, as qualifier_zh does', () =>
    expect(find('培训1.6万余人次，年收入6万多元，募集3000余万，党员30余名').map((f) => [f.printed, f.qualifierWord, f.qualifierZh])).toEqual([
      ['1.6万余人次', '余', '万余'],
      ['6万多元', '多', '万多'],
      ['3000余万', '余', '余'],
      ['30余名', '余', '余'],
    ]));
  it('近 in 最近 is not a qualifier', () => expect(one('最近3年新建').qualifier).toBe('exact'));
});

describe('findFigures: dates, ordinals, names and phrases are kept apart from quantities', () => {
  it('dates', () =>
    expect(find('2023年7月1日召开大会，7月26日晚举行比赛，2019年度表彰，纪念建党99周年').map((f) => [f.kind, f.printed])).toEqual([
      ['date', '2023年7月1日'],
      ['date', '7月26日晚'],
      ['date', '2019年度'],
      ['date', '99周年'],
    ]));
  it('a duration is a quantity, a year is a date', () =>
    expect(find('利用5年时间，从2023年起').map((f) => [f.kind, f.printed, f.value])).toEqual([
      ['quantity', '5年', 5],
      ['date', '2023年起', null],
    ]));
  it('ordinals and list markers', () =>
    expect(find('一是抓党建，选派第一书记，获得第三名\n(2)推进改造\n1 深化学习').map((f) => [f.kind, f.printed])).toEqual([
      ['ordinal', '一是'],
      ['ordinal', '第一'],
      ['ordinal', '第三名'],
      ['ordinal', '(2)'],
      ['ordinal', '1'],
    ]));
  it('names with digits', () =>
    expect(find('出台“1+12”人才新政，建成国家3A级景区，探索“4×4”机制，一名“80后”书记').map((f) => [f.kind, f.printed])).toEqual([
      ['name', '1+12'],
      ['name', '3A级'],
      ['name', '4×4'],
      ['quantity', '一名'],
      ['name', '80后'],
    ]));
  it('a counted thing inside a quoted name is a name, with its value', () => {
    const f = one('开展“三大行动”');
    expect([f.kind, f.value, f.unit]).toEqual(['name', 3, '大']);
  });
  it('a numeral + counter that begins a place name is a name', () => expect(one('七户镇的党员').kind).toBe('name'));
  it('fixed phrases', () =>
    expect(find('涌现出一批典型，一方面加强学习，另一方面狠抓落实').map((f) => [f.kind, f.printed])).toEqual([
      ['phrase', '一批'],
      ['phrase', '一方面'],
      ['phrase', '另一方面'],
    ]));
  it('numerals inside words are not figures', () => expect(find('统一思想，三无小区，两新组织，千方百计，百县千镇万村')).toEqual([]));
});

describe('findFigures: clause and position', () => {
  it('the clause is the text between punctuation marks', () => {
    const figs = find('党员带头，投入250万元改造道路；新建厕所7座。');
    expect(figs.map((f) => f.clause)).toEqual(['投入250万元改造道路', '新建厕所7座']);
  });
  it('a paragraph broken mid-sentence (a page break) runs on', () => {
    const text = '王奔镇是养牛大镇之一，每天产生的粪\n\n污约225吨，影响生活。';
    expect(one(text).clause).toBe('每天产生的粪污约225吨');
  });
  it('line numbers count from 1', () => expect(one('标题\n\n共有党员30名').line).toBe(3));
});

const PAGE = ['', '甲县：党建引领乡村振兴', '', '■记者 某某', '', '甲县共有党员1200名，建成服务站12个。', '', '乙镇开展“红色代办” —— 服务企业', '', '本报讯 乙镇设立服务点21处，服务企业600多家。', ''].join('\n');
const SOURCES = [
  { id: 's009-jia', file: 'p.txt', headline_zh: '甲县：党建引领乡村振兴' },
  { id: 's009-yi', file: 'p.txt', headline_zh: '乙镇开展“红色代办” —— 服务企业' },
];

describe('passageOf', () => {
  it('runs from the headline line to the next headline', () => {
    const p = passageOf(PAGE, SOURCES[0]!, SOURCES);
    expect(p.text).toContain('党员1200名');
    expect(p.text).not.toContain('21处');
    expect(passageOf(PAGE, SOURCES[1]!, SOURCES).text).toContain('21处');
  });
  it('names the source and headline when the headline is not on the page', () =>
    expect(() => passageOf(PAGE, { id: 's009-bing', file: 'p.txt', headline_zh: '丙村新闻' }, SOURCES)).toThrow(/p\.txt: found no headline “丙村新闻” of source s009-bing/));
});

describe('matchFigures and coverage', () => {
  const obs = [
    { id: 'jia-members', case: 'jia', value: 1200, unit: '名', qualifier: 'exact' },
    { id: 'jia-zones', case: 'jia', value: 12, unit: '处', qualifier: 'exact' },
    { id: 'yi-points', case: 'yi', value: 12, unit: '个', qualifier: 'exact' },
  ];
  const kinds = new Map(units.map((u) => [u.unit, u.kind]));
  const figs = () => {
    const p = passageOf(PAGE, SOURCES[0]!, SOURCES);
    return matchFigures(find(PAGE).filter((f) => f.start >= p.start && f.start < p.end), obs, 'jia', kinds);
  };
  it('recorded = same case, same base value, same unit; the same value in another unit is only a hint', () => {
    const [members, stations] = figs();
    expect(members!.recorded).toEqual(['jia-members']);
    expect(stations!.recorded).toEqual([]);
    expect(stations!.sameValue).toEqual(['jia-zones (处)']);
  });
  it('flags a recorded figure whose qualifier or qualifier word differs from the printed one', () => {
    const text = '村集体收入已突破30万元，培训1.6万余人次';
    const rows = [
      { id: 'a', case: 'c', value: 300000, unit: '万元', qualifier: 'more_than', qualifier_zh: '超过' },
      { id: 'b', case: 'c', value: 16000, unit: '万人次', qualifier: 'more_than', qualifier_zh: '万余' },
    ];
    expect(matchFigures(find(text), rows, 'c', kinds).map((f) => [f.recorded, f.qualifierDiffers])).toEqual([
      [['a'], ['a']],
      [['b'], undefined],
    ]);
  });
  it('a not-figures row explains an unrecorded figure; a row for a recorded figure is stale', () => {
    const csv = ['file,case,printed,clause,reason,note', 'p.txt,jia,12个,建成服务站12个,omission,not yet a row', 'p.txt,jia,1200名,甲县共有党员1200名,duplicate,'].join('\n');
    const { rows, problems } = parseNotFigures(csv);
    expect(problems).toEqual([]);
    const explained = explainFigures(figs(), rows, 'p.txt', 'jia');
    const report = coverage(explained, rows, 'p.txt', 'jia');
    expect(report.unexplained).toEqual([]);
    expect(report.stale.map((s) => s.why)).toEqual(['“1200名” is now recorded (jia-members): remove the row']);
    const none = coverage(explainFigures(figs(), [], 'p.txt', 'jia'), [], 'p.txt', 'jia');
    expect(none.unexplained.map((f) => f.printed)).toEqual(['12个']);
  });
  it('a row whose printed text or clause no longer matches a figure is stale', () => {
    const { rows } = parseNotFigures('file,case,printed,clause,reason,note\np.txt,jia,12个,建成服务站共12个,omission,\n');
    const report = coverage(explainFigures(figs(), rows, 'p.txt', 'jia'), rows, 'p.txt', 'jia');
    expect(report.unexplained.map((f) => f.printed)).toEqual(['12个']);
    expect(report.stale.map((s) => s.why)).toEqual(['found no figure “12个” in the clause “建成服务站共12个” of case jia, expected the printed text and clause as the finder reports them']);
  });
  it('parseNotFigures reports an unknown reason with its line and field', () => {
    const { problems } = parseNotFigures('file,case,printed,clause,reason,note\np.txt,jia,12个,建成服务站12个,forgot,\n');
    expect(problems).toEqual([{ line: 2, field: 'reason', message: 'found "forgot", expected one of omission, duplicate, name, article, phrase, date, ordinal, context' }]);
  });
});

describe('npm run figures', () => {
  const cli = join(root, 'scripts', 'figures.ts');
  const dir = mkdtempSync(join(tmpdir(), 'figures-'));
  const report = join(dir, 'report.txt');
  writeFileSync(report, '全镇共有党员一千二百余名，2023年投入资金3.5亿元。');
  it('prints a table of every figure of a page', () => {
    const out = execFileSync(process.execPath, [cli, report], { encoding: 'utf8' });
    expect(out).toMatch(/line\s+kind\s+printed\s+base value\s+unit\s+qualifier\s+status\s+clause/);
    expect(out).toMatch(/quantity\s+一千二百余名\s+1200\s+名\s+more_than/);
    expect(out).toMatch(/date\s+2023年/);
  });
  it('prints the same as JSON with --json', () => {
    const out = JSON.parse(execFileSync(process.execPath, [cli, report, '--json'], { encoding: 'utf8' }));
    expect(out.file).toBe('report.txt');
    expect(out.cases[0].figures.map((f: Figure) => [f.printed, f.value, f.unit])).toEqual([
      ['一千二百余名', 1200, '名'],
      ['2023年', null, ''],
      ['3.5亿元', 350000000, '亿元'],
    ]);
  });
  it('fails with a message naming the page when the case has no passage on it', () => {
    const r = spawnSync(process.execPath, [cli, report, '--case', 'yutai'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/report\.txt: found no passage for case yutai/);
  });
});
