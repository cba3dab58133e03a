// A part of `npm run bench` on its own: BENCH_ONLY=scheduling,start prints and writes those figures
// to bench/results/partial.json (bench/results.json is written by the whole run only).
// first: it gives zod schemas their .openapi() before the route modules are evaluated
import '@hono/zod-openapi';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { schedulingBenches } from './scheduling.bench.js';
import { startBenches } from './start.bench.js';
import { startThrowawayPg } from '../scripts/pg-server.mjs';

const only = new Set((process.env.BENCH_ONLY ?? 'scheduling,start').split(','));
const out: Record<string, unknown> = { at: new Date().toISOString() };
if (only.has('start')) out.start = await startBenches();
if (only.has('scheduling')) {
  const pg = await startThrowawayPg().catch(() => null);
  try {
    out.scheduling = await schedulingBenches(pg?.url ?? null);
  } finally {
    pg?.stop();
  }
}
const text = JSON.stringify(out, null, 2) + '\n';
process.stdout.write(text);
await mkdir(path.resolve('bench/results'), { recursive: true });
await writeFile(path.resolve('bench/results/partial.json'), text);
