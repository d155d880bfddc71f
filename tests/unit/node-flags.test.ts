import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ASTRO_BUILD_NODE_FLAGS } from '../../src/site/node-flags.ts';

describe("the build's V8 flags (src/site/node-flags.ts)", () => {
  it('are options of the V8 in the Node that runs the build', () => {
    const options = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;
    for (const flag of ASTRO_BUILD_NODE_FLAGS) {
      const name = flag.replace(/^--(no-)?/, '').replace(/=.*$/, '');
      // listed as `  --name (what it does)`, then its type and default
      expect(options, flag).toMatch(new RegExp(`^\\s+--${name} \\(`, 'm'));
    }
  });

  it('start Node without a warning, and Node refuses a flag it does not know', () => {
    const run = (flags: readonly string[]) => spawnSync(process.execPath, [...flags, '-e', 'process.stdout.write("ran")'], { encoding: 'utf8' });
    const ours = run(ASTRO_BUILD_NODE_FLAGS);
    expect(ours.stderr).toBe('');
    expect(ours.status).toBe(0);
    expect(ours.stdout).toBe('ran');
    // the check above means something: a misspelt flag stops Node before any code runs
    const misspelt = run(['--no-allocation-site-pretenurin']);
    expect(misspelt.status).not.toBe(0);
    expect(misspelt.stdout).toBe('');
  });
});
