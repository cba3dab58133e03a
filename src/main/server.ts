// Composition root of the HTTP server: config -> the port (answering /healthz at once) -> the rest,
// imported and opened behind it (compose-server.ts: database, auth, workers, app). Also runs the
// outbox worker in-process unless DERMIS_WORKER=off.
// first: zod 4 gives a schema its methods when it is made, so .openapi() must exist before any schema
// module is evaluated (compose-server.ts loads the routes later, after other modules made schemas)
import '@hono/zod-openapi';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { ConfigError, loadEnv, type Env } from '../config/env.js';
import { createLogger } from './logger.js';
import { releaseServerLock, takeServerLock } from './server-lock.js';
import { runProcesses } from './cluster.js';
import { closeAfterEarlyAnswers } from './early-answers.js';
import { startingGate } from './starting-gate.js';

export async function startServer(env: Env) {
  const logger = createLogger(env.DERMIS_LOG_LEVEL);
  const started = performance.now();
  if (!env.DATABASE_URL) await takeServerLock(env.dataDir);
  // The port is taken first and the database opened behind it (PGlite's start and a first demo seed
  // take seconds): /healthz says the process is alive at once, /readyz answers 503 until the app is
  // ready, and any other request waits for it rather than being refused.
  const gate = startingGate();
  const server = serve({ fetch: gate.fetch, port: env.PORT, hostname: env.HOST });
  // Node closes a keep-alive connection after 5 s idle; a client (a reverse proxy keeps idle upstream
  // connections for 60 s, a browser's fetch pool) that sends on it at that moment gets a reset. Idle
  // connections are kept longer than the usual proxy's 60 s, so the proxy always closes first.
  if ('keepAliveTimeout' in server) {
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
  }
  closeAfterEarlyAnswers(server);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  logger.info({ port: env.PORT, ms: Math.round(performance.now() - started) }, 'dermis listening, starting');
  // the database opens (WebAssembly for PGlite) while the app's modules load
  const opening = import('./open-database.js').then((m) => m.openDatabase(env));
  opening.catch(() => undefined);
  try {
    const { composeServer } = await import('./compose-server.js');
    return await composeServer({ env, logger, server, gate, started, handle: await opening });
  } catch (err) {
    server.close();
    if (!env.DATABASE_URL) await releaseServerLock(env.dataDir);
    throw err;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let env: Env;
  try {
    env = loadEnv();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(err.message + '\n');
      process.exit(2);
    }
    throw err;
  }
  try {
    // one process, or several on PostgreSQL (DERMIS_PROCESSES; src/main/cluster.ts)
    await runProcesses(env, startServer);
  } catch (err) {
    process.stderr.write(`Dermis could not start: ${(err as Error).message}\n`);
    process.exit(1);
  }
}
