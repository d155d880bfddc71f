// The comparison page in the browser: reads ?indicator=&places=&scale=&sort=, draws the chart with the
// same functions as the static page (src/charts/compare.ts), and keeps the address, the table and the
// CSV download in step with the controls. Everything is written with DOM calls (no markup strings).
import { saveBlob } from './download.ts';
import { COMPARE_CSV_COLUMNS, compareCsvRecords, compareView, defaultPlaces, legendKeys, placeOptions, sourceNames, type CompareView } from '../charts/compare.ts';
import { compareData } from './compare-data.ts';
import { compareStrings } from '../charts/compare-strings.ts';
import { parseCompareState, serialiseCompareState, type CompareState, type NoteKey, type Scale, type Sort } from '../lib/url-state.ts';
import { collator, type Lang } from '../lib/i18n.ts';
import { pageTitle } from '../lib/page-title.ts';
import { COMPARE_UI } from '../lib/ui-compare.ts';
import { renderSvg } from './render-svg.ts';
import { splitChinese } from '../lib/mixed-script.ts';
import { BAR } from '../charts/bars.ts';

const FIG_ID = 'fig-compare';

function q<T extends Element>(root: ParentNode, sel: string): T {
  const e = root.querySelector<T>(sel);
  if (!e) throw new Error(`compare page: missing ${sel}`);
  return e;
}

function save(text: string, name: string): void {
  saveBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), name);
}

async function init(fig: HTMLElement): Promise<void> {
  const lang = fig.dataset.lang as Lang;
  const ui = { compare: COMPARE_UI[lang] };
  // the list of indicators, then only the figures of the indicator shown (one file per indicator)
  const found = await compareData(fig);
  if (!found) return; // the static chart stays as it is
  const data = found;
  const { ds } = data;
  const load = data.load;
  const wanted = () => data.wanted(location.search, fig.dataset.indicator!);
  // the indicator's summary, then the figures of any place the address asks for beyond its default places
  const loadWanted = async () => {
    const id = wanted();
    if (!(await load(id))) return false;
    await data.ensure(id, location.search);
    return true;
  };
  if (!(await loadWanted())) return;
  const strings = compareStrings(lang);
  const pageIndicator = fig.dataset.indicator!;
  const compareUrl = fig.dataset.compareUrl!;
  const siteName = fig.dataset.siteName ?? '';
  const heading = document.querySelector<HTMLElement>('[data-compare-heading]');
  const langSwitch = document.querySelector<HTMLAnchorElement>('a[data-lang-switch]');
  const switchPath = langSwitch?.getAttribute('href')?.split(/[?#]/)[0];
  const levelsEl = fig.querySelector<HTMLElement>('[data-compare-levels]');

  const form = q<HTMLFormElement>(fig, 'form[data-compare-controls]');
  const indicatorSel = q<HTMLSelectElement>(form, 'select[name=indicator]');
  const sortSel = q<HTMLSelectElement>(form, 'select[name=sort]');
  const placesBox = q<HTMLFieldSetElement>(form, '[data-places]');
  const chips = q<HTMLUListElement>(placesBox, '[data-chips]');
  const resetBtn = q<HTMLButtonElement>(placesBox, '[data-places-reset]');
  const bounded = q<HTMLElement>(fig, '[data-compare-bounded]');
  const boundedText = q<HTMLElement>(bounded, '[data-compare-bounded-text]');
  const allCsv = q<HTMLAnchorElement>(bounded, 'a[data-compare-all-csv]');
  const count = new Intl.NumberFormat(lang === 'en' ? 'en' : 'zh-Hans', { useGrouping: lang === 'en' });
  const notesEl = q<HTMLElement>(fig, '[data-compare-notes]');
  const emptyEl = q<HTMLElement>(fig, '[data-compare-empty]');
  const body = q<HTMLElement>(fig, '[data-chart-body]');
  const csvLink = q<HTMLAnchorElement>(fig, 'a[data-download=csv]');

  let { state, notes } = parseCompareState(location.search, data.ctx(), pageIndicator);
  let view: CompareView;

  function showNotes(keys: NoteKey[]): void {
    notesEl.textContent = keys.map((k) => ui.compare.notes[k]).join(' ');
    notesEl.hidden = keys.length === 0;
  }

  /** The places the chart shows, as chips that remove them (each names the shown place it lies in, if any). */
  function buildChips(): void {
    chips.replaceChildren(
      ...placeOptions(view.rows, lang).map((p) => {
        const li = document.createElement('li');
        li.dataset.place = p.id;
        const name = document.createElement('span');
        name.textContent = p.name;
        if (p.inside) {
          const hint = document.createElement('span');
          hint.className = 'small';
          hint.textContent = lang === 'en' ? ` (${ui.compare.inside(p.inside)})` : `（${ui.compare.inside(p.inside)}）`;
          name.append(hint);
        }
        const x = document.createElement('button');
        x.type = 'button';
        x.className = 'chip-remove';
        x.setAttribute('aria-label', ui.compare.remove(p.name));
        x.textContent = '×';
        x.addEventListener('click', () => void removePlace(p.id, p.name));
        li.append(name, x);
        return li;
      }),
    );
    resetBtn.hidden = state.places === null;
  }

  function syncControls(): void {
    indicatorSel.value = state.indicator;
    sortSel.value = state.sort;
    for (const r of form.querySelectorAll<HTMLInputElement>('input[name=scale]')) r.checked = r.value === state.scale;
    buildChips();
  }

  /** The places shown now, as ids, in the order of their chips (by name). */
  const shownPlaces = () => placeOptions(view.rows, lang).map((p) => p.id);

  /** Show exactly these places (the default view when they are the default places). */
  async function setPlaces(places: string[]): Promise<void> {
    const ind = view.indicator;
    const dflt = defaultPlaces(ind);
    const same = places.length === dflt.length && dflt.every((p) => places.includes(p));
    const next: CompareState = { ...state, places: places.length === 0 || same ? null : places };
    state = parseCompareState(serialiseCompareState(next), data.ctx(), pageIndicator).state;
    render();
    syncControls();
    showNotes([]);
    history.pushState(null, '', `${compareUrl}${serialiseCompareState(state)}${location.hash}`);
  }

  async function removePlace(id: string, name: string): Promise<void> {
    const rest = shownPlaces().filter((p) => p !== id);
    await setPlaces(rest);
    // the focus goes to the next chip's button, else to the text box
    (chips.querySelector<HTMLButtonElement>('.chip-remove') ?? q<HTMLInputElement>(placesBox, '[data-picker-input]')).focus();
    q<HTMLElement>(placesBox, '[data-picker-status]').textContent = ui.compare.pickerRemoved(name);
  }

  // the picker's code is loaded when the reader first reaches its text box (the chart does not need it)
  const pickerInput = q<HTMLInputElement>(placesBox, '[data-picker-input]');
  let picker: { reset(): void } | undefined;
  const startPicker = async () => {
    const { placePicker } = await import('./compare-picker.ts');
    picker ??= placePicker({
      root: q<HTMLElement>(placesBox, '[data-picker]'),
      lang,
      ui: ui.compare,
      compare: collator(lang).compare,
      nameIndex: () => data.nameIndex(state.indicator),
      nameFile: (key) => data.nameFile(state.indicator, key),
      isShown: (id) => view.rows.some((r) => r.place === id),
      async pick(entry) {
        fig.dataset.ready = 'false';
        await data.loadShard(state.indicator, entry.s);
        await setPlaces([...shownPlaces(), entry.id]);
        fig.dataset.ready = 'true';
      },
    });
  };
  for (const ev of ['focus', 'input', 'pointerdown']) pickerInput.addEventListener(ev, () => void startPicker(), { once: true });
  resetBtn.addEventListener('click', () => {
    void setPlaces([]);
    picker?.reset();
  });

  // the chart takes the width it has: a phone's screen, or the page's column on a desktop
  const chartWidth = () => Math.round(Math.max(280, Math.min(1600, body.clientWidth || BAR.width)));
  let width = chartWidth();

  /** Text with its Chinese runs marked lang="zh-Hans" (English page). */
  function mixed(text: string): (string | HTMLElement)[] {
    if (lang !== 'en') return [text];
    return splitChinese(text).map((p) => {
      if (!p.zh) return p.text;
      const span = document.createElement('span');
      span.lang = 'zh-Hans';
      span.textContent = p.text;
      return span;
    });
  }

  function render(): void {
    width = chartWidth();
    view = compareView(ds, state, strings, FIG_ID, width);
    const ind = view.indicator;
    body.replaceChildren(renderSvg(view.svg));
    q<HTMLElement>(fig, '.chart-title').textContent = ind.name;
    // everything else on the page that names the state says the same as the chart
    document.title = pageTitle(ui.compare.pageTitle(ind.name), siteName);
    if (heading) heading.textContent = ui.compare.heading(ind.name);
    for (const a of document.querySelectorAll<HTMLAnchorElement>('.indicator-nav a[data-indicator]')) {
      if (a.dataset.indicator === ind.id) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    if (langSwitch && switchPath) langSwitch.href = `${switchPath}${serialiseCompareState(state)}`;
    if (levelsEl) {
      levelsEl.hidden = view.levels.length === 0;
      levelsEl.textContent = ui.compare.levelsNote(view.levels.map((l) => ui.compare.levelTag[l] ?? l).join(lang === 'en' ? ', ' : '、'));
    }
    q<HTMLElement>(fig, '[data-chart-desc]').textContent = ui.compare.desc(ind.description, view.rows.length);
    q<HTMLElement>(fig, '[data-chart-source-list]').textContent = sourceNames(view.rows).join(lang === 'en' ? '; ' : '；');
    q<HTMLElement>(fig, '[data-compare-caption]').textContent = `${ind.name} · ${ui.compare.figures(view.rows.length)}`;
    const legend = new Set(legendKeys(view));
    for (const li of fig.querySelectorAll<HTMLElement>('[data-compare-legend] li')) li.hidden = !legend.has(li.dataset.mark!);
    emptyEl.hidden = view.rows.length > 0;
    const tbody = q<HTMLTableSectionElement>(fig, '[data-compare-table] tbody');
    const columns = [...fig.querySelectorAll<HTMLElement>('[data-compare-table] thead th')].slice(1).map((th) => th.textContent ?? '');
    tbody.replaceChildren(
      ...view.rows.map((r) => {
        const tr = document.createElement('tr');
        tr.dataset.obs = r.obs;
        tr.dataset.place = r.place;
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = r.placeName;
        const cells = [r.kind, r.label, r.display, r.periodText].map((text, i) => {
          const td = document.createElement('td');
          td.append(...mixed(text));
          td.dataset.label = columns[i]!;
          if (i === 2) td.className = 'num';
          return td;
        });
        const caseTd = document.createElement('td');
        caseTd.dataset.label = columns[4]!;
        const a = document.createElement('a');
        a.href = r.href;
        a.textContent = r.caseName;
        caseTd.append(a);
        const src = document.createElement('td');
        src.dataset.label = columns[5]!;
        src.append(...mixed(r.sourceName));
        tr.append(th, ...cells, caseTd, src);
        return tr;
      }),
    );
    const sum = data.summary(ind.id);
    const shown = new Set(view.rows.map((r) => r.place)).size;
    const total = sum?.placeCount ?? shown;
    bounded.hidden = shown >= total;
    boundedText.textContent = (state.places === null ? ui.compare.boundedDefault : ui.compare.bounded)(count.format(shown), count.format(total));
    allCsv.href = `${fig.dataset.csvBase}${ind.id}.csv`;
    allCsv.download = `compare-${ind.id}-${lang}.csv`;
    csvLink.href = `${fig.dataset.csvBase}${ind.id}.csv`;
    csvLink.download = `compare-${ind.id}-${lang}.csv`;
    fig.dataset.state = serialiseCompareState(state);
  }

  function readControls(target: EventTarget | null): void {
    const next: CompareState = { ...state };
    if (target === indicatorSel) {
      next.indicator = indicatorSel.value;
      next.places = null;
    }
    next.sort = sortSel.value as Sort;
    next.scale = (form.querySelector<HTMLInputElement>('input[name=scale]:checked')?.value ?? 'linear') as Scale;
    // keep only what parses: the state in the address is always one that reading it back reproduces
    state = parseCompareState(serialiseCompareState(next), data.ctx(), pageIndicator).state;
  }

  // Controls apply as they change; the submit button (for keyboard users and validators) re-applies them.
  const apply = async (target: EventTarget | null) => {
    const before = state.indicator;
    if (target === indicatorSel) {
      // another indicator's figures are fetched first: the figure is not ready until they are drawn
      fig.dataset.ready = 'false';
      const ok = await load(indicatorSel.value);
      if (!ok) {
        fig.dataset.ready = 'true';
        return;
      }
    }
    readControls(target);
    if (state.indicator !== before) picker?.reset();
    render();
    syncControls();
    showNotes([]);
    history.pushState(null, '', `${compareUrl}${serialiseCompareState(state)}${location.hash}`);
    fig.dataset.ready = 'true';
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void apply(indicatorSel.value !== state.indicator ? indicatorSel : null);
  });
  form.addEventListener('change', (e) => {
    if ((e.target as Element).closest('[data-picker]')) return; // the picker's text box changes nothing by itself
    void apply(e.target);
  });
  window.addEventListener('popstate', async () => {
    if (!(await loadWanted())) return;
    ({ state, notes } = parseCompareState(location.search, data.ctx(), pageIndicator));
    picker?.reset();
    render();
    syncControls();
    showNotes(notes);
  });
  let pending = 0;
  window.addEventListener('resize', () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => {
      if (Math.abs(chartWidth() - width) > 16) render();
    });
  });
  csvLink.addEventListener('click', async (e) => {
    e.preventDefault();
    const rows = compareCsvRecords(view.indicator.id, view.rows);
    // the CSV writer (papaparse) is fetched on the first download, not with the page
    const { toCsv } = await import('../lib/csv.ts');
    save(toCsv(COMPARE_CSV_COLUMNS, rows), csvLink.download);
  });

  render();
  syncControls();
  showNotes(notes);
  form.hidden = false;
  fig.dataset.ready = 'true';
}

const fig = document.querySelector<HTMLElement>('figure[data-compare]');
if (fig) void init(fig);
