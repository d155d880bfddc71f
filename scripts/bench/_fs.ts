import { statSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../../src/lib/paths.ts';

export function dirBytes(dir: string): number {
  return listFiles(dir).reduce((total, f) => total + statSync(join(dir, f)).size, 0);
}

export function htmlCount(dir: string): number {
  return listFiles(dir).filter((f) => f.endsWith('.html')).length;
}
