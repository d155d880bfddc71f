/**
 * Render preview cards to PNG at build time: satori lays out the element tree and turns text into
 * paths with Noto Sans SC (Chinese and Latin glyphs; from the @expo-google-fonts/noto-sans-sc
 * package, read from node_modules — never downloaded, never shipped to readers), then resvg
 * rasterises the SVG. Rendered cards are kept in .tmp/og-cache/ by a hash of their element tree and
 * the renderer's versions, so a rebuild only renders what changed (rendering is deterministic).
 *
 * A build renders thousands of cards, and Astro renders pages one at a time on one thread. So once the
 * build knows its cards, worker threads (src/site/og-worker.ts, one per spare core) render those not
 * in the cache from the end of the list, while the main thread renders the ones its pages ask for
 * first; whichever side reaches a card first renders it. The PNG is the same from either side.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { threadId, Worker } from 'node:worker_threads';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { OG_FONT, OG_HEIGHT, OG_WIDTH, type CardNode } from '../lib/og-card.ts';

type SatoriFont = { name: string; data: Buffer; weight: 400 | 700; style: 'normal' };
let fonts: SatoriFont[] | undefined;

/** Packages resolved from the project's node_modules (the build runs with the project root as cwd). */
const fromRoot = () => createRequire(join(process.cwd(), 'package.json'));

function loadFonts(): SatoriFont[] {
  const file = (weight: string) => readFileSync(fromRoot().resolve(`@expo-google-fonts/noto-sans-sc/${weight}/NotoSansSC_${weight}.ttf`));
  return [
    { name: OG_FONT, data: file('400Regular'), weight: 400, style: 'normal' },
    { name: OG_FONT, data: file('700Bold'), weight: 700, style: 'normal' },
  ];
}

const version = (pkg: string) => (fromRoot()(`${pkg}/package.json`) as { version: string }).version;
/** Changes whenever the renderer, its options or its fonts could draw a different picture. */
let rendererId: string | undefined;
const renderer = () => (rendererId ??= ['og-v1', version('satori'), version('@resvg/resvg-js'), version('@expo-google-fonts/noto-sans-sc')].join('|'));

const cacheDir = () => process.env.ATLAS_OG_CACHE_DIR ?? join(process.cwd(), '.tmp', 'og-cache'); // another dir: a build from an empty cache
/** Where a card's PNG is cached: a hash of the renderer and the card. */
export const cardFile = (card: CardNode): string => join(cacheDir(), `${createHash('sha256').update(renderer()).update(JSON.stringify(card)).digest('hex')}.png`);

/** Write atomically: a reader (another thread, a parallel build) never sees half a file. */
export function writeCard(file: string, png: Uint8Array): void {
  mkdirSync(join(file, '..'), { recursive: true });
  const tmp = `${file}.${process.pid}.${threadId}.tmp`;
  writeFileSync(tmp, png);
  renameSync(tmp, file);
}

/** The cards a build will ask for, not yet rendered: workers take them from the end, the main thread whichever it asks for. */
interface Queue {
  order: string[]; // files, in the order of the build's pages
  tail: number; // workers have looked at order[tail..]
  waiting: Map<string, CardNode>; // file → card, not yet taken by either side
  rendering: Map<string, Promise<boolean>>; // file → rendered (false: the worker failed, the main thread renders it), for cards a worker has taken
}
let queue: Queue | undefined;
/** Cards rendered by this process so far, on worker threads and on the main thread, and those a plan found in the cache. */
export const renderStats = { worker: 0, main: 0, cached: 0 };

/** Where a build's cards came from: one line for its log. */
export function cardSummary(): string {
  const { worker, main, cached } = renderStats;
  const n = (x: number) => x.toLocaleString('en');
  return `ℹ preview images: ${n(worker + main + cached)} — ${n(worker)} drawn on worker threads, ${n(main)} on the main thread, ${n(cached)} from the cache`;
}

/**
 * The cards the build will render (called with every page's card once the paths are known): those not
 * in the cache start rendering on spare cores at once, while Astro is still working out the other pages.
 */
export function planCards(cards: CardNode[]): void {
  const waiting = new Map<string, CardNode>();
  const files = new Set<string>();
  for (const card of cards) {
    const file = cardFile(card);
    files.add(file);
    if (!existsSync(file)) waiting.set(file, card);
  }
  renderStats.cached += files.size - waiting.size;
  queue = { order: [...waiting.keys()], tail: waiting.size, waiting, rendering: new Map() };
  for (let i = Math.min(workerCount(), waiting.size); i > 0; i--) startWorker(queue);
}

/** Worker threads besides the main one: ATLAS_OG_WORKERS, else one per spare core. */
export function workerCount(): number {
  const set = process.env.ATLAS_OG_WORKERS;
  if (set !== undefined && set.trim() !== '') {
    const n = Number(set);
    if (!Number.isInteger(n) || n < 0) throw new Error(`ATLAS_OG_WORKERS: found "${set}", expected a whole number of worker threads (0: render on the main thread only)`);
    return n;
  }
  return Math.max(1, availableParallelism() - 1);
}

/** The last card no side has taken yet, taken. */
function takeLast(q: Queue): [string, CardNode] | undefined {
  while (q.tail > 0) {
    const file = q.order[--q.tail]!;
    const card = q.waiting.get(file);
    if (card) {
      q.waiting.delete(file);
      return [file, card];
    }
  }
  return undefined;
}

function startWorker(q: Queue): void {
  const worker = new Worker(join(process.cwd(), 'src', 'site', 'og-worker.ts'));
  worker.unref(); // never keeps the build alive
  let current: { file: string; done: (rendered: boolean) => void } | undefined;
  const next = () => {
    const job = takeLast(q);
    if (!job) return void worker.terminate();
    const [file, card] = job;
    q.rendering.set(file, new Promise<boolean>((done) => (current = { file, done })));
    worker.postMessage({ file, card });
  };
  worker.on('message', (m: { file: string; error?: string }) => {
    if (!m.error) renderStats.worker++;
    current?.done(!m.error); // a card the worker could not render is rendered again on the main thread, which reports the error
    current = undefined;
    next();
  });
  // A worker that stops (it could not start, or crashed) takes no more cards: the main thread renders them.
  worker.on('error', (e: Error) => {
    console.warn(`preview images: a worker thread stopped (${e.message}); the main thread renders the rest`);
    current?.done(false);
    current = undefined;
  });
  worker.on('exit', () => {
    current?.done(false);
    current = undefined;
  });
  next();
}

/** A card as PNG, from the cache when the same card was rendered before (by this build's workers or an earlier build). */
export async function renderCardCached(card: CardNode): Promise<Uint8Array<ArrayBuffer>> {
  const file = cardFile(card);
  const inWorker = queue?.rendering.get(file);
  if (inWorker) await inWorker; // false: not rendered there, rendered below
  queue?.waiting.delete(file); // rendered here: no worker takes it
  if (existsSync(file)) return new Uint8Array(readFileSync(file));
  const png = await renderCard(card);
  writeCard(file, png);
  renderStats.main++;
  return png;
}

export async function renderCard(card: CardNode): Promise<Uint8Array<ArrayBuffer>> {
  fonts ??= loadFonts();
  // satori's types expect React nodes; a plain { type, props } tree is what it takes without JSX.
  const svg = await satori(card as unknown as Parameters<typeof satori>[0], { width: OG_WIDTH, height: OG_HEIGHT, fonts });
  return new Uint8Array(new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng());
}
