// The embedded comparison: draws the state named in the address (?indicator=…&places=…&scale=…&sort=…),
// with the same pure functions as the comparison page, and points the “full page” link at that state.
import { compareView, sourceNames } from '../charts/compare.ts';
import { compareData } from './compare-data.ts';
import { compareStrings } from '../charts/compare-strings.ts';
import { parseCompareState, serialiseCompareState } from '../lib/url-state.ts';
import type { Lang } from '../lib/i18n.ts';
import { renderSvg } from './render-svg.ts';

// Always redrawn, even for the default view: the static drawing is laid out for a desktop width, and an
// iframe may be as narrow as a phone (text keeps its size only when the chart is laid out for its width).
async function init(fig: HTMLElement): Promise<void> {
  const lang = fig.dataset.lang as Lang;
  // the list of indicators, then only the figures of the indicator asked for
  const data = await compareData(fig);
  const id = data && data.wanted(location.search, data.ds.defaultIndicator);
  if (!data || !id || !(await data.load(id))) return;
  // the figures of any place the address asks for beyond the indicator's default places
  await data.ensure(id, location.search);
  const { ds } = data;
  const { state } = parseCompareState(location.search, data.ctx());
  const body = fig.querySelector<HTMLElement>('[data-chart-body]')!;
  const width = Math.min(680, Math.max(280, Math.floor(body.clientWidth)));
  const strings = compareStrings(lang);
  const view = compareView(ds, state, strings, fig.id, width);
  body.replaceChildren(renderSvg(view.svg));
  const title = fig.querySelector('.chart-title');
  if (title) title.textContent = view.indicator.name;
  const desc = fig.querySelector('[data-chart-desc]');
  if (desc) desc.textContent = strings.desc(view.indicator, view.rows.length);
  const list = fig.querySelector('[data-chart-source-list]');
  if (list) list.textContent = sourceNames(view.rows).join(lang === 'en' ? '; ' : '；');
  for (const li of fig.querySelectorAll<HTMLElement>('[data-compare-legend] li')) {
    const m = li.dataset.mark!;
    li.hidden = m === 'zero' ? view.layout.offScale.length === 0 : !view.layout.marks.includes(m as never);
  }
  const full = document.querySelector<HTMLAnchorElement>('a[data-embed-full]');
  if (full) full.href = `${fig.dataset.compareUrl}${serialiseCompareState(state)}`;
}

const fig = document.querySelector<HTMLElement>('figure[data-embed-compare]');
if (fig) void init(fig);
