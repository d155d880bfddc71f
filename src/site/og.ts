/**
 * Render preview cards to PNG at build time: satori lays out the element tree and turns text into
 * paths with Noto Sans SC (Chinese and Latin glyphs; from the @expo-google-fonts/noto-sans-sc
 * package, read from node_modules — never downloaded, never shipped to readers), then resvg
 * rasterises the SVG. Rendered cards are kept in .tmp/og-cache/ by a hash of their element tree and
 * the renderer's versions, so a rebuild only renders what changed (rendering is deterministic).
 *
 * A build (scripts/build.ts) renders thousands of cards, and Astro renders pages one at a time on one
 * thread. So Astro only lists them (the images' route writes a plan), and a process of their own
 * (scripts/draw-cards.ts, src/site/og-draw.ts) draws them beside Astro and the search indexer. The dev
 * server, and a plain `astro build`, draw each card the route is asked for.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
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

/** Write atomically: a reader (another thread or process, a parallel build) never sees half a file. */
export function writeAtomically(file: string, data: Uint8Array | string): void {
  mkdirSync(join(file, '..'), { recursive: true });
  const tmp = `${file}.${process.pid}.${threadId}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

/** Worker threads for drawing cards besides a process's main thread: ATLAS_OG_WORKERS, else one per spare core. */
export function workerCount(): number {
  const set = process.env.ATLAS_OG_WORKERS;
  if (set !== undefined && set.trim() !== '') {
    const n = Number(set);
    if (!Number.isInteger(n) || n < 0) throw new Error(`ATLAS_OG_WORKERS: found "${set}", expected a whole number of worker threads (0: the main thread only)`);
    return n;
  }
  return Math.max(1, availableParallelism() - 1);
}

/** A card as PNG, from the cache when the same card was rendered before (the dev server, a plain `astro build`). */
export async function renderCardCached(card: CardNode): Promise<Uint8Array<ArrayBuffer>> {
  const file = cardFile(card);
  if (existsSync(file)) return new Uint8Array(readFileSync(file));
  const png = await renderCard(card);
  writeAtomically(file, png);
  return png;
}

export async function renderCard(card: CardNode): Promise<Uint8Array<ArrayBuffer>> {
  fonts ??= loadFonts();
  // satori's types expect React nodes; a plain { type, props } tree is what it takes without JSX.
  const svg = await satori(card as unknown as Parameters<typeof satori>[0], { width: OG_WIDTH, height: OG_HEIGHT, fonts });
  return new Uint8Array(new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng());
}
