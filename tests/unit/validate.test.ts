import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/lib/load.ts';
import { formatError } from '../../src/lib/validate.ts';
import { fixtureCopy, ROOT } from '../helpers/fixture.ts';

const copies: ReturnType<typeof fixtureCopy>[] = [];
afterEach(() => {
  while (copies.length) copies.pop()!.remove();
});

function run(setup: (f: ReturnType<typeof fixtureCopy>) => void): string[] {
  const f = fixtureCopy();
  copies.push(f);
  setup(f);
  const { errors } = checkProject(f.dir, { sourcesDir: join(f.dir, 'sources') });
  return errors.map(formatError);
}

const OBS = 'data/observations.csv';
const PLACES = 'data/places.csv';
const EN = 'content/cases/en/alpha.mdx';
const ZH = 'content/cases/zh/alpha.mdx';

describe('the base fixture', () => {
  it('is valid', () => {
    expect(run(() => {})).toEqual([]);
  });
});

// Each bad input: one change to the valid fixture, and the exact messages it must produce.
const BAD: { name: string; setup: (f: ReturnType<typeof fixtureCopy>) => void; expected: string[] }[] = [
  {
    name: 'unknown case in an observation, with a suggestion',
    setup: (f) => f.edit(OBS, 'alpha-contestants,alpha,', 'alpha-contestants,alpah,'),
    expected: ['data/observations.csv:2 [case]: found "alpah", expected a case slug (content/cases/<lang>/<slug>.mdx) — did you mean "alpha"?'],
  },
  {
    name: 'unknown place in an observation',
    setup: (f) => f.edit(OBS, ',alpha-beta,collective_income', ',alpha-betta,collective_income'),
    expected: ['data/observations.csv:3 [place]: found "alpha-betta", expected a place id from data/places.csv — did you mean "alpha-beta"?'],
  },
  {
    name: 'unknown indicator',
    setup: (f) => f.edit(OBS, 'collective_income', 'colective_income'),
    expected: ['data/observations.csv:3 [indicator]: found "colective_income", expected an indicator id from data/indicators.csv — did you mean "collective_income"?'],
  },
  {
    name: 'unknown source in an observation',
    setup: (f) => f.edit(OBS, '2020,stated,s000-alpha', '2020,stated,s000-alfa'),
    expected: ['data/observations.csv:3 [source]: found "s000-alfa", expected a source id from data/sources.csv — did you mean "s000-alpha"?'],
  },
  {
    name: 'unknown theme in a case',
    setup: (f) => {
      f.edit(EN, 'themes: [contests,', 'themes: [contest,');
      f.edit(ZH, 'themes: [contests,', 'themes: [contest,');
    },
    expected: [
      'content/cases/en/alpha.mdx:7 [themes]: found "contest", expected a theme id from data/themes.csv — did you mean "contests"?',
      'content/cases/zh/alpha.mdx:7 [themes]: found "contest", expected a theme id from data/themes.csv — did you mean "contests"?',
    ],
  },
  {
    name: 'case in one language without its twin',
    setup: (f) => rmSync(join(f.dir, ZH)),
    expected: ['content/cases/en/alpha.mdx:1: case "alpha" has no Chinese twin, expected content/cases/zh/alpha.mdx'],
  },
  {
    name: 'duplicate place id',
    setup: (f) => f.edit(PLACES, 'alpha-beta,Beta village', 'alpha,Beta village'),
    expected: [
      'data/observations.csv:3 [place]: found "alpha-beta", expected a place id from data/places.csv',
      'data/places.csv:5 [id]: duplicate id "alpha", already defined on line 4',
    ],
  },
  {
    name: 'duplicate observation id',
    setup: (f) => f.edit(OBS, 'alpha-income,', 'alpha-contestants,'),
    expected: [
      'content/cases/en/alpha.mdx:13 [Fig]: found <Fig id="alpha-income" />, expected an observation id of case "alpha"',
      'content/cases/zh/alpha.mdx:13 [Fig]: found <Fig id="alpha-income" />, expected an observation id of case "alpha"',
      'data/observations.csv:3 [id]: duplicate id "alpha-contestants", already defined on line 2',
    ],
  },
  {
    name: 'parent place that does not exist',
    setup: (f) => f.edit(PLACES, 'county,guangdong', 'county,guangdon'),
    expected: ['data/places.csv:4 [parent]: found "guangdon", expected an existing place id — did you mean "guangdong"?'],
  },
  {
    name: 'value that does not parse',
    setup: (f) => f.edit(OBS, ',460000,', ',46万,'),
    expected: ['data/observations.csv:3 [value]: found "46万", expected a number in base units without separators (e.g. 460000)'],
  },
  {
    name: 'value with a thousands separator',
    setup: (f) => f.edit(OBS, ',460000,', ',"460,000",'),
    expected: ['data/observations.csv:3 [value]: found "460,000", expected a number in base units without separators (e.g. 460000)'],
  },
  {
    name: 'unit that does not fit the indicator',
    setup: (f) => f.edit(OBS, ',460000,万元,', ',460000,个,'),
    expected: ['data/observations.csv:3 [unit]: found "个" (a count unit), expected a currency unit for indicator "collective_income"'],
  },
  {
    name: 'unit that is not known',
    setup: (f) => f.edit(OBS, ',460000,万元,', ',460000,亿圆,'),
    expected: ['data/observations.csv:3 [unit]: found "亿圆", expected a unit from data/units.csv — did you mean "亿元"?'],
  },
  {
    name: 'qualifier that is not one of the allowed values',
    setup: (f) => f.edit(OBS, ',more_than,余,', ',over,余,'),
    expected: ['data/observations.csv:2 [qualifier]: found "over", expected one of "exact", "about", "nearly", "more_than", "at_least", "up_to", "less_than"'],
  },
  {
    name: 'qualifier that contradicts the printed word',
    setup: (f) => f.edit(OBS, ',more_than,余,', ',nearly,余,'),
    expected: ['data/observations.csv:2 [qualifier]: found "nearly", expected "more_than" for the printed word "余"'],
  },
  {
    name: 'printed qualifier word missing',
    setup: (f) => f.edit(OBS, ',more_than,余,', ',more_than,,'),
    expected: ['data/observations.csv:2 [qualifier_zh]: found an empty value, expected the qualifying word as printed, one of 余 多 逾 超 超过 以上 突破 近 将近 约 左右 不少于 至少 最多 不超过 以内 不足 不到 (余 and 多 printed after 千, 万 or 亿 keep it: 万余, 千多)'],
  },
  {
    name: 'qualifier placed after a decimal, where no report prints it',
    setup: (f) => f.edit(OBS, ',460000,万元,exact,,', ',465000,万元,more_than,余,'),
    expected: ['data/observations.csv:3 [qualifier_zh]: found "余" after the decimal 46.5, which would print 46.5余万元; expected the word where the report prints it, after 万: qualifier_zh "万余" (46.5万余元)'],
  },
  {
    name: 'qualifier printed after a scale character the unit does not begin with',
    setup: (f) => f.edit(OBS, ',460000,万元,exact,,', ',460000,万元,more_than,千多,'),
    expected: ['data/observations.csv:3 [qualifier_zh]: found "千多" with unit "万元", expected a unit starting with 千 (as in 6万多元: unit 万元, qualifier_zh 万多)'],
  },
  {
    name: 'bad period',
    setup: (f) => f.edit(OBS, ',2020,inferred,', ',2020年,inferred,'),
    expected: ['data/observations.csv:2 [period]: found "2020年", expected YYYY, YYYY-MM, YYYY-MM-DD, YYYY/YYYY or unknown'],
  },
  {
    name: 'row with a missing cell',
    setup: (f) => f.edit(OBS, 'Collective income of Beta village,贝塔村集体经济收入,,', 'Collective income of Beta village,贝塔村集体经济收入,'),
    expected: ['data/observations.csv:3: found 14 cells, expected 15 (one per column: id, case, place, indicator, value, unit, qualifier, qualifier_zh, period, period_basis, source, label_en, label_zh, note_en, note_zh)'],
  },
  {
    name: 'misspelt column header',
    setup: (f) => f.edit(PLACES, 'id,name_en,name_zh,level', 'id,name_en,name_zh,Level'),
    expected: [
      'data/places.csv:1 [level]: found no column "level" in the header, expected columns: id, name_en, name_zh, level, parent, adcode, lat, lon',
      'data/places.csv:1 [Level]: found unknown column "Level", expected columns: id, name_en, name_zh, level, parent, adcode, lat, lon — did you mean "level"?',
    ],
  },
  {
    name: 'place level not in the list',
    setup: (f) => f.edit(PLACES, 'alpha,Alpha,阿尔法县,county', 'alpha,Alpha,阿尔法县,district'),
    expected: ['data/places.csv:4 [level]: found "district", expected one of "country", "province", "prefecture", "county", "township", "village", "community", "other"'],
  },
  {
    name: 'latitude out of range',
    setup: (f) => f.edit(PLACES, ',22.5,113.5', ',113.5,22.5'),
    expected: [
      'data/places.csv:4 [lat]: found "113.5", expected a latitude between 3 and 54',
      'data/places.csv:4 [lon]: found "22.5", expected a longitude between 73 and 136',
    ],
  },
  {
    name: 'malformed administrative code',
    setup: (f) => f.edit(PLACES, ',440000,', ',44000,'),
    expected: ['data/places.csv:3 [adcode]: found "44000", expected a six-digit GB/T 2260 code or empty'],
  },
  {
    name: 'source date in a wrong format',
    setup: (f) => f.edit('data/sources.csv', ',2020,inferred,', ',2020/6/30,inferred,'),
    expected: ['data/sources.csv:2 [date]: found "2020/6/30", expected YYYY, YYYY-MM, YYYY-MM-DD or unknown'],
  },
  {
    name: 'inferred date without its basis',
    setup: (f) => f.edit('data/sources.csv', 'From “建党99周年” in the text.,据文中“建党99周年”推断。', ','),
    expected: ['data/sources.csv:2 [date_note_en]: an inferred date needs date_note_en and date_note_zh saying what it was inferred from'],
  },
  {
    name: 'source file that is not one of the pages',
    setup: (f) => f.edit('data/sources.csv', '000_aaaa.txt', '000_aaab.txt'),
    expected: ['data/sources.csv:2 [file]: found "000_aaab.txt", expected one of the source pages: 000_aaaa.txt — did you mean "000_aaaa.txt"?'],
  },
  {
    name: 'case pointing at an unknown source',
    setup: (f) => {
      f.edit(EN, 'source: s000-alpha', 'source: s000-alpah');
      f.edit(ZH, 'source: s000-alpha', 'source: s000-alpah');
    },
    expected: [
      'content/cases/en/alpha.mdx:5 [source]: found "s000-alpah", expected a source id from data/sources.csv — did you mean "s000-alpha"?',
      'content/cases/zh/alpha.mdx:5 [source]: found "s000-alpah", expected a source id from data/sources.csv — did you mean "s000-alpha"?',
    ],
  },
  {
    name: 'twins that disagree on their place',
    setup: (f) => f.edit(ZH, 'place: alpha', 'place: alpha-beta'),
    expected: ['content/cases/zh/alpha.mdx:4 [place]: found "alpha-beta", expected the same value as content/cases/en/alpha.mdx ("alpha")'],
  },
  {
    name: 'Fig referring to an unknown observation',
    setup: (f) => f.edit(EN, '<Fig id="alpha-income" />', '<Fig id="alpha-incom" />'),
    expected: ['content/cases/en/alpha.mdx:13 [Fig]: found <Fig id="alpha-incom" />, expected an observation id of case "alpha" — did you mean "alpha-income"?'],
  },
  {
    name: 'number typed into profile prose',
    setup: (f) => f.edit(EN, 'Beta village earned', 'Beta village, home to 1200 people, earned'),
    expected: ['content/cases/en/alpha.mdx:13 [prose]: found the number "1200" typed into the text, expected <Fig id="…" /> rendering an observation of case "alpha" (or a year of the events\' date, the report\'s date or the observations\' periods, or a printed name, grade or date marked <Term>…</Term>)'],
  },
  {
    name: 'missing frontmatter field',
    setup: (f) => f.edit(EN, 'summary: "Branch secretaries compete on stage."\n', ''),
    expected: ['content/cases/en/alpha.mdx:1 [summary]: found an empty value, expected a string'],
  },
  {
    name: 'observation moved to an unknown case: reported once, at its root',
    setup: (f) => {
      f.edit(OBS, 'alpha-income,alpha,', 'alpha-income,gamma,');
      f.edit(EN, 'key: [alpha-contestants]', 'key: [alpha-income]');
      f.edit(ZH, 'key: [alpha-contestants]', 'key: [alpha-income]');
    },
    expected: [
      'data/observations.csv:3 [case]: found "gamma", expected a case slug (content/cases/<lang>/<slug>.mdx)',
    ],
  },
  {
    name: 'theme naming an unknown indicator',
    setup: (f) => f.edit('data/themes.csv', 'contest_participants|inspection_sites', 'contest_participant|inspection_sites'),
    expected: ['data/themes.csv:3 [indicators]: found "contest_participant", expected an indicator id from data/indicators.csv — did you mean "contest_participants"?'],
  },
  {
    name: 'cycle in the place hierarchy',
    setup: (f) => f.edit(PLACES, 'guangdong,Guangdong,广东省,province,cn', 'guangdong,Guangdong,广东省,province,alpha'),
    expected: [
      'data/places.csv:3 [parent]: found a cycle in the parent chain (guangdong → alpha → guangdong), expected a chain ending at the country',
      'data/places.csv:4 [parent]: found a cycle in the parent chain (alpha → guangdong → alpha), expected a chain ending at the country',
      'data/places.csv:5 [parent]: found a cycle in the parent chain (alpha-beta → alpha → guangdong → alpha), expected a chain ending at the country',
    ],
  },
  // The date of the events a case describes (the report's own date is the source's)
  {
    name: 'events date without its basis',
    setup: (f) => f.edit(EN, 'events: { date: "2020", basis: stated }', 'events: { date: "2020" }'),
    expected: ['content/cases/en/alpha.mdx:6 [events.basis]: found nothing, expected one of "stated", "inferred", "unknown"'],
  },
  {
    name: 'inferred events date without notes saying from what',
    setup: (f) => f.edit(EN, 'events: { date: "2020", basis: stated }', 'events:\n  date: "2020-06"\n  basis: inferred\n  note_en: ""'),
    expected: [
      // a key that is missing is located at its block
      'content/cases/en/alpha.mdx:6 [events.note_zh]: found nothing, expected a note saying what the inferred date was inferred from (in Chinese)',
      'content/cases/en/alpha.mdx:9 [events.note_en]: found an empty value, expected a note saying what the inferred date was inferred from (in English)',
    ],
  },
  {
    name: 'events date that does not exist on the calendar',
    setup: (f) => f.edit(EN, 'events: { date: "2020", basis: stated }', 'events:\n  date: "2020-02-30"\n  basis: stated'),
    expected: ['content/cases/en/alpha.mdx:7 [events.date]: found "2020-02-30", expected a date that exists (February 2020 has 29 days)'],
  },
  {
    name: 'events date in a wrong format',
    setup: (f) => f.edit(EN, 'events: { date: "2020", basis: stated }', 'events: { date: "2020年6月", basis: stated }'),
    expected: ['content/cases/en/alpha.mdx:6 [events.date]: found "2020年6月", expected YYYY, YYYY-MM, YYYY-MM-DD or unknown'],
  },
  {
    name: 'unknown events date with a basis other than unknown',
    setup: (f) => f.edit(EN, 'events: { date: "2020", basis: stated }', 'events: { date: "unknown", basis: stated }'),
    expected: ['content/cases/en/alpha.mdx:6 [events.basis]: found "stated", expected "unknown" exactly when the date is unknown (date is "unknown")'],
  },
  {
    name: 'case file without an events block',
    setup: (f) => f.edit(EN, 'events: { date: "2020", basis: stated }\n', ''),
    expected: ['content/cases/en/alpha.mdx:1 [events]: found nothing, expected an "events:" block with date (YYYY, YYYY-MM, YYYY-MM-DD or unknown), basis (stated, inferred or unknown) and, for an inferred date, note_en and note_zh'],
  },
  {
    name: 'the retired single date key',
    setup: (f) => f.edit(EN, 'events: { date: "2020", basis: stated }\n', 'date: "2020"\nevents: { date: "2020", basis: stated }\n'),
    expected: ['content/cases/en/alpha.mdx:6 [date]: found "2020", expected no "date:" key — the date of the events goes in "events:" (date, basis, note_en, note_zh); the report\'s publication date is the source\'s date in data/sources.csv'],
  },
  {
    name: 'twins that disagree on the events date',
    setup: (f) => f.edit(ZH, 'events: { date: "2020", basis: stated }', 'events:\n  date: "2020-07"\n  basis: stated'),
    expected: ['content/cases/zh/alpha.mdx:7 [events.date]: found "2020-07", expected the same value as content/cases/en/alpha.mdx ("2020")'],
  },
  {
    name: 'twins that disagree on the basis and the notes of the events date',
    setup: (f) => {
      f.edit(EN, 'events: { date: "2020", basis: stated }', 'events: { date: "2020", basis: inferred, note_en: "From 99th.", note_zh: "据99周年。" }');
      f.edit(ZH, 'events: { date: "2020", basis: stated }', 'events: { date: "2020", basis: inferred, note_en: "From the 99th.", note_zh: "据99周年。" }');
    },
    expected: ['content/cases/zh/alpha.mdx:6 [events.note_en]: found "From the 99th.", expected the same value as content/cases/en/alpha.mdx ("From 99th.")'],
  },
  {
    name: 'a year in the prose that is neither the events’ nor the report’s',
    setup: (f) => {
      // events 2019, report 2021, figures 2020: all three may be written; 2018 may not
      for (const p of [EN, ZH]) f.edit(p, 'events: { date: "2020", basis: stated }', 'events: { date: "2019", basis: stated }');
      f.edit('data/sources.csv', ',2020,inferred,', ',2021,inferred,');
      f.edit(EN, 'In 2020, ', 'In 2019 (reported in 2021, not 2018), ');
    },
    expected: ['content/cases/en/alpha.mdx:13 [prose]: found the number "2018" typed into the text, expected <Fig id="…" /> rendering an observation of case "alpha" (or a year of the events\' date, the report\'s date or the observations\' periods, or a printed name, grade or date marked <Term>…</Term>)'],
  },
  {
    name: 'period with a month that does not exist',
    setup: (f) => f.edit(OBS, ',2020,inferred,', ',2020-13,inferred,'),
    expected: ['data/observations.csv:2 [period]: found "2020-13", expected a period of dates that exist (there is no month 13)'],
  },
  {
    name: 'period with month 00 and day 99',
    setup: (f) => f.edit(OBS, ',2020,inferred,', ',2020-00-99,inferred,'),
    expected: ['data/observations.csv:2 [period]: found "2020-00-99", expected a period of dates that exist (there is no month 00)'],
  },
  {
    name: 'source date on 30 February',
    setup: (f) => f.edit('data/sources.csv', ',2020,inferred,', ',2021-02-30,inferred,'),
    expected: ['data/sources.csv:2 [date]: found "2021-02-30", expected a date that exists (February 2021 has 28 days)'],
  },
  {
    name: 'period span written backwards',
    setup: (f) => f.edit(OBS, ',2020,inferred,', ',2023/2019,inferred,'),
    expected: ['data/observations.csv:2 [period]: found "2023/2019", expected a span from the earlier to the later date (2019/2023)'],
  },
  {
    name: 'a quote that is never closed: one message, not the rows it swallowed',
    setup: (f) => f.edit(OBS, ',Party organisations in the contest,', ',"Party organisations in the contest,'),
    expected: ['data/observations.csv:2: found a quote (") that opens a cell and is never closed, so everything after it was read as one cell; expected a closing quote (write a quote inside a quoted cell as "")'],
  },
  {
    name: 'a column missing from the header: said once, at the header',
    setup: (f) => f.edit(OBS, ',label_en,label_zh,', ',label_en,'),
    expected: ['data/observations.csv:1 [label_zh]: found no column "label_zh" in the header, expected columns: id, case, place, indicator, value, unit, qualifier, qualifier_zh, period, period_basis, source, label_en, label_zh, note_en, note_zh'],
  },
  {
    name: 'profile with a JavaScript expression',
    setup: (f) => f.edit(EN, 'Beta village earned', 'Beta village {globalThis.process?.env?.HOME} earned'),
    expected: ['content/cases/en/alpha.mdx:13 [prose]: found the expression {globalThis.process?.env?.HOME}, expected only markdown, <Fig id="…" /> and <Term>…</Term> (write a literal brace as \\{)'],
  },
  {
    name: 'profile importing a module',
    setup: (f) => f.edit(EN, '## What was done', 'import fs from "node:fs"\n\n## What was done'),
    expected: ['content/cases/en/alpha.mdx:11 [prose]: found the code "import fs from \\"node:fs\\"", expected only markdown, <Fig id="…" /> and <Term>…</Term> (a profile is text: no import or export)'],
  },
  {
    name: 'profile exporting a value',
    setup: (f) => f.edit(EN, '## What was done', 'export const x = 1\n\n## What was done'),
    expected: ['content/cases/en/alpha.mdx:11 [prose]: found the code "export const x = 1", expected only markdown, <Fig id="…" /> and <Term>…</Term> (a profile is text: no import or export)'],
  },
  {
    name: 'profile with another element',
    setup: (f) => f.edit(EN, 'Beta village earned', 'Beta <span style="color:red">village</span> earned'),
    expected: ['content/cases/en/alpha.mdx:13 [prose]: found the element <span>, expected only markdown, <Fig id="…" /> and <Term>…</Term>'],
  },
  {
    name: 'profile with a javascript: link',
    setup: (f) => f.edit(EN, 'Beta village earned', '[Beta village](javascript:alert(1)) earned'),
    expected: ['content/cases/en/alpha.mdx:13 [prose]: found the link "javascript:alert(1)", expected an http(s), mailto or relative link'],
  },
  {
    name: 'Fig whose id is an expression',
    setup: (f) => f.edit(EN, '<Fig id="alpha-income" />', '<Fig id={"alpha-income"} />'),
    expected: ['content/cases/en/alpha.mdx:13 [prose]: found a <Fig> that is not <Fig id="…" />, expected <Fig id="observation-id" /> with a literal id and nothing else'],
  },
  {
    name: 'Term holding markup',
    setup: (f) => f.edit(EN, 'Beta village earned', '<Term>**3A** grade</Term> Beta village earned'),
    expected: ['content/cases/en/alpha.mdx:13 [prose]: found a <Term> with attributes or markup inside, expected <Term>plain text</Term>'],
  },
  {
    name: 'profile that is not valid MDX',
    setup: (f) => f.edit(EN, 'Beta village earned', 'Beta village {earned'),
    expected: ['content/cases/en/alpha.mdx:13 [prose]: found MDX that does not parse (Unexpected end of file in expression, expected a corresponding closing brace for `{`), expected markdown, <Fig id="…" /> and <Term>…</Term> (write a literal < or { as \\< or \\{)'],
  },
  {
    name: 'stray files in content/cases and content/cases/en',
    setup: (f) => {
      f.write('content/cases/.DS_Store', '\u0000\u0000\u0000\u0001Bud1');
      f.write('content/cases/en/.DS_Store', '\u0000\u0000\u0000\u0001Bud1');
    },
    expected: [
      'content/cases/.DS_Store:1: found a file that is not a case profile, expected only content/cases/<en|zh>/<slug>.mdx here (delete the file or move it out of content/cases/)',
      'content/cases/en/.DS_Store:1: found a file that is not a case profile, expected only content/cases/<en|zh>/<slug>.mdx here (delete the file or move it out of content/cases/)',
    ],
  },
  {
    name: 'a real table saved as GB18030/GBK: said once, with how to save it as UTF-8',
    setup: (f) => writeFileSync(join(f.dir, OBS), execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030', join(ROOT, OBS)])),
    expected: ['data/observations.csv:2: found text that is not UTF-8 (the file looks like GB18030/GBK, which Chinese Windows and Excel save by default), expected UTF-8 — open the file and save it again as UTF-8 (Excel: Save As › "CSV UTF-8 (Comma delimited)"; WPS or a text editor: choose the encoding UTF-8)'],
  },
  {
    name: 'a profile saved as GB18030/GBK',
    setup: (f) => writeFileSync(join(f.dir, ZH), execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030', join(f.dir, ZH)])),
    expected: ['content/cases/zh/alpha.mdx:2: found text that is not UTF-8 (the file looks like GB18030/GBK, which Chinese Windows and Excel save by default), expected UTF-8 — open the file and save it again as UTF-8 (in a text editor, choose the encoding UTF-8)'],
  },
];


describe('bad inputs are reported with file, line, field, what was found and what was expected', () => {
  it('has a corpus of at least 20 bad inputs', () => {
    expect(BAD.length).toBeGreaterThanOrEqual(20);
  });
  for (const bad of BAD) {
    it(bad.name, () => {
      expect(run(bad.setup)).toEqual(bad.expected);
    });
  }
});

describe('all errors of a run are reported together', () => {
  it('reports problems in several files at once', () => {
    const messages = run((f) => {
      f.edit(OBS, 'alpha-contestants,alpha,', 'alpha-contestants,alpah,');
      f.edit(PLACES, 'county,guangdong', 'county,guangdon');
      f.edit(EN, '<Fig id="alpha-income" />', '<Fig id="nope" />');
    });
    expect(messages).toHaveLength(3);
    expect(messages.map((m) => m.split(':')[0])).toEqual(['content/cases/en/alpha.mdx', 'data/observations.csv', 'data/places.csv']);
  });
});

describe('encodings and line endings', () => {
  it('loads UTF-8 with BOM, CRLF line endings and trailing blank lines', () => {
    const messages = run((f) => {
      for (const file of [OBS, PLACES, 'data/sources.csv']) {
        f.edit(file, /\n/g, '\r\n');
        f.edit(file, /^/, '\uFEFF');
        f.edit(file, /$/, '\r\n\r\n\r\n');
      }
      f.edit(EN, /\n/g, '\r\n');
      f.edit(ZH, /^/, '\uFEFF');
    });
    expect(messages).toEqual([]);
  });
  it('keeps line numbers right after a quoted cell spanning lines', () => {
    const messages = run((f) => {
      f.edit(OBS, 'Party organisations in the contest', '"Party organisations\nin the contest"');
      f.edit(OBS, ',460000,', ',x,');
    });
    expect(messages).toEqual(['data/observations.csv:4 [value]: found "x", expected a number in base units without separators (e.g. 460000)']);
  });
});

describe('a file that does not parse stops the checks that depend on it', () => {
  it('reports the structural problem first, before other files’ messages, without cascading [Fig] or [prose] messages', () => {
    const messages = run((f) => {
      // Swallows the second row (alpha-income), which both profiles cite and whose period allows a year.
      f.edit(OBS, ',Party organisations in the contest,', ',"Party organisations in the contest,');
      f.edit(EN, 'themes: [contests,', 'themes: [contest,');
      f.edit(ZH, 'themes: [contests,', 'themes: [contest,');
    });
    expect(messages).toEqual([
      'data/observations.csv:2: found a quote (") that opens a cell and is never closed, so everything after it was read as one cell; expected a closing quote (write a quote inside a quoted cell as "")',
      'content/cases/en/alpha.mdx:7 [themes]: found "contest", expected a theme id from data/themes.csv — did you mean "contests"?',
      'content/cases/zh/alpha.mdx:7 [themes]: found "contest", expected a theme id from data/themes.csv — did you mean "contests"?',
    ]);
  });
});

describe('the source-page check', () => {
  it('says in one line that it was skipped when there is no folder of source pages', () => {
    const f = fixtureCopy();
    copies.push(f);
    const result = checkProject(f.dir, { sourcesDir: join(f.dir, 'no-such-folder') });
    expect(result.errors).toEqual([]);
    expect(result.skipped).toEqual([
      `skipped the check of sources.csv [file] against the source pages: found no folder ${join(f.dir, 'no-such-folder')} (set ATLAS_SOURCES_DIR to the folder of the *.txt pages)`,
    ]);
    expect(checkProject(f.dir, { sourcesDir: join(f.dir, 'sources') }).skipped).toEqual([]);
  });
});

describe('printed terms', () => {
  it('lets digits stand inside <Term>, and nowhere else in the same line', () => {
    expect(run((f) => f.edit(EN, 'Beta village earned', '<Term>National 3A grade</Term> Beta village earned'))).toEqual([]);
    expect(run((f) => f.edit(EN, 'Beta village earned', '<Term>National 3A grade</Term> Beta village, 3 km away, earned'))).toEqual([
      'content/cases/en/alpha.mdx:13 [prose]: found the number "3" typed into the text, expected <Fig id="…" /> rendering an observation of case "alpha" (or a year of the events\' date, the report\'s date or the observations\' periods, or a printed name, grade or date marked <Term>…</Term>)',
    ]);
  });
});
