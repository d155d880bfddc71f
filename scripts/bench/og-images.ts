// Preview images: time to render one card (satori layout + resvg raster), first call (font parsing) apart,
// and the size of the PNGs in the built site.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { Atlas } from '../../src/lib/atlas.ts';
import { caseCard, themeCard } from '../../src/lib/cards.ts';
import { LANGS } from '../../src/lib/i18n.ts';
import { loadProject } from '../../src/lib/load.ts';
import { listFiles } from '../../src/lib/paths.ts';
import { ogCard, type CardInput } from '../../src/lib/og-card.ts';
import { renderCard } from '../../src/site/og.ts';

/** Sizes of the PNG files under a directory. */
const pngs = (dir: string): number[] => listFiles(dir).filter((f) => f.endsWith('.png')).map((f) => statSync(join(dir, f)).size);

export default async function ogImages(ctx: { root: string; dist: string }): Promise<void> {
  const cwd = process.cwd();
  process.chdir(ctx.root); // fonts are resolved from the project's node_modules
  try {
    const atlas = new Atlas(loadProject(ctx.root));
    const cards: CardInput[] = LANGS.flatMap((lang) => [...atlas.caseList().map((c) => caseCard(atlas, c.slug, lang)), ...atlas.data.themes.map((t) => themeCard(atlas, t.id, lang))]);
    let t = performance.now();
    await renderCard(ogCard(cards[0]!));
    const first = performance.now() - t;
    const times: number[] = [];
    for (const card of cards) {
      t = performance.now();
      await renderCard(ogCard(card));
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const sum = times.reduce((a, b) => a + b, 0);
    console.log(`og images: first render (loads the two 10 MB fonts) ${first.toFixed(0)} ms`);
    console.log(`og images: ${times.length} cards, median ${times[times.length >> 1]!.toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms, total ${(sum / 1000).toFixed(2)} s`);
    const sizes = pngs(join(ctx.dist, 'og'));
    if (sizes.length) console.log(`og images in ${ctx.dist}: ${sizes.length} files, ${(sizes.reduce((a, b) => a + b, 0) / 1024).toFixed(0)} KiB, mean ${(sizes.reduce((a, b) => a + b, 0) / sizes.length / 1024).toFixed(1)} KiB`);
  } finally {
    process.chdir(cwd);
  }
}
