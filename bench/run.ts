// `npm run bench`: runs every benchmark and writes bench/results/latest.json (and a dated copy).
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { httpBenches } from './http.bench.js';
import { screeningBenches } from './screening.bench.js';

const results = [...(await screeningBenches()), ...(await httpBenches())];
const report = {
  at: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  results,
};
const dir = path.resolve('bench/results');
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, 'latest.json'), JSON.stringify(report, null, 2) + '\n');
process.stdout.write(`\nwritten to ${path.join(dir, 'latest.json')}\n`);
