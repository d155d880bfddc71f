// Every quantity a case's report prints is either an observation of that case or listed, with a
// reason, in data/not-figures.csv. Runs over the real pages in ../shared/sources (or
// $ATLAS_SOURCES_DIR); skipped, with a message, where they are absent.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkPage, coverage, parseNotFigures, readFinderData } from '../../src/lib/figures/index.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (name: string) => readFileSync(join(root, 'data', name), 'utf8');
const data = readFinderData({ sources: read('sources.csv'), units: read('units.csv'), observations: read('observations.csv') });
const notFigures = parseNotFigures(read('not-figures.csv'));
const pagesDir = process.env.ATLAS_SOURCES_DIR ?? join(root, '..', 'shared', 'sources');
const files = [...new Set(data.sources.map((s) => s.file))].sort();
const present = existsSync(pagesDir);
if (!present) console.log(`figure coverage: skipped — found no source pages in ${pagesDir} (set ATLAS_SOURCES_DIR to the folder of the *.txt pages)`);

describe('data/not-figures.csv', () => {
  it('parses without problems', () => expect(notFigures.problems).toEqual([]));
  it('names only known source files and cases', () => {
    const cases = new Set(data.observations.map((o) => o.case));
    const bad = notFigures.rows.filter((r) => !files.includes(r.file) || !cases.has(r.case)).map((r) => `data/not-figures.csv:${r.line}: found ${r.file} / ${r.case}, expected a file of sources.csv and a case of observations.csv`);
    expect(bad).toEqual([]);
  });
});

describe.skipIf(!present)('figure coverage over the source pages', () => {
  it.each(files)('%s: every quantity in every case passage is recorded or explained', (file) => {
    const page = readFileSync(join(pagesDir, file), 'utf8');
    const problems: string[] = [];
    for (const check of checkPage(page, file, data, notFigures.rows)) {
      if (!check.case) continue;
      const report = coverage(check.figures, notFigures.rows, file, check.case);
      for (const f of report.unexplained)
        problems.push(`${file}:${f.line}: case ${check.case}: “${f.printed}” (${f.value} ${f.unit}) in “${f.clause}” is not recorded; expected an observation of ${check.case} with value ${f.value}, or a row in data/not-figures.csv with file, case, printed and clause and a reason`);
      for (const s of report.stale) problems.push(`data/not-figures.csv:${s.row.line}: ${s.why}`);
    }
    expect(problems).toEqual([]);
  });

  it('every case with a source on these pages has a passage with its figures', () => {
    const cases = new Set<string>();
    for (const file of files) for (const c of checkPage(readFileSync(join(pagesDir, file), 'utf8'), file, data, notFigures.rows)) if (c.case && c.figures.length) cases.add(c.case);
    expect([...cases].sort()).toEqual([...new Set(data.observations.map((o) => o.case))].sort());
  });
});
