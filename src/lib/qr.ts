import QRCode from 'qrcode';

export interface QrShape {
  /** Width and height of the symbol including its quiet zone, in modules. */
  size: number;
  /** SVG path data drawing every dark module (one sub-path per horizontal run). */
  path: string;
}

/**
 * A QR code for `text` as SVG geometry, made with the `qrcode` package's encoder: draw it as
 * `<svg viewBox="0 0 size size"><path d={path} /></svg>`. `margin` is the quiet zone (4 modules
 * per the QR standard); error correction level M survives a little damage or glare on a screen.
 */
export function qrShape(text: string, margin = 4): QrShape {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const parts: string[] = [];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      parts.push(`M${start + margin} ${row + margin}h${col - start}v1h-${col - start}z`);
    }
  }
  return { size: n + 2 * margin, path: parts.join('') };
}
