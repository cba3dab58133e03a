import { sql } from 'kysely';
import type { Db } from '../connect.js';

/**
 * Counts one request of `address` against `bucket` in a fixed window, atomically: concurrent
 * requests in any process each get their own count (the upsert takes the row's lock). A request
 * after the window has passed starts a new one.
 */
export async function countAddressHit(db: Db, k: { bucket: string; address: string }, now: Date, windowMs: number) {
  const windowStart = new Date(now.getTime() - windowMs);
  return db
    .insertInto('address_rate_limits')
    .values({ bucket: k.bucket, address: k.address, window_started_at: now, hits: 1 })
    .onConflict((oc) =>
      oc.columns(['bucket', 'address']).doUpdateSet({
        hits: sql`case when address_rate_limits.window_started_at <= ${windowStart} then 1 else address_rate_limits.hits + 1 end`,
        window_started_at: sql`case when address_rate_limits.window_started_at <= ${windowStart} then ${now} else address_rate_limits.window_started_at end`,
      }),
    )
    .returning(['hits', 'window_started_at'])
    .executeTakeFirstOrThrow();
}

/** Forgets windows that ended before `before`; they count for nothing any more. */
export const deleteAddressHitsBefore = (db: Db, bucket: string, before: Date) =>
  db.deleteFrom('address_rate_limits').where('bucket', '=', bucket).where('window_started_at', '<', before).execute();
