// Builds the server (tsc -> dist/) and the web app (vite -> dist/web, then icons and compressed
// copies; the public pages' renderer -> dist/web-ssr), then stamps the build.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { finishWeb } from './web-assets.mjs';
import { buildPgliteTemplate } from './pglite-template.mjs';

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
  // a created, migrated embedded database for a quick first start (scripts/pglite-template.mjs)
  await buildPgliteTemplate();
  run(bin('vite'), ['build', '--logLevel', 'warn']);
  // the public pages' server renderer, with the client build's manifest beside it (not served)
  run(bin('vite'), ['build', '--logLevel', 'warn', '--ssr', 'ssr.tsx', '--outDir', path.join(root, 'dist/web-ssr')]);
  renameSync(path.join(root, 'dist/web/.vite/manifest.json'), path.join(root, 'dist/web-ssr/manifest.json'));
  rmSync(path.join(root, 'dist/web/.vite'), { recursive: true, force: true });
  // the modules the renderer names (a page's styles, the chunks to preload) must be in the manifest
  const manifest = JSON.parse(readFileSync(path.join(root, 'dist/web-ssr/manifest.json'), 'utf8'));
  const { NAMED_MODULES } = await import(pathToFileURL(path.join(root, 'dist/web-ssr/ssr.js')).href);
  const missing = NAMED_MODULES.filter((m) => !manifest[m]);
  if (missing.length) {
    process.stderr.write(`src/web/ssr.tsx names modules the web build does not have: ${missing.join(', ')}\n`);
    process.exit(1);
  }
  await finishWeb(path.join(root, 'dist/web'));
  mkdirSync(path.join(root, 'dist'), { recursive: true });
  writeFileSync(path.join(root, 'dist/.build-stamp'), new Date().toISOString());
  process.stdout.write(`Built in ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await build();
