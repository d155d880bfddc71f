/**
 * The Content-Security-Policy of every page: no inline or eval'd script; WebAssembly (Pagefind)
 * allowed through 'wasm-unsafe-eval' only. Delivered as a <meta> tag and in the `_headers` file.
 */
export const CSP_DIRECTIVES: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'style-src': "'self'",
  'img-src': "'self' data: blob:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
};

/** Directives that only work as an HTTP header (ignored, with a console warning, in <meta>). */
export const HEADER_ONLY_DIRECTIVES: Record<string, string> = {
  'frame-ancestors': "'none'",
};

const serialise = (d: Record<string, string>) =>
  Object.entries(d)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');

export function cspMeta(): string {
  return serialise(CSP_DIRECTIVES);
}

export function cspHeader(): string {
  return serialise({ ...CSP_DIRECTIVES, ...HEADER_ONLY_DIRECTIVES });
}

/** A `_headers` file (Netlify, Cloudflare Pages and compatible hosts) applying the policy to every path under base. */
export function headersFile(base: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return [
    `${prefix}*`,
    `  Content-Security-Policy: ${cspHeader()}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '',
  ].join('\n');
}
