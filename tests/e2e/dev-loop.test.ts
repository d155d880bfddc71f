// The dev loop an editor lives in: `npm run dev` against a copy of the data. An edit shows on the page;
// a mistake shows the same located message as `npm run validate`, in the page and in the terminal;
// fixing it brings the page back.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ROOT } from '../helpers/fixture.ts';
import { launch } from './browser.ts';

const dir = mkdtempSync(join(tmpdir(), 'atlas-dev-'));
const OBS = join(dir, 'data', 'observations.csv');
const env: NodeJS.ProcessEnv = { ...process.env, ATLAS_DATA_DIR: join(dir, 'data'), ATLAS_CONTENT_DIR: join(dir, 'content', 'cases') };
// Variables vitest sets that would change how Astro and Vite run (import.meta.env overrides, test mode).
for (const k of Object.keys(env)) if (/^(?:BASE_URL|MODE|DEV|PROD|SSR|ASSETS_PREFIX|SITE|BASE|NODE_ENV|VITEST.*|VITE_.*)$/.test(k)) delete env[k];

// --ignore-lock: a dev server of the editor's own may be running on the project; start alongside it, in the foreground.
let server: ChildProcess | undefined;
let browser: Browser | undefined;
let terminal = '';
let origin = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The page's HTML and status. */
async function page(path: string): Promise<{ status: number; text: string }> {
  const res = await fetch(origin + path);
  return { status: res.status, text: await res.text() };
}

/** Poll until `ok` holds for the page (the dev server re-syncs after a file change); fail with the last page after `seconds`. */
async function until(path: string, ok: (p: { status: number; text: string }) => boolean, seconds = 60): Promise<{ status: number; text: string }> {
  const deadline = Date.now() + seconds * 1000;
  let last = { status: 0, text: '' };
  while (Date.now() < deadline) {
    last = await page(path).catch(() => ({ status: 0, text: '' }));
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${path} never reached the expected state; last status ${last.status}:\n${last.text.slice(0, 2000)}\n--- dev server output:\n${terminal.slice(-3000)}`);
}

/**
 * What a reader of the page sees in the browser: the text of Astro's error overlay, once it contains
 * `expected`. Reloads until then (the dev server re-syncs after a file change); fails after 60 s.
 */
async function overlayUntil(path: string, expected: string): Promise<string> {
  const tab = await browser!.newPage();
  // the Vite client reloads the page when the dev server re-syncs, which can happen while it is read: read as
  // nothing then, and the loop loads the page again
  const overlayText = () => tab.evaluate(() => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? '').catch(() => '');
  try {
    const deadline = Date.now() + 60_000;
    let last = '';
    while (Date.now() < deadline) {
      const res = await tab.goto(origin + path).catch(() => null);
      last = `status ${res?.status() ?? 'none'}`;
      if (res && res.status() >= 500) {
        // The overlay is drawn by the Vite client after the page loads: wait for its text.
        await tab.waitForFunction((exp) => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent?.includes(exp), expected, { timeout: 20_000 }).catch(() => {});
        last = await overlayText();
        if (last.includes(expected)) return last;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`${path}: the error overlay never showed ${expected}; last:\n${last.slice(0, 2000)}\n--- dev server output:\n${terminal.slice(-3000)}`);
  } finally {
    await tab.close();
  }
}

function edit(file: string, find: string, replace: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(find)) throw new Error(`${file} does not contain ${find}`);
  writeFileSync(file, text.replace(find, replace));
}

const FIG = (value: string) => new RegExp(`data-obs="lianjiang-contest-orgs"[^>]*>${value}<`);

beforeAll(async () => {
  cpSync(join(ROOT, 'data'), join(dir, 'data'), { recursive: true });
  cpSync(join(ROOT, 'content', 'cases'), join(dir, 'content', 'cases'), { recursive: true });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1', '--ignore-lock'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout!.on('data', (d: Buffer) => (terminal += d.toString()));
  server.stderr!.on('data', (d: Buffer) => (terminal += d.toString()));
  await until('/en/cases/lianjiang/', (p) => p.status === 200, 150);
  browser = await launch();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

// Each test starts from the copied data as it is in the project (a failed test leaves nothing behind).
afterEach(async () => {
  for (const rel of ['data/observations.csv', 'content/cases/en/lianjiang.mdx']) {
    const original = readFileSync(join(ROOT, rel), 'utf8');
    if (readFileSync(join(dir, rel), 'utf8') !== original) writeFileSync(join(dir, rel), original);
  }
  await until('/en/cases/lianjiang/', (q) => q.status === 200 && FIG('30').test(q.text));
}, 90_000);

describe('npm run dev', { timeout: 180_000 }, () => {
  it('shows an edited value on the page', async () => {
    expect((await page('/en/cases/lianjiang/')).text).toMatch(FIG('30'));
    edit(OBS, 'lianjiang-contest-orgs,lianjiang,lianjiang,contest_participants,30,', 'lianjiang-contest-orgs,lianjiang,lianjiang,contest_participants,31,');
    const p = await until('/en/cases/lianjiang/', (q) => FIG('31').test(q.text));
    expect(p.status).toBe(200);
  });

  it('shows a mistake as the located message of npm run validate, in the page and the terminal, until it is fixed', async () => {
    edit(OBS, 'lianjiang-contest-orgs,lianjiang,', 'lianjiang-contest-orgs,Lianjiang,');
    const validate = spawnSync(process.execPath, [join(ROOT, 'scripts', 'validate.ts')], { cwd: ROOT, env, encoding: 'utf8' });
    expect(validate.status).toBe(1);
    const expected = `${OBS}:2 [case]: found "Lianjiang", expected a lowercase ASCII slug (a-z, 0-9, hyphens)`;
    expect(validate.stderr).toContain(expected);

    const broken = await until('/en/cases/lianjiang/', (q) => q.status === 500);
    expect(broken.text).not.toMatch(FIG('30'));
    expect(await overlayUntil('/en/cases/lianjiang/', expected)).toContain(expected);
    // Every page reads the same data, so every page says so.
    expect(await overlayUntil('/zh/', expected)).toContain(expected);
    expect(terminal).toContain(expected);

    edit(OBS, 'lianjiang-contest-orgs,Lianjiang,', 'lianjiang-contest-orgs,lianjiang,');
    const fixed = await until('/en/cases/lianjiang/', (q) => q.status === 200);
    expect(fixed.text).toMatch(FIG('30'));
    expect(fixed.text).not.toContain(expected);
  });

  it('re-validates a case file: a typed number in the profile is reported at its line', async () => {
    const en = join(dir, 'content', 'cases', 'en', 'lianjiang.mdx');
    const line = readFileSync(en, 'utf8').split('\n').findIndex((l) => l.includes('<Fig id="lianjiang-contest-orgs" />')) + 1;
    edit(en, 'screened and recommended <Fig id="lianjiang-contest-orgs" />', 'screened and recommended 30');
    const expected = `${en}:${line} [prose]: found the number "30" typed into the text`;
    expect(await overlayUntil('/en/cases/lianjiang/', expected)).toContain(expected);
    edit(en, 'screened and recommended 30', 'screened and recommended <Fig id="lianjiang-contest-orgs" />');
    expect((await until('/en/cases/lianjiang/', (q) => q.status === 200)).text).toMatch(FIG('30'));
  });

  it('refuses code in a profile before Astro compiles it: the page shows the message, never the code’s result', async () => {
    const en = join(dir, 'content', 'cases', 'en', 'lianjiang.mdx');
    const line = readFileSync(en, 'utf8').split('\n').findIndex((l) => l.includes('screened and recommended')) + 1;
    edit(en, 'screened and recommended', 'screened {globalThis.process?.env?.HOME} and recommended');
    const expected = `${en}:${line} [prose]: found the expression {globalThis.process?.env?.HOME}, expected only markdown`;
    const overlay = await overlayUntil('/en/cases/lianjiang/', expected);
    expect(overlay).toContain(expected);
    expect((await page('/en/cases/lianjiang/')).text).not.toContain(process.env.HOME!);
    edit(en, 'screened {globalThis.process?.env?.HOME} and recommended', 'screened and recommended');
    expect((await until('/en/cases/lianjiang/', (q) => q.status === 200)).text).toMatch(FIG('30'));
  });
});
