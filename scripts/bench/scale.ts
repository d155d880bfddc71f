// Build synthetic corpora of growing size (both languages, shaped like the real data) and print, per size:
// build time, time per page, peak memory of the whole build's process tree, the search index's size, the
// first query's transfer, the largest page of each type (HTML + scripts + styles + fetched data, gzip), the time
// each kind of file took to render (from Astro's page log), and a warm rebuild after one case changed (caches
// kept). Beside it, a bare Astro build of the same MDX files (same Astro and MDX, a minimal layout, no data
// pages) is the floor: our time and memory as ratios to it.
// BENCH_SIZES=500,5000,20000 (default) chooses the sizes; BENCH_WARM_MAX=n measures the warm rebuild only up to n
// cases (it is a second full build); BENCH_REPEAT=k (default 3) builds each size of at most BENCH_REPEAT_MAX cases
// (default 2,000) k times, ours and the bare one, from empty caches, and reports the run of median time (a build of
// 500 cases takes about half a minute, and one run's time per page varies by a tenth from run to run); such a size,
// when a larger one follows, is built k times more after the largest, and the run of median time among all its runs
// is the one reported (its time, memory and render times), so that a machine whose speed drifts over the hour a
// large build takes weighs on both ends of the growth;
// BENCH_LOG=file also appends every line to a file; BENCH_KEEP=1 keeps the corpora and builds. Builds run one at a
// time: two Astro builds of one checkout share its .astro/ folder.
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from './_corpus.ts';
import { dirBytes, htmlCount } from './_fs.ts';
import { listFiles } from '../../src/lib/paths.ts';
import { writeBareProject } from './_bare.ts';
import { astroBuildArgs } from '../../src/site/node-flags.ts';
import { type CpuShares, isPagefind, type KindTime, largestPages, medianRun, renderTimes, repeated, type RunResult, runMeasured, setAside, wholeNumberFromEnv } from './_measure.ts';
import searchBench from './search.ts';

const kb = (n: number) => `${(n / 1024).toFixed(1)}`;
const mb = (n: number) => (n / 2 ** 20).toFixed(0);
/** Where the build's preview images were drawn, from the line scripts/draw-cards.ts prints when it is done. */
const cardLine = (stdout: string) => {
  const m = /preview images: [\d,]+ — (.*)$/m.exec(stdout);
  return m ? `: ${m[1]}` : '';
};
/** The index step's stages, as scripts/index-search.ts prints them (`ℹ search index stages: …`), or ''. */
const indexStages = (stdout: string) => /^ℹ search index stages: (.*)$/m.exec(stdout)?.[1] ?? '';
type Kinds = Map<string, KindTime>;
/** Seconds of each step of a build of ours, from the `✓ <step> (<seconds> s)` lines scripts/build.ts prints as each ends. */
const stepSecondsOf = (stdout: string) => new Map([...stdout.matchAll(/✓ (validate data and render pages|index search|preview images, after the search index) \(([\d.]+) s\)/g)].map((m) => [m[1]!, m[2]!]));
/** What the table reports of a build of ours besides its time: its memory and where its rendering went. */
const runFacts = (r: RunResult) => ({
  peak: r.peakBytes,
  stepPeaks: r.stepPeaks.map((p) => p.peakBytes),
  pagefindPeak: Math.max(0, ...[...r.programPeaks].filter(([name]) => isPagefind(name)).map(([, bytes]) => bytes)),
  kinds: renderTimes(r.stdout),
});
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

/** What the notes below read of a run: its time and how the machine's CPU time went meanwhile. */
type Timed = Pick<RunResult, 'seconds' | 'cpu'>;
/** A run's seconds, with the share of the machine's CPU time the host took meanwhile when there was any: "30.2 s (steal 4 %)". */
const runTime = (r: Timed) => `${r.seconds.toFixed(1)} s${r.cpu && r.cpu.steal >= 0.005 ? ` (steal ${(r.cpu.steal * 100).toFixed(0)} %)` : ''}`;
/** "3 runs from empty caches: 30.2, 31.0 (steal 4 %), 29.5 s; the median one is reported. " when there was more than one run. */
const runsNote = (runs: Timed[]) => (runs.length > 1 ? `${runs.length} runs from empty caches: ${runs.map(runTime).join(', ')}; the median one is reported. ` : '');
/** How the machine's CPU time went during a run: "machine's CPU time meanwhile: 71 % programs, 15 % kernel, 10 % idle, 4 % taken by the host". */
const cpuNote = (cpu: CpuShares | undefined) => (cpu ? `machine's CPU time meanwhile: ${[[cpu.user, 'programs'], [cpu.system, 'kernel'], [cpu.idle, 'idle'], [cpu.steal, 'taken by the host']].map(([x, what]) => `${((x as number) * 100).toFixed(0)} % ${what}`).join(', ')}` : '');

export default async function ({ root, dist }: { root: string; dist: string }) {
  const sizes = (process.env.BENCH_SIZES ?? '500,5000,20000').split(',').map(Number).filter((n) => n > 0);
  const repeats = wholeNumberFromEnv('BENCH_REPEAT', 3);
  const repeatMax = wholeNumberFromEnv('BENCH_REPEAT_MAX', 2000);
  console.log(`machine: ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
  const summary: { n: number; pages: number; barePages: number; seconds: number; bareSeconds: number; peak: number; barePeak: number; stepPeaks: number[]; pagefindPeak: number; warm: string; kinds: Kinds; bareKinds: Kinds }[] = [];
  /** Sizes built again after the larger ones (see the top of this file), and their folder to set aside after. */
  const again: { n: number; times: number; dir: string; ours: () => Promise<RunResult[] | undefined>; bare: () => Promise<RunResult[] | undefined>; first: RunResult[]; firstBare: RunResult[] }[] = [];
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
    await measureAgain();
    // the table before the trash is deleted: at 20,000 cases that takes minutes
    report();
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
        const buildOurs = () => runMeasured(process.execPath, [join(root, 'scripts', 'build.ts')], { cwd: root, env });
        const bare = join(dir, 'bare');
        const buildBare = () => runMeasured(process.execPath, astroBuildArgs(root), { cwd: bare, env: { ...process.env, BARE_OUT: join(bare, 'dist') } });
        const times = n <= repeatMax ? repeats : 1;
        // built again after the largest size (see the top of this file): its folder is kept till then
        const later = times > 1 && sizes.some((m) => m > n);
        say(`\n### ${n} cases — building${times > 1 ? ` ${times} times` : ''} …`);
        const colds = await repeated(
          times,
          () => setAside([out, env.ATLAS_CACHE_DIR, ogCache], trash),
          buildOurs,
        );
        const cold = colds.run;
        if (cold.status !== 0) {
          say(`${n} cases: build failed\n${cold.stderr.slice(-3000)}`);
          continue;
        }
        const pages = htmlCount(out);
        // seconds of each step, from the `✓ <step> (<seconds> s)` line scripts/build.ts prints as it ends
        const stepSeconds = stepSecondsOf(cold.stdout);
        const steps = [...stepSeconds].map(([step, sec]) => `${step} ${sec} s`).join(', ');
        say(`${runsNote(colds.runs)}build: ${cold.seconds.toFixed(1)} s for ${pages} pages (${((cold.seconds * 1000) / pages).toFixed(2)} ms/page), peak RSS of the process tree ${mb(cold.peakBytes)} MB (${steps}; ${listFiles(ogCache).length} preview images rendered${cardLine(cold.stdout)})`);
        if (indexStages(cold.stdout)) say(`index step: ${indexStages(cold.stdout)}`);
        if (cold.cpu) say(cpuNote(cold.cpu));
        say(`peak RSS by step: ${cold.stepPeaks.map((p) => `${p.step} ${mb(p.peakBytes)} MB`).join(', ')}`);
        // Astro writes one file at a time and logs each with its time: where rendering went, by kind of file
        const { kinds } = runFacts(cold);
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
          const text = readFileSync(one, 'utf8');
          appendFileSync(one, '\nOne more sentence, added to measure a rebuild after an edit.\n');
          const warm = await buildOurs();
          // the corpus as it was, for the runs after the larger sizes
          writeFileSync(one, text);
          warmText = warm.status === 0 ? warm.seconds.toFixed(1) : 'failed';
          const redone = [...renderTimes(warm.stdout).values()].reduce((a, k) => ({ files: a.files + k.files, restored: a.restored + k.restored }), { files: 0, restored: 0 });
          say(`warm rebuild after changing one case: ${warm.status === 0 ? `${warm.seconds.toFixed(1)} s, peak ${mb(warm.peakBytes)} MB (${redone.files} files rendered, ${redone.restored} restored${cardLine(warm.stdout).replace(':', '; preview images:')})` : 'failed'}`);
        } else say(`warm rebuild: not run (BENCH_WARM_MAX=${warmMax})`);

        // the floor: bare Astro + MDX over the same case files
        writeBareProject(root, bare, c.content);
        const floors = await repeated(
          times,
          () => setAside(['dist', '.astro-cache'].map((d) => join(bare, d)), trash),
          buildBare,
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
        say(`${runsNote(floors.runs)}bare Astro + MDX: ${floor.seconds.toFixed(1)} s for ${barePages} pages (${bareMs.toFixed(2)} ms/page), peak ${mb(floor.peakBytes)} MB → ours ×${(perPageMs / bareMs).toFixed(2)} per page, ×${(cold.peakBytes / floor.peakBytes).toFixed(2)} memory`);
        say(`bare Astro's render time (its page log): ${describeKinds(bareKinds, floor.seconds)}`);
        summary.push({ n, pages, barePages, seconds: cold.seconds, bareSeconds: floor.seconds, barePeak: floor.peakBytes, ...runFacts(cold), warm: warmText, bareKinds });
        if (later) {
          const reset = () => setAside([out, env.ATLAS_CACHE_DIR, ogCache, ...['dist', '.astro-cache'].map((d) => join(bare, d))], trash);
          const series = async (f: () => Promise<RunResult>) => {
            reset();
            const r = await repeated(times, reset, f);
            if (r.run.status === 0) return r.runs;
            say(`${n} cases, built again: failed\n${r.run.stderr.slice(-3000)}`);
            return undefined;
          };
          again.push({
            n,
            times,
            dir,
            first: colds.runs,
            firstBare: floors.runs,
            ours: () => series(buildOurs),
            bare: () => series(buildBare),
          });
        }
      } finally {
        if (again.at(-1)?.dir !== dir) putAway(dir);
      }
    }
  }

  function putAway(dir: string) {
    if (!process.env.BENCH_KEEP) setAside([dir], trash);
    else say(`kept ${dir}`);
  }

  // the smaller sizes built again once the larger ones are measured: their time is the median of all their runs
  async function measureAgain() {
    for (const a of again) {
      try {
        say(`\n### ${a.n} cases again, after the larger sizes — building ${a.times} times …`);
        const ours = await a.ours();
        const bare = ours && (await a.bare());
        if (!ours || !bare) continue;
        const s = summary.find((x) => x.n === a.n)!;
        const all = [...a.first, ...ours];
        const allBare = [...a.firstBare, ...bare];
        // of each kind of build, ours and the bare one, the run of median time over both series: the table reports
        // its time and, with it, its memory and render times, so that each size's row describes one build
        const run = medianRun(all);
        const bareRun = medianRun(allBare);
        Object.assign(s, { seconds: run.seconds, bareSeconds: bareRun.seconds, barePeak: bareRun.peakBytes, bareKinds: renderTimes(bareRun.stdout, () => 'case'), ...runFacts(run) });
        say(`ours: ${ours.map(runTime).join(', ')}; bare Astro: ${bare.map(runTime).join(', ')}`);
        say(`median of all ${all.length} runs (${all.map((r) => r.seconds.toFixed(1)).join(', ')} s): ${s.seconds.toFixed(1)} s, ${((s.seconds * 1000) / s.pages).toFixed(2)} ms/page; bare Astro's (${allBare.map((r) => r.seconds.toFixed(1)).join(', ')} s): ${s.bareSeconds.toFixed(1)} s, ${((s.bareSeconds * 1000) / s.barePages).toFixed(2)} ms/page — what the table below reports for ${a.n} cases, with that run's memory and render times:`);
        const stepSeconds = stepSecondsOf(run.stdout);
        say(`  ${[...stepSeconds].map(([step, sec]) => `${step} ${sec} s`).join(', ')}; peak RSS of the process tree ${mb(run.peakBytes)} MB`);
        if (indexStages(run.stdout)) say(`  index step: ${indexStages(run.stdout)}`);
        say(`  render time by kind of file: ${describeKinds(s.kinds, Number(stepSeconds.get('validate data and render pages') ?? NaN))}`);
      } finally {
        putAway(a.dir);
      }
    }
  }
  /** The table of every size, the growth from the smallest to the largest, and each kind of file's time at each size. */
  function report() {
    say('\n  cases   pages   build s  ms/page  bare ms/p  ratio  ms/case  peak MB  render / index  pagefind MB  bare MB  warm s');
    for (const x of summary) {
      const perPageMs = (x.seconds * 1000) / x.pages;
      const bareMs = (x.bareSeconds * 1000) / x.barePages;
      say(
        `${String(x.n).padStart(6)}  ${String(x.pages).padStart(6)}  ${x.seconds.toFixed(1).padStart(8)}  ${perPageMs.toFixed(2).padStart(7)}  ${bareMs.toFixed(2).padStart(8)}  ${(perPageMs / bareMs).toFixed(2).padStart(6)}  ${((x.seconds * 1000) / x.n).toFixed(1).padStart(7)}  ${mb(x.peak).padStart(7)}  ${x.stepPeaks.map(mb).join(' / ').padStart(13)}  ${mb(x.pagefindPeak).padStart(11)}  ${mb(x.barePeak).padStart(7)}  ${x.warm.padStart(7)}`,
      );
    }
    if (summary.length >= 2) {
      const a = summary[0]!;
      const b = summary[summary.length - 1]!;
      const perPage = (x: (typeof summary)[number]) => x.seconds / x.pages;
      const barePerPage = (x: (typeof summary)[number]) => x.bareSeconds / x.barePages;
      say(`per-page cost growth from ${a.n} to ${b.n} cases: ours ×${(perPage(b) / perPage(a)).toFixed(2)}, bare Astro ×${(barePerPage(b) / barePerPage(a)).toFixed(2)} (1.00 = linear total time)`);
      say(`per-case cost growth from ${a.n} to ${b.n} cases: ours ×${((b.seconds / b.n) / (a.seconds / a.n)).toFixed(2)}, bare Astro ×${((b.bareSeconds / b.n) / (a.bareSeconds / a.n)).toFixed(2)} (pages a case: ${(a.pages / a.n).toFixed(2)} → ${(b.pages / b.n).toFixed(2)})`);
      // the same kind of file at each size: whether a page costs more as the corpus grows, apart from the mix of
      // pages; only the kinds with many files (the indexes and home pages are a few files each, too noisy to compare)
      const kindNames = [...b.kinds].filter(([, k]) => k.files >= 100).sort((x, y) => y[1].ms - x[1].ms).map(([kind]) => kind);
      const cell = (k: KindTime | undefined) => (k && k.files ? (k.ms / k.files).toFixed(2) : '—').padStart(8);
      const grow = (x: KindTime | undefined, y: KindTime | undefined) => (x?.files && y?.files ? `×${(y.ms / y.files / (x.ms / x.files)).toFixed(2)}` : '—');
      say(`\n  ms per file, by kind (Astro's page log)${summary.map((s) => String(s.n).padStart(8)).join('')}   growth`);
      for (const kind of kindNames) say(`  ${kind.padEnd(38)}${summary.map((s) => cell(s.kinds.get(kind))).join('')}   ${grow(a.kinds.get(kind), b.kinds.get(kind))}`);
      say(`  ${'bare Astro page'.padEnd(38)}${summary.map((s) => cell(s.bareKinds.get('case'))).join('')}   ${grow(a.bareKinds.get('case'), b.bareKinds.get('case'))}`);
    }
  }
}
