import { describe, expect, it } from 'vitest';
import { parseCompareState, serialiseCompareState, type CompareState, type StateContext } from '../../src/lib/url-state.ts';

const ctx: StateContext = {
  indicators: ['party_members', 'collective_income', 'money_invested'],
  defaultIndicator: 'party_members',
  placeTokens: (ind) => new Set(ind === 'money_invested' ? ['cn', 'guangdong', 'nanhai-xiqiao', 'dali', 'xiqiao'] : ['cn', 'hubei', 'luoguao']),
};

describe('parseCompareState', () => {
  it('reads a full, valid state', () => {
    const { state, notes } = parseCompareState('?indicator=money_invested&places=guangdong,dali&scale=log&sort=name', ctx);
    expect(state).toEqual({ indicator: 'money_invested', places: ['guangdong', 'dali'], scale: 'log', sort: 'name' });
    expect(notes).toEqual([]);
  });

  it('gives the default state, with no note, for an empty query', () => {
    expect(parseCompareState('', ctx)).toEqual({ state: { indicator: 'party_members', places: null, scale: 'linear', sort: 'desc' }, notes: [] });
  });

  it('uses the page’s own indicator when the query names none', () => {
    expect(parseCompareState('?scale=log', ctx, 'collective_income').state.indicator).toBe('collective_income');
    expect(parseCompareState('?scale=log', ctx, 'no_such').state.indicator).toBe('party_members');
  });

  it('falls back to defaults, with a note per problem, for unknown values', () => {
    const { state, notes } = parseCompareState('?indicator=nope&scale=cubic&sort=random&places=atlantis&colour=red', ctx);
    expect(state).toEqual({ indicator: 'party_members', places: null, scale: 'linear', sort: 'desc' });
    expect(notes.sort()).toEqual(['badIndicator', 'badPlaces', 'badScale', 'badSort', 'unknownParam']);
  });

  it('keeps the known places and drops the rest', () => {
    const { state, notes } = parseCompareState('?indicator=money_invested&places=dali,,atlantis,dali', ctx);
    expect(state.places).toEqual(['dali']);
    expect(notes).toEqual(['badPlaces']);
  });

  it('checks places against the indicator chosen, not another', () => {
    const { state, notes } = parseCompareState('?indicator=party_members&places=dali', ctx);
    expect(state.places).toBeNull();
    expect(notes).toEqual(['badPlaces']);
  });

  const hostile = [
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "javascript:alert('x')",
    '\' OR 1=1 --',
    '%3Cscript%3E',
    '%E0%A4%A',
    '../../etc/passwd',
    'party_members\u0000',
    'PARTY_MEMBERS',
    'x'.repeat(5000),
  ];
  for (const h of hostile) {
    it(`never passes hostile input through: ${JSON.stringify(h.slice(0, 40))}`, () => {
      const q = `?indicator=${encodeURIComponent(h)}&places=${encodeURIComponent(h)},dali&scale=${encodeURIComponent(h)}&sort=${encodeURIComponent(h)}`;
      for (const search of [q, q.replace(/%/g, '%25'), `?indicator=${h}&scale=${h}`]) {
        const { state, notes } = parseCompareState(search, ctx);
        expect(ctx.indicators).toContain(state.indicator);
        expect(['linear', 'log']).toContain(state.scale);
        expect(['desc', 'asc', 'name', 'period']).toContain(state.sort);
        for (const p of state.places ?? []) expect(p).toMatch(/^[a-z0-9][a-z0-9_-]*$/);
        for (const v of [state.indicator, state.scale, state.sort, ...(state.places ?? [])]) expect(v).not.toMatch(/[<>"'():%\s\u0000]/);
        expect(notes.length).toBeGreaterThan(0);
      }
    });
  }

  it('does not throw on malformed percent-encoding or a URLSearchParams object', () => {
    expect(() => parseCompareState('?indicator=%&places=%ZZ&scale=%', ctx)).not.toThrow();
    expect(parseCompareState(new URLSearchParams('indicator=collective_income'), ctx).state.indicator).toBe('collective_income');
  });
});

describe('serialiseCompareState', () => {
  it('leaves out defaults and round-trips through parsing', () => {
    const states: [CompareState, CompareState, CompareState] = [
      { indicator: 'party_members', places: null, scale: 'linear', sort: 'desc' },
      { indicator: 'money_invested', places: ['guangdong', 'dali'], scale: 'log', sort: 'period' },
      { indicator: 'collective_income', places: null, scale: 'log', sort: 'asc' },
    ];
    expect(serialiseCompareState(states[0])).toBe('?indicator=party_members');
    expect(serialiseCompareState(states[1])).toBe('?indicator=money_invested&places=guangdong,dali&scale=log&sort=period');
    for (const s of states) {
      const back = parseCompareState(serialiseCompareState({ ...s, places: s.places ? [...s.places] : null }), ctx);
      expect(back.state).toEqual(s);
      expect(back.notes).toEqual([]);
    }
  });
});
