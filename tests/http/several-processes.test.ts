// Issue 14, items 4 and 8 (decision 0016): the built server on PostgreSQL with DERMIS_PROCESSES=2, as
// `npm start` runs it. Two worker processes answer one port; a slot raced across both has exactly one
// winner; a session and a sign-in lockout made in one process hold in the other; /metrics is served
// on its own port, behind its token, and never on the public one. Every request opens its own
// connection (agent: false) so node:cluster hands them out across the workers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { PASSWORD, type Org } from '../support/factory.js';
import { setUpClinic, type Clinic } from '../support/clinic.js';
import { freePort } from '../../e2e/support/server.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
const METRICS_TOKEN = 'metrics-token-for-the-test-0123456789';
/** scripts/test-pg.mjs builds first when the sources are newer than dist/ */
const SERVER = path.resolve('dist/main/server.js');

interface Answer {
  status: number;
  pid: string | undefined;
  headers: http.IncomingHttpHeaders;
  text: string;
}

let t: TestApp;
let org: Org;
let clinic: Clinic;
let child: ChildProcess | null = null;
let output = '';
let base = '';
let metricsPort = 0;
let dataDir = '';
/** the worker processes after the crash test, for the stop test */
let workers: string[] = [];

/** One request on a connection of its own; `ip` is the caller's address as the proxy reports it. */
function call(url: string, init: { method?: string; body?: unknown; cookie?: string; ip?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    headers.origin = base;
  }
  if (init.cookie) headers.cookie = init.cookie;
  headers['x-forwarded-for'] = init.ip ?? '203.0.113.1';
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, pid: res.headers['x-dermis-process'] as string | undefined, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
const api = (p: string, init: Parameters<typeof call>[1] = {}) => call(`${base}${p}`, init);

async function signIn(email: string, password: string, ip: string) {
  const r = await api('/api/auth/sign-in/email', { body: { email, password }, ip });
  const setCookie = ([] as string[]).concat(r.headers['set-cookie'] ?? []);
  return { ...r, cookie: setCookie.map((c) => c.split(';')[0]).find((c) => c!.includes('session_token')) };
}

/** Asks until a process other than `not` answers (round-robin: the next connection or so). */
async function fromAnotherProcess(not: string | undefined, ask: () => Promise<Answer>) {
  for (let i = 0; i < 20; i++) {
    const r = await ask();
    if (r.pid && r.pid !== not) return r;
  }
  throw new Error(`only process ${not} answered`);
}

const overlaps = async () => {
  const r = await sql<{ n: string }>`
    select count(*) as n from booking_resources a join booking_resources b
      on a.organization_id = b.organization_id and a.resource_kind = b.resource_kind and a.resource_id = b.resource_id
     and a.booking_id < b.booking_id and a.during && b.during
    where a.active and b.active and a.organization_id = ${org.id}`.execute(t.db);
  return Number(r.rows[0]!.n);
};

/** A weekday (Tuesday to Thursday) at least three days ahead, 16:00 UTC: mid-morning in Texas. */
function slotAhead() {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 3);
  while (![2, 3, 4].includes(d.getUTCDay())) d.setUTCDate(d.getUTCDate() + 1);
  d.setUTCHours(16, 0, 0, 0);
  return d.toISOString();
}

describe.skipIf(!onPostgres)('several processes on PostgreSQL (DERMIS_PROCESSES=2)', () => {
  beforeAll(async () => {
    if (!existsSync(SERVER)) throw new Error('dist/main/server.js is missing: run npm run build (npm run test:pg builds when stale)');
    t = await createTestApp();
    org = await t.factory.org();
    clinic = await setUpClinic(t, org);
    dataDir = await mkdtemp(path.join(tmpdir(), 'dermis-procs-'));
    const port = await freePort();
    metricsPort = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [SERVER], {
      env: {
        ...process.env,
        DATABASE_URL: t.handle.url!,
        PORT: String(port),
        HOST: '127.0.0.1',
        DERMIS_PUBLIC_URL: base,
        DERMIS_DATA_DIR: dataDir,
        DERMIS_SEED_DEMO: 'never',
        DERMIS_PROCESSES: '2',
        DERMIS_TRUST_PROXY: 'true',
        DERMIS_SIGN_IN_MAX_FAILURES: '3',
        DERMIS_METRICS_PORT: String(metricsPort),
        DERMIS_METRICS_TOKEN: METRICS_TOKEN,
        DERMIS_LOG_LEVEL: 'warn',
        DERMIS_CHECK_RESPONSES: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    // ready when both workers answer
    const pids = new Set<string>();
    const deadline = Date.now() + 45_000;
    while (pids.size < 2) {
      if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
      if (Date.now() > deadline) throw new Error(`two processes did not answer (saw ${[...pids].join(', ') || 'none'}): ${output}`);
      const r = await api('/readyz').catch(() => null);
      if (r?.status === 200 && r.pid) pids.add(r.pid);
      else await new Promise((res) => setTimeout(res, 100));
    }
  }, 60_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    await t?.close();
    const mismatches = output.split('\n').filter((l) => l.includes('response does not match its schema'));
    expect(mismatches).toEqual([]);
  }, 60_000);

  it('two worker processes answer the one port, neither of them the primary', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => api('/healthz')));
    const pids = new Set(answers.map((a) => a.pid));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(pids.size).toBe(2);
    expect(pids.has(String(child!.pid))).toBe(false);
  });

  it('a session made in one process works in the other; signing out in one ends it in both', async () => {
    const s = await signIn(clinic.frontDesk.email, PASSWORD, '203.0.113.10');
    expect(s.status, s.text).toBe(200);
    expect(s.cookie).toBeTruthy();
    const other = await fromAnotherProcess(s.pid, () => api('/api/organization', { cookie: s.cookie! }));
    expect(other.status, other.text).toBe(200);
    const out = await api('/api/auth/sign-out', { body: {}, cookie: s.cookie! });
    expect(out.status).toBe(200);
    const after = await fromAnotherProcess(out.pid, () => api('/api/organization', { cookie: s.cookie! }));
    expect(after.status).toBe(401);
  });

  it('20 requests racing for one slot across both processes: exactly one booking, the rest 409, no overlap', async () => {
    const desk = await signIn(clinic.frontDesk.email, PASSWORD, '203.0.113.11');
    expect(desk.status, desk.text).toBe(200);
    const clients = [];
    for (let i = 0; i < 20; i++) clients.push(await t.factory.client(org));
    const start = slotAhead();
    const results = await Promise.all(
      clients.map((c, i) =>
        api('/api/bookings', {
          cookie: desk.cookie!,
          body: { locationId: org.locationId, serviceId: clinic.consultationId, clientId: c.id, start, providerId: clinic.provider.userId, idempotencyKey: `procs-race-${i}-${org.id}` },
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201), results.map((r) => `${r.status} ${r.text.slice(0, 200)}`).join('\n')).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    // the race really ran in both processes
    expect(new Set(results.map((r) => r.pid)).size).toBe(2);
    expect(await overlaps()).toBe(0);
    const booked = await t.db.selectFrom('bookings').select('id').where('organization_id', '=', org.id).where('starts_at', '=', new Date(start)).execute();
    expect(booked).toHaveLength(1);
  });

  it('failed sign-ins count in both processes towards one lockout of that address', async () => {
    const ip = '203.0.113.20';
    const failures = [];
    for (let i = 0; i < 3; i++) failures.push(await signIn(clinic.provider.email, 'not-the-password', ip));
    expect(failures.map((f) => f.status)).toEqual([401, 401, 401]);
    // the three failures were counted by both processes (round-robin), yet add up to one lock
    expect(new Set(failures.map((f) => f.pid)).size).toBe(2);
    for (let i = 0; i < 2; i++) {
      const locked = await signIn(clinic.provider.email, PASSWORD, ip);
      expect(locked.status, locked.text).toBe(429);
    }
    // the person, from their own address, is not locked out
    expect((await signIn(clinic.provider.email, PASSWORD, '203.0.113.21')).status).toBe(200);
  });

  it("better-auth's per-address sign-in limit (20 a minute) is one count across both processes", async () => {
    const ip = '203.0.113.30';
    const answers = [];
    // unknown addresses each time, so the per-account lockout stays out of it
    for (let i = 0; i < 21; i++) answers.push(await signIn(`nobody-${i}@example.com`, 'not-the-password', ip));
    expect(answers.slice(0, 20).map((a) => a.status)).toEqual(Array(20).fill(401));
    expect(answers[20]!.status).toBe(429);
    expect(new Set(answers.map((a) => a.pid)).size).toBe(2);
  });

  describe('/metrics', () => {
    const metrics = (auth?: string) => call(`http://127.0.0.1:${metricsPort}/metrics`, auth ? { headers: { authorization: auth } } : {});

    it('asks for the bearer token: none or a wrong one gets 401', async () => {
      expect((await metrics()).status).toBe(401);
      expect((await metrics('Bearer not-the-token-not-the-token-0000')).status).toBe(401);
      expect((await metrics(METRICS_TOKEN)).status).toBe(401);
    });

    it('is not served on the public port', async () => {
      // the web app's pages answer unknown paths; whatever comes back, it is not the metrics
      const r = await api('/metrics');
      expect(r.headers['content-type']).not.toMatch(/version=0\.0\.4/);
      expect(r.text).not.toContain('dermis_http_request_duration_seconds');
      expect(r.text).not.toContain('dermis_db_pool_connections');
    });

    it('serves both processes\' figures in Prometheus text: latency by route, pool, outbox, unsealed audit, job lag', async () => {
      // a request through each process, so both have observed the same route
      await Promise.all(Array.from({ length: 4 }, () => api('/healthz')));
      const r = await metrics(`Bearer ${METRICS_TOKEN}`);
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      const m = r.text;
      // latency by route template, never the raw path (ids stay out of labels)
      expect(m).toMatch(/dermis_http_request_duration_seconds_bucket\{[^}]*route="\/api\/bookings"[^}]*status="2xx"/);
      expect(m).toMatch(/dermis_http_request_duration_seconds_count\{[^}]*route="\/healthz"/);
      expect(m).not.toMatch(/route="\/api\/[^"]*[0-9a-f]{8}-[0-9a-f]{4}/);
      // summed over the processes: the 8 + 4 health checks of this file at least
      const healthz = [...m.matchAll(/dermis_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="2xx"\} (\d+)/g)].map((x) => Number(x[1]));
      expect(healthz[0]).toBeGreaterThanOrEqual(12);
      // the PostgreSQL pool, summed over the processes
      expect(m).toMatch(/dermis_db_pool_connections\{state="total"\} [1-9]/);
      expect(m).toMatch(/dermis_db_pool_connections\{state="waiting"\} \d+/);
      expect(m).toMatch(/^dermis_outbox_due_messages \d+/m);
      expect(m).toMatch(/^dermis_outbox_oldest_due_seconds [\d.e+-]+/m);
      expect(m).toMatch(/^dermis_audit_unsealed_events \d+/m);
      expect(m).toMatch(/^dermis_audit_oldest_unsealed_seconds [\d.e+-]+/m);
      expect(m).toMatch(/^dermis_database_up 1$/m);
      // the jobs' lag: the sealer runs every second, the outbox every five
      const lag = (job: string) => Number(new RegExp(`dermis_job_seconds_since_last_run\\{job="${job}"\\} ([\\d.e+-]+)`).exec(m)?.[1] ?? NaN);
      expect(lag('audit_sealer')).toBeLessThan(10);
      expect(lag('outbox')).toBeLessThan(30);
      // and how often each runs, so an hourly job is judged against its hour
      expect(m).toMatch(/^dermis_job_interval_seconds\{job="audit_sealer"\} 1$/m);
      expect(m).toMatch(/^dermis_job_interval_seconds\{job="outbox"\} 5$/m);
      // the process figures prom-client gathers (memory, event-loop lag)
      expect(m).toMatch(/^dermis_process_resident_memory_bytes /m);
      expect(m).toMatch(/^dermis_nodejs_eventloop_lag_seconds /m);
    });

  });
  it('replaces a worker that crashes; the other keeps answering meanwhile', async () => {
    const before = new Set((await Promise.all(Array.from({ length: 6 }, () => api('/healthz')))).map((a) => a.pid!));
    expect(before.size).toBe(2);
    const [victim, survivor] = [...before] as [string, string];
    process.kill(Number(victim), 'SIGKILL');
    const alive = (pid: string) => {
      try {
        process.kill(Number(pid), 0);
        return true;
      } catch {
        return false;
      }
    };
    await expect.poll(() => alive(victim), { timeout: 10_000 }).toBe(false);
    // the survivor answers at once; a new worker joins within seconds
    expect((await api('/healthz')).pid).toBe(survivor);
    const seen = new Set<string>();
    await expect
      .poll(
        async () => {
          const r = await api('/healthz').catch(() => null);
          if (r?.pid) seen.add(r.pid);
          return [...seen].filter((p) => p !== survivor && p !== victim).length;
        },
        { timeout: 20_000, interval: 100 },
      )
      .toBe(1);
    expect(output).toContain('a worker process stopped unexpectedly; starting another');
    workers = [survivor, ...[...seen].filter((p) => p !== survivor)];
  }, 40_000);

  it('stops gracefully on SIGTERM: every worker finishes and exits, then the primary, with code 0', async () => {
    expect(workers).toHaveLength(2);
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child!.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const pid of workers) expect(() => process.kill(Number(pid), 0)).toThrow();
    expect(output).not.toContain('keep stopping');
  }, 45_000);
});
