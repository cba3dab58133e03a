import { sql } from 'kysely';
import type { Db } from '../connect.js';

/** Failures are kept per account and source (the caller's address), never per account alone. */
export interface SignInSource {
  email: string;
  source: string;
}

export const findFailures = (db: Db, k: SignInSource) =>
  db.selectFrom('sign_in_failures').selectAll().where('email', '=', k.email).where('source', '=', k.source).executeTakeFirst();

/** Counts a failure atomically; a failure after the window restarts the count. */
export async function recordFailure(db: Db, k: SignInSource, now: Date, windowMs: number) {
  const windowStart = new Date(now.getTime() - windowMs);
  return db
    .insertInto('sign_in_failures')
    .values({ email: k.email, source: k.source, failures: 1, window_started_at: now, locked_until: null })
    .onConflict((oc) =>
      oc.columns(['email', 'source']).doUpdateSet({
        failures: sql`case when sign_in_failures.window_started_at < ${windowStart} then 1 else sign_in_failures.failures + 1 end`,
        window_started_at: sql`case when sign_in_failures.window_started_at < ${windowStart} then ${now} else sign_in_failures.window_started_at end`,
      }),
    )
    .returning(['failures', 'locks'])
    .executeTakeFirstOrThrow();
}

/** Locks this source out of the account and restarts its count; `locks` remembers how often. */
export const lockSource = (db: Db, k: SignInSource, until: Date) =>
  db
    .updateTable('sign_in_failures')
    .set({ locked_until: until, failures: 0, locks: sql`locks + 1` })
    .where('email', '=', k.email)
    .where('source', '=', k.source)
    .execute();

export const clearFailures = (db: Db, k: SignInSource) =>
  db.deleteFrom('sign_in_failures').where('email', '=', k.email).where('source', '=', k.source).execute();
