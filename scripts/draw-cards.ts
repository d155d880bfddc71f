// Draw the build's preview images: `node scripts/draw-cards.ts <plan> <site>`. scripts/build.ts starts it beside
// `astro build`, whose images route writes the plan (every card and where it goes) once the build knows its
// pages, and tells it when the pages are written ("pages-written") and when the search index is ("index-written"):
// see src/site/og-draw.ts. Run by hand (no messages), it waits for the plan and draws on every core at once.
import { existsSync, readdirSync } from 'node:fs';
import { setPriority } from 'node:os';
import { CardDrawer, readPlan } from '../src/site/og-draw.ts';

const [planFile, out] = process.argv.slice(2);
if (!planFile || !out) {
  console.error('usage: node scripts/draw-cards.ts <plan file> <built site>');
  process.exit(2);
}
// The lowest priority: Astro and the indexer, which each keep a thread busy, have the cores first, and the cards
// take the rest; once both are done the cards have every core. On Linux a priority is a thread's own: each thread
// running now (V8's garbage collector and compiler threads too) is given it, and threads started later inherit it.
const tasks = '/proc/self/task';
for (const thread of existsSync(tasks) ? readdirSync(tasks).map(Number) : [0]) setPriority(thread, 19);
const told = new Set<string>(process.send ? [] : ['pages-written', 'index-written']);
let drawer: CardDrawer | undefined;
const act = () => {
  if (!drawer) return;
  if (told.has('index-written')) drawer.allCores();
  else if (told.has('pages-written')) drawer.publish();
};
process.on('message', (m) => {
  told.add(String(m));
  if (!drawer && told.has('pages-written') && !existsSync(planFile)) {
    console.error(`✗ preview images: Astro has written the pages but no plan of the images (${planFile}); the images' route (src/pages/[og]/) writes it when ATLAS_OG_PLAN is set`);
    process.exit(1);
  }
  act();
});

while (!existsSync(planFile)) await new Promise((r) => setTimeout(r, 200));
drawer = new CardDrawer(readPlan(planFile), out);
act();
await drawer.run();
if (drawer.failures.length) {
  console.error(`✗ preview images: ${drawer.failures.length} could not be drawn:\n${drawer.failures.map((f) => `  ${f}`).join('\n')}`);
  process.exit(1);
}
console.log(drawer.summary());
process.disconnect?.();
