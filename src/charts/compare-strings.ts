// The comparison chart's words in each language (shared by the static page and the browser).
import type { Lang } from '../lib/i18n.ts';
import { COMPARE_UI } from '../lib/ui-compare.ts';
import type { CompareStrings } from './compare.ts';

export function compareStrings(lang: Lang): CompareStrings {
  const ui = COMPARE_UI[lang];
  return {
    title: (name) => name,
    levelTag: (level) => ui.levelTag[level] ?? level,
    desc: (ind, n) => ui.desc(ind.description, n),
    zero: ui.zero,
    linkLabel: (r) => ui.link(r.name, r.sub, r.label),
  };
}
