// The synthesis of each theme (content/themes/<lang>/<theme-id>.mdx): what its cases share and how they
// differ, written from the profiles. Figures through <Fig>, printed names with digits in <Term>.
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import type { Lang } from '../lib/i18n.ts';

const modules = import.meta.glob<{ default: AstroComponentFactory }>('../../content/themes/*/*.mdx', { eager: true });

/** The synthesis component of a theme in a language, or undefined when none is written. */
export function themeNote(lang: Lang, id: string): AstroComponentFactory | undefined {
  return modules[`../../content/themes/${lang}/${id}.mdx`]?.default;
}
