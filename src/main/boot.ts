// Opens the database the configuration names, migrates it, and builds the shared dependencies.
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Env } from '../config/env.js';
import { connect, type DbHandle } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { createAuth, type Auth } from '../adapters/auth/better-auth.js';
import { identityFromAuth } from '../adapters/auth/identity.js';
import type { IdentityPort } from '../services/ports.js';
import { loadOrCreateSecret } from './secret.js';
import { enqueuePasswordReset, recordPasswordReset } from '../services/auth/send-password-reset.js';
import { secretBox } from '../adapters/crypto/secret-box.js';
import type { SecretBox } from '../services/ports.js';

export interface Booted {
  handle: DbHandle;
  auth: Auth;
  identity: IdentityPort;
  /** seals secret links in queued messages; the worker opens them to deliver */
  secrets: SecretBox;
  migrated: string[];
}

export const pgliteDir = (env: Env) => path.join(env.dataDir, 'pgdata');

/** A created, migrated, empty embedded database that the build leaves beside dist/main (scripts/pglite-template.mjs). */
export const pgliteTemplateDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../pglite-template');

/**
 * A new data folder starts as a copy of the build's template: copying files takes a few tens of
 * milliseconds where initdb and the migrations take seconds in WebAssembly. Copied beside, then
 * renamed, so a start stopped halfway never leaves half a database behind.
 */
async function copyTemplate(dir: string) {
  if (!existsSync(path.join(pgliteTemplateDir, 'PG_VERSION'))) return;
  // only a folder that does not exist yet, or is empty: anything else is a database (or the rest of one)
  if (existsSync(dir) && (await readdir(dir)).length > 0) return;
  const work = `${dir}.new-${process.pid}`;
  await rm(work, { recursive: true, force: true });
  await cp(pgliteTemplateDir, work, { recursive: true });
  if (existsSync(dir)) await rmdir(dir);
  await rename(work, dir);
}

export async function openDatabase(env: Env): Promise<DbHandle> {
  if (env.DATABASE_URL) return connect({ databaseUrl: env.DATABASE_URL });
  await mkdir(env.dataDir, { recursive: true });
  await copyTemplate(pgliteDir(env));
  return connect({ dataDir: pgliteDir(env) });
}

export async function boot(env: Env, opts: { handle?: DbHandle } = {}): Promise<Booted> {
  const handle = opts.handle ?? (await openDatabase(env));
  const { applied } = await migrateToLatest(handle.db);
  const secret = await loadOrCreateSecret(env.dataDir, env.DERMIS_SECRET);
  const secrets = secretBox(secret);
  const auth = createAuth({
    db: handle.db as never,
    secret,
    publicUrl: env.publicUrl,
    secureCookies: env.publicUrl.startsWith('https:'),
    sendPasswordReset: (input) => enqueuePasswordReset(handle.db, secrets, input),
    onPasswordReset: (userId) => recordPasswordReset(handle.db, userId, new Date()),
  });
  return { handle, auth, identity: identityFromAuth(auth), secrets, migrated: applied };
}
