import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';
import { securityHeaders } from './csp.ts';

export interface StaticServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/**
 * Serve a built site directory over HTTP on loopback, mounted under `base` (e.g. /party-building-atlas/).
 * Unknown addresses get the not-found page of their language with status 404: <base>zh/… the
 * Chinese one (zh/404/index.html), everything else the site's 404.html. Every response carries the
 * same security headers as deployment (securityHeaders in src/lib/csp.ts: only embed pages may be framed).
 */
export function serveStatic(dir: string, opts: { port?: number; host?: string; base?: string } = {}): Promise<StaticServer> {
  const base = ('/' + (opts.base ?? '/').replace(/^\/+|\/+$/g, '') + '/').replace(/\/+/g, '/');
  const files = sirv(dir, { dev: false, etag: true, extensions: ['html'], dotfiles: false });
  const read = (path: string) => (existsSync(path) ? readFileSync(path) : undefined);
  const notFound = read(join(dir, '404.html')) ?? Buffer.from('Not found');
  const notFoundZh = read(join(dir, 'zh', '404', 'index.html')) ?? notFound;
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const zh = url.startsWith(`${base}zh/`) || url === `${base}zh` || url.startsWith(`${base}zh?`);
    const path = url.startsWith(base) ? url.slice(base.length).split(/[?#]/)[0]! : '';
    for (const [k, v] of Object.entries(securityHeaders(path))) res.setHeader(k, v);
    const fail = () => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(zh ? notFoundZh : notFound);
    };
    if (!url.startsWith(base)) {
      if (url === '/' && base !== '/') {
        res.statusCode = 302;
        res.setHeader('location', base);
        res.end();
        return;
      }
      return fail();
    }
    req.url = '/' + url.slice(base.length);
    files(req, res, fail);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : opts.port;
      resolve({
        server,
        url: `http://${opts.host ?? '127.0.0.1'}:${port}${base}`,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}
