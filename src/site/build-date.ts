import { spawnSync } from 'node:child_process';
import { buildDate } from '../lib/build-date.ts';
import { getAtlas } from './atlas.ts';

let cached: Promise<string | undefined> | undefined;

/**
 * The date this build stands for (YYYY-MM-DD): SOURCE_DATE_EPOCH, else the latest commit's date,
 * else the newest date in the data. Never the wall clock, so rebuilding a commit gives the same files.
 */
export function siteBuildDate(): Promise<string | undefined> {
  cached ??= (async () => {
    const git = spawnSync('git', ['log', '-1', '--format=%cI'], { cwd: process.cwd(), encoding: 'utf8' });
    const atlas = await getAtlas();
    return buildDate({
      sourceDateEpoch: process.env.SOURCE_DATE_EPOCH,
      gitDate: git.status === 0 ? git.stdout.trim() : undefined,
      dataDates: [...atlas.data.sources.map((s) => s.date), ...atlas.caseList().map((c) => c.date)],
    });
  })();
  return cached;
}
