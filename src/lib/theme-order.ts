/**
 * The one order in which themes are listed everywhere (themes index, home, case index, search filters,
 * the theme × case matrix, a case's glossary): most cases first, then the order of data/themes.csv.
 */
const counts = new WeakMap<object, Map<string, number>>();

export function orderThemes<T extends { id: string }>(themes: readonly T[], cases: readonly { themes: readonly { id: string }[] }[]): T[] {
  // counted once per list of cases (every case page orders its themes against the same list)
  let count = counts.get(cases);
  if (!count) {
    count = new Map<string, number>();
    for (const c of cases) for (const th of c.themes) count.set(th.id, (count.get(th.id) ?? 0) + 1);
    counts.set(cases, count);
  }
  return themes
    .map((th, i) => ({ th, i, n: count.get(th.id) ?? 0 }))
    .sort((a, b) => b.n - a.n || a.i - b.i)
    .map((x) => x.th);
}
