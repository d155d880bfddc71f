/**
 * V8 flags for the Node process that runs `astro build` (scripts/build.ts; the scale benchmark gives its bare
 * Astro build the same, so the two are compared like for like).
 *
 * --no-allocation-site-pretenuring: V8 allocates objects from an allocation site whose objects mostly outlived
 * a young-generation collection straight into the old generation. While Astro renders thousands of pages in a
 * row, sites that make each page's short-lived objects end up pretenured: those objects, and the array-buffer
 * memory they hold, are then freed only by a full collection, and V8 starts one every 64 MB of such memory —
 * about every 530 case pages — each marking the whole live heap (about 1 GB at 20,000 cases). Measured with
 * --trace-gc over `astro build` of the 20,000-case benchmark corpus: the collector's time on the main thread
 * 205.5 s without the flag, 105.8 s with it (full collections 274 → 171); see README → Current numbers.
 */
export const ASTRO_BUILD_NODE_FLAGS: readonly string[] = ['--no-allocation-site-pretenuring'];
