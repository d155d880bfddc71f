// Chart tools on every page with charts: SVG and PNG downloads of the chart as shown, and “copy link”.
// The CSV link is a plain link to a file written at build time (the comparison page replaces it with
// the current view). Without JavaScript the SVG/PNG buttons stay hidden and “copy link” is a plain anchor.

import { saveBlob } from './download.ts';
import { wrapText } from '../charts/svg.ts';


const NS = 'http://www.w3.org/2000/svg';

/**
 * The drawing to download: the wide one where a chart has a phone and a wide drawing (an image is read
 * outside the page, often larger than the phone it was saved on), else the chart as shown.
 */
export function downloadSvg(fig: HTMLElement): SVGSVGElement | null {
  const wide = fig.querySelector<SVGSVGElement>('[data-chart-body] svg.chart-v-wide');
  if (wide) return wide;
  const all = [...fig.querySelectorAll<SVGSVGElement>('[data-chart-body] svg')];
  return all.find((s) => s.getClientRects().length > 0) ?? all[0] ?? null;
}

/**
 * The chart as a standalone SVG file that explains itself: title, the chart, its legend, source lines,
 * notes, and a footer with the site, the address of the chart and the licence.
 */
export function standaloneSvg(fig: HTMLElement, svg: SVGSVGElement): SVGSVGElement {
  const cw = Number(svg.getAttribute('width')) || svg.viewBox.baseVal.width;
  const h = Number(svg.getAttribute('height')) || svg.viewBox.baseVal.height;
  // a margin of 8 px round the chart
  const w = cw + 16;
  const font = svg.getAttribute('font-family') ?? 'sans-serif';
  const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const titleLines = wrapText(clean(fig.querySelector('.chart-title')?.textContent), 16, w - 16);
  const legend = [...fig.querySelectorAll<HTMLElement>('.chart-legend li')].filter((li) => !li.hidden).map((li) => clean(li.textContent));
  const url = new URL(location.href);
  url.hash = fig.id;
  const foot = [
    ...legend,
    ...[...fig.querySelectorAll<HTMLElement>('[data-chart-source], [data-chart-compared]')].map((p) => clean(p.textContent)),
    ...[...fig.querySelectorAll<HTMLElement>('.chart-notes li')].map((li) => clean(li.textContent)),
  ].flatMap((t) => wrapText(t, 11, w - 16));
  // the address on a line of its own, so it can be read and typed
  const credit = [fig.dataset.credit ?? '', ...wrapText(url.href, 11, w - 16)];
  const top = 12 + titleLines.length * 20;
  const bottom = 10 + (foot.length + credit.length) * 15 + 12;
  const H = h + top + bottom;
  const out = document.createElementNS(NS, 'svg');
  out.setAttribute('xmlns', NS);
  out.setAttribute('viewBox', `0 0 ${w} ${H}`);
  out.setAttribute('width', String(w));
  out.setAttribute('height', String(H));
  out.setAttribute('font-family', font);
  const put = (tag: string, attrs: Record<string, string | number>, text?: string) => {
    const e = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    out.append(e);
    return e;
  };
  put('rect', { width: w, height: H, fill: '#fff' });
  titleLines.forEach((line, i) => put('text', { x: 8, y: 24 + i * 20, 'font-size': 16, 'font-weight': 700, fill: '#1d1d1f' }, line));
  const chart = svg.cloneNode(true) as SVGSVGElement;
  chart.removeAttribute('class');
  chart.removeAttribute('style');
  chart.setAttribute('x', '8');
  chart.setAttribute('y', String(top));
  chart.setAttribute('width', String(cw));
  chart.setAttribute('height', String(h));
  out.append(chart);
  foot.forEach((line, i) => put('text', { x: 8, y: top + h + 16 + i * 15, 'font-size': 11, fill: '#595959' }, line));
  credit.forEach((line, i) => put('text', { x: 8, y: top + h + 16 + (foot.length + i) * 15 + 4, 'font-size': 11, 'font-weight': 600, fill: '#1d1d1f' }, line));
  return out;
}

export function svgBlob(svg: SVGSVGElement): Blob {
  return new Blob([`<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`], { type: 'image/svg+xml;charset=utf-8' });
}

async function pngBlob(svg: SVGSVGElement): Promise<Blob> {
  const w = Number(svg.getAttribute('width')) || svg.viewBox.baseVal.width;
  const h = Number(svg.getAttribute('height')) || svg.viewBox.baseVal.height;
  const url = URL.createObjectURL(svgBlob(svg));
  try {
    const img = new Image();
    img.width = w;
    img.height = h;
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the chart could not be drawn as an image'));
      img.src = url;
    });
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(w * scale);
    canvas.height = Math.round(h * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

function setup(fig: HTMLElement): void {
  const id = fig.id;
  const chartSvg = () => downloadSvg(fig);
  for (const b of fig.querySelectorAll<HTMLButtonElement>('button[data-download]')) {
    b.hidden = false;
    b.addEventListener('click', async () => {
      const chart = chartSvg();
      if (!chart) return;
      const svg = standaloneSvg(fig, chart);
      if (b.dataset.download === 'svg') saveBlob(svgBlob(svg), `${id}.svg`);
      else saveBlob(await pngBlob(svg), `${id}.png`);
    });
  }
  const copy = fig.querySelector<HTMLAnchorElement>('[data-copy-link]');
  const status = fig.querySelector<HTMLElement>('[data-copy-status]');
  copy?.addEventListener('click', async (e) => {
    e.preventDefault();
    const url = new URL(location.href);
    url.hash = id;
    history.replaceState(history.state, '', url.href);
    try {
      await navigator.clipboard.writeText(url.href);
      if (status) status.textContent = fig.dataset.copied ?? 'Link copied.';
    } catch {
      if (status) status.textContent = fig.dataset.copyFailed ?? '';
    }
  });
}

for (const fig of document.querySelectorAll<HTMLElement>('figure[data-chart]')) setup(fig);
