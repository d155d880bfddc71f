import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every file under a directory, as paths relative to it (sorted, with forward slashes). */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

export function htmlFiles(dir: string): string[] {
  return listFiles(dir).filter((f) => f.endsWith('.html'));
}

export function readText(dir: string, file: string): string {
  return readFileSync(join(dir, file), 'utf8');
}
