import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cspHeader, cspMeta, headersFile, isEmbedPath, securityHeaders } from '../../src/lib/csp.ts';
import { serveStatic, type StaticServer } from '../../src/lib/serve.ts';

describe('security headers per path', () => {
  it('normal pages refuse framing', () => {
    for (const p of ['', 'en/', 'zh/cases/lianjiang/', 'en/compare/?indicator=x', 'data/observations.csv', 'en/embedded/', 'embed/en/']) {
      const h = securityHeaders(p);
      expect(h['Content-Security-Policy'], p).toBe(`${cspMeta()}; frame-ancestors 'none'`);
      expect(h['X-Content-Type-Options']).toBe('nosniff');
    }
  });
  it('embed pages may be framed by any site, and keep the rest of the policy', () => {
    for (const p of ['en/embed/map/', 'zh/embed/compare/', '/en/embed/theme-contests-figures/']) {
      expect(isEmbedPath(p), p).toBe(true);
      const h = securityHeaders(p);
      expect(h['Content-Security-Policy'], p).toBe(`${cspMeta()}; frame-ancestors *`);
      expect(h['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    }
  });
  it('the _headers file gives the same rules under the base path', () => {
    const f = headersFile('/party-building-atlas/', ['en/', 'en/cases/', 'en/embed/', 'index.html']);
    expect(f).toContain(`/party-building-atlas/en/cases/*\n  Content-Security-Policy: ${cspHeader()}\n`);
    expect(f).toContain(`/party-building-atlas/en/embed/*\n  Content-Security-Policy: ${cspMeta()}; frame-ancestors *\n`);
    expect(f).not.toContain(`/party-building-atlas/en/*\n`);
  });
});

describe('the bundled static server sends the same headers', () => {
  let dir: string;
  let server: StaticServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'atlas-headers-'));
    for (const p of ['en', 'en/embed/map']) {
      mkdirSync(join(dir, p), { recursive: true });
      writeFileSync(join(dir, p, 'index.html'), '<!doctype html><title>x</title>');
    }
    writeFileSync(join(dir, '404.html'), '<!doctype html><title>not found</title>');
    server = await serveStatic(dir, { base: '/atlas/' });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  for (const [path, embed] of [['en/', false], ['en/embed/map/', true], ['en/embed/map/?indicator=a&places=b', true], ['no-such-page/', false]] as const) {
    it(`${path}: ${embed ? 'may be framed' : 'refuses framing'}`, async () => {
      const res = await fetch(server.url + path);
      const expected = securityHeaders(embed ? 'en/embed/' : 'en/');
      expect(res.headers.get('content-security-policy')).toBe(expected['Content-Security-Policy']);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    });
  }
});
