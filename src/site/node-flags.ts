import { join } from 'node:path';

/**
 * V8 flags for the Node process that runs `astro build` (scripts/build.ts; the scale benchmark gives its bare
 * Astro build the same, so the two are compared like for like).
 *
 * --no-allocation-site-pretenuring: V8 allocates objects from an allocation site whose objects mostly outlived
 * a young-generation collection straight into the old generation. In `astro build`, V8 starts most full
 * collections on its external-memory trigger (64 MB of array-buffer memory since the last one: about every 530
 * case pages), each marking the whole live heap (about 1 GB at 20,000 cases); that pretenured sites keep each
 * page's short-lived objects and their buffers until a full collection is what the numbers below suggest.
 * Measured with --trace-gc over `astro build` of the 20,000-case benchmark corpus: the collector's time on the
 * main thread 205.5 s without the flag, 105.8 s with it (full collections 274 → 171); see README → Benchmark →
 * What the numbers say → Garbage collection.
 */
export const ASTRO_BUILD_NODE_FLAGS: readonly string[] = ['--no-allocation-site-pretenuring'];

/** Node's arguments for `astro build` with the flags above, Astro taken from `root`'s node_modules. */
export const astroBuildArgs = (root: string): string[] => [...ASTRO_BUILD_NODE_FLAGS, join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'];
