/**
 * Render preview cards to PNG at build time: satori lays out the element tree and turns text into
 * paths with Noto Sans SC (Chinese and Latin glyphs; from the @expo-google-fonts/noto-sans-sc
 * package, read from node_modules — never downloaded, never shipped to readers), then resvg
 * rasterises the SVG.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { OG_FONT, OG_HEIGHT, OG_WIDTH, type CardNode } from '../lib/og-card.ts';

type SatoriFont = { name: string; data: Buffer; weight: 400 | 700; style: 'normal' };
let fonts: SatoriFont[] | undefined;

/** Font files resolved from the project's node_modules (the build runs with the project root as cwd). */
function loadFonts(): SatoriFont[] {
  const require = createRequire(join(process.cwd(), 'package.json'));
  const file = (weight: string) => readFileSync(require.resolve(`@expo-google-fonts/noto-sans-sc/${weight}/NotoSansSC_${weight}.ttf`));
  return [
    { name: OG_FONT, data: file('400Regular'), weight: 400, style: 'normal' },
    { name: OG_FONT, data: file('700Bold'), weight: 700, style: 'normal' },
  ];
}

export async function renderCard(card: CardNode): Promise<Uint8Array<ArrayBuffer>> {
  fonts ??= loadFonts();
  // satori's types expect React nodes; a plain { type, props } tree is what it takes without JSX.
  const svg = await satori(card as unknown as Parameters<typeof satori>[0], { width: OG_WIDTH, height: OG_HEIGHT, fonts });
  return new Uint8Array(new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng());
}
