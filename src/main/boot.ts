// Opens the database the configuration names, migrates it, and builds the shared dependencies.
import type { Env } from '../config/env.js';
import type { DbHandle } from '../db/connect.js';
import { openDatabase } from './open-database.js';
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

export { openDatabase, pgliteDir, pgliteTemplateDir } from './open-database.js';

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
