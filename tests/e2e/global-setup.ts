import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic, type StaticServer } from '../../src/lib/serve.ts';
import { ROOT } from '../helpers/fixture.ts';
import { resolveChrome } from './browser.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    distDir: string;
  }
}

let server: StaticServer | undefined;

/** Build the real site once (validate → Astro → Pagefind) and serve it on loopback for the e2e tests. */
export default async function setup(project: TestProject) {
  const chrome = await resolveChrome(); // fail early, with install instructions, when there is no browser
  console.log(`e2e: Chromium from ${chrome.from === 'registry' ? 'the registry package @sparticuz/chromium' : chrome.path}`);
  const distDir = process.env.E2E_DIST ?? join(ROOT, '.tmp', 'e2e-dist');
  if (!process.env.E2E_DIST || !existsSync(join(distDir, 'index.html'))) {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.ts')], {
      cwd: ROOT,
      env: { ...process.env, ATLAS_OUT_DIR: distDir },
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`building the site for e2e tests failed:\n${r.stdout}\n${r.stderr}`);
  }
  server = await serveStatic(distDir, { port: 0 });
  project.provide('siteUrl', server.url);
  project.provide('distDir', distDir);
  return async () => {
    await server?.close();
  };
}
