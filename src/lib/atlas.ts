import type { AtlasData, CaseDoc } from './validate.ts';
import type { CaseEvents, Indicator, Observation, Place, Source, Theme, Unit } from './schema.ts';
import { collator, localName, type Lang } from './i18n.ts';

export interface CaseEntry {
  slug: string;
  docs: Partial<Record<Lang, CaseDoc>>;
  place: Place;
  source: Source;
  /** When the events the case describes happened, with basis and notes (the report's date is `source.date`). */
  events: CaseEvents;
  /** The events' date (`events.date`): what lists, the timeline and “newest first” order by. */
  date: string;
  themes: Theme[];
  observations: Observation[];
  key: Observation[];
  /** Parent chain, country first, the case's own place last. */
  chain: Place[];
  province: Place | undefined;
}

/** Indexed, cross-linked view of validated data: what pages and charts read. */
export class Atlas {
  readonly data: AtlasData;
  readonly places = new Map<string, Place>();
  readonly sources = new Map<string, Source>();
  readonly indicators = new Map<string, Indicator>();
  readonly units = new Map<string, Unit>();
  readonly themes = new Map<string, Theme>();
  readonly observations = new Map<string, Observation>();
  readonly cases = new Map<string, CaseEntry>();

  constructor(data: AtlasData) {
    this.data = data;
    for (const p of data.places) this.places.set(p.id, p);
    for (const s of data.sources) this.sources.set(s.id, s);
    for (const i of data.indicators) this.indicators.set(i.id, i);
    for (const u of data.units) this.units.set(u.unit, u);
    for (const t of data.themes) this.themes.set(t.id, t);
    for (const o of data.observations) this.observations.set(o.id, o);
    const docsBySlug = new Map<string, Partial<Record<Lang, CaseDoc>>>();
    for (const c of data.cases) {
      const docs = docsBySlug.get(c.slug) ?? {};
      docs[c.lang] = c;
      docsBySlug.set(c.slug, docs);
    }
    const obsByCase = new Map<string, Observation[]>();
    for (const o of data.observations) {
      const list = obsByCase.get(o.case) ?? [];
      list.push(o);
      obsByCase.set(o.case, list);
    }
    for (const slug of [...docsBySlug.keys()].sort()) {
      const docs = docsBySlug.get(slug)!;
      const fm = (docs.en ?? docs.zh)!.frontmatter;
      const place = this.places.get(fm.place)!;
      const chain = this.chain(place.id);
      const observations = obsByCase.get(slug) ?? [];
      this.cases.set(slug, {
        slug,
        docs,
        place,
        source: this.sources.get(fm.source)!,
        events: fm.events,
        date: fm.events.date,
        themes: fm.themes.map((t) => this.themes.get(t)!),
        observations,
        key: fm.key.map((k) => this.observations.get(k)!),
        chain,
        province: chain.find((p) => p.level === 'province'),
      });
    }
  }

  /** Parent chain of a place, country first. */
  chain(placeId: string): Place[] {
    const out: Place[] = [];
    let cur = this.places.get(placeId);
    const seen = new Set<string>();
    while (cur && !seen.has(cur.id)) {
      seen.add(cur.id);
      out.unshift(cur);
      cur = cur.parent ? this.places.get(cur.parent) : undefined;
    }
    return out;
  }

  /** Is `placeId` equal to or inside `ancestorId`? */
  within(placeId: string, ancestorId: string): boolean {
    return this.chain(placeId).some((p) => p.id === ancestorId);
  }

  #byIndicator: Map<string, Observation[]> | undefined;

  /** Observations of one indicator, in table order. */
  observationsOf(indicatorId: string): Observation[] {
    if (!this.#byIndicator) {
      this.#byIndicator = new Map();
      for (const o of this.data.observations) {
        const list = this.#byIndicator.get(o.indicator) ?? [];
        list.push(o);
        this.#byIndicator.set(o.indicator, list);
      }
    }
    return this.#byIndicator.get(indicatorId) ?? [];
  }

  #caseList: readonly CaseEntry[] | undefined;

  /** Every case, in table order: one shared list (read-only; copy it to reorder). */
  caseList(): CaseEntry[] {
    this.#caseList ??= Object.freeze([...this.cases.values()]);
    return this.#caseList as CaseEntry[];
  }

  #byPlace: Map<string, CaseEntry[]> | undefined;
  #byTheme: Map<string, CaseEntry[]> | undefined;
  #sorted = new Map<string, CaseEntry[]>();

  /** Cases at a place or inside it, in slug order (indexed once: every region page asks). */
  casesIn(placeId: string): CaseEntry[] {
    this.#byPlace ??= indexCases(this.cases.values(), (c) => c.chain.map((x) => x.id));
    return this.#byPlace.get(placeId) ?? [];
  }

  /** Cases with a theme (primary or not), in slug order (indexed once). */
  casesWithTheme(themeId: string): CaseEntry[] {
    this.#byTheme ??= indexCases(this.cases.values(), (c) => c.themes.map((x) => x.id));
    return this.#byTheme.get(themeId) ?? [];
  }

  /** Every case in a language's order, sorted once per language and order (do not mutate the result). */
  sortedCases(lang: Lang, by: 'name' | 'date' = 'name'): readonly CaseEntry[] {
    const key = `${lang}|${by}`;
    let list = this.#sorted.get(key);
    if (!list) this.#sorted.set(key, (list = this.sortCases(this.caseList(), lang, by)));
    return list;
  }

  /** Places that get a region page: provinces, prefectures and counties containing at least one case. */
  regions(): Place[] {
    this.#regions ??= this.#computeRegions();
    return this.#regions;
  }

  #regions: Place[] | undefined;
  #regionIds: Set<string> | undefined;
  #subregions: Map<string, Place[]> | undefined;

  /** Ids of the places with a region page (computed once; every case and region page asks). */
  regionIds(): ReadonlySet<string> {
    this.#regionIds ??= new Set(this.regions().map((p) => p.id));
    return this.#regionIds;
  }

  /** The regions whose parent is this place, in the places table's order (indexed once). */
  subregions(placeId: string): Place[] {
    if (!this.#subregions) {
      this.#subregions = new Map();
      for (const r of this.regions()) {
        const list = this.#subregions.get(r.parent);
        if (list) list.push(r);
        else this.#subregions.set(r.parent, [r]);
      }
    }
    return this.#subregions.get(placeId) ?? [];
  }

  #computeRegions(): Place[] {
    const ids = new Set<string>();
    for (const c of this.cases.values()) for (const p of c.chain) if (p.level === 'province' || p.level === 'prefecture' || p.level === 'county') ids.add(p.id);
    return this.data.places.filter((p) => ids.has(p.id));
  }

  unitOf(o: Observation): Unit {
    return this.units.get(o.unit)!;
  }

  sortCases(list: CaseEntry[], lang: Lang, by: 'name' | 'date' = 'name'): CaseEntry[] {
    const coll = collator(lang);
    const name = (c: CaseEntry) => localName(c.place, lang);
    return [...list].sort((a, b) => (by === 'date' ? (a.date === b.date ? 0 : a.date === 'unknown' ? 1 : b.date === 'unknown' ? -1 : a.date < b.date ? 1 : -1) : 0) || coll.compare(name(a), name(b)) || (a.slug < b.slug ? -1 : 1));
  }
}

/** Each key → the cases that have it (each case once per key), in the given order. */
function indexCases(cases: Iterable<CaseEntry>, keysOf: (c: CaseEntry) => string[]): Map<string, CaseEntry[]> {
  const index = new Map<string, CaseEntry[]>();
  for (const c of cases)
    for (const k of new Set(keysOf(c))) {
      const list = index.get(k);
      if (list) list.push(c);
      else index.set(k, [c]);
    }
  return index;
}
