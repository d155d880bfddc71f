import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/lib/load.ts';
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

describe('npm run new-case', () => {
  it('scaffolds both languages and the rows a case needs; validation lists what is left to fill in', () => {
    const f = fixtureCopy();
    copies.push(f);
    const r = newCase(f.dir, 'gamma', '--place', 'alpha-beta', '--source', 's000-alpha');
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(f.dir, 'content/cases/en/gamma.mdx'))).toBe(true);
    expect(existsSync(join(f.dir, 'content/cases/zh/gamma.mdx'))).toBe(true);
    const errors = checkProject(f.dir, { sourcesDir: join(f.dir, 'sources') }).errors.map(formatError);
    expect(errors).toEqual([
      'content/cases/en/gamma.mdx:2 [title]: found the placeholder "TODO: Place, Province: what was done", expected the real title',
      'content/cases/en/gamma.mdx:3 [summary]: found the placeholder "TODO: one sentence saying what the case is.", expected the real summary',
      'content/cases/en/gamma.mdx:9 [events.note_en]: found the placeholder "TODO: when the events happened as the report prints it (basis stated), or what the date is inferred from (basis inferred)", expected the real note',
      'content/cases/en/gamma.mdx:10 [events.note_zh]: found the placeholder "TODO：事件发生的时间及依据", expected the real note',
      'content/cases/en/gamma.mdx:17 [prose]: found a TODO placeholder, expected the finished text',
      'content/cases/zh/gamma.mdx:2 [title]: found the placeholder "TODO：省份地名：做法", expected the real title',
      'content/cases/zh/gamma.mdx:3 [summary]: found the placeholder "TODO：一句话说明这个案例。", expected the real summary',
      'content/cases/zh/gamma.mdx:9 [events.note_en]: found the placeholder "TODO: when the events happened as the report prints it (basis stated), or what the date is inferred from (basis inferred)", expected the real note',
      'content/cases/zh/gamma.mdx:10 [events.note_zh]: found the placeholder "TODO：事件发生的时间及依据", expected the real note',
      'content/cases/zh/gamma.mdx:17 [prose]: found a TODO placeholder, expected the finished text',
      'data/observations.csv:4 [label_en]: found the placeholder "TODO what is counted", expected the real value',
      'data/observations.csv:4 [label_zh]: found the placeholder "TODO 统计对象", expected the real value',
    ]);
  });

  it('once the placeholders are replaced, the new case validates', () => {
    const f = fixtureCopy();
    copies.push(f);
    expect(newCase(f.dir, 'gamma', '--place', 'alpha-beta', '--source', 's000-alpha').status).toBe(0);
    for (const lang of ['en', 'zh']) {
      const p = join(f.dir, `content/cases/${lang}/gamma.mdx`);
      writeFileSync(p, readFileSync(p, 'utf8').replace(/TODO[：:]?\s*/g, ''));
    }
    const obs = join(f.dir, 'data/observations.csv');
    writeFileSync(obs, readFileSync(obs, 'utf8').replace('TODO what is counted', 'People taking part').replace('TODO 统计对象', '参加人数'));
    expect(checkProject(f.dir, { sourcesDir: join(f.dir, 'sources') }).errors.map(formatError)).toEqual([]);
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

  it('adds a source and a place row when they do not exist yet', () => {
    const f = fixtureCopy();
    copies.push(f);
    expect(newCase(f.dir, 'delta', '--page', '000').status).toBe(0);
    const errors = checkProject(f.dir, { sourcesDir: join(f.dir, 'sources') }).errors.map(formatError);
    expect(errors).toContain('data/places.csv:6 [parent]: found "TODO-parent", expected an existing place id');
    expect(errors.some((e) => e.startsWith('data/sources.csv:3 [file]: found "000_TODO.txt"'))).toBe(true);
  });
});
