// The About page's text (content/about/<lang>.mdx) and the corrections log (data/corrections.csv), read once per build.
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import type { Lang } from '../lib/i18n.ts';
import { checkCorrections, sortCorrections, type Correction } from '../lib/corrections.ts';
import { getAtlas } from './atlas.ts';

const modules = import.meta.glob<{ default: AstroComponentFactory }>('../../content/about/*.mdx', { eager: true });

export function aboutText(lang: Lang): AstroComponentFactory | undefined {
  return modules[`../../content/about/${lang}.mdx`]?.default;
}

let cached: Promise<Correction[]> | undefined;

/** The corrections log, newest first (validated at the start of the build; the build runs in the project root). */
export function corrections(): Promise<Correction[]> {
  cached ??= (async () => {
    const atlas = await getAtlas();
    return sortCorrections(checkCorrections(process.cwd(), atlas.caseList().map((c) => c.slug)).rows);
  })();
  return cached;
}
