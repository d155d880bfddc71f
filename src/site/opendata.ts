// The published data files, read once per build: each data/*.csv byte for byte, and the cases table made from frontmatter.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PUBLISHED_TABLES, type PublishedTable } from '../lib/columns.ts';
import { casesRows, toCsv, type FileFacts } from '../lib/opendata.ts';
import { dataDir } from '../lib/paths.ts';
import { getAtlas } from './atlas.ts';

let cached: Promise<Record<PublishedTable, Uint8Array<ArrayBuffer>>> | undefined;

/** The CSV files as published (the build runs with the project root as its working directory). */
export function publishedCsv(): Promise<Record<PublishedTable, Uint8Array<ArrayBuffer>>> {
  cached ??= (async () => {
    const atlas = await getAtlas();
    const dir = dataDir(process.cwd());
    return Object.fromEntries(
      PUBLISHED_TABLES.map((t) => [t, t === 'cases' ? new TextEncoder().encode(toCsv('cases', casesRows(atlas))) : new Uint8Array(readFileSync(join(dir, `${t}.csv`)))]),
    ) as Record<PublishedTable, Uint8Array<ArrayBuffer>>;
  })();
  return cached;
}

export function fileFacts(bytes: Uint8Array): FileFacts {
  return { bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
}
