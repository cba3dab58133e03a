// Prometheus metrics (issue 14, item 8; docs/runbooks/production.md). One set per process, on
// prom-client's global registry; with several processes the primary asks every worker for theirs and
// adds them up (decision 0016). Figures read from the database are the same in every process, so they
// are aggregated with `max` rather than summed.
import { Counter, Gauge, register, collectDefaultMetrics } from 'prom-client';
import { enableRequestTiming } from '../adapters/metrics/request-timing.js';
import type { DbHandle } from '../db/connect.js';
import { outboxBacklog, unsealedAudit } from '../db/repositories/metrics.repository.js';
import { lastTickDone, tickIntervals } from '../jobs/ticker.js';
import { writeRetries } from '../services/scheduling/write-retries.js';

/** The database the gauges read; the last server started in this process (tests start several). */
let watched: DbHandle | null = null;

const seconds = (since: Date | null, now: number) => (since ? Math.max(0, (now - since.getTime()) / 1000) : 0);

let made: ReturnType<typeof makeMetrics> | null = null;

interface DbFigures {
  due: number;
  dueAge: number;
  unsealed: number;
  unsealedAge: number;
  up: number;
}

let lastRead: { at: number; figures: Promise<DbFigures> } | null = null;

/** One database read serves every gauge of a scrape (they are collected together). */
function readDbFigures(): Promise<DbFigures> {
  const at = Date.now();
  if (lastRead && at - lastRead.at < 1000) return lastRead.figures;
  const handle = watched;
  const figures = (async () => {
    if (!handle) return { due: 0, dueAge: 0, unsealed: 0, unsealedAge: 0, up: 0 };
    try {
      const now = new Date();
      const o = await outboxBacklog(handle.db, now);
      const a = await unsealedAudit(handle.db);
      return { due: o.due, dueAge: seconds(o.oldest, now.getTime()), unsealed: a.unsealed, unsealedAge: seconds(a.oldest, now.getTime()), up: 1 };
    } catch {
      return { due: 0, dueAge: 0, unsealed: 0, unsealedAge: 0, up: 0 };
    }
  })();
  lastRead = { at, figures };
  return figures;
}

function makeMetrics() {
  collectDefaultMetrics({ prefix: 'dermis_' });
  enableRequestTiming();
  new Gauge({
    name: 'dermis_db_pool_connections',
    help: 'Database connections by state (PostgreSQL pool: total, idle, waiting clients); the embedded database counts as one',
    labelNames: ['state'] as const,
    collect() {
      const pool = watched?.pool;
      if (pool) {
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      } else {
        this.set({ state: 'total' }, watched ? 1 : 0);
      }
    },
  });
  // the four database figures come from one read per scrape, shared by their gauges
  const fromDb = (name: string, help: string, pick: (f: DbFigures) => number, aggregator: 'max' | 'min' = 'max') =>
    new Gauge({
      name,
      help,
      aggregator,
      async collect() {
        this.set(pick(await readDbFigures()));
      },
    });
  fromDb('dermis_outbox_due_messages', 'Messages due and not yet sent', (f) => f.due);
  fromDb('dermis_outbox_oldest_due_seconds', 'How long the oldest due message has waited', (f) => f.dueAge);
  fromDb('dermis_audit_unsealed_events', 'Audit events recorded but not yet sealed into their chain', (f) => f.unsealed);
  fromDb('dermis_audit_oldest_unsealed_seconds', 'Age of the oldest unsealed audit event', (f) => f.unsealedAge);
  fromDb('dermis_database_up', '1 when the figures read from the database could be read', (f) => f.up, 'min');
  new Gauge({
    name: 'dermis_job_seconds_since_last_run',
    help: 'Time since each background job (outbox, audit sealer) last finished a round, per process (max over processes)',
    labelNames: ['job'] as const,
    aggregator: 'max',
    collect() {
      this.reset();
      const now = Date.now();
      for (const [job, at] of lastTickDone) this.set({ job }, (now - at) / 1000);
    },
  });
  new Gauge({
    name: 'dermis_job_interval_seconds',
    help: 'How often each background job runs: a job is late when its time since the last run is well past this',
    labelNames: ['job'] as const,
    aggregator: 'max',
    collect() {
      this.reset();
      for (const [job, ms] of tickIntervals) this.set({ job }, ms / 1000);
    },
  });
  new Counter({
    name: 'dermis_booking_write_retries_total',
    help: 'Booking writes run again after a deadlock or serialization failure (resource locks should keep this near zero)',
    labelNames: ['reason'] as const,
    collect() {
      this.reset();
      for (const [reason, n] of Object.entries(writeRetries())) this.inc({ reason }, n);
    },
  });
  return true;
}

/** Creates the metrics once per process and points the database figures at `handle`. */
export function initMetrics(handle: DbHandle) {
  made ??= makeMetrics();
  watched = handle;
  return made;
}

/** This process's metrics in the Prometheus text format. */
export async function localMetrics() {
  return { contentType: register.contentType, body: await register.metrics() };
}
