/**
 * The site-wide 404.html holds the not-found text in both languages. A host that serves this one
 * file for every missing address gives it to Chinese readers too: for an address under <base>zh/
 * this shows the Chinese text alone (and the English one elsewhere). Without JavaScript both show.
 */
const root = document.querySelector<HTMLElement>('[data-not-found-base]');
if (root) {
  const base = root.dataset.notFoundBase ?? '/';
  const rel = location.pathname.startsWith(base) ? location.pathname.slice(base.length) : location.pathname.replace(/^\/+/, '');
  const lang = /^zh(\/|$)/.test(rel) ? 'zh' : 'en';
  for (const block of root.querySelectorAll<HTMLElement>('[data-not-found-lang]')) block.hidden = block.dataset.notFoundLang !== lang;
  if (lang === 'zh') {
    const zh = root.querySelector<HTMLElement>('[data-not-found-lang="zh"]');
    document.documentElement.lang = 'zh-Hans';
    if (zh?.dataset.title) document.title = zh.dataset.title;
  }
}
