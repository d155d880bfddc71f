/**
 * The one order in which themes are listed everywhere (themes index, home, case index, search filters,
 * the theme × case matrix, a case's glossary): most cases first, then the order of data/themes.csv.
 */
export function orderThemes<T extends { id: string }>(themes: readonly T[], cases: readonly { themes: readonly { id: string }[] }[]): T[] {
  const count = new Map<string, number>();
  for (const c of cases) for (const th of c.themes) count.set(th.id, (count.get(th.id) ?? 0) + 1);
  return themes
    .map((th, i) => ({ th, i, n: count.get(th.id) ?? 0 }))
    .sort((a, b) => b.n - a.n || a.i - b.i)
    .map((x) => x.th);
}
