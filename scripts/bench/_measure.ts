// Measuring helpers for the scale benchmark: a child process's wall time and the peak memory of its whole
// process tree, and what a page costs a reader (its HTML, scripts and fetched data, over gzip).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { listFiles } from '../../src/lib/paths.ts';

const PAGE = 4096;

/** Every process's parent, program name and resident memory (bytes), read from /proc. */
function processTable(): Map<number, { ppid: number; name: string; rss: number }> {
  const out = new Map<number, { ppid: number; name: string; rss: number }>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      // the command name (field 2) may hold spaces and parentheses: fields after its closing parenthesis
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(d), { ppid: Number(rest[1]), name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), rss: Number(rest[21]) * PAGE });
    } catch {
      // the process ended while we read
    }
  }
  return out;
}

/** Whether a program name the kernel gives (at most 15 characters: `pagefind_extend`) is Pagefind's binary. */
export const isPagefind = (name: string) => name.startsWith('pagefind');

/** Resident memory of a process and all its descendants, summed, and each of those processes by program name. */
export function treeRss(root: number): { total: number; processes: { name: string; rss: number }[] } {
  const table = processTable();
  const children = new Map<number, number[]>();
  for (const [pid, p] of table) children.set(p.ppid, [...(children.get(p.ppid) ?? []), pid]);
  let total = 0;
  const processes: { name: string; rss: number }[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    const p = table.get(pid);
    if (p) {
      total += p.rss;
      processes.push({ name: p.name, rss: p.rss });
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return { total, processes };
}

export interface RunResult {
  status: number | null;
  seconds: number;
  /** Peak of the summed resident memory of the process tree, sampled every 200 ms. */
  peakBytes: number;
  /** The peak while each step ran, for commands that print `✓ <step> (<seconds> s)` as each step ends (scripts/build.ts). */
  stepPeaks: { step: string; peakBytes: number }[];
  /** The peak of the largest single process of each program (Node, Pagefind's binary), by the name the kernel gives it. */
  programPeaks: Map<string, number>;
  stdout: string;
  stderr: string;
  /** How the whole machine's CPU time went while the command ran (Linux's /proc/stat); undefined elsewhere. */
  cpu?: CpuShares;
}

/** Shares (0–1) of the machine's CPU time: in programs, in the kernel, idle, and stolen (taken by the host of a virtual machine). */
export interface CpuShares {
  user: number;
  system: number;
  idle: number;
  steal: number;
}

/** The machine's CPU time so far, in clock ticks (the `cpu` line of /proc/stat), or undefined where there is none. */
export function cpuTicks(): number[] | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
    return line.startsWith('cpu ') ? line.trim().split(/\s+/).slice(1).map(Number) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What share of the machine's CPU time between two readings of cpuTicks went where: user (with nice), system (with
 * interrupts), idle (with waiting for the disk), steal. Guest time is part of user time already and is not counted again.
 */
export function cpuShares(before: number[] | undefined, after: number[] | undefined): CpuShares | undefined {
  if (!before || !after) return undefined;
  const d = (i: number) => (after[i] ?? 0) - (before[i] ?? 0);
  const user = d(0) + d(1);
  const system = d(2) + d(5) + d(6);
  const idle = d(3) + d(4);
  const steal = d(7);
  const total = user + system + idle + steal;
  return total > 0 ? { user: user / total, system: system / total, idle: idle / total, steal: steal / total } : undefined;
}

/** A whole number ≥ 1 from the environment, or the default; `of` names what it counts in the error. */
export function wholeNumberFromEnv(name: string, fallback: number, of = ''): number {
  const set = process.env[name];
  if (set === undefined || set.trim() === '') return fallback;
  const n = Number(set);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}=${set}: expected a whole number${of ? ` of ${of}` : ''}, 1 or more`);
  return n;
}

/** Folders setAside has moved in this process: each one's name in the trash is its own. */
let setAsideCount = 0;

/**
 * Move folders into `trash` (a folder on the same file system, deleted once the benchmark ends) instead of deleting
 * them. A file system mounted with `discard` (this machine's is) tells the disk of every block a deletion frees as
 * it goes, and deleting one build's output slowed the build that followed: `node scripts/build.ts` over one 500-case
 * corpus, three times in a row, took 41.1, 49.6 and 58.7 s with each one's output deleted before the next, 39.7, 37.9
 * and 36.1 s with it kept, and 47.3 s right after the three kept outputs were deleted. (Not the machine's only
 * unevenness: the benchmark's next three such builds, outputs set aside, took 34.8, 57.3 and 49.7 s.) A folder that
 * does not exist is skipped; one on another file system is deleted.
 */
export function setAside(paths: string[], trash: string): void {
  mkdirSync(trash, { recursive: true });
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const to = join(trash, `${++setAsideCount}-${basename(path)}`);
    try {
      renameSync(path, to);
    } catch {
      rmSync(path, { recursive: true, force: true });
    }
  }
}

/**
 * Run a build `times` times, each from what `reset` leaves (empty output and caches), and return the run of median
 * time (of an even number, the faster of the two middle ones) with every run's seconds; a failed run ends the
 * series and is returned.
 */
export async function repeated<R extends { status: number | null; seconds: number }>(times: number, reset: () => void, run: () => Promise<R>): Promise<{ run: R; seconds: number[]; runs: R[] }> {
  const runs: R[] = [];
  for (let i = 0; i < times; i++) {
    if (i > 0) reset();
    const r = await run();
    if (r.status !== 0) return { run: r, seconds: runs.map((x) => x.seconds), runs };
    runs.push(r);
  }
  return { run: medianRun(runs), seconds: runs.map((x) => x.seconds), runs };
}

/** The run of median time (of an even number, the faster of the two middle ones): the one a series reports. */
export const medianRun = <R extends { seconds: number }>(runs: R[]): R => medianBy(runs, (x) => x.seconds);

/** The item of median key; of an even number, the one with the smaller of the two middle keys. */
function medianBy<T>(xs: T[], key: (x: T) => number): T {
  if (!xs.length) throw new Error('median of no numbers');
  return [...xs].sort((a, b) => key(a) - key(b))[(xs.length - 1) >> 1]!;
}

/** The median of some numbers; of an even number, the smaller of the two middle ones (as repeated chooses its run). */
export const median = (xs: number[]): number => medianBy(xs, (x) => x);

/** Run a command, sampling the memory of its whole process tree (Astro's workers, Pagefind's binary). */
export function runMeasured(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv }): Promise<RunResult> {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const ticks = cpuTicks();
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
    // decoded as a stream: a character split between two chunks arrives whole
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    // The output as it came, joined once at the end, and the line begun in the last chunk. A build with Astro's page
    // log prints a line a file, 200,000 and more at 20,000 cases, most in chunks of a line or two: appending each to
    // one string and looking for its last line break made V8 copy the whole output again each time (40,000 lines
    // of 55 bytes: 72.5 s), and the benchmark took a quarter of a core from the build it measured.
    const chunks: string[] = [];
    let partial = '';
    let stderr = '';
    let peak = 0;
    let stepPeak = 0;
    const stepPeaks: RunResult['stepPeaks'] = [];
    const programPeaks = new Map<string, number>();
    child.stdout.on('data', (text: string) => {
      chunks.push(text);
      const lines = (partial + text).split('\n');
      partial = lines.pop()!;
      for (const line of lines) {
        const m = /^✓ (.+) \([\d.]+ s\)$/.exec(line);
        if (!m) continue;
        stepPeaks.push({ step: m[1]!, peakBytes: stepPeak });
        stepPeak = 0;
      }
    });
    child.stderr.on('data', (text: string) => (stderr = (stderr + text).slice(-20000)));
    const sample = () => {
      if (!child.pid) return;
      const { total, processes } = treeRss(child.pid);
      peak = Math.max(peak, total);
      stepPeak = Math.max(stepPeak, total);
      for (const p of processes) programPeaks.set(p.name, Math.max(programPeaks.get(p.name) ?? 0, p.rss));
    };
    const timer = setInterval(sample, 200);
    child.on('close', (status) => {
      clearInterval(timer);
      resolve({ status, seconds: Number(process.hrtime.bigint() - started) / 1e9, peakBytes: peak, stepPeaks, programPeaks, stdout: chunks.join(''), stderr, cpu: cpuShares(ticks, cpuTicks()) });
    });
  });
}

/** The kind of a built page, from its path (relative to the site root, ending in index.html). */
export function pageType(rel: string): string {
  const p = rel.replace(/index\.html$/, '');
  const rules: [RegExp, string][] = [
    [/^(en|zh)\/$/, 'home'],
    [/^(en|zh)\/cases\/(page\/\d+\/|(theme|province|year|level)\/|by-[a-z]+\/)/, 'case index'],
    [/^(en|zh)\/cases\/$/, 'case index'],
    [/^(en|zh)\/cases\/[^/]+\/$/, 'case'],
    [/^(en|zh)\/themes\/$/, 'themes index'],
    [/^(en|zh)\/themes\/[^/]+\//, 'theme'],
    [/^(en|zh)\/regions\/$/, 'regions index'],
    [/^(en|zh)\/regions\/[^/]+\//, 'region'],
    [/^(en|zh)\/compare\//, 'compare'],
    [/^(en|zh)\/data\//, 'data'],
    [/^(en|zh)\/search\//, 'search'],
    [/^(en|zh)\/methodology\//, 'methodology'],
    [/^(en|zh)\/embed\//, 'embed'],
  ];
  return rules.find(([re]) => re.test(p))?.[1] ?? 'other';
}

/**
 * What a page costs a reader over gzip: the HTML, every module script it loads (following static imports),
 * its stylesheets, and every JSON file it names in a data-json attribute (what its script fetches first).
 */
export function pageCost(dist: string, rel: string, gz: (abs: string) => number): { total: number; parts: Record<string, number> } {
  const abs = join(dist, rel);
  const html = readFileSync(abs, 'utf8');
  const here = '/' + posix.dirname(rel.split('\\').join('/')) + '/';
  const resolveUrl = (u: string, from: string) => {
    const path = new URL(u, `http://x${from}`).pathname;
    return join(dist, decodeURIComponent(path));
  };
  const scripts = new Set<string>();
  const queue = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => resolveUrl(m[1]!, here));
  while (queue.length) {
    const f = queue.pop()!;
    if (scripts.has(f) || !existsSync(f)) continue;
    scripts.add(f);
    const js = readFileSync(f, 'utf8');
    const from = '/' + posix.relative(dist.split('\\').join('/'), dirname(f).split('\\').join('/')) + '/';
    for (const m of js.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) queue.push(resolveUrl(m[1]!, from));
  }
  const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => resolveUrl(m[1]!, here)).filter(existsSync);
  const data = [...html.matchAll(/\sdata-json(?:-index)?="([^"]+)"/g)].map((m) => resolveUrl(m[1]!.replace(/&amp;/g, '&'), here)).filter(existsSync);
  const parts = {
    html: gz(abs),
    scripts: [...scripts].reduce((a, f) => a + gz(f), 0),
    styles: styles.reduce((a, f) => a + gz(f), 0),
    data: data.reduce((a, f) => a + gz(f), 0),
  };
  return { total: parts.html + parts.scripts + parts.styles + parts.data, parts };
}

/** The largest page of each type in a built site, by what it costs a reader over gzip. */
export function largestPages(dist: string): Map<string, { page: string; total: number; parts: Record<string, number> }> {
  const cache = new Map<string, number>();
  const gz = (f: string) => {
    let n = cache.get(f);
    if (n === undefined) cache.set(f, (n = gzipSync(readFileSync(f), { level: 6 }).byteLength));
    return n;
  };
  const out = new Map<string, { page: string; total: number; parts: Record<string, number> }>();
  for (const rel of listFiles(dist).filter((f) => f.endsWith('index.html'))) {
    const type = pageType(rel.split('\\').join('/'));
    if (type === 'other') continue;
    const c = pageCost(dist, rel, gz);
    const best = out.get(type);
    if (!best || c.total > best.total) out.set(type, { page: rel, ...c });
  }
  return out;
}

/**
 * The kind of a file Astro writes, from its path in Astro's page log (`/en/cases/x/index.html`, `/og/en/cases/x.png`):
 * a page's type (as pageType), an embed page, a preview image, a CSV or a JSON file.
 */
export function outputKind(path: string): string {
  if (/\.png$/.test(path)) return 'preview image';
  if (/\.csv$/.test(path)) return 'CSV';
  if (/\.json$/.test(path)) return 'JSON';
  if (/^\/(en|zh)\/embed\//.test(path)) return 'embed';
  return pageType(path.replace(/^\//, ''));
}

/** Milliseconds from Astro's time stat: `5ms`, `1.23s`, `2m 5s`. */
function statMs(stat: string): number {
  const m = /^(?:(\d+)m\s*(\d+)s|([\d.]+)(ms|s))$/.exec(stat.trim());
  if (!m) throw new Error(`Astro's page log: time "${stat}" is not like 5ms, 1.23s or 2m 5s`);
  if (m[1] !== undefined) return (Number(m[1]) * 60 + Number(m[2])) * 1000;
  return Number(m[3]) * (m[4] === 'ms' ? 1 : 1000);
}

/** One kind of file in Astro's page log: how many it wrote, their time in all, and how many it restored from its cache. */
export interface KindTime {
  files: number;
  ms: number;
  restored: number;
}

/**
 * Astro's page log (`astro build` without `--silent` prints `├─ /path (+5ms)` for every file it writes, one at a
 * time), summed by kind (outputKind, or `classify` when given): how many files and how long they took. Files
 * restored from the incremental cache (`(restored)`, `(cached)`) are counted apart, with no time.
 */
export function renderTimes(log: string, classify: (path: string) => string = outputKind): Map<string, KindTime> {
  const out = new Map<string, KindTime>();
  const plain = log.replace(/\x1b\[[0-9;]*m/g, '');
  for (const m of plain.matchAll(/├─ (\S+) \((?:\+([^)]+)|restored|cached)\)/g)) {
    const kind = classify(m[1]!);
    const k = out.get(kind) ?? { files: 0, ms: 0, restored: 0 };
    if (m[2] === undefined) k.restored++;
    else {
      k.files++;
      k.ms += statMs(m[2]);
    }
    out.set(kind, k);
  }
  return out;
}
