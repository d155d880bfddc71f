/**
 * Render preview cards to PNG at build time: satori lays out the element tree and turns text into
 * paths with Noto Sans SC (Chinese and Latin glyphs; from the @expo-google-fonts/noto-sans-sc
 * package, read from node_modules — never downloaded, never shipped to readers), then resvg
 * rasterises the SVG and encodePng writes the PNG file. Rendered cards are kept in .tmp/og-cache/ by a hash of their element tree and
 * the renderer's versions, so a rebuild only renders what changed (rendering is deterministic).
 *
 * A build (scripts/build.ts) renders thousands of cards, and Astro renders pages one at a time on one
 * thread. So Astro only lists them (the images' route writes a plan), and a process of their own
 * (scripts/draw-cards.ts, src/site/og-draw.ts) draws them beside Astro and the search indexer. The dev
 * server, and a plain `astro build`, draw each card the route is asked for.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { crc32, deflateSync } from 'node:zlib';
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
/** Changes whenever the renderer, its options, its fonts or the PNG encoder could write a different file. */
let rendererId: string | undefined;
const renderer = () => (rendererId ??= ['og-v2', version('satori'), version('@resvg/resvg-js'), version('@expo-google-fonts/noto-sans-sc')].join('|'));

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

/** Files writeAtomicallyLater has begun in this thread: each one's temporary name is its own. */
let laterWrites = 0;

/**
 * writeAtomically on libuv's threads: the caller goes on while the file is written. While a build writes its
 * pages the kernel makes whoever fills the page cache wait, and the thread drawing cards then goes on drawing
 * (see CardDrawer.run).
 */
export async function writeAtomicallyLater(file: string, data: Uint8Array): Promise<void> {
  await mkdir(join(file, '..'), { recursive: true });
  const tmp = `${file}.${process.pid}.${threadId}.${++laterWrites}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
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
  const image = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render();
  return encodePng(image.pixels, image.width, image.height);
}

/** A PNG chunk: length, type, data, and the CRC-32 of type and data. */
function pngChunk(type: string, data: Uint8Array): Buffer {
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, 'latin1');
  chunk.set(data, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return chunk;
}

const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/**
 * A PNG file of 8-bit RGBA pixels (width × height × 4 bytes, rows top to bottom): every row unfiltered, the
 * whole image deflated by node:zlib at level 3. A card is mostly flat colour, where row filters cost more than
 * they save. On a 1200×630 card this takes 3.6 ms and writes 49 KiB where resvg's own encoder (asPng) took
 * 6.4 ms for 52 KiB (pngjs, in the tree for the tests, 7.8 ms for 232 KiB; zlib's level 6 6.8 ms for 33 KiB).
 * Over the real site's cards a card now takes 13.8 ms instead of 15.4 (median; scripts/bench/og-images.ts),
 * 40,000 times at 20,000 cases.
 */
/** encodePng's rows before deflating, kept for the next card of the thread (3 MB a 1200×630 card). */
let rowsBuffer: Buffer | undefined;

export function encodePng(rgba: Uint8Array, width: number, height: number): Uint8Array<ArrayBuffer> {
  const stride = width * 4;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || rgba.length !== stride * height)
    throw new Error(`encodePng: found ${rgba.length} bytes for ${width}×${height} pixels, expected ${stride * height} (4 a pixel)`);
  // each row: filter type 0 (none), then its pixels
  const size = (stride + 1) * height;
  if (!rowsBuffer || rowsBuffer.length < size) rowsBuffer = Buffer.alloc(size);
  const rows = rowsBuffer.subarray(0, size);
  for (let y = 0; y < height; y++) {
    rows[y * (stride + 1)] = 0;
    rows.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits a channel
  header[9] = 6; // RGBA; compression, filter method and interlace stay 0
  const png = Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(rows, { level: 3 })), pngChunk('IEND', new Uint8Array(0))]);
  return new Uint8Array(png);
}
