// Bookings that want the same provider, room or device on the same day take turns (decision 0025).
// PostgreSQL checks the exclusion constraint on booking_resources against rows other transactions have
// not committed yet and waits for them, so two bookings writing rows that overlap each wait for the
// other: a deadlock, which PostgreSQL breaks only after deadlock_timeout (1 s) by aborting one. Under
// load the aborted one could meet another deadlock on every retry. A transaction-scoped advisory lock
// per resource and UTC day, all taken in one sorted order before any row is written, makes the second
// booking wait for the first to commit and then meet its row: a plain overlap, a clear 409.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../connect.js';

export interface LockedResource {
  id: string;
  start: Date;
  end: Date;
}

const DAY_MS = 86_400_000;

/** FNV-1a: a resource id (a UUID or an auth library's id) as a 32-bit signed integer. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** The (resource, UTC day) keys a set of held ranges needs, sorted and without repeats: two overlapping ranges share a day. */
export function resourceLockKeys(resources: readonly LockedResource[]): { a: number[]; b: number[] } {
  const keys = new Map<string, [number, number]>();
  for (const r of resources) {
    const h = hash32(r.id);
    const last = Math.floor((r.end.getTime() - 1) / DAY_MS);
    for (let d = Math.floor(r.start.getTime() / DAY_MS); d <= last; d++) keys.set(`${h}:${d}`, [h, d]);
  }
  const sorted = [...keys.values()].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return { a: sorted.map((k) => k[0]), b: sorted.map((k) => k[1]) };
}

/**
 * One row (a count) once every lock is held; a statement that joins it writes nothing before that.
 * The locks end with the transaction (for a single statement, when it ends).
 */
export function resourceLocks(resources: readonly LockedResource[]): RawBuilder<{ n: number }> {
  const { a, b } = resourceLockKeys(resources);
  return sql<{ n: number }>`(select count(*) as n from (select pg_advisory_xact_lock(k.a, k.b) from unnest(${a}::int[], ${b}::int[]) as k(a, b)) as held)`;
}

/** Takes the locks inside the caller's transaction. */
export async function lockResources(trx: Db, resources: readonly LockedResource[]): Promise<void> {
  if (resources.length === 0) return;
  await sql`select n from ${resourceLocks(resources)} as l`.execute(trx);
}
