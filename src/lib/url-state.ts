/**
 * The comparison's state in the address bar: ?indicator=…&places=…&scale=…&sort=…
 * Parsing never throws and never passes a value through that is not on a known list: anything
 * unknown or hostile falls back to the default and adds a note key (shown to the reader as a
 * fixed, translated sentence — the offending text itself is never echoed).
 */
export const SCALES = ['linear', 'log'] as const;
export const SORTS = ['desc', 'asc', 'name', 'period'] as const;
export type Scale = (typeof SCALES)[number];
export type Sort = (typeof SORTS)[number];

export interface CompareState {
  indicator: string;
  /** Place ids (a place and everything inside it) or case slugs; null = every place with data. */
  places: string[] | null;
  scale: Scale;
  sort: Sort;
}

export const NOTE_KEYS = ['badIndicator', 'badPlaces', 'badScale', 'badSort', 'unknownParam'] as const;
export type NoteKey = (typeof NOTE_KEYS)[number];

export interface StateContext {
  /** Indicators offered, in order. */
  indicators: readonly string[];
  defaultIndicator: string;
  /** Tokens accepted in `places` for an indicator (ids of places with data and their ancestors, case slugs). */
  placeTokens: (indicator: string) => ReadonlySet<string>;
}

export const PARAMS = ['indicator', 'places', 'scale', 'sort'] as const;
const MAX_LENGTH = 2000;
const MAX_PLACES = 100;
const TOKEN = /^[a-z0-9][a-z0-9_-]{0,80}$/;

export function defaultState(ctx: StateContext, indicator = ctx.defaultIndicator): CompareState {
  return { indicator, places: null, scale: 'linear', sort: 'desc' };
}

function params(search: string | URLSearchParams): URLSearchParams | null {
  if (typeof search !== 'string') return search;
  if (search.length > MAX_LENGTH * 4) return null;
  try {
    return new URLSearchParams(search);
  } catch {
    return null;
  }
}

/**
 * Read a state from a query string. `fallbackIndicator` is the indicator of the page the query is
 * read on (the per-indicator pages); it is used when the query names none.
 */
export function parseCompareState(search: string | URLSearchParams, ctx: StateContext, fallbackIndicator?: string): { state: CompareState; notes: NoteKey[] } {
  const notes = new Set<NoteKey>();
  const parsed = params(search);
  if (!parsed) notes.add('unknownParam'); // far too long to be ours: ignored whole
  const p = parsed ?? new URLSearchParams();
  const base = fallbackIndicator && ctx.indicators.includes(fallbackIndicator) ? fallbackIndicator : ctx.defaultIndicator;
  const state = defaultState(ctx, base);
  for (const key of p.keys()) if (!(PARAMS as readonly string[]).includes(key)) notes.add('unknownParam');

  const ind = p.get('indicator');
  if (ind !== null) {
    if (ind.length <= 100 && ctx.indicators.includes(ind)) state.indicator = ind;
    else notes.add('badIndicator');
  }
  const scale = p.get('scale');
  if (scale !== null) {
    if ((SCALES as readonly string[]).includes(scale)) state.scale = scale as Scale;
    else notes.add('badScale');
  }
  const sort = p.get('sort');
  if (sort !== null) {
    if ((SORTS as readonly string[]).includes(sort)) state.sort = sort as Sort;
    else notes.add('badSort');
  }
  const places = p.get('places');
  if (places !== null) {
    const known = ctx.placeTokens(state.indicator);
    const tokens = places.length > MAX_LENGTH ? [] : [...new Set(places.split(',').map((s) => s.trim()).filter(Boolean))].slice(0, MAX_PLACES);
    const ok = tokens.filter((t) => TOKEN.test(t) && known.has(t));
    if (ok.length !== tokens.length || tokens.length === 0) notes.add('badPlaces');
    state.places = ok.length ? ok : null;
  }
  return { state, notes: [...notes] };
}

/** The query string for a state (“?indicator=…”), leaving out what is the default. */
export function serialiseCompareState(state: CompareState): string {
  const p = new URLSearchParams();
  p.set('indicator', state.indicator);
  if (state.places && state.places.length) p.set('places', state.places.join(','));
  if (state.scale !== 'linear') p.set('scale', state.scale);
  if (state.sort !== 'desc') p.set('sort', state.sort);
  return `?${p.toString().replace(/%2C/g, ',')}`;
}
