// Words the search page's script writes (status line, result kinds, the closed panel's summary), in their own
// module so the script loads only these (src/lib/ui.ts includes them).
import type { Lang } from './i18n.ts';

const en = {
  searchPrompt: 'Type a word, a programme or a place name, or choose a filter.',
  searchLoading: 'Searching…',
  searchResults: (n: number, q: string) => `${n} result${n === 1 ? '' : 's'}${q ? ` for “${q}”` : ''}`,
  searchNone: 'No pages match. Try a shorter word or another spelling, or remove a filter.',
  searchFailed: 'Search could not be loaded. Please reload the page.',
  searchPanelNone: 'none chosen',
  searchSimplified: (q: string) => `Searched in simplified characters: “${q}”.`,
  resultKind: { case: 'Case', story: 'Story', theme: 'Theme', region: 'Region', methodology: 'Methodology', page: 'Page' } as Record<string, string>,
};

const zh: typeof en = {
  searchPrompt: '输入词语、项目名称或地名，或选择筛选条件。',
  searchLoading: '正在搜索…',
  searchResults: (n: number, q: string) => `${q ? `“${q}”：` : ''}共${n}条结果`,
  searchNone: '没有匹配的页面。可尝试更短的词或其他写法，或取消筛选条件。',
  searchFailed: '搜索功能未能加载，请刷新页面。',
  searchPanelNone: '未选择',
  searchSimplified: (q: string) => `已按简体字检索：“${q}”。`,
  resultKind: { case: '案例', story: '专题', theme: '主题', region: '地区', methodology: '方法说明', page: '页面' },
};

export const SEARCH_UI: Record<Lang, typeof en> = { en, zh };
