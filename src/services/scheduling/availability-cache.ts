// Availability kept in memory while nothing it depends on has changed (issue 14 item 2). A search
// loads hours, closures, time off, credentials and every booking of fourteen days: about 14 ms on
// PGlite under no load, far more under load, against 1 ms to cut kept starts to the moment. An
// entry is used while:
//  - no write to a scheduling table has committed since it was loaded (db/change-feed.ts: this
//    process sees its own writes; on PostgreSQL the others announce theirs);
//  - no hold has run out since (an expired hold frees its time without any write);
//  - it is younger than 30 seconds (a safety net for writes from outside Dermis, such as psql).
// Inside a transaction, or before the feed can vouch for other processes, the database is read.
import { changeFeedOf } from '../../db/change-feed.js';
import type { Db } from '../../db/connect.js';
import { nextHoldExpiry } from '../../db/repositories/scheduling.repository.js';
import type { Slot } from '../../domain/scheduling/availability.js';
import { openSlots } from '../../domain/scheduling/slots-at.js';
import { loadAvailability, type AvailabilityContext } from './availability-context.js';

export interface PreparedAvailability {
  context: AvailabilityContext;
  /** every start over the range whatever the time now: cut them with slotsAt */
  open: Slot[];
}

interface Entry extends PreparedAvailability {
  generation: number;
  /** the request time it was loaded for, and the next hold expiry after it */
  from: number;
  until: number;
  loadedAt: number;
}

const MAX_ENTRIES = 500;
const MAX_AGE_MS = 30_000;
const caches = new WeakMap<object, Map<string, Entry>>();

export interface AvailabilityArgs {
  locationId: string;
  serviceId: string;
  from: string;
  to: string;
  now: Date;
}

async function load(db: Db, organizationId: string, a: AvailabilityArgs): Promise<PreparedAvailability & { until: number }> {
  const [context, expiry] = await Promise.all([loadAvailability(db, organizationId, a), nextHoldExpiry(db, organizationId, a.now)]);
  return { context, open: openSlots({ ...context.query, window: context.window }), until: expiry ?? Number.POSITIVE_INFINITY };
}

/** The availability of a service at a location over local dates, from memory when still right. */
export async function preparedAvailability(db: Db, organizationId: string, a: AvailabilityArgs): Promise<PreparedAvailability> {
  const feed = changeFeedOf(db);
  if (!feed?.complete()) return load(db, organizationId, a);
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map<string, Entry>()));
  const key = `${organizationId}|${a.locationId}|${a.serviceId}|${a.from}|${a.to}`;
  const now = a.now.getTime();
  const hit = cache.get(key);
  if (hit && hit.generation === feed.generation() && now >= hit.from && now < hit.until && performance.now() - hit.loadedAt < MAX_AGE_MS) {
    // most recently used last: the first key is the one to drop when full
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const generation = feed.generation();
  const loadedAt = performance.now();
  const fresh = await load(db, organizationId, a);
  // a write that committed while loading may or may not be in what was read: do not keep it
  if (feed.generation() === generation) {
    cache.delete(key);
    cache.set(key, { ...fresh, generation, from: now, loadedAt });
    if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  }
  return fresh;
}
