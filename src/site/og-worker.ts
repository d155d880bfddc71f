/**
 * A worker thread of the card drawer (src/site/og-draw.ts): renders the preview cards it is sent and
 * writes them to the cache, where the drawer's main thread takes them into the site.
 */
import { parentPort } from 'node:worker_threads';
import type { CardNode } from '../lib/og-card.ts';
import { renderCard, writeAtomically } from './og.ts';

parentPort!.on('message', async ({ file, card }: { file: string; card: CardNode }) => {
  try {
    writeAtomically(file, await renderCard(card));
    parentPort!.postMessage({ file });
  } catch (e) {
    parentPort!.postMessage({ file, error: e instanceof Error ? e.message : String(e) });
  }
});
