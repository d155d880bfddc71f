/**
 * Draw a build's preview cards in a process of their own (scripts/draw-cards.ts, started by scripts/build.ts
 * beside `astro build`). Astro renders pages on one thread and Pagefind's indexing keeps about one core busy,
 * so on a machine with two cores one core is left over while each runs: the drawer draws the cards not in the
 * cache on its main thread while those run, at the lowest priority (scripts/draw-cards.ts), and on every core (worker threads, src/site/og-worker.ts) once the
 * search index is written. Astro's images route lists the cards in a plan file as soon as the build knows its
 * pages; the drawer puts the cards into the built site once Astro has finished writing it (Astro empties and
 * prunes its output folder while it works).
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ogCard, type CardInput } from '../lib/og-card.ts';
import { cardFile, renderCard, workerCount, writeAtomically, writeAtomicallyLater } from './og.ts';

/** A card the site needs: where it goes under the built site (og/en/cases/x.png) and what it shows. */
export interface PlannedCard {
  path: string;
  card: CardInput;
}

/** Write the plan at once (another process waits for the file to appear, and must never read half of it). */
export function writePlan(file: string, cards: PlannedCard[]): void {
  writeAtomically(file, JSON.stringify(cards));
}

export function readPlan(file: string): PlannedCard[] {
  const plan: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const bad = Array.isArray(plan) ? plan.findIndex((p) => typeof p?.path !== 'string' || !/^og\/[a-z]+\/[\w/-]+\.png$/.test(p.path) || typeof p?.card?.title !== 'string') : -1;
  if (!Array.isArray(plan) || bad >= 0)
    throw new Error(`${file}${Array.isArray(plan) ? `, card ${bad + 1}: found ${JSON.stringify(plan[bad]).slice(0, 200)}` : ': found no list'}, expected a list of { path: "og/<lang>/<page>.png", card } from the images' route`);
  return plan as PlannedCard[];
}

/** While Astro writes the pages, while Pagefind indexes them, after both. */
export type Phase = 'pages' | 'index' | 'after';

/** Cards drawn on the main thread and being written at most, before it draws the next (about 50 KiB each). */
const CARDS_IN_WRITING = 8;

export class CardDrawer {
  phase: Phase = 'pages';
  readonly drawn: Record<Phase, number> = { pages: 0, index: 0, after: 0 };
  /** Cards found in the cache, drawn by an earlier build. */
  readonly cached: number;
  /** Cards that could not be drawn: where each goes, and why. */
  readonly failures: string[] = [];
  /** Cache file → the card and every path in the site that shows it (the card's element tree is made again to draw it: kept, 40,000 of them held about 80 MB). */
  private readonly cards = new Map<string, { card: CardInput; paths: string[] }>();
  /** Cache files to draw, in the plan's order: the main thread takes from the front, worker threads from the back. */
  private readonly todo: string[] = [];
  private head = 0;
  private tail: number;
  private published = false;
  private publishedSignal!: () => void;
  private readonly publishedNow = new Promise<void>((r) => (this.publishedSignal = r));
  private readonly workers: Promise<void>[] = [];

  private readonly out: string;

  constructor(plan: PlannedCard[], out: string) {
    this.out = out;
    for (const { path, card } of plan) {
      const file = cardFile(ogCard(card));
      const entry = this.cards.get(file);
      if (entry) entry.paths.push(path);
      else this.cards.set(file, { card, paths: [path] });
    }
    for (const file of this.cards.keys()) if (!existsSync(file)) this.todo.push(file);
    this.tail = this.todo.length;
    this.cached = this.cards.size - this.todo.length;
  }

  /** Astro has finished: put every card drawn so far into the site, and each later one as it is drawn. */
  publish(): void {
    if (this.published) return;
    this.published = true;
    rmSync(join(this.out, 'og'), { recursive: true, force: true });
    for (const file of this.cards.keys()) if (existsSync(file)) this.place(file);
    if (this.phase === 'pages') this.phase = 'index';
    this.publishedSignal();
  }

  /** The search index is written: draw on every core. */
  allCores(): void {
    this.publish();
    if (this.phase === 'after') return;
    this.phase = 'after';
    for (let i = Math.min(workerCount(), this.tail - this.head); i > 0; i--) this.workers.push(this.startWorker());
  }

  /** Draw every card, and resolve once each is in the site (after publish()). */
  async run(): Promise<void> {
    // the cards this thread has drawn and not yet written: written on libuv's threads while the next is drawn
    // (see writeAtomicallyLater), a few at a time
    const writing = new Set<Promise<void>>();
    do {
      for (let file = this.takeFirst(); file !== undefined; file = this.takeFirst()) {
        const drawn = file;
        try {
          const png = await renderCard(ogCard(this.cards.get(drawn)!.card));
          const phase = this.phase; // counted where it was drawn, though written a moment later
          const written: Promise<void> = writeAtomicallyLater(drawn, png)
            .then(
              () => this.done(drawn, phase),
              (e: unknown) => this.fail(drawn, e instanceof Error ? e.message : String(e)),
            )
            .finally(() => writing.delete(written));
          writing.add(written);
          if (writing.size >= CARDS_IN_WRITING) await Promise.race(writing);
        } catch (e) {
          this.fail(drawn, e instanceof Error ? e.message : String(e));
        }
        await new Promise((r) => setImmediate(r)); // let the build's messages in between cards
      }
      await Promise.all(writing);
      await Promise.all(this.workers);
    } while (this.head < this.tail); // a worker thread that stopped left cards: this thread draws them
    await this.publishedNow;
  }

  /** One line for the build's log: where the cards came from. */
  summary(): string {
    const n = (x: number) => x.toLocaleString('en');
    const { pages, index, after } = this.drawn;
    return `ℹ preview images: ${n(this.cards.size)} — ${n(pages)} drawn while the pages were written, ${n(index)} while the search was indexed, ${n(after)} after, ${n(this.cached)} from the cache`;
  }

  private takeFirst(): string | undefined {
    return this.head < this.tail ? this.todo[this.head++] : undefined;
  }

  private takeLast(): string | undefined {
    return this.head < this.tail ? this.todo[--this.tail] : undefined;
  }

  private done(file: string, phase: Phase = this.phase): void {
    this.drawn[phase]++;
    if (this.published) this.place(file);
  }

  private fail(file: string, why: string): void {
    this.failures.push(`${this.cards.get(file)!.paths.join(', ')}: ${why}`);
  }

  /**
   * Put a drawn card at each of its paths in the site: a hard link to the cached file, which costs no copy of
   * its bytes (a card is never written in place: a new drawing is a new file, see writeAtomically), or a copy
   * where the cache is on another file system or a link cannot be made.
   */
  private place(file: string): void {
    for (const path of this.cards.get(file)!.paths) {
      const to = join(this.out, path);
      mkdirSync(dirname(to), { recursive: true });
      rmSync(to, { force: true }); // a file already there may be a link to another cached card: never write through it
      try {
        linkSync(file, to);
      } catch {
        copyFileSync(file, to);
      }
    }
  }

  private startWorker(): Promise<void> {
    return new Promise((resolve) => {
      const worker = new Worker(join(process.cwd(), 'src', 'site', 'og-worker.ts'));
      let current: string | undefined;
      const next = () => {
        current = this.takeLast();
        if (current === undefined) return void worker.terminate();
        worker.postMessage({ file: current, card: ogCard(this.cards.get(current)!.card) });
      };
      worker.on('message', (m: { file: string; error?: string }) => {
        if (m.error) this.fail(m.file, m.error);
        else this.done(m.file);
        next();
      });
      worker.on('error', (e: Error) => {
        if (current !== undefined) this.fail(current, `a worker thread stopped: ${e.message}`);
        current = undefined;
      });
      worker.on('exit', () => resolve());
      next();
    });
  }
}
