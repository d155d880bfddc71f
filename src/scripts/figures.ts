// Chart tools on every page with charts: SVG and PNG downloads of the chart as shown, and “copy link”.
// The CSV link is a plain link to a file written at build time (the comparison page replaces it with
// the current view). Without JavaScript the SVG/PNG buttons stay hidden and “copy link” is a plain anchor.

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The chart's SVG as a standalone file. */
export function svgBlob(svg: SVGSVGElement): Blob {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return new Blob([`<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`], { type: 'image/svg+xml;charset=utf-8' });
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
      const svg = chartSvg();
      if (!svg) return;
      if (b.dataset.download === 'svg') save(svgBlob(svg), `${id}.svg`);
      else save(await pngBlob(svg), `${id}.png`);
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
