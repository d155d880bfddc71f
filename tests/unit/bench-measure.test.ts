import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpuShares, cpuTicks, median, medianRun, outputKind, pageType, renderTimes, repeated, runMeasured, setAside, wholeNumberFromEnv } from '../../scripts/bench/_measure.ts';

describe('the scale benchmark reads Astro’s page log', () => {
  it('tells a file’s kind from its path in the log', () => {
    expect(outputKind('/en/cases/yutai/index.html')).toBe('case');
    expect(outputKind('/zh/cases/page/3/index.html')).toBe('case index');
    expect(outputKind('/zh/regions/lianjiang/index.html')).toBe('region');
    expect(outputKind('/en/embed/case-yutai-figures/index.html')).toBe('embed');
    expect(outputKind('/og/zh/cases/yutai.png')).toBe('preview image');
    expect(outputKind('/en/charts/collective_income.csv')).toBe('CSV');
    expect(outputKind('/zh/compare/data/party_members/n-c1.json')).toBe('JSON');
    expect(outputKind('/404.html')).toBe('other');
    // a page's kind is the type the page-size report gives it
    expect(outputKind('/en/themes/contests/index.html')).toBe(pageType('en/themes/contests/index.html'));
  });

  it('sums each kind’s files and times, in every form Astro prints, with colours or without', () => {
    const log = [
      '23:29:31 [content] Syncing content',
      '23:29:34   ├─ /en/cases/yutai/index.html (+5ms) ',
      '23:29:34   \x1b[34m├─\x1b[39m \x1b[2m/zh/cases/yutai/index.html\x1b[22m \x1b[2m(+7ms)\x1b[22m ',
      '23:29:35   ├─ /en/cases/xiqiao/index.html (+1.25s) ',
      '23:29:36   ├─ /og/en/cases/yutai.png (+2m 5s) ',
      '23:29:36   ├─ /en/cases/maonan/index.html (restored)',
      '23:29:36   ├─ /en/charts/collective_income.csv (cached)',
      '23:29:37 ✓ Completed in 3.02s.',
    ].join('\n');
    const kinds = renderTimes(log);
    expect(Object.fromEntries(kinds)).toEqual({
      case: { files: 3, ms: 5 + 7 + 1250, restored: 1 },
      'preview image': { files: 1, ms: 125_000, restored: 0 },
      CSV: { files: 0, ms: 0, restored: 1 },
    });
    // one kind for every file (the bare build's pages)
    expect(renderTimes(log, () => 'page').get('page')).toEqual({ files: 4, ms: 126_262, restored: 2 });
  });

  it('stops on a time it cannot read, naming it', () => {
    expect(() => renderTimes('  ├─ /en/index.html (+5 ms) ')).toThrow(/"5 ms"/);
  });
});

describe('the scale benchmark repeats a small build', () => {
  const runs = (seconds: number[], failAt = -1) => {
    const log: string[] = [];
    let i = 0;
    const run = async () => {
      log.push(`run ${i}`);
      const r = { status: i === failAt ? 1 : 0, seconds: seconds[i]!, id: i };
      i++;
      return r;
    };
    return { log, run, reset: () => log.push('reset') };
  };

  it('empties the caches before every run but the first, and reports the run of median time', async () => {
    const r = runs([31, 29, 35]);
    const got = await repeated(3, r.reset, r.run);
    expect(r.log).toEqual(['run 0', 'reset', 'run 1', 'reset', 'run 2']);
    expect(got.run.id).toBe(0);
    expect(got.seconds).toEqual([31, 29, 35]);
    expect(got.runs.map((x) => x.id)).toEqual([0, 1, 2]);
    // of an even number, the faster middle one; once, the one run
    expect((await repeated(4, () => {}, runs([40, 10, 30, 20]).run)).run.id).toBe(3);
    expect((await repeated(1, () => {}, runs([7]).run)).run.seconds).toBe(7);
  });

  it('stops at a failed run and returns it', async () => {
    const r = runs([30, 31, 32], 1);
    const got = await repeated(3, r.reset, r.run);
    expect(got.run.status).toBe(1);
    expect(got.seconds).toEqual([30]);
    expect(got.runs.map((x) => x.id)).toEqual([0]);
    expect(r.log).toEqual(['run 0', 'reset', 'run 1']);
  });

  it('reads the number of runs from the environment, refusing what is not a whole number', () => {
    const name = 'ATLAS_TEST_BENCH_REPEAT';
    try {
      delete process.env[name];
      expect(wholeNumberFromEnv(name, 3)).toBe(3);
      process.env[name] = '5';
      expect(wholeNumberFromEnv(name, 3)).toBe(5);
      for (const bad of ['0', '2.5', 'three', '-1']) {
        process.env[name] = bad;
        expect(() => wholeNumberFromEnv(name, 3)).toThrow(`${name}=${bad}: expected a whole number, 1 or more`);
      }
    } finally {
      delete process.env[name];
    }
  });
});

describe('the scale benchmark runs a build and keeps its output', () => {
  // a child printing a step line in three writes, the middle one splitting “✓” (three bytes in UTF-8) in two,
  // with pauses so that each write reaches the benchmark as a chunk of its own; then many lines one at a time
  const script = `
    const wait = (ms) => new Promise((r) => setTimeout(r, ms));
    const check = Buffer.from('✓');
    process.stdout.write(Buffer.concat([Buffer.from('start\\n'), check.subarray(0, 1)]));
    await wait(150);
    process.stdout.write(Buffer.concat([check.subarray(1), Buffer.from(' validate data and ')]));
    await wait(150);
    process.stdout.write('render pages (1.5 s)\\n');
    for (let i = 0; i < 3000; i++) process.stdout.write('  ├─ /en/cases/c' + i + '/index.html (+1ms)\\n');
    process.stdout.write('✓ index search (0.2 s)\\n');
  `;
  const expected = ['start', '✓ validate data and render pages (1.5 s)', ...Array.from({ length: 3000 }, (_, i) => `  ├─ /en/cases/c${i}/index.html (+1ms)`), '✓ index search (0.2 s)', ''].join('\n');

  it('returns the output whole, characters split between chunks decoded, and a memory peak for each step line', async () => {
    const r = await runMeasured(process.execPath, ['--input-type=module', '-e', script], { cwd: process.cwd(), env: process.env });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(expected);
    expect(r.stepPeaks.map((s) => s.step)).toEqual(['validate data and render pages', 'index search']);
    // on Linux, how the machine's CPU time went meanwhile: four shares that make the whole
    if (cpuTicks()) {
      const { user, system, idle, steal } = r.cpu!;
      for (const x of [user, system, idle, steal]) expect(x).toBeGreaterThanOrEqual(0);
      expect(user + system + idle + steal).toBeCloseTo(1, 9);
      expect(user).toBeGreaterThan(0);
    }
  }, 30_000);
});

describe('the scale benchmark says how the machine’s CPU time went during a run', () => {
  it('splits the ticks between two readings of /proc/stat into programs, kernel, idle and what the host took', () => {
    //            user nice system idle iowait irq softirq steal guest guest_nice
    const before = [1000, 10, 300, 5000, 50, 0, 20, 100, 40, 0];
    const after = [1600, 30, 400, 5200, 70, 5, 35, 250, 90, 0];
    // deltas: user 600 + nice 20, system 100 + irq 5 + softirq 15, idle 200 + iowait 20, steal 150; guest (50) is in user already
    expect(cpuShares(before, after)).toEqual({ user: 620 / 1110, system: 120 / 1110, idle: 220 / 1110, steal: 150 / 1110 });
    expect(cpuShares(undefined, after)).toBeUndefined();
    expect(cpuShares(before, before)).toBeUndefined();
  });

  it('reads the machine’s line of /proc/stat where there is one', () => {
    const ticks = cpuTicks();
    if (ticks === undefined) return expect(process.platform).not.toBe('linux');
    expect(ticks.length).toBeGreaterThanOrEqual(8);
    expect(ticks.every((t) => Number.isInteger(t) && t >= 0)).toBe(true);
  });

  it('takes the median of all runs, the smaller middle one of an even number', () => {
    expect(median([35.1, 29.8, 31.2])).toBe(31.2);
    expect(median([40, 10, 30, 20, 50, 60])).toBe(30);
    expect(median([7])).toBe(7);
    expect(() => median([])).toThrow('median of no numbers');
    // the run itself, for what else it measured: of six runs over two series, the faster of the two middle ones
    const runs = [32.4, 29.6, 27.9, 33.8, 32.1, 31.8].map((seconds, i) => ({ seconds, stdout: `run ${i}` }));
    expect(medianRun(runs)).toEqual({ seconds: 31.8, stdout: 'run 5' });
    expect(medianRun(runs).seconds).toBe(median(runs.map((r) => r.seconds)));
  });
});

describe('the scale benchmark sets a run’s output aside instead of deleting it between runs', () => {
  it('moves each folder into the trash folder under a name of its own, the same files, and skips what is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'set-aside-'));
    try {
      const trash = join(dir, 'trash');
      const made = ['one', 'two'].map((name) => {
        const folder = join(dir, name, 'dist');
        mkdirSync(folder, { recursive: true });
        writeFileSync(join(folder, 'index.html'), name);
        return { folder, inode: statSync(join(folder, 'index.html')).ino };
      });
      setAside([made[0]!.folder, join(dir, 'missing'), made[1]!.folder], trash);
      expect(made.map((m) => existsSync(m.folder))).toEqual([false, false]);
      const kept = readdirSync(trash);
      expect(kept).toHaveLength(2); // two folders called dist, side by side
      const files = kept.map((k) => join(trash, k, 'index.html'));
      expect(files.map((f) => readFileSync(f, 'utf8')).sort()).toEqual(['one', 'two']);
      // moved, not copied and deleted
      expect(files.map((f) => statSync(f).ino).sort()).toEqual(made.map((m) => m.inode).sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
