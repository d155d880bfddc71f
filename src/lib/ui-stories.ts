import type { Lang } from './i18n.ts';

/** Interface text of the data stories (index, story pages, their charts, home page block). */
export const STORY_UI = {
  en: {
    nav: 'Stories',
    indexTitle: 'Stories',
    indexLede: 'Longer pieces that read several cases side by side: what the reports say, what their figures measure, and what they leave out. Every number comes from a row of the figures table.',
    kind: 'Story',
    featured: 'Featured stories',
    allStories: 'All stories',
    none: 'No stories yet.',
    casesDrawnOn: 'Cases in this story',
    figures: 'Every figure in this story',
    figuresLede: 'Each number in the text and the charts links to its row here; the case page gives the full context and the source.',
    chartCount: (n: number) => `${n} chart${n === 1 ? '' : 's'}`,
    caseCount: (n: number) => `${n} case${n === 1 ? '' : 's'}`,
    themes: 'Themes',
    unknownColumn: 'not given',
    periodsNote: 'Filled: the report prints when the figure applies. Hollow: the time is inferred (see the note on the figure). Dashed circle at the right: the report gives no time.',
    panelsNote: 'Each panel has its own axis from zero: figures in different panels are not on the same scale and should not be compared by length.',
    barsNote: 'One axis from zero for all bars. A bar with an arrow is a lower bound (“more than”); a notch marks “nearly”.',
    linkLabel: (label: string, value: string) => `${label}: ${value} — go to the row in the figures table`,
    panel: 'Panel',
    counted: 'What is counted',
    caseCol: 'Case',
    rss: 'Story',
  },
  zh: {
    nav: '专题',
    indexTitle: '专题报道',
    indexLede: '把几个案例放在一起读的长篇：报道说了什么，数字量的是什么，又略去了什么。文中每个数字都来自数据表的一行。',
    kind: '专题',
    featured: '精选专题',
    allStories: '全部专题',
    none: '暂无专题。',
    casesDrawnOn: '本文涉及的案例',
    figures: '本文所用全部数字',
    figuresLede: '正文和图表中的每个数字都链接到这里的对应行；案例页给出完整背景和出处。',
    chartCount: (n: number) => `${n}张图表`,
    caseCount: (n: number) => `${n}个案例`,
    themes: '主题',
    unknownColumn: '未注明',
    periodsNote: '实心：报道印明了数字所指的时间。空心：时间为推定（见该数字的说明）。右侧虚线圆：报道未给出时间。',
    panelsNote: '每个小图各有从零开始的坐标轴：不同小图中的数字不在同一刻度上，不应按长度比较。',
    barsNote: '所有条形共用一条从零开始的坐标轴。带箭头的条形表示下限（“余”“多”），缺口表示“近”。',
    linkLabel: (label: string, value: string) => `${label}：${value}——跳到数字表中的对应行`,
    panel: '小图',
    counted: '统计内容',
    caseCol: '案例',
    rss: '专题',
  },
} satisfies Record<Lang, unknown>;

export function storyUi(lang: Lang) {
  return STORY_UI[lang];
}

/** Addresses of the stories, relative to the site base. */
export const storyRoutes = {
  index: (lang: Lang) => `${lang}/stories/`,
  story: (lang: Lang, slug: string) => `${lang}/stories/${slug}/`,
  csv: (lang: Lang, slug: string, chart: string) => `${lang}/stories/${slug}/${chart}.csv`,
  og: (lang: Lang, slug: string) => `og/${lang}/stories/${slug}.png`,
};
