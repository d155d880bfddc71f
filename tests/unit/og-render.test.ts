import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';
import satori from 'satori';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Atlas } from '../../src/lib/atlas.ts';
import { caseCard } from '../../src/lib/cards.ts';
import { LANGS } from '../../src/lib/i18n.ts';
import { loadProject } from '../../src/lib/load.ts';
import { OG_FONT, OG_HEIGHT, OG_WIDTH, ogCard } from '../../src/lib/og-card.ts';
import { cardFile, encodePng, renderCard, workerCount } from '../../src/site/og.ts';
import { CardDrawer, readPlan, writePlan, type PlannedCard } from '../../src/site/og-draw.ts';
import { ROOT } from '../helpers/fixture.ts';

const waitFor = async (ok: () => boolean, what: string) => {
  for (let waited = 0; !ok(); waited += 50) {
    if (waited > 60_000) throw new Error(`waited a minute for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

// A build's preview images, drawn by a process of their own beside Astro and the search indexer: on its main
// thread from the front of the plan until the index is written, then on worker threads from the back too.
// Every card must be drawn once, land at each of its paths as renderCard draws it, and only once Astro is done.
describe('the card drawer', () => {
  const atlas = new Atlas(loadProject(ROOT));
  const slugs = atlas.caseList().slice(0, 5).map((c) => c.slug);
  const plan: PlannedCard[] = LANGS.flatMap((lang) => slugs.map((slug) => ({ path: `og/${lang}/cases/${slug}.png`, card: caseCard(atlas, slug, lang) })));
  // the same card at a second address: drawn once, placed twice
  plan.push({ path: 'og/en/copy/first.png', card: plan[0]!.card });
  let dir: string;
  const saved = { cache: process.env.ATLAS_OG_CACHE_DIR, workers: process.env.ATLAS_OG_WORKERS };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'og-draw-'));
    process.env.ATLAS_OG_CACHE_DIR = join(dir, 'cache');
    process.env.ATLAS_OG_WORKERS = '1';
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    for (const [k, v] of [['ATLAS_OG_CACHE_DIR', saved.cache], ['ATLAS_OG_WORKERS', saved.workers]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('draws each card once, puts nothing in the site before publish(), then every card at each of its paths', async () => {
    const out = join(dir, 'site');
    const drawer = new CardDrawer(plan, out);
    expect(drawer.cached).toBe(0);
    const running = drawer.run();
    const first = cardFile(ogCard(plan[0]!.card));
    await waitFor(() => existsSync(first), 'the first card');
    expect(existsSync(join(out, 'og')), 'cards in the site while Astro still writes it').toBe(false);
    drawer.publish();
    expect(existsSync(join(out, plan[0]!.path)), 'a card drawn before publish() is placed by it').toBe(true);
    drawer.allCores();
    await running;
    expect(drawer.failures).toEqual([]);
    const { pages, index, after } = drawer.drawn;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages + index + after).toBe(plan.length - 1); // the copy is the same card
    for (const { path, card } of plan) expect(readFileSync(join(out, path)).equals(Buffer.from(await renderCard(ogCard(card)))), path).toBe(true);
    expect(readdirSync(join(dir, 'cache')).filter((f) => f.endsWith('.tmp'))).toEqual([]); // no half-written files left
    // placed as a link to the cached file (the same file system here): no second copy of its bytes
    for (const { path, card } of plan) expect(statSync(join(out, path)).ino, path).toBe(statSync(cardFile(ogCard(card))).ino);
    expect(drawer.summary()).toBe(`ℹ preview images: ${plan.length - 1} — ${pages} drawn while the pages were written, ${index} while the search was indexed, ${after} after, 0 from the cache`);
  }, 120_000);

  it('worker threads take cards from the back once the index is written', async () => {
    rmSync(join(dir, 'cache'), { recursive: true, force: true });
    const out = join(dir, 'site-2');
    const drawer = new CardDrawer(plan, out);
    drawer.allCores(); // the worker starts; the main thread has not started drawing
    const last = plan.at(-2)!; // the last distinct card: the worker's first
    await waitFor(() => existsSync(join(out, last.path)), 'the worker thread');
    await drawer.run();
    expect(drawer.failures).toEqual([]);
    expect(drawer.drawn.pages + drawer.drawn.index).toBe(0);
    expect(drawer.drawn.after).toBe(plan.length - 1);
    for (const { path, card } of plan) expect(readFileSync(join(out, path)).equals(Buffer.from(await renderCard(ogCard(card)))), path).toBe(true);
  }, 120_000);

  it('a second build finds every card in the cache and draws none; the site holds only the plan’s cards', async () => {
    const out = join(dir, 'site');
    const drawer = new CardDrawer(plan.slice(0, 4), out);
    expect(drawer.cached).toBe(4);
    drawer.allCores();
    await drawer.run();
    expect(drawer.drawn).toEqual({ pages: 0, index: 0, after: 0 });
    expect(readdirSync(join(out, 'og', 'en', 'cases')).length).toBe(4); // the first build's other cards are gone
    expect(existsSync(join(out, 'og', 'zh'))).toBe(false);
  });

  it('never writes through a link: a card placed where another card is leaves that card’s cached file as it was', async () => {
    rmSync(join(dir, 'cache'), { recursive: true, force: true });
    const out = join(dir, 'site-3');
    const [a, b] = [plan[0]!.card, plan[1]!.card];
    const twice: PlannedCard[] = [{ path: 'og/en/same.png', card: a }, { path: 'og/en/same.png', card: b }];
    const drawer = new CardDrawer(twice, out);
    drawer.allCores();
    await drawer.run();
    expect(drawer.failures).toEqual([]);
    const [drawnA, drawnB] = [Buffer.from(await renderCard(ogCard(a))), Buffer.from(await renderCard(ogCard(b)))];
    expect(drawnA.equals(drawnB)).toBe(false);
    expect(readFileSync(cardFile(ogCard(a))).equals(drawnA), 'the first card’s cached file').toBe(true);
    expect(readFileSync(cardFile(ogCard(b))).equals(drawnB), 'the second card’s cached file').toBe(true);
    const placed = readFileSync(join(out, 'og/en/same.png'));
    expect(placed.equals(drawnA) || placed.equals(drawnB)).toBe(true);
  }, 120_000);

  it('reads back the plan it wrote, and names the file and the card when a plan is wrong', () => {
    const file = join(dir, 'plan.json');
    writePlan(file, plan);
    expect(readPlan(file)).toEqual(plan);
    writeFileSync(file, JSON.stringify([plan[0], { path: 'og/en/../../etc/x.png', card: plan[1]!.card }]));
    expect(() => readPlan(file)).toThrow(`${file}, card 2: found {"path":"og/en/../../etc/x.png"`);
    writeFileSync(file, '{}');
    expect(() => readPlan(file)).toThrow(`${file}: found no list, expected a list of { path: "og/<lang>/<page>.png", card }`);
  });

  it.runIf(existsSync('/proc/self/task'))('runs every thread of its process at the lowest priority, those started later too', async () => {
    const planFile = join(dir, 'nice-plan.json');
    // a cache of its own, so that it has cards to draw when its worker thread starts
    const env = { ...process.env, ATLAS_OG_CACHE_DIR: join(dir, 'nice-cache'), ATLAS_OG_WORKERS: '1' };
    const child = fork(join(ROOT, 'scripts', 'draw-cards.ts'), [planFile, join(dir, 'nice-site')], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const niceness = () =>
      readdirSync(`/proc/${child.pid}/task`).map((t) => Number(readFileSync(`/proc/${child.pid}/task/${t}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]));
    try {
      await new Promise((r) => child.once('spawn', r));
      await waitFor(() => readdirSync(`/proc/${child.pid}/task`).length > 1 && niceness().every((n) => n === 19), 'the drawer to lower its priority');
      const before = niceness().length;
      writePlan(planFile, plan);
      child.send('pages-written');
      child.send('index-written'); // worker threads start now
      await waitFor(() => niceness().length > before, 'the worker thread');
      expect(niceness().every((n) => n === 19)).toBe(true);
      expect(await exited).toBe(0);
      expect(readdirSync(join(dir, 'nice-site', 'og', 'zh', 'cases'))).toHaveLength(slugs.length);
    } finally {
      child.kill();
    }
  }, 60_000);

  it('ATLAS_OG_WORKERS must be a whole number', () => {
    process.env.ATLAS_OG_WORKERS = 'two';
    expect(() => workerCount()).toThrow(/ATLAS_OG_WORKERS: found "two", expected a whole number/);
    process.env.ATLAS_OG_WORKERS = '0';
    expect(workerCount()).toBe(0);
    process.env.ATLAS_OG_WORKERS = '1';
  });
});

// Cards are encoded by encodePng (src/site/og.ts), not by resvg: what a PNG reader decodes must be resvg's pixels.
describe('PNG encoding of the cards', () => {
  it('gives back, decoded, the pixels it was given, whatever they are', () => {
    const width = 7;
    const height = 3;
    const rgba = Uint8Array.from({ length: width * height * 4 }, (_, i) => (i * 37 + (i >> 2) * 11) % 256);
    const png = PNG.sync.read(Buffer.from(encodePng(rgba, width, height)));
    expect([png.width, png.height]).toEqual([width, height]);
    expect(Buffer.from(png.data).equals(Buffer.from(rgba))).toBe(true);
  });

  it('names what is wrong with pixels that do not fill the image', () => {
    expect(() => encodePng(new Uint8Array(10), 2, 2)).toThrow('encodePng: found 10 bytes for 2×2 pixels, expected 16 (4 a pixel)');
    expect(() => encodePng(new Uint8Array(0), 0, 0)).toThrow(/found 0 bytes for 0×0 pixels/);
  });

  it('a drawn card decodes to the picture resvg drew, 1200×630, and is smaller than resvg’s own PNG', async () => {
    const atlas = new Atlas(loadProject(ROOT));
    const card = ogCard(caseCard(atlas, atlas.caseList()[0]!.slug, 'zh'));
    const font = (w: string) => readFileSync(join(ROOT, 'node_modules', '@expo-google-fonts', 'noto-sans-sc', w, `NotoSansSC_${w}.ttf`));
    const fonts = [
      { name: OG_FONT, data: font('400Regular'), weight: 400 as const, style: 'normal' as const },
      { name: OG_FONT, data: font('700Bold'), weight: 700 as const, style: 'normal' as const },
    ];
    const svg = await satori(card as unknown as Parameters<typeof satori>[0], { width: OG_WIDTH, height: OG_HEIGHT, fonts });
    const image = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render();
    const ours = await renderCard(card);
    const decoded = PNG.sync.read(Buffer.from(ours));
    expect([decoded.width, decoded.height]).toEqual([OG_WIDTH, OG_HEIGHT]);
    expect(Buffer.from(decoded.data).equals(Buffer.from(image.pixels))).toBe(true);
    expect(ours.length).toBeLessThan(image.asPng().length);
    // the accent stripe is a box, drawn without a clip path or mask (each one a card-sized layer in resvg)
    expect(svg).not.toMatch(/clip-path=|mask=/);
    const pixel = (x: number, y: number) => [...decoded.data.subarray((y * OG_WIDTH + x) * 4, (y * OG_WIDTH + x) * 4 + 4)];
    for (const y of [0, 315, OG_HEIGHT - 1]) {
      expect(pixel(0, y), `stripe, row ${y}`).toEqual([0x9b, 0x1c, 0x1c, 255]);
      expect(pixel(15, y), `stripe, row ${y}`).toEqual([0x9b, 0x1c, 0x1c, 255]);
      expect(pixel(16, y), `beside the stripe, row ${y}`).toEqual([255, 255, 255, 255]);
    }
  }, 60_000);
});
