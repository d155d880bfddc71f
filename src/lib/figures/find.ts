/**
 * Find every figure a Chinese report prints: the number (Arabic, full-width or Chinese numerals,
 * 万/亿 scales, decimals, percentages, ranges, fractions), the qualifying word around it, the unit or
 * counter word after it and the clause it stands in. Dates, ordinals, names containing digits and
 * fixed phrases (一批, 一方面) are reported with their own kind so they are not mixed with quantities.
 */
import { QUALIFIER_WORDS, type Qualifier } from '../qualifiers.ts';
import { parseArabic, parseChineseNumeral, scale as scaled, toHalfWidth } from './numerals.ts';

export type FigureKind = 'quantity' | 'date' | 'ordinal' | 'name' | 'phrase';
export const FIGURE_KINDS: readonly FigureKind[] = ['quantity', 'date', 'ordinal', 'name', 'phrase'];

/** A unit as data/units.csv lists it (only the fields the finder needs). */
export interface UnitInfo {
  unit: string;
  kind: string;
  factor: number;
}

export interface Figure {
  kind: FigureKind;
  /** Offsets of the printed figure in the text searched (start inclusive, end exclusive). */
  start: number;
  end: number;
  /** 1-based line of the text the figure starts on. */
  line: number;
  /** The figure as printed, qualifier and unit included: 近1200人, 1.6万余人次, 90%以上. */
  printed: string;
  /** The number as printed, before any 万/亿 scale: 1.6 for 1.6万余人次. */
  number: number;
  /** Upper end of a printed range (3至5个 → number 3, high 5). */
  high?: number;
  /** The unit as printed, scale included (万元, 万人次, 个, %); empty when none follows. */
  unit: string;
  /** Kind of the unit (count, currency, area, percent, …) when the unit is known. */
  unitKind?: string;
  /** Factor from the printed number to the base value. */
  factor: number;
  /** Value in base units (number × factor); null for dates, ordinals and phrases. */
  value: number | null;
  valueHigh?: number;
  qualifier: Qualifier;
  /** The qualifying word(s) as printed (余, 近, 以上); empty for exact. */
  qualifierWord: string;
  /** The qualifying word as data/observations.csv qualifier_zh holds it: 万余 for 1.6万余人次, 余 for 30余个. */
  qualifierZh: string;
  /** Set when a qualifying word is not among the project's qualifier words and was mapped to the nearest. */
  qualifierNote?: string;
  /** The text between the punctuation marks around the figure (line breaks inside a sentence removed). */
  clause: string;
  /** Why a figure is not a quantity (date, ordinal, name, phrase). */
  why?: string;
}

export interface FindOptions {
  /** Units as in data/units.csv; the finder adds common counters not listed there. */
  units?: readonly UnitInfo[];
}

/** Counter words and units the finder knows besides data/units.csv (kind, factor to the base unit). */
const EXTRA_UNITS: readonly UnitInfo[] = [
  { unit: '成', kind: 'percent', factor: 10 },
  { unit: '个百分点', kind: 'percent', factor: 1 },
  { unit: '百分点', kind: 'percent', factor: 1 },
  { unit: '倍', kind: 'ratio', factor: 1 },
  ...['辆', '头', '只', '棵', '株', '篇', '本', '份', '门', '节', '轮', '层', '块', '组', '队', '种', '类', '堂', '方', '封', '盏', '名次', '户次', '家次', '项次', '篇次'].map((unit) => ({ unit, kind: 'count', factor: 1 })),
  { unit: '公里', kind: 'length', factor: 1000 },
  { unit: '千米', kind: 'length', factor: 1000 },
  { unit: '米', kind: 'length', factor: 1 },
  { unit: '公顷', kind: 'area', factor: 10000 },
  { unit: '平方公里', kind: 'area', factor: 1e6 },
  { unit: '万平方米', kind: 'area', factor: 1e4 },
  { unit: '公斤', kind: 'mass', factor: 1 },
  { unit: '千克', kind: 'mass', factor: 1 },
  { unit: '斤', kind: 'mass', factor: 0.5 },
  { unit: '岁', kind: 'age', factor: 1 },
  { unit: '周', kind: 'duration', factor: 7 / 365 },
  { unit: '小时', kind: 'duration', factor: 1 / 8760 },
  { unit: '分钟', kind: 'duration', factor: 1 / 525600 },
  { unit: '个小时', kind: 'duration', factor: 1 / 8760 },
  { unit: '元/月', kind: 'currency', factor: 1 },
];

/** Words that qualify a number but are not in QUALIFIER_WORDS: mapped to the nearest qualifier. */
const EXTRA_QUALIFIERS: Record<string, { qualifier: Qualifier; note: string }> = {
  以下: { qualifier: 'up_to', note: '以下 is not among the qualifier words; mapped to up_to (nearest: “or less”)' },
  上下: { qualifier: 'about', note: '上下 is not among the qualifier words; mapped to about' },
  来: { qualifier: 'about', note: '来 (十来个) is not among the qualifier words; mapped to about' },
  大约: { qualifier: 'about', note: '大约 is not among the qualifier words; mapped to about' },
  接近: { qualifier: 'nearly', note: '接近 is not among the qualifier words; mapped to nearly' },
  不低于: { qualifier: 'at_least', note: '不低于 is not among the qualifier words; mapped to at_least' },
};

/** Qualifying words printed before a number, longest first. */
const BEFORE_WORDS = [...Object.entries(QUALIFIER_WORDS).filter(([, q]) => q.position === 'before').map(([w]) => w), '大约', '接近', '不低于']
  .sort((a, b) => b.length - a.length);
/** Qualifying words printed after the unit. */
const AFTER_UNIT_WORDS = [...Object.entries(QUALIFIER_WORDS).filter(([, q]) => q.position === 'after-unit').map(([w]) => w), '以下', '上下'];

/** Fixed phrases built on 一 + a counter that are not counts: 一批 (a number of), 一方面 (on the one hand). */
const PHRASES = ['另一方面', '一方面', '一批批', '一批', '一大早', '一体', '一站式', '有一次', '一次性', '一级'];

/** Characters that end a clause. */
const CLAUSE_STOP = /[。，,；;：:！!？?…]/;

const ARABIC_START = /[0-9０-９]/;
const CN_START = /[零〇一二两三四五六七八九十]/;
/** Characters before 一/二/三… that make the numeral part of an ordinary word (统一, 唯一, 之一, 再三). */
const WORD_BEFORE: Record<string, string> = { 一: '统唯同逐单专划如合归之万不初周星', 二: '无', 三: '再', 十: '' };
/** Place-name endings: a Chinese numeral + counter + one of these is a name (六户镇, 三枝树村). */
const PLACE_ENDINGS = /^[镇村乡县区街市州]/;

interface Ctx {
  text: string;
  units: Map<string, UnitInfo>;
  counters: string[]; // units usable as counters after a number, longest first
  lineStarts: number[];
  termQuote: Uint8Array; // 1 inside a short quoted term (“三亮”, “1+12”)
}

/** Find every figure in a text, in order of position. */
export function findFigures(text: string, opts: FindOptions = {}): Figure[] {
  const ctx = makeContext(text, opts);
  const out: Figure[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ARABIC_START.test(ch) || CN_START.test(ch) || text.startsWith('百分之', i)) {
      const fig = readFigure(ctx, i);
      if (fig) {
        out.push(fig);
        i = fig.end;
        continue;
      }
      // Skip the rest of this numeral run so 二十三 is not read again from 十.
      const m = /^(?:[0-9０-９.．]+|[零〇一二两三四五六七八九十百千万亿]+)/.exec(text.slice(i, i + 40));
      i += m ? m[0].length : 1;
      continue;
    }
    i++;
  }
  return out;
}

function makeContext(text: string, opts: FindOptions): Ctx {
  const units = new Map<string, UnitInfo>();
  for (const u of EXTRA_UNITS) units.set(u.unit, u);
  for (const u of opts.units ?? []) units.set(u.unit, u);
  const counters = [...units.keys()].filter((u) => !/^[万亿]/.test(u) && !u.includes('/')).sort((a, b) => b.length - a.length);
  const lineStarts = [0];
  for (let k = 0; k < text.length; k++) if (text[k] === '\n') lineStarts.push(k + 1);
  return { text, units, counters, lineStarts, termQuote: markTermQuotes(text) };
}

/** Mark short quoted terms: “…” of at most 20 characters without clause punctuation inside. */
function markTermQuotes(text: string): Uint8Array {
  const marks = new Uint8Array(text.length);
  const re = /[“"「『‘]([^“”"「」『』‘’\n]{1,20})[”"」』’]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (CLAUSE_STOP.test(m[1]!)) continue;
    marks.fill(1, m.index, m.index + m[0].length);
  }
  return marks;
}

function lineOf(ctx: Ctx, pos: number): number {
  let lo = 0;
  let hi = ctx.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.lineStarts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

interface Core {
  end: number;
  number: number;
  printed: string;
  chinese: boolean;
  /** Scale character(s) printed after the number (万, 亿, 千), value and text. */
  scale: number;
  scaleText: string;
  /** 余/多/来 printed between the number and the scale or unit. */
  innerWord: string;
}

/** Read a bare number at i: Arabic (with a 万/亿/千 scale) or Chinese. */
function readCore(ctx: Ctx, i: number): Core | undefined {
  const { text } = ctx;
  const rest = text.slice(i, i + 40);
  let m = /^[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?/.exec(rest);
  if (m) {
    const number = parseArabic(m[0]);
    if (number === undefined) return undefined;
    let end = i + m[0].length;
    let innerWord = '';
    const q = /^[余多]/.exec(text.slice(end));
    if (q && /^[万亿千]/.test(text.slice(end + 1))) {
      innerWord = q[0];
      end += 1;
    }
    const s = /^(?:千万|百万|万|亿|千|百(?!分))/.exec(text.slice(end));
    let scaleText = '';
    let scaleValue = 1;
    if (s) {
      scaleText = s[0];
      scaleValue = [...s[0]].reduce((acc, c) => acc * ({ 百: 100, 千: 1000, 万: 1e4, 亿: 1e8 } as Record<string, number>)[c]!, 1);
      end += s[0].length;
    }
    return { end, number, printed: text.slice(i, end), chinese: false, scale: scaleValue, scaleText, innerWord };
  }
  m = /^[零〇一二两三四五六七八九十百千万亿]+/.exec(rest);
  if (!m) return undefined;
  let run = m[0];
  // 十余万, 三千多万: a 余/多 inside the run, followed by 万/亿.
  let innerWord = '';
  let scaleText = '';
  const q = /^[余多]([万亿])/.exec(text.slice(i + run.length));
  if (q) {
    innerWord = text[i + run.length]!;
    scaleText = q[1]!;
  } else {
    // A trailing 万/亿 is the scale (三千万 → 3000 × 万, so 三千万元 prints the unit 万元), unless a
    // larger or equal scale came before it (三亿五千万 is one number).
    const last = run.slice(-1);
    const head = run.slice(0, -1);
    if (head && (last === '万' ? !/[万亿]/.test(head) : last === '亿' ? !head.includes('亿') : false)) {
      scaleText = last;
      run = head;
    }
  }
  let number = parseChineseNumeral(run);
  // Bare digit runs (二〇二三) are read only as years.
  if (number !== undefined && run.length > 1 && !/[十百千万亿]/.test(run) && text[i + run.length] !== '年') number = undefined;
  if (number === undefined) return undefined;
  const end = i + run.length + innerWord.length + scaleText.length;
  const scaleValue = scaleText === '万' ? 1e4 : scaleText === '亿' ? 1e8 : 1;
  return { end, number, printed: text.slice(i, end), chinese: true, scale: scaleValue, scaleText, innerWord };
}

function readFigure(ctx: Ctx, start: number): Figure | undefined {
  const { text } = ctx;
  const prev = text[start - 1] ?? '';
  const ch = text[start]!;

  // 百分之六十, 百分之60
  if (text.startsWith('百分之', start)) {
    const core = readCore(ctx, start + 3);
    if (!core) return undefined;
    const lead = BEFORE_WORDS.find((w) => text.endsWith(w, start)) ?? '';
    const tail = AFTER_UNIT_WORDS.find((w) => text.startsWith(w, core.end)) ?? '';
    const q = qualifierOf([lead, tail].filter(Boolean));
    const word = lead + tail;
    return finish(ctx, start - lead.length, core.end + tail.length, { kind: 'quantity', number: core.number, unit: '%', unitKind: 'percent', factor: 1, qualifier: q.qualifier, qualifierWord: word, qualifierZh: word, qualifierNote: q.note });
  }

  if (CN_START.test(ch) && !ARABIC_START.test(ch)) {
    if ((WORD_BEFORE[ch] ?? '').includes(prev) && prev !== '') return undefined;
    if (CN_START.test(prev) || /[百千万亿]/.test(prev)) return undefined;
  }
  if (ARABIC_START.test(prev) || /[.．]/.test(prev)) return undefined;

  const core = readCore(ctx, start);
  if (!core) return undefined;
  let end = core.end;
  const after = (k = end) => text.slice(k, k + 12);

  // Ordinals: 第一, 第18, (1), 一是, line-start list markers.
  if (prev === '第') {
    const c = matchCounter(ctx, end);
    return finish(ctx, start - 1, c ? end + c.length : end, { kind: 'ordinal', number: core.number, why: '第 + number: an ordinal' });
  }
  if (/^[是要则]/.test(after()) && core.chinese) return finish(ctx, start, end + 1, { kind: 'ordinal', number: core.number, why: 'list marker (一是, 二要)' });
  if (/[(（]/.test(prev) && /^[)）]/.test(after())) return finish(ctx, start - 1, end + 1, { kind: 'ordinal', number: core.number, why: 'list marker (1)' });
  const lineStart = start === 0 || text[start - 1] === '\n';
  if (lineStart && /^(?:[ \u3000、.．]|\s)/.test(after())) return finish(ctx, start, end, { kind: 'ordinal', number: core.number, why: 'list marker at the start of a line' });
  if (/^(?:等奖|等)/.test(after())) return finish(ctx, start, end + (after().startsWith('等奖') ? 2 : 1), { kind: 'ordinal', number: core.number, why: 'a prize grade' });
  if (/^届/.test(after())) return finish(ctx, start, end + 1, { kind: 'ordinal', number: core.number, why: 'a session number (届)' });

  // Names: 1+12, 4×4, 5·21, 3A级, 80后; digits after Latin letters.
  if (!core.chinese) {
    const chain = /^(?:[+＋×xX*·•][0-9０-９]+)+/.exec(after());
    if (chain) return finish(ctx, start, end + chain[0].length, { kind: 'name', number: core.number, why: 'digits joined into a name or formula' });
    const letters = /^[A-Za-z]+级?/.exec(after());
    if (letters || /[A-Za-z]/.test(prev)) return finish(ctx, start, end + (letters ? letters[0].length : 0), { kind: 'name', number: core.number, why: 'digits with letters: a grade or code' });
    if (/^后/.test(after()) && core.number >= 10 && core.number % 10 === 0 && core.number < 100) return finish(ctx, start, end + 1, { kind: 'name', number: core.number, why: 'a generation (80后)' });
  }

  // Dates: 2023年, 2019年1月, 7月26日, 24日, 八月, 99周年.
  const date = readDate(ctx, start, core);
  if (date) return date;

  // Fractions: 三分之一, 1/3
  if (after().startsWith('分之')) {
    const num = readCore(ctx, end + 2);
    if (num) {
      const v = num.number / (core.number * core.scale);
      return finish(ctx, start, num.end, { kind: 'quantity', number: v, unit: '', factor: 1, unitKind: 'fraction' });
    }
  }
  if (!core.chinese) {
    const frac = /^\/([0-9０-９]+)(?![0-9０-９])/.exec(after());
    if (frac) {
      const v = core.number / Number(toHalfWidth(frac[1]!));
      return finish(ctx, start, end + frac[0].length, { kind: 'quantity', number: v, unit: '', factor: 1, unitKind: 'fraction' });
    }
  }

  // Range: 3至5, 3—5, 3-5个, 三到五个, 3个至5个
  let high: number | undefined;
  const rangeSep = /^(?:至|到|~|～|—{1,2}|–|-)/;
  const trySecond = (k: number): Core | undefined => {
    const sep = rangeSep.exec(after(k));
    if (!sep) return undefined;
    const second = readCore(ctx, k + sep[0].length);
    if (!second || second.chinese !== core.chinese) return undefined;
    if (second.number * second.scale < core.number * core.scale) return undefined;
    return second;
  };
  let second = trySecond(end);
  let scaleText = core.scaleText;
  let scaleValue = core.scale;
  if (second) {
    high = second.number * (second.scale / (core.scale || 1));
    if (second.scaleText && !core.scaleText) {
      scaleText = second.scaleText;
      scaleValue = second.scale;
      high = second.number;
    }
    end = second.end;
  }

  // Qualifier words: between number and scale/unit (余, 多, 来), after the scale (万余), after the unit (以上).
  const words: string[] = [];
  /** The words as qualifier_zh holds them: a word after a 万/亿 scale sits inside the unit (万余, 万多). */
  const zh: string[] = [];
  const push = (w: string, afterScale: string) => {
    words.push(w);
    zh.push(/[万亿]$/.test(afterScale) ? afterScale.slice(-1) + w : w);
  };
  if (core.innerWord) push(core.innerWord, '');
  if (second?.innerWord) push(second.innerWord, '');
  const inner = /^[余多来]/.exec(after());
  const beforeCounter = inner ? matchCounter(ctx, end + 1) : undefined;
  if (inner && (beforeCounter || text.slice(end + 1, end + 2) === '%' || /^[万亿]/.test(after(end + 1)) || !core.chinese)) {
    // 余 / 多 right after the number: 30余个, 600多家, 十余万; for a bare Arabic number: 30多
    if (inner[0] !== '来' || beforeCounter) {
      push(inner[0], scaleText);
      end += 1;
      if (!scaleText) {
        const s = /^[万亿]/.exec(after());
        if (s) {
          scaleText = s[0];
          scaleValue = s[0] === '万' ? 1e4 : 1e8;
          end += 1;
          const q2 = /^[余多]/.exec(after());
          if (q2) {
            push(q2[0], scaleText);
            end += 1;
          }
        }
      }
    }
  }

  // Unit or counter.
  let unit = '';
  if (/^[%％]/.test(after())) {
    unit = '%';
    end += 1;
  } else {
    const c = matchCounter(ctx, end, scaleText);
    if (c) {
      unit = c;
      end += c.length;
    }
  }
  // 3个至5个: a range that repeats the unit
  if (!second && unit) {
    const s2 = trySecond(end);
    if (s2 && text.startsWith(unit, s2.end)) {
      second = s2;
      high = s2.number;
      end = s2.end + unit.length;
    }
  }
  if (!unit && !scaleText && core.chinese) return undefined; // 三亮, 两新, 百姓: not a figure
  if (unit === '成' && (!core.chinese || /^[为立功果本员效绩就了]/.test(after()))) {
    // 建成, 组成: not 成 = tenths
    end -= 1;
    unit = '';
    if (core.chinese && !scaleText) return undefined;
  }
  // Frequency: 每年…1次 → 次/年, 每月…2次 → 次/月
  if (unit === '次') {
    const clauseStart = findClauseStart(ctx, start);
    const lead = text.slice(clauseStart, start);
    const per = /每(年|月)(?!.*每)/.exec(lead);
    if (per && ctx.units.has(`次/${per[1]}`)) unit = `次/${per[1]}`;
  }
  // 万元, 万人次: the scale is part of the printed unit; 3千多名 prints the unit 名 with a factor of 1000.
  const printedUnit = scaleText && unit && unit !== '%' ? (/[万亿]$/.test(scaleText) || ctx.units.has(scaleText + unit) ? scaleText + unit : unit) : unit || scaleText;
  const unitInfo = ctx.units.get(printedUnit) ?? ctx.units.get(unit);
  const combined = scaleText && unit && unit !== '%' ? ctx.units.get(scaleText + unit) : undefined;
  const factor = combined ? combined.factor : scaleValue * (unit === '%' ? 1 : (ctx.units.get(unit)?.factor ?? 1));

  // After the unit: 以上, 左右, 以内, 以下; 多/余 after a duration (一年多)
  const tail = AFTER_UNIT_WORDS.find((w) => text.startsWith(w, end));
  if (tail) {
    push(tail, '');
    end += tail.length;
  } else if (/^[多余]/.test(after()) && unitInfo?.kind === 'duration' && !/^多[次项个]/.test(after())) {
    push(text[end]!, '');
    end += 1;
  }

  // Before the number: 近, 约, 超过, 不少于 …
  let qStart = start;
  const lead = BEFORE_WORDS.find((w) => text.endsWith(w, start) && !(w === '近' && /[最附临接将]/.test(text[start - 2] ?? '')) && !(w === '超' && text[start - 2] === '赶'));
  if (lead) {
    words.unshift(lead);
    zh.unshift(lead);
    qStart = start - lead.length;
  }

  // Phrases and names built on a Chinese numeral.
  let kind: FigureKind = 'quantity';
  let why: string | undefined;
  const phrase = PHRASES.find((p) => text.startsWith(p, start - p.search(/[一二两三四五六七八九十]/)));
  if (core.chinese && phrase) {
    kind = 'phrase';
    why = `fixed phrase ${phrase}`;
    qStart = start - phrase.search(/[一二两三四五六七八九十]/);
    end = Math.max(end, qStart + phrase.length);
  } else if (core.chinese && unit && !words.length && PLACE_ENDINGS.test(after()) && unit !== '个') {
    kind = 'name';
    why = 'part of a place name';
  } else if (core.chinese && unit && text.startsWith(unit, end)) {
    // 一座座, 一面面: reduplicated counter
    kind = 'phrase';
    why = 'reduplicated counter (一座座: “one after another”)';
    end += unit.length;
  } else if (ctx.termQuote[start]) {
    kind = 'name';
    why = 'inside a quoted name or slogan';
  }

  const q = qualifierOf(words);
  return finish(ctx, qStart, end, {
    kind,
    number: core.number,
    high,
    unit: printedUnit,
    unitKind: unitInfo?.kind ?? (unit === '%' ? 'percent' : undefined),
    factor,
    qualifier: q.qualifier,
    qualifierWord: words.join(''),
    qualifierZh: zh.join(''),
    qualifierNote: q.note,
    why,
    printed: text.slice(qStart, end),
  });
}

/** The longest counter or unit at position k (after an optional scale already read). */
function matchCounter(ctx: Ctx, k: number, scaleText = ''): string | undefined {
  const s = ctx.text.slice(k, k + 8);
  if (scaleText) {
    // 万元, 万人次: prefer units listed with their scale
    for (const u of ctx.units.keys()) if (u.startsWith(scaleText) && u.length > scaleText.length && s.startsWith(u.slice(scaleText.length))) return longestScaled(ctx, s, scaleText);
  }
  return ctx.counters.find((c) => s.startsWith(c));
}

function longestScaled(ctx: Ctx, s: string, scaleText: string): string {
  let best = '';
  for (const u of ctx.units.keys()) {
    const rest = u.slice(scaleText.length);
    if (u.startsWith(scaleText) && rest && s.startsWith(rest) && rest.length > best.length) best = rest;
  }
  const counter = ctx.counters.find((c) => s.startsWith(c)) ?? '';
  return counter.length > best.length ? counter : best;
}

function readDate(ctx: Ctx, start: number, core: Core): Figure | undefined {
  const { text } = ctx;
  let end = core.end;
  const after = () => text.slice(end, end + 8);
  const isInt = Number.isInteger(core.number) && core.scale === 1 && !core.innerWord;
  if (!isInt) return undefined;
  const n = core.number;
  const yearLike = n >= 1900 && n <= 2100 && (core.chinese ? core.printed.length === 4 : core.printed.length === 4);
  if (yearLike && /^年/.test(after())) {
    end += 1;
    const tail = /^(?:度|初|底|末|中|前|起|以来|来)?/.exec(after())!;
    end += tail[0].length;
    const md = /^([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月(?:([0-9０-９]{1,2})日)?/.exec(after());
    if (md) end += md[0].length;
    return finish(ctx, start, end, { kind: 'date', number: n, why: 'a year or date' });
  }
  if (yearLike && !/^[个名人元万亿%％]/.test(after())) return finish(ctx, start, end, { kind: 'date', number: n, why: 'a year' });
  if (n >= 1 && n <= 12 && /^月/.test(after())) {
    end += 1;
    const d = /^(?:([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})日)?(?:晚|上午|下午|末|初|底|中旬|上旬|下旬)?/.exec(after())!;
    end += d[0].length;
    return finish(ctx, start, end, { kind: 'date', number: n, why: 'a month or date' });
  }
  if (n >= 1 && n <= 31 && /^日/.test(after()) && !core.chinese) return finish(ctx, start, end + 1, { kind: 'date', number: n, why: 'a day of the month' });
  if (/^周年/.test(after())) return finish(ctx, start, end + 2, { kind: 'date', number: n, why: 'an anniversary' });
  return undefined;
}

function qualifierOf(words: string[]): { qualifier: Qualifier; note?: string } {
  let result: { qualifier: Qualifier; note?: string } = { qualifier: 'exact' };
  for (const w of words) {
    const known = QUALIFIER_WORDS[w];
    if (known) result = { qualifier: known.qualifier };
    else if (EXTRA_QUALIFIERS[w]?.qualifier && EXTRA_QUALIFIERS[w]!.qualifier !== 'exact') result = { qualifier: EXTRA_QUALIFIERS[w]!.qualifier, note: EXTRA_QUALIFIERS[w]!.note };
  }
  return result;
}

interface Partial_ {
  kind: FigureKind;
  number: number;
  high?: number | undefined;
  unit?: string;
  unitKind?: string | undefined;
  factor?: number;
  qualifier?: Qualifier;
  qualifierWord?: string;
  qualifierZh?: string;
  qualifierNote?: string | undefined;
  why?: string | undefined;
  printed?: string;
}

function finish(ctx: Ctx, start: number, end: number, p: Partial_): Figure {
  const factor = p.factor ?? 1;
  // A name keeps a value only when it is a counted thing inside a quoted name (“二十三年红旗不倒”).
  const isValue = p.kind === 'quantity' || (p.kind === 'name' && !!p.unit && !!p.why?.startsWith('inside a quoted'));
  const fig: Figure = {
    kind: p.kind,
    start,
    end,
    line: lineOf(ctx, start),
    printed: p.printed ?? ctx.text.slice(start, end),
    number: p.number,
    unit: p.unit ?? '',
    factor,
    value: isValue ? scaled(p.number, factor) : null,
    qualifier: p.qualifier ?? 'exact',
    qualifierWord: p.qualifierWord ?? '',
    qualifierZh: p.qualifierZh ?? '',
    clause: clauseAround(ctx, start, end),
  };
  if (p.high !== undefined) {
    fig.high = p.high;
    if (isValue) fig.valueHigh = scaled(p.high, factor);
  }
  if (p.unitKind) fig.unitKind = p.unitKind;
  if (p.qualifierNote) fig.qualifierNote = p.qualifierNote;
  if (p.why) fig.why = p.why;
  return fig;
}

/** A line break ends a clause unless it breaks a long line mid-sentence (a page or column break). */
function isBreakBoundary(text: string, k: number): boolean {
  // k is the index of a '\n'
  let a = k;
  while (a > 0 && text[a - 1] === '\n') a--;
  const lineStart = text.lastIndexOf('\n', a - 1) + 1;
  const line = text.slice(lineStart, a).trim();
  if (line === '') return true;
  if (CLAUSE_STOP.test(line.slice(-1)) || /[”」)）]$/.test(line) && CLAUSE_STOP.test(line.slice(-2, -1))) return true;
  // A prose paragraph broken off mid-sentence (a column or page break) runs on into the next line.
  return !(line.length >= 40 || /[，,。；;]/.test(line));
}

function findClauseStart(ctx: Ctx, pos: number): number {
  const { text } = ctx;
  let k = pos - 1;
  while (k >= 0) {
    const c = text[k]!;
    if (CLAUSE_STOP.test(c)) return k + 1;
    if (c === '\n' && isBreakBoundary(text, k)) return k + 1;
    k--;
  }
  return 0;
}

function findClauseEnd(ctx: Ctx, pos: number): number {
  const { text } = ctx;
  let k = pos;
  while (k < text.length) {
    const c = text[k]!;
    if (CLAUSE_STOP.test(c)) return k;
    if (c === '\n') {
      let j = k;
      while (text[j] === '\n') j++;
      if (isBreakBoundary(text, j - 1)) return k;
      k = j;
      continue;
    }
    k++;
  }
  return text.length;
}

function clauseAround(ctx: Ctx, start: number, end: number): string {
  const s = findClauseStart(ctx, start);
  const e = findClauseEnd(ctx, Math.max(end, start));
  // A closing quote left over from the sentence before is not part of the clause.
  return ctx.text.slice(s, e).replace(/\s*\n\s*/g, '').trim().replace(/^[”’」』)）]+/, '').replace(/[“‘「『(（]+$/, '');
}

