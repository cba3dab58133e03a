#!/usr/bin/env node
// Runs the built CLI (dist/) when present, otherwise the TypeScript source through tsx.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'dist/main/cli.js');
if (existsSync(built)) {
  const { runCli } = await import(pathToFileURL(built).href);
  process.exitCode = await runCli(process.argv.slice(2));
} else {
  const tsx = path.join(root, 'node_modules/.bin/tsx');
  const r = spawnSync(tsx, [path.join(root, 'src/main/cli.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
}
