import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];

/** The Chromium to drive: $CHROME_PATH, else the usual install locations. */
export function findChrome(): string {
  const env = process.env.CHROME_PATH;
  if (env) {
    if (!existsSync(env)) throw new Error(`CHROME_PATH is set to ${env}, but there is no file there.`);
    return env;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found)
    throw new Error(
      `No Chromium found for the end-to-end tests (looked in ${CANDIDATES.join(', ')}).\n` +
        `Install one — on Debian/Ubuntu: sudo apt-get install -y chromium fonts-noto-cjk — or set CHROME_PATH to a Chrome/Chromium binary.`,
    );
  return found;
}

export const CHROME_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS, headless: true });
}

/** Collect console errors, page errors and failed requests of a context. */
export function watchErrors(context: BrowserContext): string[] {
  const problems: string[] = [];
  context.on('page', (page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console: ${msg.text()} (${page.url()})`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message} (${page.url()})`));
    page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  });
  return problems;
}
