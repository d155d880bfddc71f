import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrShape } from '../../src/lib/qr.ts';

/** Rasterise the path qrShape draws (runs of `M x y h n v1 h-n z`) at `scale` pixels a module, white background. */
function rasterise(size: number, path: string, scale = 4): { data: Uint8ClampedArray; width: number } {
  const width = size * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const m of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x, y, n] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let py = y * scale; py < (y + 1) * scale; py++)
      for (let px = x * scale; px < (x + n) * scale; px++) data.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
  }
  return { data, width };
}

describe('qrShape', () => {
  for (const url of ['https://atlas.example.org/party-building-atlas/zh/cases/lianjiang/', 'http://127.0.0.1:4321/en/cases/xiqiao/']) {
    it(`draws a QR code that a reader decodes back to ${url}`, () => {
      const { size, path } = qrShape(url);
      const { data, width } = rasterise(size, path);
      expect(jsQR(data, width, width)?.data).toBe(url);
    });
  }
  it('keeps a four-module quiet zone', () => {
    const { size, path } = qrShape('https://example.org/');
    const xs = [...path.matchAll(/M(\d+) (\d+)h(\d+)/g)].flatMap((m) => [Number(m[1]), Number(m[2]), Number(m[1]) + Number(m[3])]);
    expect(Math.min(...xs)).toBe(4);
    expect(Math.max(...xs)).toBe(size - 4);
  });
});
