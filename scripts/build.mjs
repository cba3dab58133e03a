// Builds the server (tsc -> dist/) and the web app (vite -> dist/web, then icons and compressed
// copies), then stamps the build.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { finishWeb } from './web-assets.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

export async function build() {
  const t = Date.now();
  process.stdout.write('Building Dermis (server and web app)...\n');
  run(bin('tsc'), ['-p', 'tsconfig.build.json']);
  run(bin('vite'), ['build', '--logLevel', 'warn']);
  await finishWeb(path.join(root, 'dist/web'));
  mkdirSync(path.join(root, 'dist'), { recursive: true });
  writeFileSync(path.join(root, 'dist/.build-stamp'), new Date().toISOString());
  process.stdout.write(`Built in ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await build();
