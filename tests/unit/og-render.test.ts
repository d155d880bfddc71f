import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Atlas } from '../../src/lib/atlas.ts';
import { caseCard } from '../../src/lib/cards.ts';
import { LANGS } from '../../src/lib/i18n.ts';
import { loadProject } from '../../src/lib/load.ts';
import { OG_FONT, OG_HEIGHT, OG_WIDTH, ogCard } from '../../src/lib/og-card.ts';
import { cardFile, planCards, renderCard, renderCardCached, renderStats, workerCount } from '../../src/site/og.ts';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { ROOT } from '../helpers/fixture.ts';

// Preview images rendered by a build: worker threads take cards from the end of the list while the
// main thread renders the ones its pages ask for. Either side must give the same PNG, every card once.
describe('preview images rendered on worker threads', () => {
  const atlas = new Atlas(loadProject(ROOT));
  const cards = LANGS.flatMap((lang) => atlas.caseList().slice(0, 4).map((c) => ogCard(caseCard(atlas, c.slug, lang))));
  let dir: string;
  const saved = { cache: process.env.ATLAS_OG_CACHE_DIR, workers: process.env.ATLAS_OG_WORKERS };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'og-cache-'));
    process.env.ATLAS_OG_CACHE_DIR = dir;
    process.env.ATLAS_OG_WORKERS = '1';
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    for (const [k, v] of [['ATLAS_OG_CACHE_DIR', saved.cache], ['ATLAS_OG_WORKERS', saved.workers]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('the worker renders from the end, the main thread the rest; every PNG as the main thread draws it', async () => {
    const before = { ...renderStats };
    planCards(cards);
    // let the worker take the last card before the pages ask for theirs
    const last = cardFile(cards.at(-1)!);
    for (let waited = 0; !existsSync(last) && waited < 60_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(last), 'the worker rendered the last card').toBe(true);
    const pngs = [];
    for (const card of cards) pngs.push(await renderCardCached(card));
    const byWorker = renderStats.worker - before.worker;
    const byMain = renderStats.main - before.main;
    expect(byWorker).toBeGreaterThanOrEqual(1);
    expect(byWorker + byMain).toBe(cards.length); // each card rendered once, by one side
    for (const [i, card] of cards.entries()) expect(Buffer.from(pngs[i]!).equals(Buffer.from(await renderCard(card))), `card ${i}`).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]); // no half-written files left
  }, 120_000);

  // The PNG is encoded by libvips, not resvg: the picture must be resvg's, pixel for pixel.
  // Plant: in renderCard encode Buffer.alloc(image.pixels.length, 255) instead of image.pixels: this fails.
  it('a card is 1200 × 630, opaque, with exactly the pixels resvg drew', async () => {
    const req = createRequire(join(ROOT, 'package.json'));
    const font = (w: string) => readFileSync(req.resolve(`@expo-google-fonts/noto-sans-sc/${w}/NotoSansSC_${w}.ttf`));
    const fonts = [
      { name: OG_FONT, data: font('400Regular'), weight: 400 as const, style: 'normal' as const },
      { name: OG_FONT, data: font('700Bold'), weight: 700 as const, style: 'normal' as const },
    ];
    for (const card of [cards[0]!, cards.at(-1)!]) {
      const png = await renderCard(card);
      const meta = await sharp(png).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['png', OG_WIDTH, OG_HEIGHT]);
      const ours = await sharp(png).ensureAlpha().raw().toBuffer();
      const svg = await satori(card as unknown as Parameters<typeof satori>[0], { width: OG_WIDTH, height: OG_HEIGHT, fonts });
      const resvgs = await sharp(new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng()).ensureAlpha().raw().toBuffer();
      expect(ours.length).toBe(OG_WIDTH * OG_HEIGHT * 4);
      expect(ours.equals(resvgs)).toBe(true);
      expect(ours.filter((_, i) => i % 4 === 3).every((a) => a === 255)).toBe(true);
    }
  });

  it('ATLAS_OG_WORKERS must be a whole number', () => {
    process.env.ATLAS_OG_WORKERS = 'two';
    expect(() => workerCount()).toThrow(/ATLAS_OG_WORKERS: found "two", expected a whole number/);
    process.env.ATLAS_OG_WORKERS = '0';
    expect(workerCount()).toBe(0);
    process.env.ATLAS_OG_WORKERS = '1';
  });
});
