import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BASE_FIXTURE = join(ROOT, 'tests', 'fixtures', 'base');

/** A writable copy of the base fixture corpus; `edit` applies text replacements to its files. */
export function fixtureCopy(): { dir: string; edit: (file: string, find: string | RegExp, replace: string) => void; write: (file: string, text: string) => void; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-fixture-'));
  cpSync(BASE_FIXTURE, dir, { recursive: true });
  return {
    dir,
    edit(file, find, replace) {
      const path = join(dir, file);
      const text = readFileSync(path, 'utf8');
      const next = text.replace(find, replace);
      if (next === text) throw new Error(`fixture edit did not change ${file}: ${String(find)}`);
      writeFileSync(path, next);
    },
    write(file, text) {
      writeFileSync(join(dir, file), text);
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
