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

export type QualifierPosition = (typeof QUALIFIER_WORDS)[string]['position'];

/** Characters that scale a printed number and may begin a unit as printed (3千多名, 1.6万余人次, 6万多元). */
export const SCALE_CHARS = ['十', '百', '千', '万', '亿'] as const;

/**
 * A qualifying word as printed, read for its meaning and its place. `qualifier_zh` records the printed
 * form: 余 or 多 written after a scale character is recorded with it (万余 for 1.6万余人次, 千多 for
 * 3千多名), and then sits inside the unit, after that character; 余 or 多 alone sits right after the
 * number (20余万元). Undefined for a word that is not a qualifier.
 */
export function qualifierWord(word: string): { qualifier: Qualifier; position: QualifierPosition; scale?: string } | undefined {
  const known = QUALIFIER_WORDS[word];
  if (known) return known;
  const [scale, ...rest] = [...word];
  const base = QUALIFIER_WORDS[rest.join('')];
  if (scale && (SCALE_CHARS as readonly string[]).includes(scale) && base?.position === 'after-number')
    return { qualifier: base.qualifier, position: 'inside-unit', scale };
  return undefined;
}

/**
 * Why a printed qualifier cannot sit where the data puts it, or undefined when it can. An inside-unit word
 * needs a unit that begins with its scale character; 余 or 多 never follows a decimal (the report prints
 * 1.6万余人次, never 1.6余万人次).
 */
export function qualifierPlacementProblem(word: string, unit: string, printed: number): string | undefined {
  const q = qualifierWord(word);
  if (!q) return undefined;
  if (q.position === 'inside-unit' && !unit.startsWith(q.scale!))
    return `found "${word}" with unit "${unit}", expected a unit starting with ${q.scale} (as in 6万多元: unit 万元, qualifier_zh 万多)`;
  if (q.position === 'after-number' && !Number.isInteger(printed)) {
    const scale = (SCALE_CHARS as readonly string[]).includes(unit[0]!) ? unit[0] : undefined;
    return `found "${word}" after the decimal ${printed}, which would print ${printed}${word}${unit}; expected the word where the report prints it${scale ? `, after ${scale}: qualifier_zh "${scale}${word}" (${printed}${scale}${word}${unit.slice(1)})` : ''}`;
  }
  return undefined;
}
