import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../../src/lib/paths.ts';

/** Every file under a directory, as paths relative to it (sorted, with forward slashes). */
export { listFiles };

export function htmlFiles(dir: string): string[] {
  return listFiles(dir).filter((f) => f.endsWith('.html'));
}

export function readText(dir: string, file: string): string {
  return readFileSync(join(dir, file), 'utf8');
}
