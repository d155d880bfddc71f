// Serve the built site (dist/) on localhost. PORT and BASE may be set in the environment.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../src/lib/serve.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error('No built site in dist/. Run `npm run build` first (or `npm start`, which builds).');
  process.exit(1);
}
const port = Number(process.env.PORT ?? 4321);
const site = await serveStatic(dist, { port, host: process.env.HOST ?? '127.0.0.1', base: process.env.BASE ?? '/' });
console.log(`Party-Building Case Atlas is being served at ${site.url}  (Ctrl+C to stop)`);
