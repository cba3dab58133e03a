// Rebuilds only when a source file is newer than the last build, so `npm start` is quick after the
// first run and never serves stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'dist/.build-stamp');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(p));
    else latest = Math.max(latest, statSync(p).mtimeMs);
  }
  return latest;
}

if (!existsSync(path.join(root, 'node_modules/.bin/tsc'))) {
  // a production install without dev dependencies: nothing to build with
  process.exit(0);
}
const inputs = [path.join(root, 'src'), path.join(root, 'package-lock.json'), path.join(root, 'vite.config.ts'), path.join(root, 'tsconfig.json'), path.join(root, 'tsconfig.build.json')];
const latest = Math.max(...inputs.filter(existsSync).map((p) => (statSync(p).isDirectory() ? newest(p) : statSync(p).mtimeMs)));
if (!existsSync(stamp) || statSync(stamp).mtimeMs < latest) await build();
