// Availability over real HTTP on the bench clinic (bench/scheduling.bench.ts builds it: 5 locations,
// each with 8 providers, 4 rooms and 2 RF devices, about 22,000 bookings over 9 months). The app is
// served on a loopback port and asked, one request at a time after a warm-up, for 14 days of
// consultation times at the first location: any provider, and one provider. Figures: p50 and p95 in
// milliseconds and the size of the any-provider answer in bytes.
import pino from 'pino';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { Temporal } from 'temporal-polyfill';
import type { DbHandle } from '../src/db/connect.js';
import { localFolderStorage } from '../src/adapters/storage/local-folder.js';
import { createAuth } from '../src/adapters/auth/better-auth.js';
import { identityFromAuth } from '../src/adapters/auth/identity.js';
import { createApp } from '../src/http/app.js';
import { secretBox } from '../src/adapters/crypto/secret-box.js';
import type { BookingDataset } from './booking.bench.js';

const PASSWORD = 'bench-password-2026';
const SECRET = 'bench-secret-0123456789abcdef0123456789';
const WARM_UP = 100;
const RUNS = 200;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Number(s[Math.min(s.length - 1, Math.floor(p * s.length))]!.toFixed(2));
};

export interface AvailabilityHttpFigures {
  http_availability_p95_ms: number;
  http_availability_p50_ms: number;
  availability_bytes: number;
  one_provider_p95_ms: number;
  slots: number;
}

export async function measureAvailabilityHttp(h: DbHandle, d: BookingDataset): Promise<AvailabilityHttpFigures> {
  const publicUrl = 'http://localhost:3000';
  const auth = createAuth({ db: h.db as never, secret: SECRET, publicUrl, secureCookies: false, sendPasswordReset: () => Promise.resolve() });
  const app = createApp({
    db: h.db, auth, identity: identityFromAuth(auth), logger: pino({ level: 'silent' }), now: () => new Date(), publicUrl,
    lockout: { maxFailures: 5, lockMinutes: 15 }, trustProxy: false, ready: () => Promise.resolve(true), storage: localFolderStorage(mkdtempSync(path.join(tmpdir(), 'dermis-bench-'))),
    secrets: secretBox(SECRET),
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  try {
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const headers = { 'content-type': 'application/json', origin: publicUrl };
    const signIn = await fetch(`${base}/api/auth/sign-in/email`, { method: 'POST', headers, body: JSON.stringify({ email: d.deskEmail, password: PASSWORD }) });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const from = Temporal.Now.plainDateISO('UTC').add({ days: 1 });
    const loc = d.locations[0]!.id;
    const url = (providerId?: string) => {
      const q = new URLSearchParams({ serviceId: d.consultationId, from: from.toString(), to: from.add({ days: 13 }).toString() });
      if (providerId) q.set('providerId', providerId);
      return `${base}/api/locations/${loc}/availability?${q.toString()}`;
    };
    const get = async (u: string) => {
      const t = performance.now();
      const r = await fetch(u, { headers: { cookie } });
      const body = await r.text();
      const ms = performance.now() - t;
      if (r.status !== 200) throw new Error(`availability answered ${r.status}: ${body.slice(0, 300)}`);
      return { ms, body };
    };
    const first = await get(url());
    const answer = JSON.parse(first.body) as { providers: { id: string }[]; days: { times: { providers: number[] }[] }[] };
    for (let i = 0; i < WARM_UP; i++) await get(url());
    const any: number[] = [];
    for (let i = 0; i < RUNS; i++) any.push((await get(url())).ms);
    const one: number[] = [];
    const providerUrl = url(answer.providers[0]!.id);
    for (let i = 0; i < WARM_UP; i++) await get(providerUrl);
    for (let i = 0; i < RUNS; i++) one.push((await get(providerUrl)).ms);
    // provider and start pairs, as the slot list counted them before the answer was compact
    const slots = answer.days.reduce((n, day) => n + day.times.reduce((m, t) => m + t.providers.length, 0), 0);
    return { http_availability_p95_ms: pct(any, 0.95), http_availability_p50_ms: pct(any, 0.5), availability_bytes: Buffer.byteLength(first.body), one_provider_p95_ms: pct(one, 0.95), slots };
  } finally {
    server.close();
  }
}
