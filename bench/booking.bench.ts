// Bookings over real HTTP at concurrency 1, 8 and 32, each level on its own distinct free slots (so
// a level measures bookings made, not conflicts), a 20-request race for one slot, and pgbench's
// tpcb-like rate against the same PostgreSQL server as the ceiling the booking rate is compared to.
// Free slots come from the reference availability engine; requests name only the service, the start
// and the provider, as the compact availability answer gives them: the server picks the room.
import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import pino from 'pino';
import { Temporal } from 'temporal-polyfill';
import type { DbHandle } from '../src/db/connect.js';
import { createAuth } from '../src/adapters/auth/better-auth.js';
import { identityFromAuth } from '../src/adapters/auth/identity.js';
import { createApp } from '../src/http/app.js';
import { secretBox } from '../src/adapters/crypto/secret-box.js';
import { localFolderStorage } from '../src/adapters/storage/local-folder.js';
import { loadAvailability } from '../src/services/scheduling/availability-context.js';
import { findSlots } from '../src/domain/scheduling/availability.js';
import { covers } from '../src/domain/scheduling/intervals.js';

export interface BookingDataset {
  orgId: string;
  locations: { id: string; tz: string }[];
  consultationId: string;
  deskEmail: string;
  clients: string[];
}

const PASSWORD = 'bench-password-2026';
const SECRET = 'bench-secret-0123456789abcdef0123456789';
/** bookings per level: enough for a few seconds of load at the aimed rate */
const TOTALS: Record<number, number> = process.env.BENCH_BOOKING_LEVELS
  ? (Object.fromEntries(process.env.BENCH_BOOKING_LEVELS.split(',').map((x) => x.split(':').map(Number))) as Record<number, number>)
  : { 1: 150, 8: 800, 32: 2400 };

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return Number(s[Math.min(s.length - 1, Math.floor(p * s.length))]!.toFixed(2));
};

interface Free {
  loc: string;
  start: string;
  providerId: string;
}

/**
 * Distinct bookable (start, provider) pairs on the hour, never more at one start than rooms free
 * then, so every request of a level can succeed whatever room the server picks.
 */
async function freeStarts(h: DbHandle, d: BookingDataset, from: Temporal.PlainDate, days: number): Promise<Free[]> {
  const out: Free[] = [];
  for (const loc of d.locations) {
    const a = await loadAvailability(h.db, d.orgId, { locationId: loc.id, serviceId: d.consultationId, from: from.toString(), to: from.add({ days }).toString(), now: new Date() });
    const slots = findSlots({ ...a.query, window: a.window });
    const perStart = new Map<number, number>();
    for (const s of slots) {
      if (new Date(s.start).getUTCMinutes() !== 0) continue;
      const rooms = (a.query.rooms ?? []).filter((r) => covers(r.free, s.start, s.end)).length;
      const n = perStart.get(s.start) ?? 0;
      if (n >= rooms) continue;
      perStart.set(s.start, n + 1);
      out.push({ loc: loc.id, start: new Date(s.start).toISOString(), providerId: s.providerId });
    }
  }
  // shuffled (seeded), so concurrent requests rarely share a start and contend for the same room
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The app in this process, on a loopback port (PGlite, or when no build is there to start). */
async function inProcessServer(h: DbHandle, publicUrl: string) {
  const auth = createAuth({ db: h.db as never, secret: SECRET, publicUrl, secureCookies: false, sendPasswordReset: () => Promise.resolve() });
  const app = createApp({
    db: h.db, auth, identity: identityFromAuth(auth), logger: pino({ level: process.env.BENCH_DEBUG ? 'error' : 'silent' }), now: () => new Date(), publicUrl,
    lockout: { maxFailures: 5, lockMinutes: 15 }, trustProxy: false, ready: () => Promise.resolve(true), storage: localFolderStorage(mkdtempSync(path.join(tmpdir(), 'dermis-bench-'))),
    secrets: secretBox(SECRET),
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => void server.close() };
}

/**
 * The built server as `npm start` runs it on PostgreSQL (DERMIS_PROCESSES defaults to the number of
 * cores, decision 0016), in its own processes: the load comes from this one, as it would from
 * browsers. The job worker is off (a chain runs it apart); the demo is not seeded.
 */
async function builtServer(databaseUrl: string, publicUrl: string) {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, [path.resolve('dist/main/server.js')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', DERMIS_PUBLIC_URL: publicUrl, DERMIS_SECRET: SECRET, DERMIS_SEED_DEMO: 'never', DERMIS_WORKER: 'off', DERMIS_LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (const t = performance.now(); ; ) {
    if (child.exitCode !== null) throw new Error(`the server stopped with code ${child.exitCode}`);
    if (await fetch(`${base}/readyz`).then((r) => r.ok, () => false)) break;
    if (performance.now() - t > 60_000) throw new Error('the server was not ready within a minute');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base, close: () => void child.kill('SIGTERM') };
}

/** Bookings a second, latency and outcomes at each concurrency, and the race for one slot. */
export async function bookingFigures(h: DbHandle, d: BookingDataset, publicUrl = 'http://localhost:3000', databaseUrl?: string) {
  const useBuild = databaseUrl && existsSync(path.resolve('dist/main/server.js'));
  const server = useBuild ? await builtServer(databaseUrl, publicUrl) : await inProcessServer(h, publicUrl);
  const base = server.base;
  const headers = { 'content-type': 'application/json', origin: publicUrl };
  const signIn = await fetch(`${base}/api/auth/sign-in/email`, { method: 'POST', headers, body: JSON.stringify({ email: d.deskEmail, password: PASSWORD }) });
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  const from = Temporal.Now.plainDateISO('UTC').add({ days: 2 });
  const free = await freeStarts(h, d, from, 100);
  process.stdout.write(`  free consultation starts for the booking runs: ${free.length}\n`);
  let next = 0;
  const book = async (body: Record<string, unknown>) => {
    const t = performance.now();
    const r = await fetch(`${base}/api/bookings`, { method: 'POST', headers: { ...headers, cookie }, body: JSON.stringify(body) });
    const text = await r.text();
    if (r.status >= 500 || (process.env.BENCH_DEBUG && r.status !== 201)) process.stdout.write(`  ${r.status}: ${text.slice(0, 300)}\n`);
    return { status: r.status, ms: performance.now() - t };
  };
  const levels: Record<string, { booking_per_s: number; booking_p50_ms: number; booking_p95_ms: number; created: number; conflicts: number; errors: number }> = {};
  for (const concurrency of Object.keys(TOTALS).map(Number)) {
    const total = TOTALS[concurrency]!;
    const times: number[] = [];
    const statuses: number[] = [];
    let taken = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (taken < total && next < free.length - 1) {
          taken++;
          const i = next++;
          const f = free[i]!;
          const r = await book({ locationId: f.loc, serviceId: d.consultationId, clientId: d.clients[i % d.clients.length], start: f.start, providerId: f.providerId, idempotencyKey: randomUUID() });
          times.push(r.ms);
          statuses.push(r.status);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    levels[`c${concurrency}`] = {
      booking_per_s: Math.round(times.length / seconds),
      booking_p50_ms: pct(times, 0.5),
      booking_p95_ms: pct(times, 0.95),
      created: statuses.filter((s) => s === 201).length,
      conflicts: statuses.filter((s) => s === 409).length,
      errors: statuses.filter((s) => s >= 500).length,
    };
  }
  // 20 requests for one slot and provider, all at once, on a start no level took
  const target = free[free.length - 1]!;
  const race = await Promise.all(Array.from({ length: 20 }, (_, i) => book({ locationId: target.loc, serviceId: d.consultationId, clientId: d.clients[i], start: target.start, providerId: target.providerId, idempotencyKey: randomUUID() })));
  server.close();
  return { server: useBuild ? 'built, own processes' : 'in process', levels, raceSuccesses: race.filter((r) => r.status === 201).length };
}

const run = promisify(execFile);

function pgbenchPath(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  for (const v of readdirSync(base).sort((a, b) => Number(b) - Number(a))) {
    const p = path.join(base, v, 'bin/pgbench');
    if (existsSync(p)) return p;
  }
  return null;
}

/** pgbench tpcb-like at 32 clients for 10 s on the same server (scale 10): the database's own rate. */
export async function pgbenchTps(url: string, seconds = 10): Promise<number | null> {
  const bin = pgbenchPath();
  if (!bin) return null;
  await run(bin, ['-i', '-q', '-s', '10', url], { maxBuffer: 1 << 24 });
  const r = await run(bin, ['-c', '32', '-j', '2', '-T', String(seconds), '-b', 'tpcb-like', url], { maxBuffer: 1 << 24 });
  const m = /tps = ([\d.]+) \((?:without|excluding)/.exec(r.stdout) ?? /tps = ([\d.]+)/.exec(r.stdout);
  return m ? Math.round(Number(m[1])) : null;
}
