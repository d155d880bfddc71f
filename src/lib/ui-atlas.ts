// Words of theme pages, related cases, the About page, source lines and embeds, in both languages.
import type { Lang } from './i18n.ts';

const en = {
  // theme pages
  themeSynthesis: 'What these cases share, and how they differ',
  themeMapTitle: (theme: string) => `Where the cases of “${theme}” are`,
  themeChartTitle: 'The figures that matter for this theme',
  themeChartDesc: (n: number) => `Figures of this theme's indicators reported by its cases, one panel per indicator (${n}); values of different indicators never share an axis.`,
  themeChartNone: 'None of the cases in this theme reports a figure for the indicators that matter for it.',
  themeFiguresIntro: (names: string) => `Figures shown on the cards: ${names}.`,
  themeNoFigures: 'None of this case’s figures is of an indicator listed for this theme.',
  themeIndicators: 'Indicators for this theme',
  themeOrder: 'Themes are listed by number of cases, most first.',
  // related cases
  related: 'Related cases',
  relatedIntro: 'Other cases that share themes, place or comparable figures with this one.',
  relatedTheme: (name: string) => `also ${name}`,
  relatedProvince: (name: string) => `same province: ${name}`,
  relatedPrefecture: (name: string) => `same city: ${name}`,
  relatedIndicator: (name: string) => `also reports ${name}`,
  // sources
  reportSection: 'Page or section',
  publicationNotPrinted: 'publication not printed on the page',
  sectionNotPrinted: 'section not printed on the page',
  reportOn: 'Report',
  originalCopy: 'Original',
  noCopy: 'a printed newspaper page; there is no online copy or scan to link to',
  // about
  about: 'About',
  aboutTitle: 'About the atlas',
  aboutFooter: 'About the atlas, corrections and how to report an error',
  lastChanged: 'Data last changed',
  lastChangedBasis: 'the date of the newest entry in the corrections log, or of the newest report when the log is empty',
  correctionsLog: 'Corrections log',
  correctionsIntro: 'Every correction to a case, its figures or its sources, newest first. The log is kept as data in the atlas’s source files (data/corrections.csv) and checked at every build.',
  correctionsDate: 'Date',
  correctionsCase: 'Case',
  correctionsWhat: 'What changed',
  correctionsWhy: 'Why',
  correctionsNone: 'No corrections yet.',
  allCases: 'all cases',
  // embeds
  embed: 'Embed',
  embedCode: 'Code to embed this chart',
  embedHint: 'Paste this into a web page to show the chart there.',
  embedCopy: 'Copy code',
  embedFull: 'Open the full page',
  embedLicence: 'CC BY 4.0',
  embedLicenceText: 'Licence',
};

type Dict = typeof en;

const zh: Dict = {
  themeSynthesis: '这些案例的共同点与差异',
  themeMapTitle: (theme: string) => `“${theme}”案例分布`,
  themeChartTitle: '本主题相关的数字',
  themeChartDesc: (n: number) => `本主题各案例报告的相关指标数字，每个指标单独成图（共${n}个），不同指标不共用坐标轴。`,
  themeChartNone: '本主题的案例均未报告与本主题相关指标的数字。',
  themeFiguresIntro: (names: string) => `卡片上显示的数字：${names}。`,
  themeNoFigures: '本案例的数字均不属于本主题所列指标。',
  themeIndicators: '本主题的指标',
  themeOrder: '主题按案例数量由多到少排列。',
  related: '相关案例',
  relatedIntro: '与本案例主题相同、地区相同或有可比数字的其他案例。',
  relatedTheme: (name: string) => `同为${name}`,
  relatedProvince: (name: string) => `同在${name}`,
  relatedPrefecture: (name: string) => `同在${name}`,
  relatedIndicator: (name: string) => `也报告了${name}`,
  reportSection: '版面',
  publicationNotPrinted: '版面未印报纸名称',
  sectionNotPrinted: '页面未印版面名称',
  reportOn: '报道',
  originalCopy: '原件',
  noCopy: '报纸印刷版面，没有可供链接的网络版或扫描件',
  about: '关于',
  aboutTitle: '关于本图谱',
  aboutFooter: '关于本图谱、更正记录与报错方式',
  lastChanged: '数据最近更新',
  lastChangedBasis: '取更正记录中最新一条的日期；没有更正时取最新报道的日期',
  correctionsLog: '更正记录',
  correctionsIntro: '对案例、数字或来源的每一次更正，按日期由近及远排列。记录以数据形式保存在图谱源文件中（data/corrections.csv），每次构建时都会校验。',
  correctionsDate: '日期',
  correctionsCase: '案例',
  correctionsWhat: '更正内容',
  correctionsWhy: '原因',
  correctionsNone: '暂无更正。',
  allCases: '全部案例',
  embed: '嵌入',
  embedCode: '嵌入本图表的代码',
  embedHint: '将这段代码粘贴到网页中即可在该页面显示本图表。',
  embedCopy: '复制代码',
  embedFull: '打开完整页面',
  embedLicence: 'CC BY 4.0',
  embedLicenceText: '许可',
};

export const UI_ATLAS: Record<Lang, Dict> = { en, zh };
export function ta(lang: Lang): Dict {
  return UI_ATLAS[lang];
}
