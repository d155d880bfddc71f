/**
 * The Content-Security-Policy of every page: no inline or eval'd script; WebAssembly (Pagefind)
 * allowed through 'wasm-unsafe-eval' only. Delivered as a <meta> tag, in the `_headers` file and, with
 * frame-ancestors, as a header by deploy/nginx.conf (its policy line is nginxCspLine()).
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

/**
 * Framing. A <meta> policy cannot say who may frame a page, so this is sent as a header only:
 * embed pages (/<lang>/embed/…) may be framed by any site, every other page by none.
 */
export const FRAME_ANCESTORS = { page: "'none'", embed: '*' } as const;

/** Base-relative path prefixes of the embed pages (the only pages other sites may frame). */
export const EMBED_PREFIXES = ['en/embed/', 'zh/embed/'] as const;

/** Whether a base-relative path (no leading slash) is an embed page. */
export function isEmbedPath(path: string): boolean {
  const p = path.replace(/^\/+/, '');
  return EMBED_PREFIXES.some((e) => p.startsWith(e));
}

/** The header policy of one kind of page: the page policy plus its frame-ancestors rule. */
export function cspHeaderFor(kind: keyof typeof FRAME_ANCESTORS): string {
  return serialise({ ...CSP_DIRECTIVES, ...HEADER_ONLY_DIRECTIVES, 'frame-ancestors': FRAME_ANCESTORS[kind] });
}

/** Headers every response carries besides the policy (same values in `_headers` and deploy/nginx.conf). */
export const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/**
 * Every security header of one base-relative path (e.g. `en/embed/map/`), as the bundled static server
 * (src/lib/serve.ts) sends them; `_headers` and deploy/nginx.conf give the same.
 */
export function securityHeaders(pathFromBase: string): Record<string, string> {
  return { 'Content-Security-Policy': cspHeaderFor(isEmbedPath(pathFromBase.split(/[?#]/)[0]!) ? 'embed' : 'page'), ...SECURITY_HEADERS };
}

/** Cache lifetimes: content-hashed files never change; pages and unhashed files are revalidated. */
export const CACHE_CONTROL = {
  immutable: 'public, max-age=31536000, immutable',
  page: 'public, max-age=0, must-revalidate',
} as const;

/**
 * The lines of deploy/nginx.conf that carry the policy, generated from this file (a test asserts the
 * shipped file holds exactly these). `$atlas_frame_ancestors` is set per address by the file's `map`.
 */
export function nginxCspLine(): string {
  const policy = serialise({ ...CSP_DIRECTIVES, 'frame-ancestors': '$atlas_frame_ancestors' });
  return `add_header Content-Security-Policy "${policy}" always;`;
}

/** The folders of a Pagefind bundle whose files are named by their content (see src/lib/search-names.ts). */
const PAGEFIND_HASHED = ['index', 'fragment', 'filter'];

/**
 * `_headers` rules caching for a year the content-named files of the Pagefind bundle at `pagefind/<part>`
 * (`part` is '' for the bundle itself, `part-1/`, … for the parts of an index in parts), under `prefix` (the
 * base, ending in /).
 */
export function pagefindCacheRules(prefix: string, part: string): string[] {
  return PAGEFIND_HASHED.flatMap((d) => [`${prefix}pagefind/${part}${d}/*`, `  Cache-Control: ${CACHE_CONTROL.immutable}`, '']);
}

/**
 * A `_headers` file (Netlify, Cloudflare Pages and compatible hosts) for a site built under base.
 * These hosts join the values of a header set by several matching rules, so each path gets its policy
 * from exactly one rule: `paths` (the built site's top two levels, base-relative, directories ending in
 * "/") are enumerated, embed pages get frame-ancestors *, everything else 'none'.
 */
export function headersFile(base: string, paths: readonly string[] = []): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const langs = new Set(EMBED_PREFIXES.map((e) => e.split('/')[0]!));
  const rule = (path: string, headers: Record<string, string>) => [`${prefix}${path}`, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`), ''];
  const page = { 'Content-Security-Policy': cspHeaderFor('page') };
  const embed = { 'Content-Security-Policy': cspHeaderFor('embed') };
  const all = new Set([...paths, 'pagefind/', 'og/', ...[...langs].map((l) => `${l}/`)]);
  const csp: string[][] = [rule('', page)];
  for (const p of [...all].sort()) {
    const [top, rest] = [p.split('/')[0]!, p.slice(p.indexOf('/') + 1)];
    if (langs.has(top) && p.includes('/')) {
      if (!rest) csp.push(rule(p, page));
      else if (`${p}`.startsWith(`${top}/embed/`)) continue;
      else if (rest.endsWith('/')) csp.push(rule(`${p}*`, page));
      else csp.push(rule(p, page));
    } else if (!p.includes('/') || (!p.slice(0, -1).includes('/') && p.endsWith('/'))) {
      csp.push(rule(p.endsWith('/') ? `${p}*` : p, page));
    }
  }
  for (const l of [...langs].sort()) csp.push(rule(`${l}/embed/*`, embed));
  return [
    ...rule('*', SECURITY_HEADERS),
    ...rule('_astro/*', { 'Cache-Control': CACHE_CONTROL.immutable }),
    ...pagefindCacheRules(prefix, ''),
    ...csp.flat(),
  ].join('\n');
}
