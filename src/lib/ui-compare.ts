// Words of the comparison page, in their own module so the page's script loads only these
// (src/lib/ui.ts includes them as ui.compare).
import type { Lang } from './i18n.ts';

const en = {
  title: 'Compare places',
  intro: 'Choose a figure that is measured the same way in different places and see the reported values side by side. Each value keeps the qualifier and the year of its report, and links to its case.',
  indicator: 'Indicator',
  places: 'Places',
  scale: 'Scale',
  linear: 'Linear',
  log: 'Logarithmic',
  sort: 'Sort',
  sortDesc: 'Largest first',
  sortAsc: 'Smallest first',
  sortName: 'By place name',
  sortPeriod: 'By year',
  settings: 'Chart settings',
  allIndicators: 'Every indicator compared',
  figures: (n: number) => `${n} figure${n === 1 ? '' : 's'}`,
  desc: (description: string, n: number) => `${description} One bar per reported figure (${n}). The figures come from different years and reports: this is not a time series.`,
  zero: '0 (not on a log scale)',
  zeroNote: 'A zero has no place on a logarithmic scale: it is drawn as a hollow dot at the start of the axis and labelled.',
  noRows: 'No figure for the places chosen.',
  link: (name: string, what: string, value: string) => `${name}, ${what}: ${value} — open the figure in its case`,
  notes: {
    badIndicator: 'The address named an indicator that is not compared here; the default indicator is shown instead.',
    badPlaces: 'Some places in the address have no figure for this indicator, or are not known; they were left out.',
    badScale: 'The address named an unknown scale; a linear scale is used.',
    badSort: 'The address named an unknown order; values are sorted largest first.',
    unknownParam: 'The address contained settings this page does not use; they were ignored.',
  } as Record<string, string>,
  marks: {
    lower: 'Arrow with a fading tail: a lower bound (“more than”, “at least”) — the true value is higher.',
    upper: 'Notch at the end: an upper bound (“nearly”, “under”, “up to”) — the true value is lower.',
    approx: 'Whisker: an approximate value (“about”).',
    exact: 'Square end: the figure as printed.',
  } as Record<string, string>,
};

const zh: typeof en = {
  title: '地区比较',
  intro: '选择一项在不同地方口径相同的数字，并排查看各地报道的数值。每个数值保留原文的限定词和所指年份，并链接到所属案例。',
  indicator: '指标',
  places: '地点',
  scale: '刻度',
  linear: '线性',
  log: '对数',
  sort: '排序',
  sortDesc: '从大到小',
  sortAsc: '从小到大',
  sortName: '按地名',
  sortPeriod: '按年份',
  settings: '图表设置',
  allIndicators: '可比较的全部指标',
  figures: (n: number) => `${n}个数字`,
  desc: (description: string, n: number) => `${description}每条代表报道中的一个数字（共${n}个）。各数字出自不同年份和报道，并非时间序列。`,
  zero: '0（无法在对数刻度上标出）',
  zeroNote: '零值在对数刻度上没有位置：以空心圆画在坐标轴起点，并加标注。',
  noRows: '所选地点没有该项数字。',
  link: (name: string, what: string, value: string) => `${name}，${what}：${value}——在所属案例中查看`,
  notes: {
    badIndicator: '地址中的指标不在比较范围内，已显示默认指标。',
    badPlaces: '地址中的部分地点没有该指标的数字或无法识别，已略去。',
    badScale: '地址中的刻度无法识别，已使用线性刻度。',
    badSort: '地址中的排序方式无法识别，已按从大到小排序。',
    unknownParam: '地址中含有本页不使用的设置，已忽略。',
  } as Record<string, string>,
  marks: {
    lower: '箭头和渐隐的尾部：下限（“余”“多”“超”“至少”等），实际数值更大。',
    upper: '末端缺口：上限（“近”“不足”“最多”等），实际数值更小。',
    approx: '误差线：约数（“约”“左右”）。',
    exact: '平头：原文所载确数。',
  } as Record<string, string>,
};

export const COMPARE_UI: Record<Lang, typeof en> = { en, zh };
