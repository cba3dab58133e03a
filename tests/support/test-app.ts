// A real app over a real database for HTTP tests: requests go through app.request (the same
// middleware, validation and services as production), with cookies from a real sign-in.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createApp } from '../../src/http/app.js';
import type { PaymentsPort, StoragePort } from '../../src/services/ports.js';
import type { Db } from '../../src/db/connect.js';
import type { BackupPort } from '../../src/services/backups/backup-port.js';
import type { ExportFiles } from '../../src/services/export/console/export-files-port.js';
import { localFolderStorage } from '../../src/adapters/storage/local-folder.js';
import { createAuth } from '../../src/adapters/auth/better-auth.js';
import { identityFromAuth } from '../../src/adapters/auth/identity.js';
import { enqueuePasswordReset, recordPasswordReset } from '../../src/services/auth/send-password-reset.js';
import { secretBox } from '../../src/adapters/crypto/secret-box.js';
import { freshDatabase } from './test-db.js';
import { makeFactory } from './factory.js';

export const ORIGIN = 'http://localhost:3000';

export async function createTestApp(opts: { lockout?: { maxFailures: number; lockMinutes: number }; now?: () => Date; payments?: PaymentsPort; stripeWebhookSecret?: string; stripeClient?: { publishableKey: string; jsUrl: string }; backups?: BackupPort; /** builds the console's export files over this app's database and storage */ exports?: (deps: { db: Db; storage: StoragePort }) => ExportFiles; webDir?: string; /** false closes clinic sign-up (DERMIS_PUBLIC_SIGNUP=off) */ publicSignUp?: boolean } = {}) {
  const handle = await freshDatabase();
  // a test of how the web app is served brings its own built-looking folder
  const webDir = opts.webDir ?? (await mkdtemp(path.join(tmpdir(), 'dermis-web-')));
  if (!opts.webDir) await writeFile(path.join(webDir, 'index.html'), '<!doctype html><title>Dermis</title><main id="root"></main>');
  const secret = 'test-secret-that-is-long-enough-for-better-auth-0123456789';
  const secrets = secretBox(secret);
  const auth = createAuth({
    db: handle.db as never,
    secret,
    publicUrl: ORIGIN,
    secureCookies: false,
    sendPasswordReset: (input) => enqueuePasswordReset(handle.db, secrets, input),
    onPasswordReset: (userId) => recordPasswordReset(handle.db, userId, new Date()),
  });
  const identity = identityFromAuth(auth);
  const logLines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (s: string) => void logLines.push(s) });
  // every JSON answer is checked against the schema its route declares; a mismatch fails the file
  const responseMismatches: string[] = [];
  const storage = localFolderStorage(mkdtempSync(path.join(tmpdir(), 'dermis-uploads-')));
  const app = createApp({
    checkResponses: responseMismatches,
    db: handle.db,
    auth,
    identity,
    secrets,
    logger,
    now: opts.now ?? (() => new Date()),
    publicUrl: ORIGIN,
    lockout: opts.lockout ?? { maxFailures: 5, lockMinutes: 15 },
    trustProxy: true,
    publicSignUp: opts.publicSignUp ?? true,
    ready: () => Promise.resolve(true),
    webDir,
    storage,
    payments: opts.payments ?? null,
    stripeWebhookSecret: opts.stripeWebhookSecret ?? null,
    stripeClient: opts.stripeClient ?? null,
    backups: opts.backups ?? null,
    exports: opts.exports ? opts.exports({ db: handle.db, storage }) : null,
  });
  let ipCounter = 0;
  /** a request as a browser on our origin would send it */
  const request = (path: string, init: { method?: string; body?: unknown; cookie?: string; headers?: Record<string, string>; rawBody?: string } = {}) => {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (init.cookie) headers.cookie = init.cookie;
    const method = init.method ?? (init.body !== undefined || init.rawBody !== undefined ? 'POST' : 'GET');
    if (method !== 'GET') headers.origin ??= ORIGIN;
    // a distinct client address per request keeps better-auth's per-IP limits out of unrelated tests
    ipCounter++;
    headers['x-forwarded-for'] ??= `10.8.${Math.floor(ipCounter / 250) % 250}.${ipCounter % 250}`;
    if (init.body !== undefined || init.rawBody !== undefined) headers['content-type'] ??= 'application/json';
    const body = init.rawBody ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined);
    return app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
  };
  const signIn = async (email: string, password: string) => {
    const res = await request('/api/auth/sign-in/email', { body: { email, password } });
    const cookie = res.headers.get('set-cookie')?.split(';')[0];
    if (res.status !== 200 || !cookie) throw new Error(`sign-in failed for ${email}: ${res.status} ${await res.text()}`);
    return cookie;
  };
  const factory = makeFactory({ db: handle.db, identity, signIn, request });
  return { app, db: handle.db, handle, auth, identity, secrets, storage, request, signIn, factory, logLines,
    responseMismatches,
    close: async () => {
      await handle.close();
      if (responseMismatches.length > 0) throw new Error(`responses that do not match their declared schema:\n${[...new Set(responseMismatches)].join('\n')}`);
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
