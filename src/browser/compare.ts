// The comparison page in the browser: reads ?indicator=&places=&scale=&sort=, draws the chart with the
// same functions as the static page (src/charts/compare.ts), and keeps the address, the table and the
// CSV download in step with the controls. Everything is written with DOM calls (no markup strings).
import { saveBlob } from './download.ts';
import { COMPARE_CSV_COLUMNS, compareCsvRecords, compareView, legendKeys, placeOptions, sourceNames, type CompareView } from '../charts/compare.ts';
import { compareData } from './compare-data.ts';
import { compareStrings } from '../charts/compare-strings.ts';
import { parseCompareState, serialiseCompareState, type CompareState, type NoteKey, type Scale, type Sort } from '../lib/url-state.ts';
import { toCsv } from '../lib/csv.ts';
import type { Lang } from '../lib/i18n.ts';
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
  if (!(await load(wanted()))) return;
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

  function buildPlaces(): void {
    const ind = ds.indicators.find((i) => i.id === state.indicator)!;
    const legend = q<HTMLLegendElement>(placesBox, 'legend');
    const note = placesBox.querySelector('.places-note');
    placesBox.replaceChildren(legend, ...(note ? [note] : []));
    for (const p of placeOptions(ind, lang)) {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = 'place';
      box.value = p.id;
      label.append(box, ` ${p.name}`);
      if (p.inside) {
        const hint = document.createElement('span');
        hint.className = 'small';
        hint.textContent = lang === 'en' ? ` (${ui.compare.inside(p.inside)})` : `（${ui.compare.inside(p.inside)}）`;
        label.append(hint);
      }
      placesBox.append(label);
    }
  }

  function syncControls(): void {
    indicatorSel.value = state.indicator;
    sortSel.value = state.sort;
    for (const r of form.querySelectorAll<HTMLInputElement>('input[name=scale]')) r.checked = r.value === state.scale;
    const shown = new Set(view.rows.map((r) => r.place));
    for (const b of placesBox.querySelectorAll<HTMLInputElement>('input[name=place]')) b.checked = shown.has(b.value);
  }

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
    if (target instanceof HTMLInputElement && target.name === 'place') {
      const boxes = [...placesBox.querySelectorAll<HTMLInputElement>('input[name=place]')];
      const checked = boxes.filter((b) => b.checked).map((b) => b.value);
      next.places = checked.length === 0 || checked.length === boxes.length ? null : checked;
    }
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
    if (state.indicator !== before) buildPlaces();
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
  form.addEventListener('change', (e) => void apply(e.target));
  window.addEventListener('popstate', async () => {
    if (!(await load(wanted()))) return;
    ({ state, notes } = parseCompareState(location.search, data.ctx(), pageIndicator));
    buildPlaces();
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
  csvLink.addEventListener('click', (e) => {
    e.preventDefault();
    save(toCsv(COMPARE_CSV_COLUMNS, compareCsvRecords(view.indicator.id, view.rows)), csvLink.download);
  });

  buildPlaces();
  render();
  syncControls();
  showNotes(notes);
  form.hidden = false;
  fig.dataset.ready = 'true';
}

const fig = document.querySelector<HTMLElement>('figure[data-compare]');
if (fig) void init(fig);
