import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv.ts';
import { checkProject } from '../../src/lib/load.ts';
import { COLUMNS } from '../../src/lib/schema.ts';
import { formatError } from '../../src/lib/validate.ts';
import { fixtureCopy, ROOT } from '../helpers/fixture.ts';

const copies: ReturnType<typeof fixtureCopy>[] = [];
afterEach(() => {
  while (copies.length) copies.pop()!.remove();
});

function newCase(dir: string, ...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'scripts', 'new-case.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ATLAS_DATA_DIR: join(dir, 'data'), ATLAS_CONTENT_DIR: join(dir, 'content', 'cases') },
    encoding: 'utf8',
  });
}

const EN_GAMMA = [
  'content/cases/en/gamma.mdx:2 [title]: found the placeholder "TODO: Place, Province: what was done", expected the real title',
  'content/cases/en/gamma.mdx:3 [summary]: found the placeholder "TODO: one sentence saying what the case is.", expected the real summary',
  'content/cases/en/gamma.mdx:7 [events.date]: found the placeholder "TODO", expected the real events.date',
  'content/cases/en/gamma.mdx:8 [events.basis]: found the placeholder "TODO", expected the real events.basis',
  'content/cases/en/gamma.mdx:9 [events.note_en]: found the placeholder "TODO: what the date rests on: printed in the report (basis stated), or what it is inferred from (basis inferred)", expected the real events.note_en',
  'content/cases/en/gamma.mdx:10 [events.note_zh]: found the placeholder "TODO：日期的依据：原文载明（stated），或据何推定（inferred）", expected the real events.note_zh',
  'content/cases/en/gamma.mdx:11 [themes]: found the placeholder "[TODO]", expected the real themes',
  'content/cases/en/gamma.mdx:17 [prose]: found a TODO placeholder, expected the finished text',
];
const ZH_GAMMA = [
  'content/cases/zh/gamma.mdx:2 [title]: found the placeholder "TODO：省份地名：做法", expected the real title',
  'content/cases/zh/gamma.mdx:3 [summary]: found the placeholder "TODO：一句话说明这个案例。", expected the real summary',
  'content/cases/zh/gamma.mdx:7 [events.date]: found the placeholder "TODO", expected the real events.date',
  'content/cases/zh/gamma.mdx:8 [events.basis]: found the placeholder "TODO", expected the real events.basis',
  'content/cases/zh/gamma.mdx:9 [events.note_en]: found the placeholder "TODO: what the date rests on: printed in the report (basis stated), or what it is inferred from (basis inferred)", expected the real events.note_en',
  'content/cases/zh/gamma.mdx:10 [events.note_zh]: found the placeholder "TODO：日期的依据：原文载明（stated），或据何推定（inferred）", expected the real events.note_zh',
  'content/cases/zh/gamma.mdx:11 [themes]: found the placeholder "[TODO]", expected the real themes',
  'content/cases/zh/gamma.mdx:17 [prose]: found a TODO placeholder, expected the finished text',
];
const OBS_GAMMA = ['indicator', 'value', 'unit', 'qualifier', 'period', 'period_basis'].map((f) => `data/observations.csv:4 [${f}]: found the placeholder "TODO", expected the real value`);

const errorsOf = (dir: string) => checkProject(dir, { sourcesDir: join(dir, 'sources') }).errors.map(formatError);

/** Replace the scaffold's placeholders with real values, except the fields named in `keep`. */
function fillIn(dir: string, keep: string[] = []): void {
  for (const lang of ['en', 'zh']) {
    const p = join(dir, `content/cases/${lang}/gamma.mdx`);
    let text = readFileSync(p, 'utf8');
    if (!keep.includes('date')) text = text.replace('date: "TODO"', 'date: "2020"').replace('basis: TODO', 'basis: stated');
    if (!keep.includes('themes')) text = text.replace('themes: [TODO]', 'themes: [contests]');
    // Title and summary lose their "TODO: " prefix; the body's "TODO." becomes a sentence.
    writeFileSync(p, text.replace(/"TODO[：:] ?/g, '"').replace(/^TODO(?=[.。])/m, 'Done'));
  }
  const obs = join(dir, 'data/observations.csv');
  const row = 'gamma-example,gamma,alpha-beta,contest_participants,12,个,exact,,2020,stated,s000-alpha,People taking part,参加人数,,';
  const lines = readFileSync(obs, 'utf8').split('\n');
  lines[3] = keep.includes('value') ? row.replace(',12,', ',TODO,') : row;
  writeFileSync(obs, lines.join('\n'));
}

describe('npm run new-case', () => {
  it('scaffolds both languages and the rows a case needs; validation lists every placeholder left to fill in', () => {
    const f = fixtureCopy();
    copies.push(f);
    const r = newCase(f.dir, 'gamma', '--place', 'alpha-beta', '--source', 's000-alpha');
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(f.dir, 'content/cases/en/gamma.mdx'))).toBe(true);
    expect(existsSync(join(f.dir, 'content/cases/zh/gamma.mdx'))).toBe(true);
    expect(errorsOf(f.dir)).toEqual([
      ...EN_GAMMA,
      ...ZH_GAMMA,
      ...OBS_GAMMA,
      'data/observations.csv:4 [label_en]: found the placeholder "TODO what is counted", expected the real value',
      'data/observations.csv:4 [label_zh]: found the placeholder "TODO 统计对象", expected the real value',
    ]);
  });

  it('writes its rows with the CSV writer: each parses into the table columns', () => {
    const f = fixtureCopy();
    copies.push(f);
    // A table saved without a final line break: the new row must still start on a line of its own.
    f.edit('data/observations.csv', /\n$/, '');
    expect(newCase(f.dir, 'gamma', '--place', 'alpha-beta', '--source', 's000-alpha').status).toBe(0);
    const table = parseCsv(readFileSync(join(f.dir, 'data/observations.csv'), 'utf8'), COLUMNS.observations);
    expect(table.problems).toEqual([]);
    expect(table.rows.at(-1)).toEqual({
      line: 4,
      record: {
        id: 'gamma-example', case: 'gamma', place: 'alpha-beta', indicator: 'TODO', value: 'TODO', unit: 'TODO', qualifier: 'TODO', qualifier_zh: '',
        period: 'TODO', period_basis: 'TODO', source: 's000-alpha', label_en: 'TODO what is counted', label_zh: 'TODO 统计对象', note_en: '', note_zh: '',
      },
    });
  });

  it('does not validate while a single placeholder is left: the date, the theme or the value', () => {
    for (const keep of ['date', 'themes', 'value']) {
      const f = fixtureCopy();
      copies.push(f);
      expect(newCase(f.dir, 'gamma', '--place', 'alpha-beta', '--source', 's000-alpha').status).toBe(0);
      fillIn(f.dir, [keep]);
      const expected = {
        date: [EN_GAMMA[2], EN_GAMMA[3], ZH_GAMMA[2], ZH_GAMMA[3]],
        themes: [EN_GAMMA[6], ZH_GAMMA[6]],
        value: [OBS_GAMMA[1]],
      }[keep];
      expect(errorsOf(f.dir), keep).toEqual(expected);
    }
  });

  it('once the placeholders are replaced, the new case validates', () => {
    const f = fixtureCopy();
    copies.push(f);
    expect(newCase(f.dir, 'gamma', '--place', 'alpha-beta', '--source', 's000-alpha').status).toBe(0);
    fillIn(f.dir);
    expect(errorsOf(f.dir)).toEqual([]);
  });

  it('refuses a bad slug and an existing case', () => {
    const f = fixtureCopy();
    copies.push(f);
    const bad = newCase(f.dir, 'Not A Slug');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Usage: npm run new-case <slug>');
    const dup = newCase(f.dir, 'alpha');
    expect(dup.status).toBe(1);
    expect(dup.stderr).toContain('alpha.mdx already exists');
  });

  it('adds a source and a place row when they do not exist yet, each field a placeholder', () => {
    const f = fixtureCopy();
    copies.push(f);
    expect(newCase(f.dir, 'delta', '--page', '000').status).toBe(0);
    const errors = errorsOf(f.dir);
    for (const field of ['name_en', 'name_zh', 'level', 'parent']) expect(errors).toContain(`data/places.csv:6 [${field}]: found the placeholder "TODO", expected the real value`);
    expect(errors).toContain('data/sources.csv:3 [file]: found the placeholder "000_TODO.txt", expected the real value');
    expect(errors).toContain('data/sources.csv:3 [date]: found the placeholder "TODO", expected the real value');
  });
});
