/**
 * The Content-Security-Policy of every page: no inline or eval'd script; WebAssembly (Pagefind)
 * allowed through 'wasm-unsafe-eval' only. Delivered as a <meta> tag and as HTTP headers.
 *
 * Framing (the embed rule): only embed pages — `<base><lang>/embed/…` — may be shown inside an
 * <iframe> on another site (`frame-ancestors *`); every other page refuses to be framed
 * (`frame-ancestors 'none'` and `X-Frame-Options: DENY`). `securityHeaders(path)` gives the headers of
 * one address; the bundled static server (src/lib/serve.ts), the `_headers` file (`headersFile`) and
 * the nginx configuration are all made from it, so they agree.
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

/** Directives that only work as an HTTP header (ignored, with a console warning, in <meta>). Normal pages. */
export const HEADER_ONLY_DIRECTIVES: Record<string, string> = {
  'frame-ancestors': "'none'",
};

/** The same, for embed pages: any site may frame them. */
export const EMBED_HEADER_ONLY_DIRECTIVES: Record<string, string> = {
  'frame-ancestors': '*',
};

/** Embed pages, relative to the base: `<lang>/embed/…`. */
export const EMBED_PATH = /^\/?(?:en|zh)\/embed\//;

/** Is this base-relative path (e.g. `en/embed/map/`) an embed page, which other sites may frame? */
export function isEmbedPath(pathFromBase: string): boolean {
  return EMBED_PATH.test(pathFromBase);
}

/** Headers sent with every response, whatever the path. */
export const COMMON_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

const serialise = (d: Record<string, string>) =>
  Object.entries(d)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');

export function cspMeta(): string {
  return serialise(CSP_DIRECTIVES);
}

/** The CSP header of a normal page (framing refused). */
export function cspHeader(): string {
  return serialise({ ...CSP_DIRECTIVES, ...HEADER_ONLY_DIRECTIVES });
}

/** The CSP header of an embed page (framing allowed anywhere). */
export function cspEmbedHeader(): string {
  return serialise({ ...CSP_DIRECTIVES, ...EMBED_HEADER_ONLY_DIRECTIVES });
}

/** Every security header for one base-relative path. */
export function securityHeaders(pathFromBase: string): Record<string, string> {
  if (isEmbedPath(pathFromBase)) return { 'Content-Security-Policy': cspEmbedHeader(), ...COMMON_HEADERS };
  return { 'Content-Security-Policy': cspHeader(), 'X-Frame-Options': 'DENY', ...COMMON_HEADERS };
}

/**
 * A `_headers` file (Netlify, Cloudflare Pages and compatible hosts): every path under base gets the
 * normal headers; embed pages drop the framing refusal (`! Header` detaches a header set by the
 * broader rule) and get the embed policy instead.
 */
export function headersFile(base: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const block = (path: string, h: Record<string, string>, detach: string[] = []) => [path, ...detach.map((d) => `  ! ${d}`), ...Object.entries(h).map(([k, v]) => `  ${k}: ${v}`)];
  const embed = securityHeaders('en/embed/');
  return [
    ...block(`${prefix}*`, securityHeaders('')),
    ...block(`${prefix}:lang/embed/*`, { 'Content-Security-Policy': embed['Content-Security-Policy']! }, ['Content-Security-Policy', 'X-Frame-Options']),
    '',
  ].join('\n');
}
