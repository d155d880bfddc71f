/**
 * Serve a built site with nginx (Debian's package) on a free loopback port, mounted at a base
 * path, with the shipped deploy/nginx.conf (only its port, root and base filled in): directory
 * indexes, security and cache headers, the site's 404 pages for missing files.
 * The configuration, pid file and logs live in a temporary directory removed on stop.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveStatic } from '../../src/lib/serve.ts';
import { ROOT } from './fixture.ts';

export interface Nginx {
  /** e.g. http://127.0.0.1:41234/party-building-atlas/ */
  url: string;
  stop(): Promise<void>;
}

const CANDIDATES = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx', '/usr/bin/nginx'];

/** nginx: $NGINX_PATH, else the usual install locations or PATH; undefined when there is none. */
export function findNginx(candidates: readonly string[] = CANDIDATES, env = process.env.NGINX_PATH): string | undefined {
  if (env) {
    if (!existsSync(env)) throw new Error(`NGINX_PATH is set to ${env}, but there is no file there.`);
    return env;
  }
  return candidates.find((p) => existsSync(p)) ?? (spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).stdout.trim() || undefined);
}

export interface StaticHost extends Nginx {
  /** 'nginx' when the site is served by nginx, 'bundled' when by the project's own static server. */
  kind: 'nginx' | 'bundled';
}

/**
 * Serve a built site under a base path with nginx when it is installed, else with the bundled
 * static server (src/lib/serve.ts), saying in one line that the nginx configuration was not exercised.
 */
export async function startStaticHost(root: string, base: string, nginxPath = findNginx()): Promise<StaticHost> {
  if (nginxPath) return { kind: 'nginx', ...(await startNginx(root, base, nginxPath)) };
  console.log('sub-path tests: nginx is not installed, so the site is served by the bundled server; the nginx configuration itself was not exercised (apt-get install nginx-light to exercise it).');
  const server = await serveStatic(root, { port: 0, base });
  return { kind: 'bundled', url: server.url, stop: () => server.close() };
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

const TYPES = `types {
    text/html html;
    text/css css;
    application/javascript js mjs;
    application/json json;
    text/xml xml;
    text/plain txt;
    image/png png;
    image/svg+xml svg;
    image/x-icon ico;
    application/wasm wasm;
    font/woff2 woff2;
}
`;

/** The shipped site configuration, deploy/nginx.conf. */
export const DEPLOY_CONF = join(ROOT, 'deploy', 'nginx.conf');

/** deploy/nginx.conf with its three placeholders filled in, and nothing else changed. */
export function renderDeployConf(values: { port: string | number; root: string; base: string }, text = readFileSync(DEPLOY_CONF, 'utf8')): string {
  const base = `/${values.base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const out = text.replaceAll('@PORT@', String(values.port)).replaceAll('@ROOT@', resolve(values.root).replace(/\/+$/, '')).replaceAll('@BASE@', base);
  const left = /@[A-Z]+@/.exec(out);
  if (left) throw new Error(`deploy/nginx.conf: placeholder ${left[0]} is not filled in`);
  return out;
}

export async function startNginx(root: string, base: string, bin = findNginx()): Promise<Nginx> {
  if (!bin) throw new Error('No nginx found. Install it — on Debian/Ubuntu: apt-get install -y nginx-light — or set NGINX_PATH.');
  const dir = mkdtempSync(join(tmpdir(), 'atlas-nginx-'));
  chmodSync(dir, 0o755); // worker processes may run as another user
  const port = await freePort();
  const prefix = `/${base.replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/");
  // The host's MIME types, as a packaged nginx has them (deploy/nginx.conf includes mime.types).
  writeFileSync(join(dir, 'mime.types'), existsSync('/etc/nginx/mime.types') ? readFileSync('/etc/nginx/mime.types', 'utf8') : TYPES);
  writeFileSync(join(dir, 'site.conf'), renderDeployConf({ port: `127.0.0.1:${port}`, root, base }));
  // A minimal main file around the shipped site file, as /etc/nginx/nginx.conf is around conf.d/*.conf.
  const conf = `
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 128; }
http {
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/site.conf;
}
`;
  const confPath = join(dir, 'nginx.conf');
  writeFileSync(confPath, conf);
  const proc: ChildProcess = spawn(bin, ['-p', dir, '-e', join(dir, 'error.log'), '-c', confPath], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr?.on('data', (d) => (stderr += String(d)));
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  const url = `http://127.0.0.1:${port}${prefix}`;
  const log = () => (existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '');

  const deadline = Date.now() + 15_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`nginx exited with code ${proc.exitCode}:\n${stderr}\n${log()}`);
    try {
      const res = await fetch(url);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`nginx did not answer on ${url}:\n${stderr}\n${log()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url,
    async stop() {
      if (proc.exitCode === null) {
        proc.kill('SIGQUIT'); // graceful shutdown of master and workers
        const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
