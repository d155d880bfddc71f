// Rebuilding after an edit reuses what did not change (Astro's incremental build, keyed by src/site/cache-key.ts)
// and never leaves a page stale: a small synthetic corpus is built, a marker is planted in the cached copies of
// pages, one case's text is edited and the site rebuilt — unchanged pages come back from the cache (with the
// marker), the edited page is rendered anew (without it); then a figure is edited in observations.csv — every
// keyed page is rendered anew; finally a build from empty caches gives byte-identical files.
// Plant: in src/site/cache-key.ts leave observations.csv out of the digest (skip files ending in .csv) — the
// figure edit then leaves case-00001's page stale and the comparison with a fresh build fails.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/bench/_corpus.ts';
import { listFiles } from '../../src/lib/paths.ts';
import { ROOT } from '../helpers/fixture.ts';

const PLANT = '<!-- restored from the cache -->';
let dir: string;
let corpus: ReturnType<typeof generateCorpus>;

function build(out: string, cache: string): void {
  const env: NodeJS.ProcessEnv = { ...process.env, ATLAS_OUT_DIR: out, ATLAS_DATA_DIR: corpus.data, ATLAS_CONTENT_DIR: corpus.content, ATLAS_SOURCES_DIR: corpus.sources, ATLAS_CACHE_DIR: cache, ATLAS_OG_CACHE_DIR: join(cache, 'og') };
  for (const k of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'ASSETS_PREFIX', 'SITE']) delete env[k];
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--silent'], { cwd: ROOT, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build into ${out} failed:\n${r.stdout}\n${r.stderr}`);
}
const read = (dist: string, rel: string) => readFileSync(join(dist, rel), 'utf8');
const plant = (cache: string, rel: string) => appendFileSync(join(cache, 'dist', rel), PLANT);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-incremental-'));
  corpus = generateCorpus(ROOT, dir, 24);
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('rebuilding after an edit', () => {
  it('restores unchanged pages from the cache, renders the edited ones, and matches a build from empty caches', () => {
    const cache = join(dir, 'cache');
    const first = join(dir, 'first');
    build(first, cache);
    const unchanged = ['en/cases/case-00001/index.html', 'zh/cases/case-00003/index.html', 'en/regions/county-00001/index.html', 'en/cases/index.html'];
    const edited = 'en/cases/case-00003/index.html';
    for (const rel of [...unchanged, edited]) plant(cache, rel);

    // one case's English text
    const sentence = 'A sentence added after the first build.';
    appendFileSync(join(corpus.content, 'en', 'case-00003.mdx'), `\n${sentence}\n`);
    const second = join(dir, 'second');
    build(second, cache);
    for (const rel of unchanged) expect(read(second, rel), `${rel} was rendered again`).toContain(PLANT);
    expect(read(second, edited)).toContain(sentence);
    expect(read(second, edited)).not.toContain(PLANT);
    expect(read(second, 'zh/cases/case-00003/index.html')).not.toContain(sentence);

    // one figure of case-00001 in observations.csv: every keyed page is rendered again
    const obs = join(corpus.data, 'observations.csv');
    const before = readFileSync(obs, 'utf8');
    const after = before.replace(/^(case-00001-orgs,case-00001,[^,]*,contest_participants,)\d+,/m, '$1987,');
    expect(after).not.toBe(before);
    writeFileSync(obs, after);
    const third = join(dir, 'third');
    build(third, cache);
    expect(read(third, 'en/cases/case-00001/index.html')).toContain('987');
    const files = listFiles(third);
    expect(files.filter((f) => f.endsWith('.html') && read(third, f).includes(PLANT))).toEqual([]);

    // the same inputs from empty caches: the same files, byte for byte
    const fresh = join(dir, 'fresh');
    build(fresh, join(dir, 'empty-cache'));
    expect(listFiles(fresh)).toEqual(files);
    expect(files.filter((f) => !readFileSync(join(fresh, f)).equals(readFileSync(join(third, f))))).toEqual([]);
  }, 900_000);
});
