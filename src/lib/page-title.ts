/** Longest <title> we publish (search engines show about 60 characters; the HTML gate allows 100). */
export const MAX_TITLE = 100;

/**
 * A page's <title>: the page, then the site (“Guangdong · Party-Building Case Atlas”). A title too
 * long for both is shortened at a word boundary with an ellipsis, so the site's name is always there.
 */
export function pageTitle(title: string, siteName: string, max = MAX_TITLE): string {
  const t = title.trim();
  if (t === siteName) return t;
  const suffix = ` · ${siteName}`;
  if (t.length + suffix.length <= max) return `${t}${suffix}`;
  const room = max - suffix.length - 1;
  const cut = t.slice(0, room);
  // Chinese has no spaces: cut anywhere; otherwise at the last space or punctuation
  const at = Math.max(cut.lastIndexOf(' '), cut.lastIndexOf(','), cut.lastIndexOf(':'));
  const head = (/[\u3400-\u9fff]/.test(cut) || at < room / 2 ? cut : cut.slice(0, at)).replace(/[\s,:;·–—-]+$/, '');
  return `${head}…${suffix}`;
}
