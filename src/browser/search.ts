// The search page in the browser: runs queries with Pagefind's JS API, shows results and filter counts,
// and keeps the query, filters and sort in the URL (so a search can be shared, reloaded and navigated back to).
// Everything is put into the page with DOM APIs; Pagefind's excerpts are rebuilt from text and <mark> elements.
import type { Lang } from '../lib/i18n.ts';
import type { PagefindApi, PagefindFilterCounts, PagefindResult, PagefindResultData } from '../lib/pagefind-api.ts';
import {
  PAGEFIND_RANKING,
  SEARCH_FILTERS,
  emptySearchState,
  isActive,
  fetchParts,
  mergeParts,
  pagefindFilters,
  newestFile,
  parseSearchState,
  proseExcerpt,
  resultKind,
  searchWholeTerms,
  searchStateToParams,
  type SearchFilter,
  type SearchState,
} from '../lib/search.ts';
import { toSimplified } from '../lib/simplify.ts';
import { SEARCH_UI } from '../lib/ui-search.ts';
import { withBase } from '../lib/urls.ts';

/** Height of one result on screen, roughly (title, place line, three lines of excerpt), in CSS px. */
const RESULT_HEIGHT = 140;
/** The width from which filters sit beside the results (matches the page's stylesheet). */
const WIDE = '(min-width: 52rem)';
const TYPING_DELAY_MS = 250;

function start(root: HTMLElement): void {
  const lang = (root.dataset.lang === 'zh' ? 'zh' : 'en') as Lang;
  const base = root.dataset.base ?? '/';
  const ui = SEARCH_UI[lang];

  const form = root.querySelector<HTMLFormElement>('[data-search-form]')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const sort = form.querySelector<HTMLSelectElement>('select[name="sort"]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const clear = root.querySelector<HTMLButtonElement>('[data-search-clear]')!;
  const panel = root.querySelector<HTMLDetailsElement>('[data-search-panel]')!;
  const summary = root.querySelector<HTMLElement>('[data-search-summary]')!;
  const headerBox = document.querySelector<HTMLInputElement>('#header-search-q');
  const boxes = (key: SearchFilter) => [...form.querySelectorAll<HTMLInputElement>(`fieldset[data-filter="${key}"] input[type="checkbox"]`)];
  const langSwitch = document.querySelector<HTMLAnchorElement>('[data-lang-switch]');
  const switchPath = langSwitch ? new URL(langSwitch.href, location.href).pathname : undefined;

  document.querySelector('[data-search-nojs]')?.setAttribute('hidden', '');
  root.hidden = false;
  // filters beside the results on a wide screen; folded away under the results count on a phone
  panel.open = matchMedia(WIDE).matches;

  // ——— Pagefind, loaded on first use from the site's own bundle ———
  let loading: Promise<PagefindApi> | undefined;
  function pagefind(): Promise<PagefindApi> {
    loading ??= (async () => {
      const bundle = withBase(base, 'pagefind/');
      // the list of the language's index parts, fetched while Pagefind loads (see mergeParts)
      const parts = fetchParts(bundle, document.documentElement.lang);
      parts.catch(() => {}); // reported below, once Pagefind has loaded
      const api = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as PagefindApi;
      await api.options({ basePath: bundle, baseUrl: base, ranking: PAGEFIND_RANKING });
      await api.init();
      return mergeParts(api, await parts, bundle, base);
    })();
    loading.catch(() => (loading = undefined)); // a failed load is tried again on the next search
    return loading;
  }

  // ——— newest first: the order of the dated pages, fetched the first time a reader sorts by date ———
  let newestLoading: Promise<Map<string, number>> | undefined;
  function newestOrder(): Promise<Map<string, number>> {
    newestLoading ??= (async () => {
      const file = withBase(base, `pagefind/${newestFile(document.documentElement.lang)}`);
      const response = await fetch(file);
      if (!response.ok) throw new Error(`${file}: ${response.status}`);
      const ids = (await response.json()) as string[];
      return new Map(ids.map((id, i) => [id, i]));
    })();
    newestLoading.catch(() => (newestLoading = undefined)); // a failed fetch is tried again on the next search
    return newestLoading;
  }

  // ——— form ⇄ state ———
  function readForm(): SearchState {
    const state = emptySearchState();
    state.q = input.value.trim();
    for (const key of SEARCH_FILTERS) state.filters[key] = boxes(key).filter((b) => b.checked).map((b) => b.value).sort();
    state.sort = sort.value === 'date' ? 'date' : 'relevance';
    return state;
  }
  function writeForm(state: SearchState): void {
    input.value = state.q;
    for (const key of SEARCH_FILTERS) for (const b of boxes(key)) b.checked = state.filters[key].includes(b.value);
    sort.value = state.sort;
  }
  function urlOf(state: SearchState): string {
    const query = searchStateToParams(state).toString();
    return query ? `?${query}` : '';
  }
  function remember(state: SearchState, how: 'push' | 'replace' | 'none'): void {
    const search = urlOf(state);
    if (how !== 'none' && search !== location.search) {
      const url = location.pathname + search;
      if (how === 'push') history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    }
    // the language switch keeps the search: filter values are ids, the same in both languages
    if (langSwitch && switchPath) langSwitch.href = switchPath + search;
    if (headerBox && document.activeElement !== headerBox) headerBox.value = state.q;
    summarise(state);
  }

  /** The panel's summary names what is chosen, so a closed panel still shows which filters apply. */
  function summarise(state: SearchState): void {
    const chosen = SEARCH_FILTERS.flatMap((key) =>
      boxes(key)
        .filter((b) => state.filters[key].includes(b.value))
        .map((b) => b.closest('label')?.querySelector('[data-label]')?.textContent?.trim() ?? b.value),
    );
    if (state.sort === 'date') chosen.push(sort.selectedOptions[0]?.textContent?.trim() ?? state.sort);
    summary.textContent = chosen.length ? chosen.join(lang === 'en' ? ', ' : '、') : ui.searchPanelNone;
  }

  // ——— rendering ———
  /** No counts (the panel is closed): every value can be ticked, and no stale number is left beside it. */
  function clearCounts(): void {
    for (const key of SEARCH_FILTERS) {
      for (const box of boxes(key)) {
        const out = box.closest('label')?.querySelector<HTMLElement>('[data-count]');
        if (out) out.textContent = '';
        box.disabled = false;
      }
    }
  }

  function showCounts(counts: Partial<Record<SearchFilter, Record<string, number>>>): void {
    for (const key of SEARCH_FILTERS) {
      for (const box of boxes(key)) {
        const n = counts[key]?.[box.value] ?? 0;
        const label = box.closest('label');
        const out = label?.querySelector<HTMLElement>('[data-count]');
        if (out) out.textContent = `(${n})`;
        box.disabled = n === 0 && !box.checked;
      }
    }
  }

  function renderResult(data: PagefindResultData): HTMLLIElement {
    const li = document.createElement('li');
    const h = document.createElement('h2');
    const a = document.createElement('a');
    a.href = data.url;
    a.textContent = data.meta.title || data.url;
    h.append(a);
    const meta = document.createElement('p');
    meta.className = 'result-meta';
    meta.textContent = [ui.resultKind[resultKind(data.url)], data.meta.place, data.meta.date].filter(Boolean).join(' · ');
    const excerpt = document.createElement('p');
    excerpt.className = 'excerpt';
    for (const part of proseExcerpt(data)) {
      if (part.mark) {
        const mark = document.createElement('mark');
        mark.textContent = part.text;
        excerpt.append(mark);
      } else excerpt.append(document.createTextNode(part.text));
    }
    li.append(h, meta, excerpt);
    return li;
  }

  let pending: PagefindResult[] = [];
  /**
   * How many results to load at a time: the first time, those that fit between the top of the list and the
   * bottom of the screen (at least 3), so a first query fetches a Pagefind fragment only for results a reader
   * can see; after that (“more”), a screenful.
   */
  function pageSize(): number {
    const room = list.childElementCount === 0 ? innerHeight - Math.max(0, list.getBoundingClientRect().top) : innerHeight;
    return Math.min(12, Math.max(3, Math.ceil(room / RESULT_HEIGHT)));
  }

  async function showMore(run: number): Promise<void> {
    const batch = pending.slice(0, pageSize());
    pending = pending.slice(batch.length);
    const data = await Promise.all(batch.map((r) => r.data()));
    if (run !== current) return;
    list.append(...data.map(renderResult));
    more.hidden = pending.length === 0;
  }

  // ——— searching ———
  let current = 0;
  let totals: PagefindFilterCounts | undefined;
  /** Whether the counts beside the filters are those of the search shown. */
  let counted = false;

  /**
   * The count beside each filter value: what ticking it would give. Counts need every filter's index, which on a
   * large site is a large part of what a first query fetches, so they are worked out only while the filter panel
   * is open (beside the results on a wide screen; on a phone, once the reader opens it). Counts for a filter
   * leave out that filter's own choices. Undefined when a newer search has started.
   */
  async function filterCounts(pf: PagefindApi, state: SearchState, simplified: string, me: number): Promise<Partial<Record<SearchFilter, Record<string, number>>> | undefined> {
    totals ??= await pf.filters();
    if (me !== current) return undefined;
    if (!isActive(state)) return totals;
    const term = simplified || null;
    const response = await searchWholeTerms(pf, simplified, { filters: pagefindFilters(state) });
    const counts: Partial<Record<SearchFilter, Record<string, number>>> = {};
    for (const key of SEARCH_FILTERS) {
      if (me !== current) return undefined;
      if (state.filters[key].length === 0) {
        counts[key] = response?.filters[key] ?? {};
        continue;
      }
      const others = pagefindFilters(state, key);
      if (term === null && Object.keys(others).length === 0) counts[key] = totals[key] ?? {};
      else counts[key] = (await searchWholeTerms(pf, simplified, { filters: others }))?.filters[key] ?? {};
    }
    return me === current ? counts : undefined;
  }

  async function updateCounts(pf: PagefindApi, state: SearchState, simplified: string, me: number): Promise<void> {
    if (!panel.open) {
      counted = false;
      clearCounts();
      return;
    }
    const counts = await filterCounts(pf, state, simplified, me);
    if (!counts) return;
    showCounts(counts);
    counted = true;
  }

  async function run(state: SearchState, how: 'push' | 'replace' | 'none'): Promise<void> {
    const me = ++current;
    remember(state, how);
    try {
      const pf = await pagefind();
      if (me !== current) return;
      if (!isActive(state)) {
        list.replaceChildren();
        pending = [];
        more.hidden = true;
        status.textContent = ui.searchPrompt;
        await updateCounts(pf, state, '', me);
        return;
      }
      root.setAttribute('aria-busy', 'true');
      status.textContent = ui.searchLoading;
      // the index is in simplified characters: a traditional query is converted first (tables loaded only then)
      const simplified = state.q ? await toSimplified(state.q) : '';
      const newest = state.sort === 'date' ? await newestOrder() : undefined;
      const response = await searchWholeTerms(pf, simplified, { filters: pagefindFilters(state) }, newest);
      if (!response || me !== current) return;
      pending = response.results;
      list.replaceChildren();
      await showMore(me);
      if (me !== current) return;
      status.textContent = response.results.length ? ui.searchResults(response.results.length, state.q) : ui.searchNone;
      if (simplified !== state.q) status.textContent += ` ${ui.searchSimplified(simplified)}`;
      await updateCounts(pf, state, simplified, me);
    } catch (error) {
      if (me !== current) return;
      status.textContent = ui.searchFailed;
      console.warn('search failed', error);
    } finally {
      if (me === current) root.removeAttribute('aria-busy');
    }
  }

  /** Opening the panel on a phone: the counts of the search shown, without running it again. */
  async function countsOnOpen(): Promise<void> {
    const me = current;
    try {
      const state = readForm();
      const pf = await pagefind();
      const simplified = state.q ? await toSimplified(state.q) : '';
      if (me !== current || counted) return;
      await updateCounts(pf, state, simplified, me);
    } catch (error) {
      console.warn('filter counts failed', error);
    }
  }

  // ——— events ———
  let typing: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    void run(readForm(), 'push');
  });
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => void run(readForm(), 'replace'), TYPING_DELAY_MS);
  });
  form.addEventListener('change', (event) => {
    if (event.target === input) return;
    clearTimeout(typing);
    void run(readForm(), 'push');
  });
  clear.addEventListener('click', () => {
    for (const key of SEARCH_FILTERS) for (const b of boxes(key)) b.checked = false;
    void run(readForm(), 'push');
  });
  more.addEventListener('click', () => void showMore(current));
  panel.addEventListener('toggle', () => {
    if (panel.open && !counted) void countsOnOpen();
  });
  window.addEventListener('popstate', () => {
    writeForm(parseSearchState(new URLSearchParams(location.search)));
    void run(readForm(), 'none');
  });

  // values the page does not offer (a stale or mistyped link) are dropped by going through the form
  writeForm(parseSearchState(new URLSearchParams(location.search)));
  void run(readForm(), 'none');
}

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) start(root);
