// Everything the server is made of beyond the port: the database (migrated, demo-seeded when empty),
// auth, workers, backups, exports and the app. server.ts imports this only after it has taken the
// port, so the process answers /healthz while these modules load and the database opens.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { createApp } from '../http/app.js';
import { boot } from './boot.js';
import { seedDemo } from '../services/seed/seed-demo.js';
import { smtpEmail } from '../adapters/email/smtp.js';
import { httpSms } from '../adapters/sms/http-sms.js';
import { stripeCheckout } from '../adapters/payments/stripe-checkout.js';
import { localFolderStorage } from '../adapters/storage/local-folder.js';
import { startOutboxWorker } from '../jobs/outbox-worker.js';
import { startAuditSealer } from '../jobs/audit-sealer.js';
import { removePartialBackups, serverBackupPort } from './backup/server-backups.js';
import { startBackupSchedule } from '../jobs/backup-schedule.js';
import { failInterruptedBackups, waitForRunningBackup } from '../services/backups/running-backups.js';
import { serverExportFiles } from './export/server-exports.js';
import { failInterruptedExports } from '../services/export/console/expire-data-exports.js';
import { startExportExpiry } from '../jobs/export-expiry.js';
import { startMembershipRenewal } from '../jobs/membership-renewal.js';
import { startRecallJob } from '../jobs/recall.js';
import type { ServerType } from '@hono/node-server';
import type { Env } from '../config/env.js';
import type { DbHandle } from '../db/connect.js';
import type { createLogger } from './logger.js';
import { releaseServerLock } from './server-lock.js';
import type { startingGate } from './starting-gate.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const defaultWebDir = path.resolve(here, '../../dist/web');

export interface Listening {
  env: Env;
  logger: ReturnType<typeof createLogger>;
  server: ServerType;
  gate: ReturnType<typeof startingGate>;
  started: number;
  /** the database, opened while this module loaded */
  handle: DbHandle;
}

export async function composeServer({ env, logger, server, gate, started, handle: opened }: Listening) {
  const { handle, auth, identity, secrets, migrated } = await boot(env, { handle: opened });
  if (migrated.length) logger.info({ migrations: migrated }, 'database migrated');
  // DERMIS_CLOCK_START (demos and browser tests) shifts the clock; otherwise it is the real time
  const shift = env.DERMIS_CLOCK_START ? Date.parse(env.DERMIS_CLOCK_START) - Date.now() : 0;
  const now = () => new Date(Date.now() + shift);
  const seed = env.DERMIS_SEED_DEMO === 'auto' ? await seedDemo({ db: handle.db, identity, now }, { onlyIfEmpty: true }) : null;
  const email = env.SMTP_URL ? smtpEmail(env.SMTP_URL, env.SMTP_FROM) : null;
  const sms = env.SMS_URL ? httpSms(env.SMS_URL, env.SMS_TOKEN) : null;
  const worker = env.DERMIS_WORKER === 'inline' ? startOutboxWorker({ db: handle.db, email, sms, logger, secrets, now }) : null;
  // recall flows run with the worker (docs/recall.md); every DERMIS_RECALL_EVERY_MS (an hour), claimed per recall, so several processes are safe
  const recall = env.DERMIS_WORKER === 'inline' ? startRecallJob({ db: handle.db, logger, now, publicUrl: env.publicUrl, secrets, intervalMs: env.DERMIS_RECALL_EVERY_MS }) : null;
  // membership periods are billed with the worker (docs/memberships.md); each membership is claimed, so several processes are safe
  const membershipRenewal = env.DERMIS_WORKER === 'inline' ? startMembershipRenewal({ db: handle.db, cards: env.STRIPE_SECRET_KEY ? (stripeCheckout(env.STRIPE_SECRET_KEY, env.STRIPE_API_BASE).cards ?? null) : null, logger, now, publicUrl: env.publicUrl }) : null;
  // the audit trail is sealed whenever a server runs (decision 0015), worker or not
  const sealer = startAuditSealer({ db: handle.db, logger, now });
  // backups: the server owns the embedded database, so it makes them (decision 0011)
  const backups = serverBackupPort(env, handle, now());
  if (backups.managedBy === 'dermis') await removePartialBackups(env.backupDir);
  await failInterruptedBackups(handle.db, now());
  const backupSchedule = backups.managedBy === 'dermis' && env.DERMIS_BACKUP_EVERY_HOURS > 0 ? startBackupSchedule({ db: handle.db, port: backups, logger }) : null;
  if (backups.managedBy === 'dermis' && !env.DERMIS_BACKUP_PASSPHRASE) logger.warn('DERMIS_BACKUP_PASSPHRASE is not set: backups leave the secret out; keep DERMIS_DATA_DIR/secret apart (docs/runbooks/backup-and-restore.md)');
  // the owner's exports from the console: written and packed in this process, kept 7 days in the data folder
  const exports = serverExportFiles({ root: path.join(env.dataDir, 'exports'), db: handle.db, storage: localFolderStorage(path.join(env.dataDir, 'uploads')), now });
  // only the embedded database has one server process; on PostgreSQL another process may be running one
  if (!env.DATABASE_URL) await failInterruptedExports(handle.db, exports, now());
  const exportExpiry = startExportExpiry({ db: handle.db, files: exports, logger, now });
  const webDir = existsSync(path.join(defaultWebDir, 'index.html')) ? defaultWebDir : undefined;
  if (!webDir) logger.warn('web app not built (run npm run build); serving the API only');
  const app = createApp({
    db: handle.db,
    auth,
    identity,
    secrets,
    storage: localFolderStorage(path.join(env.dataDir, 'uploads')),
    backups,
    exports,
    payments: env.STRIPE_SECRET_KEY ? stripeCheckout(env.STRIPE_SECRET_KEY, env.STRIPE_API_BASE) : null,
    stripeWebhookSecret: env.STRIPE_WEBHOOK_SECRET ?? null,
    stripeClient: env.STRIPE_SECRET_KEY && env.STRIPE_PUBLISHABLE_KEY ? { publishableKey: env.STRIPE_PUBLISHABLE_KEY, jsUrl: env.STRIPE_JS_URL } : null,
    logger,
    now,
    publicUrl: env.publicUrl,
    lockout: { maxFailures: env.DERMIS_SIGN_IN_MAX_FAILURES, lockMinutes: env.DERMIS_SIGN_IN_LOCK_MINUTES },
    trustProxy: env.DERMIS_TRUST_PROXY === 'true',
    publicSignUp: env.DERMIS_PUBLIC_SIGNUP === 'on',
    // browser tests run the real server with the response check on; a mismatch is logged
    checkResponses: env.DERMIS_CHECK_RESPONSES === 'true' ? { push: (detail: string) => logger.error({ detail }, 'response does not match its schema') } : undefined,
    webDir,
    ready: async () => {
      await handle.db.selectFrom('organizations').select('id').limit(1).execute();
      return true;
    },
  });
  gate.open(app.fetch);
  const ms = Math.round(performance.now() - started);
  logger.info({ port: env.PORT, ms, database: handle.kind }, 'dermis ready');
  return {
    server,
    seed,
    /** the database and identity, for tests that seed through the running server's own handle */
    handle,
    identity,
    url: env.publicUrl,
    async stop() {
      await new Promise<void>((r) => server.close(() => r()));
      await backupSchedule?.stop();
      await exportExpiry.stop();
      // a backup the owner started finishes (and is recorded) before its database closes
      await waitForRunningBackup(handle.db, 120_000);
      await worker?.stop();
      await membershipRenewal?.stop();
      await recall?.stop();
      await sealer.stop();
      email?.close();
      await handle.close();
      if (!env.DATABASE_URL) await releaseServerLock(env.dataDir);
    },
  };
}

