/**
 * Render preview cards to PNG at build time: satori lays out the element tree and turns text into
 * paths with Noto Sans SC (Chinese and Latin glyphs; from the @expo-google-fonts/noto-sans-sc
 * package, read from node_modules — never downloaded, never shipped to readers), then resvg
 * rasterises the SVG. Rendered cards are kept in .tmp/og-cache/ by a hash of their element tree and
 * the renderer's versions, so a rebuild only renders what changed (rendering is deterministic).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
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
const renderer = () => ['og-v1', version('satori'), version('@resvg/resvg-js'), version('@expo-google-fonts/noto-sans-sc')].join('|');

/** A card as PNG, from the cache when the same card was rendered before. */
export async function renderCardCached(card: CardNode): Promise<Uint8Array<ArrayBuffer>> {
  const dir = process.env.ATLAS_OG_CACHE_DIR ?? join(process.cwd(), '.tmp', 'og-cache'); // another dir: a build from an empty cache
  const file = join(dir, `${createHash('sha256').update(renderer()).update(JSON.stringify(card)).digest('hex')}.png`);
  if (existsSync(file)) return new Uint8Array(readFileSync(file));
  const png = await renderCard(card);
  mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, png);
  renameSync(tmp, file); // atomic: parallel builds never read half a file
  return png;
}

export async function renderCard(card: CardNode): Promise<Uint8Array<ArrayBuffer>> {
  fonts ??= loadFonts();
  // satori's types expect React nodes; a plain { type, props } tree is what it takes without JSX.
  const svg = await satori(card as unknown as Parameters<typeof satori>[0], { width: OG_WIDTH, height: OG_HEIGHT, fonts });
  return new Uint8Array(new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng());
}
