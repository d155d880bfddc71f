/** The part of a newspaper page that is about one case: from its headline to the next article's headline. */

export interface SourceRef {
  id: string;
  file: string;
  headline_zh: string;
}

export interface Passage {
  source: string;
  file: string;
  /** Offsets into the page text; the passage starts at the line holding the headline. */
  start: number;
  end: number;
  text: string;
}

/** A regular expression for a headline that tolerates line breaks and spaces between characters. */
function headlinePattern(headline: string): RegExp {
  const main = headline.split(/\s*——\s*/)[0]!.trim();
  const chars = [...main.replace(/\s+/g, '')].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[:：]/, '[:：]'));
  return new RegExp(chars.join('\\s*'));
}

/** Where a headline is printed on a page (offset of the start of its line), or -1. */
export function headlineOffset(page: string, headline: string): number {
  const m = headlinePattern(headline).exec(page);
  if (!m) return -1;
  return page.lastIndexOf('\n', m.index - 1) + 1;
}

/**
 * The passage of `source` on its page: from the line of its headline to the line of the next
 * headline (of any other source on the same file) printed after it, or the end of the page.
 * Throws when the headline cannot be found, naming the source and the headline looked for.
 */
export function passageOf(page: string, source: SourceRef, sameFile: readonly SourceRef[]): Passage {
  const start = headlineOffset(page, source.headline_zh);
  if (start < 0) throw new Error(`${source.file}: found no headline “${source.headline_zh.split(/\s*——\s*/)[0]}” of source ${source.id}, expected it printed on the page (sources.csv headline_zh)`);
  let end = page.length;
  for (const other of sameFile) {
    if (other.id === source.id || other.file !== source.file) continue;
    const at = headlineOffset(page, other.headline_zh);
    if (at > start && at < end) end = at;
  }
  return { source: source.id, file: source.file, start, end, text: page.slice(start, end) };
}
