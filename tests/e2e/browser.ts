import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Where Chromium or Chrome is usually installed on Linux and macOS. */
export const SYSTEM_CHROME_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export interface ChromeChoice {
  path: string;
  /** 'env': $CHROME_PATH; 'system': an installed browser; 'registry': the binary inside @sparticuz/chromium. */
  from: 'env' | 'system' | 'registry';
}

/** An installed Chromium: $CHROME_PATH, else the first of `candidates` that exists, else undefined. */
export function findSystemChrome(candidates: readonly string[] = SYSTEM_CHROME_PATHS, env = process.env.CHROME_PATH): ChromeChoice | undefined {
  if (env) {
    if (!existsSync(env)) throw new Error(`CHROME_PATH is set to ${env}, but there is no file there.`);
    return { path: env, from: 'env' };
  }
  const found = candidates.find((p) => existsSync(p));
  return found ? { path: found, from: 'system' } : undefined;
}

let chosen: Promise<ChromeChoice> | undefined;

/**
 * The Chromium to drive: an installed one when there is one, else the Chromium shipped inside the
 * registry package @sparticuz/chromium (Linux x64/arm64; unpacked into the temp directory on first use).
 */
export function resolveChrome(candidates: readonly string[] = SYSTEM_CHROME_PATHS, env = process.env.CHROME_PATH): Promise<ChromeChoice> {
  const pick = async (): Promise<ChromeChoice> => {
    const system = findSystemChrome(candidates, env);
    if (system) return system;
    try {
      const { default: bundled } = await import('@sparticuz/chromium');
      return { path: await bundled.executablePath(), from: 'registry' };
    } catch (e) {
      throw new Error(
        `No Chromium for the end-to-end tests: none installed (looked in ${candidates.join(', ')}) and the one in ` +
          `@sparticuz/chromium could not be unpacked on this platform (${(e as Error).message}).\n` +
          `Install one — on Debian/Ubuntu: apt-get install -y chromium fonts-noto-cjk — or set CHROME_PATH.`,
      );
    }
  };
  if (candidates !== SYSTEM_CHROME_PATHS || env !== process.env.CHROME_PATH) return pick();
  chosen ??= pick();
  return chosen;
}

export const CHROME_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launch(choice?: ChromeChoice): Promise<Browser> {
  const { path } = choice ?? (await resolveChrome());
  return chromium.launch({ executablePath: path, args: CHROME_ARGS, headless: true });
}

/** Collect console errors, page errors and failed requests of a context. */
export function watchErrors(context: BrowserContext): string[] {
  const problems: string[] = [];
  context.on('page', (page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console: ${msg.text()} (${page.url()})`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message} (${page.url()})`));
    // net::ERR_ABORTED is a request the browser itself cancelled (a favicon still loading when the test
    // navigates on), not a failure of the page; every other failed request is reported
    page.on('requestfailed', (r) => {
      if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText ?? ''}`);
    });
  });
  return problems;
}
