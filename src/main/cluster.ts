// How `npm start` runs: one process, or on PostgreSQL several (DERMIS_PROCESSES, default the number
// of cores; decision 0016). The primary migrates and seeds once, then forks workers that all listen on
// the same port (node:cluster hands out connections), restarts a worker that crashes, and passes a
// stop on to every worker so each finishes its requests and jobs. Everything the processes share
// (sessions, rate limits, lockouts, the jobs' work) lives in the database. The embedded database
// stays one process (decision 0006).
import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { AggregatorRegistry } from 'prom-client';
import type { Env } from '../config/env.js';
import type { startServer } from './server.js';
import { createLogger } from './logger.js';
import { initMetrics, localMetrics } from './metrics.js';
import { serveMetrics } from './metrics-server.js';
import { printWelcome } from './welcome.js';

type StartServer = typeof startServer;

/** A worker that crashes this often within a minute is not started again: the primary gives up. */
const MAX_RESTARTS_PER_MINUTE = 5;
/** A worker that has not stopped this long after being asked is killed. */
const STOP_GRACE_MS = 30_000;

/** How many processes serve the port; `warn` hears why a request for several is not honoured. */
export function processCount(env: Env, warn: (message: string) => void): number {
  const wanted = env.DERMIS_PROCESSES ?? availableParallelism();
  if (wanted > 1 && !env.DATABASE_URL) {
    if (env.DERMIS_PROCESSES !== undefined) {
      warn(`DERMIS_PROCESSES=${wanted} is ignored: the embedded database is served by one process. Set DATABASE_URL to a PostgreSQL server to run several (docs/decisions/0006-embedded-database-single-process.md).`);
    }
    return 1;
  }
  return wanted;
}

/** The command-line entry: serves here, or as the primary of several workers. */
export async function runProcesses(env: Env, start: StartServer): Promise<void> {
  if (cluster.isWorker) return serveHere(env, start, { welcome: false });
  const n = processCount(env, (m) => process.stderr.write(m + '\n'));
  if (n === 1) return serveHere(env, start, { welcome: true });
  return runPrimary(env, n);
}

/** One process serving the port (alone, or as one worker of several). */
async function serveHere(env: Env, start: StartServer, opts: { welcome: boolean }) {
  const s = await start(env);
  initMetrics(s.handle);
  // a worker answers the primary's requests for its metrics; a lone process serves its own
  if (cluster.isWorker) new AggregatorRegistry();
  const metrics = !cluster.isWorker && env.DERMIS_METRICS_PORT ? await serveMetrics({ port: env.DERMIS_METRICS_PORT, host: env.DERMIS_METRICS_HOST, token: env.DERMIS_METRICS_TOKEN, render: localMetrics }) : null;
  if (opts.welcome) printWelcome(s.url, s.seed);
  let stopping = false;
  const shutdown = () => {
    // Ctrl-C reaches every process of the group and the primary passes it on: stop once
    if (stopping) return;
    stopping = true;
    void (async () => {
      await metrics?.close();
      await s.stop();
      process.exit(0);
    })();
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  // the primary is gone: nobody hands this worker connections any more
  if (cluster.isWorker) process.once('disconnect', shutdown);
}

async function runPrimary(env: Env, n: number) {
  const logger = createLogger(env.DERMIS_LOG_LEVEL);
  const started = performance.now();
  // migrations and the demo seed run once, here, before any worker takes a request
  const { boot } = await import('./boot.js');
  const { seedDemo } = await import('../services/seed/seed-demo.js');
  const { handle, identity, migrated } = await boot(env);
  let seed: Awaited<ReturnType<typeof seedDemo>> | null = null;
  try {
    if (migrated.length) logger.info({ migrations: migrated }, 'database migrated');
    // DERMIS_CLOCK_START is refused with DATABASE_URL, so this is the real clock
    if (env.DERMIS_SEED_DEMO === 'auto') seed = await seedDemo({ db: handle.db, identity, now: () => new Date() }, { onlyIfEmpty: true });
  } finally {
    await handle.close();
  }

  const aggregator = new AggregatorRegistry();
  let stopping = false;
  const crashes: number[] = [];
  let listening = 0;
  const fork = () => cluster.fork();
  cluster.on('listening', () => {
    listening++;
    if (listening === n) {
      logger.info({ port: env.PORT, processes: n, ms: Math.round(performance.now() - started) }, 'dermis listening with several processes');
      printWelcome(env.publicUrl, seed);
    }
  });
  cluster.on('exit', (worker: Worker, code: number | null, signal: string | null) => {
    if (stopping) return;
    const now = Date.now();
    crashes.push(now);
    while (crashes.length && crashes[0]! < now - 60_000) crashes.shift();
    if (crashes.length > MAX_RESTARTS_PER_MINUTE) {
      logger.fatal({ code, signal }, `worker processes keep stopping (${crashes.length} in a minute); Dermis stops so the process manager can restart it`);
      stop(1);
      return;
    }
    logger.error({ pid: worker.process.pid, code, signal }, 'a worker process stopped unexpectedly; starting another');
    setTimeout(() => {
      if (!stopping) fork();
    }, 1000).unref();
  });
  for (let i = 0; i < n; i++) fork();

  const metrics = env.DERMIS_METRICS_PORT
    ? await serveMetrics({
        port: env.DERMIS_METRICS_PORT,
        host: env.DERMIS_METRICS_HOST,
        token: env.DERMIS_METRICS_TOKEN,
        render: async () => ({ contentType: aggregator.contentType, body: await aggregator.clusterMetrics() }),
      })
    : null;

  /** Asks every worker to stop (each finishes its requests and jobs), then stops. */
  function stop(exitCode: number) {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w));
    const exited = workers.map((w) => new Promise<void>((resolve) => (w.isDead() ? resolve() : w.once('exit', () => resolve()))));
    for (const w of workers) if (!w.isDead()) w.process.kill('SIGTERM');
    const killer = setTimeout(() => {
      for (const w of workers) if (!w.isDead()) w.process.kill('SIGKILL');
    }, STOP_GRACE_MS);
    killer.unref();
    void Promise.all(exited)
      .then(() => metrics?.close())
      .then(() => process.exit(exitCode));
  }
  process.once('SIGINT', () => stop(0));
  process.once('SIGTERM', () => stop(0));
}
