import { sql } from 'kysely';
import type { Db } from '../connect.js';

export const findFailures = (db: Db, email: string) =>
  db.selectFrom('sign_in_failures').selectAll().where('email', '=', email).executeTakeFirst();

/** Counts a failure atomically; a failure after the window restarts the count. */
export async function recordFailure(db: Db, email: string, now: Date, windowMs: number) {
  const windowStart = new Date(now.getTime() - windowMs);
  return db
    .insertInto('sign_in_failures')
    .values({ email, failures: 1, window_started_at: now, locked_until: null })
    .onConflict((oc) =>
      oc.column('email').doUpdateSet({
        failures: sql`case when sign_in_failures.window_started_at < ${windowStart} then 1 else sign_in_failures.failures + 1 end`,
        window_started_at: sql`case when sign_in_failures.window_started_at < ${windowStart} then ${now} else sign_in_failures.window_started_at end`,
      }),
    )
    .returning(['failures'])
    .executeTakeFirstOrThrow();
}

export const setLockedUntil = (db: Db, email: string, until: Date) =>
  db.updateTable('sign_in_failures').set({ locked_until: until }).where('email', '=', email).execute();

export const clearFailures = (db: Db, email: string) => db.deleteFrom('sign_in_failures').where('email', '=', email).execute();
