import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Atlas } from '../../src/lib/atlas.ts';
import { caseCard } from '../../src/lib/cards.ts';
import { LANGS } from '../../src/lib/i18n.ts';
import { loadProject } from '../../src/lib/load.ts';
import { ogCard } from '../../src/lib/og-card.ts';
import { cardFile, cardSummary, planCards, renderCard, renderCardCached, renderStats, workerCount } from '../../src/site/og.ts';
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

  it('a second plan of the same cards finds every one in the cache, and the summary line counts each side', () => {
    const before = { ...renderStats };
    planCards(cards);
    expect(renderStats.cached - before.cached).toBe(cards.length);
    expect(renderStats.worker + renderStats.main).toBe(before.worker + before.main); // nothing drawn again
    const { worker, main, cached } = renderStats;
    expect(cardSummary()).toBe(`ℹ preview images: ${worker + main + cached} — ${worker} drawn on worker threads, ${main} on the main thread, ${cached} from the cache`);
  });

  it('ATLAS_OG_WORKERS must be a whole number', () => {
    process.env.ATLAS_OG_WORKERS = 'two';
    expect(() => workerCount()).toThrow(/ATLAS_OG_WORKERS: found "two", expected a whole number/);
    process.env.ATLAS_OG_WORKERS = '0';
    expect(workerCount()).toBe(0);
    process.env.ATLAS_OG_WORKERS = '1';
  });
});
