// Build synthetic corpora of growing size (both languages, shaped like the real data) and print, per size:
// build time, time per page, peak memory of the whole build's process tree, the search index's size, the
// first query's transfer, the largest page of each type (HTML + scripts + styles + fetched data, gzip), the time
// each kind of file took to render (from Astro's page log), and a warm rebuild after one case changed (caches
// kept). Beside it, a bare Astro build of the same MDX files (same Astro and MDX, a minimal layout, no data
// pages) is the floor: our time and memory as ratios to it.
// BENCH_SIZES=500,5000,20000 (default) chooses the sizes; BENCH_WARM_MAX=n measures the warm rebuild only up to n
// cases (it is a second full build); BENCH_REPEAT=k (default 3) builds each size of at most BENCH_REPEAT_MAX cases
// (default 2,000) k times, ours and the bare one, from empty caches, and reports the run of median time (a build of
// 500 cases takes about half a minute, and one run's time per page varies by a tenth from run to run);
// BENCH_LOG=file also appends every line to a file; BENCH_KEEP=1 keeps the corpora and builds. Builds run one at a
// time: two Astro builds of one checkout share its .astro/ folder.
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from './_corpus.ts';
import { dirBytes, htmlCount } from './_fs.ts';
import { listFiles } from '../../src/lib/paths.ts';
import { writeBareProject } from './_bare.ts';
import { astroBuildArgs } from '../../src/site/node-flags.ts';
import { isPagefind, largestPages, renderTimes, repeated, runMeasured, setAside, wholeNumberFromEnv } from './_measure.ts';
import searchBench from './search.ts';

const kb = (n: number) => `${(n / 1024).toFixed(1)}`;
const mb = (n: number) => (n / 2 ** 20).toFixed(0);
/** Where the build's preview images were drawn, from the line scripts/draw-cards.ts prints when it is done. */
const cardLine = (stdout: string) => {
  const m = /preview images: [\d,]+ — (.*)$/m.exec(stdout);
  return m ? `: ${m[1]}` : '';
};
type Kinds = Map<string, { files: number; ms: number; restored: number }>;
/** Time per file by kind, and the rest of the step (Astro's start, the data, bundling, what follows the pages). */
function describeKinds(kinds: Kinds, stepS: number): string {
  const byTime = [...kinds].sort((a, b) => b[1].ms - a[1].ms);
  const inPages = byTime.reduce((a, [, k]) => a + k.ms, 0) / 1000;
  return `${byTime.map(([kind, k]) => `${kind} ${k.files} × ${k.files ? (k.ms / k.files).toFixed(2) : '—'} ms = ${(k.ms / 1000).toFixed(1)} s`).join('; ')}; outside the files ${(stepS - inPages).toFixed(1)} s`;
}

/** The first Chinese query's search transfer (KiB over gzip), as scripts/bench/search.ts measures and prints it. */
async function firstQuery(root: string, dist: string): Promise<string> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...a: unknown[]) => lines.push(a.join(' '));
  try {
    await searchBench({ root, dist });
  } catch (e) {
    lines.push(`failed: ${(e as Error).message.split('\n')[0]}`);
  } finally {
    console.log = log;
  }
  const zh = lines.find((l) => l.includes('/zh/search/?q=三无小区'));
  const en = lines.find((l) => l.startsWith('first query /en/'));
  const pick = (l: string | undefined) => /search ([\d.]+) KiB/.exec(l ?? '')?.[1] ?? '?';
  // where the Chinese query's bytes go: runtime, WebAssembly, index lists, chunks, fragments, scripts
  const parts = /over gzip in \d+ requests \((.*?)\); whole page/.exec(zh ?? '')?.[1];
  return `en ${pick(en)} / zh ${pick(zh)}${parts ? `; zh: ${parts}` : ''}`;
}

/** "3 runs from empty caches: 30.2, 31.0, 29.5 s; the median one is reported. " when there was more than one run. */
const runsNote = (seconds: number[]) => (seconds.length > 1 ? `${seconds.length} runs from empty caches: ${seconds.map((x) => x.toFixed(1)).join(', ')} s; the median one is reported. ` : '');

export default async function ({ root, dist }: { root: string; dist: string }) {
  const sizes = (process.env.BENCH_SIZES ?? '500,5000,20000').split(',').map(Number).filter((n) => n > 0);
  const repeats = wholeNumberFromEnv('BENCH_REPEAT', 3);
  const repeatMax = wholeNumberFromEnv('BENCH_REPEAT_MAX', 2000);
  console.log(`machine: ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
  const rows: string[] = [];
  const summary: { n: number; pages: number; seconds: number; bareSeconds: number; perPageMs: number; bareMs: number; peak: number; barePeak: number; kinds: Kinds; bareKinds: Kinds }[] = [];
  const say = (s: string) => {
    console.log(s);
    if (process.env.BENCH_LOG) appendFileSync(process.env.BENCH_LOG, `${s}\n`);
  };
  // the real site (its 18 cases), built by scripts/bench.ts: the reference for page sizes
  const ref = largestPages(dist);
  say('the real site — largest page per type (KiB over gzip: total = html + scripts + styles + fetched data):');
  for (const [type, p] of [...ref].sort((a, b) => a[0].localeCompare(b[0])))
    say(`  ${type.padEnd(14)} ${kb(p.total).padStart(8)}  = ${kb(p.parts.html!)} + ${kb(p.parts.scripts!)} + ${kb(p.parts.styles!)} + ${kb(p.parts.data!)}   ${p.page}`);
  // what a run leaves is set aside here and deleted once every size is measured (see setAside)
  const trash = mkdtempSync(join(tmpdir(), 'atlas-bench-trash-'));
  try {
    await measureSizes();
  } finally {
    rmSync(trash, { recursive: true, force: true });
  }

  async function measureSizes() {
    for (const n of sizes) {
      const dir = mkdtempSync(join(tmpdir(), `atlas-bench-${n}-`));
      try {
        const c = generateCorpus(root, dir, n);
        const out = join(dir, 'dist');
        // a cold build: its own empty caches (content store and incremental pages under the corpus's own
        // .tmp/astro-cache/ entry, preview images here), kept for the warm rebuild
        const ogCache = join(dir, 'og-cache');
        const env = { ...process.env, ATLAS_PAGE_LOG: '1', ATLAS_OUT_DIR: out, ATLAS_DATA_DIR: c.data, ATLAS_CONTENT_DIR: c.content, ATLAS_SOURCES_DIR: c.sources, ATLAS_CACHE_DIR: join(dir, 'astro-cache'), ATLAS_OG_CACHE_DIR: ogCache };
        const times = n <= repeatMax ? repeats : 1;
        say(`\n### ${n} cases — building${times > 1 ? ` ${times} times` : ''} …`);
        const colds = await repeated(
          times,
          () => setAside([out, env.ATLAS_CACHE_DIR, ogCache], trash),
          () => runMeasured(process.execPath, [join(root, 'scripts', 'build.ts')], { cwd: root, env }),
        );
        const cold = colds.run;
        if (cold.status !== 0) {
          say(`${n} cases: build failed\n${cold.stderr.slice(-3000)}`);
          continue;
        }
        const pages = htmlCount(out);
        // seconds of each step, from the `✓ <step> (<seconds> s)` line scripts/build.ts prints as it ends
        const stepSeconds = new Map([...cold.stdout.matchAll(/✓ (validate data and render pages|index search|preview images, after the search index) \(([\d.]+) s\)/g)].map((m) => [m[1]!, m[2]!]));
        const steps = [...stepSeconds].map(([step, sec]) => `${step} ${sec} s`).join(', ');
        say(`${runsNote(colds.seconds)}build: ${cold.seconds.toFixed(1)} s for ${pages} pages (${((cold.seconds * 1000) / pages).toFixed(2)} ms/page), peak RSS of the process tree ${mb(cold.peakBytes)} MB (${steps}; ${listFiles(ogCache).length} preview images rendered${cardLine(cold.stdout)})`);
        say(`peak RSS by step: ${cold.stepPeaks.map((p) => `${p.step} ${mb(p.peakBytes)} MB`).join(', ')}`);
        // Astro writes one file at a time and logs each with its time: where rendering went, by kind of file
        const kinds = renderTimes(cold.stdout);
        say(`render time by kind of file (Astro's page log; files × ms each): ${describeKinds(kinds, Number(stepSeconds.get('validate data and render pages') ?? NaN))}`);
        // which program holds it: Astro's Node process while rendering, Pagefind's binary while indexing
        say(`largest single process by program: ${[...cold.programPeaks].sort((a, b) => b[1] - a[1]).map(([name, bytes]) => `${name} ${mb(bytes)} MB`).join(', ')}`);
        say(`search index: ${(dirBytes(join(out, 'pagefind')) / 2 ** 20).toFixed(2)} MB on disk; first query transfer (KiB, gzip): ${await firstQuery(root, out)}`);
        say('largest page per type (KiB over gzip: total = html + scripts + styles + fetched data):');
        for (const [type, p] of [...largestPages(out)].sort((a, b) => a[0].localeCompare(b[0])))
          say(`  ${type.padEnd(14)} ${kb(p.total).padStart(8)}  ×${ref.get(type) ? (p.total / ref.get(type)!.total).toFixed(2) : '—'} of the real site  = ${kb(p.parts.html!)} + ${kb(p.parts.scripts!)} + ${kb(p.parts.styles!)} + ${kb(p.parts.data!)}   ${p.page}`);

        // warm rebuild: one case changed, caches (content store, preview images) kept
        const warmMax = Number(process.env.BENCH_WARM_MAX ?? Infinity);
        let warmText = 'not run';
        if (n <= warmMax) {
          const one = join(c.content, 'en', 'case-00000.mdx');
          appendFileSync(one, '\nOne more sentence, added to measure a rebuild after an edit.\n');
          const warm = await runMeasured(process.execPath, [join(root, 'scripts', 'build.ts')], { cwd: root, env });
          warmText = warm.status === 0 ? warm.seconds.toFixed(1) : 'failed';
          const redone = [...renderTimes(warm.stdout).values()].reduce((a, k) => ({ files: a.files + k.files, restored: a.restored + k.restored }), { files: 0, restored: 0 });
          say(`warm rebuild after changing one case: ${warm.status === 0 ? `${warm.seconds.toFixed(1)} s, peak ${mb(warm.peakBytes)} MB (${redone.files} files rendered, ${redone.restored} restored${cardLine(warm.stdout).replace(':', '; preview images:')})` : 'failed'}`);
        } else say(`warm rebuild: not run (BENCH_WARM_MAX=${warmMax})`);

        // the floor: bare Astro + MDX over the same case files
        const bare = join(dir, 'bare');
        writeBareProject(root, bare, c.content);
        const floors = await repeated(
          times,
          () => setAside(['dist', '.astro-cache'].map((d) => join(bare, d)), trash),
          () => runMeasured(process.execPath, astroBuildArgs(root), { cwd: bare, env: { ...process.env, BARE_OUT: join(bare, 'dist') } }),
        );
        const floor = floors.run;
        if (floor.status !== 0) {
          say(`bare Astro build failed\n${floor.stderr.slice(-2000)}`);
          continue;
        }
        const barePages = htmlCount(join(bare, 'dist'));
        const bareMs = (floor.seconds * 1000) / barePages;
        const perPageMs = (cold.seconds * 1000) / pages;
        const bareKinds = renderTimes(floor.stdout, () => 'case');
        say(`${runsNote(floors.seconds)}bare Astro + MDX: ${floor.seconds.toFixed(1)} s for ${barePages} pages (${bareMs.toFixed(2)} ms/page), peak ${mb(floor.peakBytes)} MB → ours ×${(perPageMs / bareMs).toFixed(2)} per page, ×${(cold.peakBytes / floor.peakBytes).toFixed(2)} memory`);
        say(`bare Astro's render time (its page log): ${describeKinds(bareKinds, floor.seconds)}`);
        summary.push({ n, pages, seconds: cold.seconds, bareSeconds: floor.seconds, perPageMs, bareMs, peak: cold.peakBytes, barePeak: floor.peakBytes, kinds, bareKinds });
        const pagefindPeak = Math.max(0, ...[...cold.programPeaks].filter(([name]) => isPagefind(name)).map(([, bytes]) => bytes));
        rows.push(
          `${String(n).padStart(6)}  ${String(pages).padStart(6)}  ${cold.seconds.toFixed(1).padStart(8)}  ${perPageMs.toFixed(2).padStart(7)}  ${bareMs.toFixed(2).padStart(8)}  ${(perPageMs / bareMs).toFixed(2).padStart(6)}  ${((cold.seconds * 1000) / n).toFixed(1).padStart(7)}  ${mb(cold.peakBytes).padStart(7)}  ${cold.stepPeaks.map((p) => mb(p.peakBytes)).join(' / ').padStart(13)}  ${mb(pagefindPeak).padStart(11)}  ${mb(floor.peakBytes).padStart(7)}  ${warmText.padStart(7)}`,
        );
      } finally {
        if (!process.env.BENCH_KEEP) setAside([dir], trash);
        else say(`kept ${dir}`);
      }
    }
  }
  say('\n  cases   pages   build s  ms/page  bare ms/p  ratio  ms/case  peak MB  render / index  pagefind MB  bare MB  warm s');
  for (const r of rows) say(r);
  if (summary.length >= 2) {
    const a = summary[0]!;
    const b = summary[summary.length - 1]!;
    say(`per-page cost growth from ${a.n} to ${b.n} cases: ours ×${(b.perPageMs / a.perPageMs).toFixed(2)}, bare Astro ×${(b.bareMs / a.bareMs).toFixed(2)} (1.00 = linear total time)`);
    say(`per-case cost growth from ${a.n} to ${b.n} cases: ours ×${((b.seconds / b.n) / (a.seconds / a.n)).toFixed(2)}, bare Astro ×${((b.bareSeconds / b.n) / (a.bareSeconds / a.n)).toFixed(2)} (pages a case: ${(a.pages / a.n).toFixed(2)} → ${(b.pages / b.n).toFixed(2)})`);
    // the same kind of file at each size: whether a page costs more as the corpus grows, apart from the mix of
    // pages; only the kinds with many files (the indexes and home pages are a few files each, too noisy to compare)
    const kindNames = [...b.kinds].filter(([, k]) => k.files >= 100).sort((x, y) => y[1].ms - x[1].ms).map(([kind]) => kind);
    const cell = (k: { files: number; ms: number } | undefined) => (k && k.files ? (k.ms / k.files).toFixed(2) : '—').padStart(8);
    const grow = (x: { files: number; ms: number } | undefined, y: { files: number; ms: number } | undefined) => (x?.files && y?.files ? `×${(y.ms / y.files / (x.ms / x.files)).toFixed(2)}` : '—');
    say(`\n  ms per file, by kind (Astro's page log)${summary.map((s) => String(s.n).padStart(8)).join('')}   growth`);
    for (const kind of kindNames) say(`  ${kind.padEnd(38)}${summary.map((s) => cell(s.kinds.get(kind))).join('')}   ${grow(a.kinds.get(kind), b.kinds.get(kind))}`);
    say(`  ${'bare Astro page'.padEnd(38)}${summary.map((s) => cell(s.bareKinds.get('case'))).join('')}   ${grow(a.bareKinds.get('case'), b.bareKinds.get('case'))}`);
  }
}
