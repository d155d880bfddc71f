// Chart tools on every page with charts: SVG and PNG downloads of the chart as shown, and “copy link”.
// The CSV link is a plain link to a file written at build time (the comparison page replaces it with
// the current view). Without JavaScript the SVG/PNG buttons stay hidden and “copy link” is a plain anchor.

import { saveBlob } from './download.ts';
import { textWidth } from '../charts/svg.ts';


const NS = 'http://www.w3.org/2000/svg';

/** Break text into lines that fit a width (estimated, as at build time). */
function wrap(text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of text.match(/[\u2e80-\uffff]|[^\s\u2e80-\uffff]+\s*|\s+/g) ?? []) {
    if (line && textWidth(line + token, size) > width) {
      lines.push(line.trim());
      line = '';
    }
    line += token;
  }
  if (line.trim()) lines.push(line.trim());
  return lines;
}

/** The chart as a standalone SVG file: the chart with its title above and its source line below. */
export function standaloneSvg(fig: HTMLElement, svg: SVGSVGElement): SVGSVGElement {
  const w = Number(svg.getAttribute('width'));
  const h = Number(svg.getAttribute('height'));
  const font = svg.getAttribute('font-family') ?? 'sans-serif';
  const title = fig.querySelector('.chart-title')?.textContent?.trim() ?? '';
  const source = wrap(fig.querySelector('[data-chart-source]')?.textContent?.trim() ?? '', 11, w - 16);
  const top = 34;
  const bottom = 10 + source.length * 15;
  const out = document.createElementNS(NS, 'svg');
  out.setAttribute('viewBox', `0 0 ${w} ${h + top + bottom}`);
  out.setAttribute('width', String(w));
  out.setAttribute('height', String(h + top + bottom));
  out.setAttribute('font-family', font);
  const bg = document.createElementNS(NS, 'rect');
  for (const [k, v] of [['width', String(w)], ['height', String(h + top + bottom)], ['fill', '#fff']]) bg.setAttribute(k!, v!);
  const t = document.createElementNS(NS, 'text');
  for (const [k, v] of [['x', '8'], ['y', '22'], ['font-size', '16'], ['font-weight', '700'], ['fill', '#1d1d1f']]) t.setAttribute(k!, v!);
  t.textContent = title;
  const chart = svg.cloneNode(true) as SVGSVGElement;
  chart.setAttribute('y', String(top));
  out.append(bg, t, chart);
  source.forEach((line, i) => {
    const s = document.createElementNS(NS, 'text');
    for (const [k, v] of [['x', '8'], ['y', String(top + h + 14 + i * 15)], ['font-size', '11'], ['fill', '#595959']]) s.setAttribute(k!, v!);
    s.textContent = line;
    out.append(s);
  });
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
  const chartSvg = () => fig.querySelector<SVGSVGElement>('[data-chart-body] svg');
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
