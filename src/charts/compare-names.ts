/**
 * The names the comparison's place picker searches, per indicator (build time only): each place with a
 * figure, named in both languages, with the names of the places it lies in and the shard of its figures.
 */
import type { Atlas } from '../lib/atlas.ts';
import { placeName } from '../lib/place-kind.ts';
import { shardOf } from './compare-shards.ts';
import { nameFiles, type NameEntry } from './compare-search.ts';

const memo = new WeakMap<Atlas, Map<string, ReturnType<typeof nameFiles>>>();

/** The name files of an indicator (key → entries) and their index, built once per atlas. */
export function compareNameFiles(atlas: Atlas, indicator: string): ReturnType<typeof nameFiles> {
  let byInd = memo.get(atlas);
  if (!byInd) memo.set(atlas, (byInd = new Map()));
  let files = byInd.get(indicator);
  if (!files) {
    const seen = new Set<string>();
    const entries: NameEntry[] = [];
    for (const o of atlas.observationsOf(indicator)) {
      if (seen.has(o.place)) continue;
      seen.add(o.place);
      const chain = atlas.chain(o.place);
      const place = atlas.places.get(o.place)!;
      // nearest first, without the place itself and the country
      const parents = chain.filter((p) => p.id !== o.place && p.level !== 'country').reverse();
      entries.push({
        id: o.place,
        en: placeName(place, 'en'),
        zh: placeName(place, 'zh'),
        s: shardOf({ within: chain.map((p) => p.id), place: o.place }),
        pe: parents.map((p) => placeName(p, 'en')),
        pz: parents.map((p) => placeName(p, 'zh')),
      });
    }
    byInd.set(indicator, (files = nameFiles(entries)));
  }
  return files;
}
