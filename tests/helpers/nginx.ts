/**
 * Serve a built site with nginx (Debian's package) on a free loopback port, mounted at a base
 * path, the way a static host would: directory indexes, the site's 404 page for missing files.
 * The configuration, pid file and logs live in a temporary directory removed on stop.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface Nginx {
  /** e.g. http://127.0.0.1:41234/party-building-atlas/ */
  url: string;
  stop(): Promise<void>;
}

const CANDIDATES = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx', '/usr/bin/nginx'];

export function findNginx(): string {
  const env = process.env.NGINX_PATH;
  if (env) {
    if (!existsSync(env)) throw new Error(`NGINX_PATH is set to ${env}, but there is no file there.`);
    return env;
  }
  const found = CANDIDATES.find((p) => existsSync(p)) ?? (spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).stdout.trim() || undefined);
  if (!found) throw new Error('No nginx found for the sub-path tests. Install it — on Debian/Ubuntu: sudo apt-get install -y nginx-light (or nginx) — or set NGINX_PATH.');
  return found;
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

const TYPES = `
    text/html html;
    text/css css;
    text/javascript js mjs;
    application/json json;
    application/xml xml;
    text/plain txt;
    text/csv csv;
    image/png png;
    image/svg+xml svg;
    image/x-icon ico;
    application/wasm wasm;
    font/woff2 woff2;`;

export async function startNginx(root: string, base: string): Promise<Nginx> {
  const bin = findNginx();
  const dir = mkdtempSync(join(tmpdir(), 'atlas-nginx-'));
  chmodSync(dir, 0o755); // worker processes may run as another user
  const port = await freePort();
  const prefix = `/${base.replace(/^\/+|\/+$/g, '')}/`;
  const conf = `
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 128; }
http {
  types {${TYPES}
  }
  default_type application/octet-stream;
  charset utf-8;
  charset_types text/css text/plain text/csv application/json application/xml text/javascript;
  access_log off;
  absolute_redirect off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    server_name localhost;
    location = / { return 404; }
    location ${prefix} {
      alias ${resolve(root)}/;
      index index.html;
      error_page 404 ${prefix}404.html;
    }
    location ${prefix}zh/ {
      alias ${resolve(root)}/zh/;
      index index.html;
      error_page 404 ${prefix}zh/404/index.html;
    }
  }
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
