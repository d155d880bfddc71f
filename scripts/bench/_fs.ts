import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function dirBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    total += s.isDirectory() ? dirBytes(p) : s.size;
  }
  return total;
}

export function htmlCount(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) total += htmlCount(p);
    else if (name.endsWith('.html')) total++;
  }
  return total;
}
