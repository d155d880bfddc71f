/**
 * The “Embed” control of a chart: its <iframe> snippet points at the chart's embed page. On the
 * comparison page the chart's state lives in the address, so the snippet takes the current query
 * (indicator, places, scale, sort) when it is opened. A build without SITE writes a root-relative
 * address, completed here from the address the page was opened at. Without JavaScript the snippet shows
 * the default view.
 */
function update(details: HTMLDetailsElement): void {
  const src = details.dataset.embedSrc;
  const area = details.querySelector('textarea');
  if (!src || !area) return;
  const url = new URL(src, location.href);
  if (details.closest<HTMLElement>('figure[data-compare]')) url.search = location.search || url.search;
  const now = area.value.replace(/src="[^"]*"/, `src="${url.href.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`);
  area.value = now;
}

for (const d of document.querySelectorAll<HTMLDetailsElement>('details[data-embed]')) {
  d.addEventListener('toggle', () => {
    if (d.open) update(d);
  });
}
