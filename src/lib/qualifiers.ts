/** The qualifiers a figure can carry (see data/README.md). Kept free of zod: browser code imports it. */
export const QUALIFIERS = ['exact', 'about', 'nearly', 'more_than', 'at_least', 'up_to', 'less_than'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** Qualifying words as printed, the qualifier each means, and where it sits in Chinese. */
export const QUALIFIER_WORDS: Record<string, { qualifier: Qualifier; position: 'before' | 'after-number' | 'after-unit' | 'inside-unit' }> = {
  余: { qualifier: 'more_than', position: 'after-number' },
  多: { qualifier: 'more_than', position: 'after-number' },
  逾: { qualifier: 'more_than', position: 'before' },
  超: { qualifier: 'more_than', position: 'before' },
  超过: { qualifier: 'more_than', position: 'before' },
  以上: { qualifier: 'more_than', position: 'after-unit' },
  突破: { qualifier: 'more_than', position: 'before' },
  万余: { qualifier: 'more_than', position: 'inside-unit' },
  万多: { qualifier: 'more_than', position: 'inside-unit' },
  亿余: { qualifier: 'more_than', position: 'inside-unit' },
  亿多: { qualifier: 'more_than', position: 'inside-unit' },
  近: { qualifier: 'nearly', position: 'before' },
  将近: { qualifier: 'nearly', position: 'before' },
  约: { qualifier: 'about', position: 'before' },
  左右: { qualifier: 'about', position: 'after-unit' },
  不少于: { qualifier: 'at_least', position: 'before' },
  至少: { qualifier: 'at_least', position: 'before' },
  最多: { qualifier: 'up_to', position: 'before' },
  不超过: { qualifier: 'up_to', position: 'before' },
  以内: { qualifier: 'up_to', position: 'after-unit' },
  不足: { qualifier: 'less_than', position: 'before' },
  不到: { qualifier: 'less_than', position: 'before' },
};
