// List every figure a report prints and whether the case records it.
//   npm run figures -- <report.txt> [--case <slug>] [--json]
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPage, coverage, parseNotFigures, readFinderData, type CaseCheck, type Explained } from '../src/lib/figures/index.ts';

const USAGE = 'usage: npm run figures -- <report.txt> [--case <slug>] [--json]';
const root = fileURLToPath(new URL('..', import.meta.url));

function fail(message: string): never {
  console.error(`✗ ${message}`);
  process.exit(1);
}

const args = process.argv.slice(2);
let report: string | undefined;
let caseSlug: string | undefined;
let json = false;
for (let k = 0; k < args.length; k++) {
  const a = args[k]!;
  if (a === '--json') json = true;
  else if (a === '--case') {
    caseSlug = args[++k];
    if (!caseSlug) fail(`--case needs a case slug\n${USAGE}`);
  } else if (a === '--help' || a === '-h') {
    console.log(USAGE);
    process.exit(0);
  } else if (a.startsWith('-')) fail(`unknown option ${a}\n${USAGE}`);
  else if (report) fail(`found a second report ${a}, expected one\n${USAGE}`);
  else report = a;
}
if (!report) fail(`no report given\n${USAGE}`);
if (!existsSync(report)) fail(`${report}: no such file`);

const read = (name: string) => {
  const path = join(root, 'data', name);
  if (!existsSync(path)) fail(`data/${name}: no such file`);
  return readFileSync(path, 'utf8');
};
let checks: CaseCheck[];
const file = basename(report);
let notRows;
try {
  const data = readFinderData({ sources: read('sources.csv'), units: read('units.csv'), observations: read('observations.csv') });
  const nfPath = join(root, 'data', 'not-figures.csv');
  const nf = existsSync(nfPath) ? parseNotFigures(readFileSync(nfPath, 'utf8')) : { rows: [], problems: [] };
  for (const p of nf.problems) console.error(`data/not-figures.csv:${p.line}${p.field ? ` [${p.field}]` : ''}: ${p.message}`);
  notRows = nf.rows;
  checks = checkPage(readFileSync(report, 'utf8'), file, data, notRows, caseSlug);
} catch (e) {
  fail((e as Error).message);
}

function status(f: Explained, inCase: boolean): string {
  if (f.recorded.length) return `recorded: ${f.recorded.join(', ')}${f.qualifierDiffers ? ` (qualifier as printed: ${f.qualifierWord ? f.qualifierZh : 'none'}; recorded otherwise)` : ''}`;
  if (f.explained) return `not a row: ${f.explained.reason}${f.explained.note ? ` — ${f.explained.note}` : ''}`;
  if (!inCase) return '';
  const hint = f.sameValue ? ` (same value, other unit: ${f.sameValue.join(', ')})` : '';
  return f.kind === 'quantity' ? `NOT RECORDED${hint}` : hint.trim();
}

if (json) {
  const out = checks.map((c) => ({
    case: c.case || null,
    source: c.passage?.source ?? null,
    passage: c.passage ? { start: c.passage.start, end: c.passage.end, lines: [lineOf(c.passage.start), lineOf(c.passage.end - 1)] } : null,
    figures: c.figures.map((f) => ({ ...f, status: f.recorded.length ? 'recorded' : f.explained ? 'explained' : c.case && f.kind === 'quantity' ? 'not_recorded' : null })),
    ...(c.case ? { unexplained: coverage(c.figures, notRows, file, c.case).unexplained.length } : {}),
  }));
  console.log(JSON.stringify({ file, cases: out }, null, 2));
  process.exit(0);
}

/** Display width: CJK and full-width characters take two columns. */
const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6“”‘’—…]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));
const fmt = (n: number | null) => (n === null ? '' : Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(6))));

for (const c of checks) {
  const head = c.case ? `${c.case} — ${c.passage!.source} (${file}, lines ${lineOf(c.passage!.start)}–${lineOf(c.passage!.end - 1)})` : `${file}: outside every case's passage`;
  console.log(`\n${head}`);
  const rows = c.figures.map((f) => [String(f.line), f.kind, f.printed, f.value === null ? '' : fmt(f.value) + (f.valueHigh !== undefined ? `–${fmt(f.valueHigh)}` : ''), f.unit, f.qualifier === 'exact' ? '' : f.qualifier + (f.qualifierNote ? '*' : ''), status(f, !!c.case), f.clause]);
  const header = ['line', 'kind', 'printed', 'base value', 'unit', 'qualifier', 'status', 'clause'];
  const widths = header.map((h, k) => Math.min(k === 6 ? 48 : 40, Math.max(width(h), ...rows.map((r) => width(r[k]!)))));
  console.log(header.map((h, k) => pad(h, widths[k]!)).join('  '));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(r.map((cell, k) => (k === r.length - 1 ? cell : pad(cell, widths[k]!))).join('  '));
  if (c.case) {
    const q = c.figures.filter((f) => f.kind === 'quantity');
    const missing = q.filter((f) => !f.recorded.length && !f.explained).length;
    console.log(`${q.length} quantities: ${q.filter((f) => f.recorded.length).length} recorded, ${q.filter((f) => f.explained).length} explained in data/not-figures.csv, ${missing} not recorded`);
  }
  if (c.case) for (const st of coverage(c.figures, notRows, file, c.case).stale) console.log(`! data/not-figures.csv:${st.row.line}: ${st.why}`);
  const notes = [...new Set(c.figures.map((f) => f.qualifierNote).filter(Boolean))];
  for (const n of notes) console.log(`* ${n}`);
}

function lineOf(offset: number): number {
  const page = readFileSync(report!, 'utf8');
  return page.slice(0, offset).split('\n').length;
}
