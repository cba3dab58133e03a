// `npm run bench`: runs every benchmark, prints a table and writes bench/results.json (the latest)
// and bench/results/latest.json. Scheduling runs on a throwaway PostgreSQL server when the Debian
// binaries are there (or DATABASE_URL), and always on PGlite. The portal's first load in Chromium
// is under `web` (web.portal_first_load_bytes, web.portal_fast4g_ms), with Lighthouse's scores of the
// public pages when it is installed (web.public_lighthouse_performance, web.public_lcp_ms).
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { httpBenches } from './http.bench.js';
import { screeningBenches } from './screening.bench.js';
import { billingBenches } from './billing.bench.js';
import { schedulingBenches } from './scheduling.bench.js';
import { webBenches, type WebFigures } from './web.bench.js';
import { startBenches, type StartFigures } from './start.bench.js';
import { startThrowawayPg } from '../scripts/pg-server.mjs';

const results = [...(await screeningBenches()), ...(await billingBenches()), ...(await httpBenches())];

let pg: { url: string; stop: () => void } | null = null;
if (process.env.DATABASE_URL) pg = { url: process.env.DATABASE_URL, stop: () => undefined };
else {
  try {
    pg = await startThrowawayPg();
  } catch (err) {
    process.stdout.write(`PostgreSQL not available (${(err as Error).message}); scheduling runs on PGlite only\n`);
  }
}
let scheduling: Record<string, unknown>;
try {
  scheduling = await schedulingBenches(pg?.url ?? null);
} finally {
  pg?.stop();
}
process.stdout.write('\nscheduling\n');
for (const [db, figures] of Object.entries(scheduling)) {
  for (const [k, v] of Object.entries(figures as Record<string, unknown>)) {
    process.stdout.write(`  ${db.padEnd(11)} ${k.padEnd(24)} ${JSON.stringify(v)}\n`);
  }
}

// start-up and idle memory of the built server on the embedded database (issue 14, item 6)
let start: StartFigures | { skipped: string };
try {
  start = await startBenches();
  for (const [k, v] of Object.entries(start)) process.stdout.write(`  ${k.padEnd(24)} ${v}\n`);
} catch (err) {
  start = { skipped: (err as Error).message };
  process.stdout.write(`start benchmark skipped: ${start.skipped}\n`);
}

// the browser figures need Debian's Chromium and the built app; without them the rest still runs
let web: WebFigures | { skipped: string };
try {
  web = await webBenches();
} catch (err) {
  web = { skipped: (err as Error).message.split('\n')[0]! };
  process.stdout.write(`web benchmark skipped: ${web.skipped}\n`);
}

const report = {
  at: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  results,
  scheduling,
  start,
  web,
  aims: { http_availability_p95_ms: '<= 5', availability_bytes: '<= 20000', booking_per_s_c32: '>= 300 (aim 800)', 'start.existing_ms': '<= 2000', 'start.first_ms': '<= 5000', 'memory.idle_rss_mb': '<= 400', race_successes: 1, overlaps: 0, 'web.portal_first_load_bytes': '<= 200000', 'web.portal_fast4g_ms': '<= 2500', 'web.public_lighthouse_performance': '>= 90', 'web.public_lcp_ms': '<= 2500' },
};
const dir = path.resolve('bench/results');
await mkdir(dir, { recursive: true });
const text = JSON.stringify(report, null, 2) + '\n';
await writeFile(path.join(dir, 'latest.json'), text);
await writeFile(path.resolve('bench/results.json'), text);
process.stdout.write(`\nwritten to bench/results.json and ${path.join(dir, 'latest.json')}\n`);
