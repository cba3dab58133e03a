// The availability cache (services/scheduling/availability-cache.ts) must never change an answer:
// after every kind of write (a booking, a hold, a cancellation, time off, a closure, new hours) and
// as the clock moves (notice, expiring holds), the answer over HTTP equals the reference engine run
// on what the database holds at that moment, over a range with a DST change. On PostgreSQL a second
// connection stands for another process: its writes reach the first one's cache.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { setUpClinic, type Clinic } from '../support/clinic.js';
import type { Actor, Org } from '../support/factory.js';
import { slotsOf, type CompactAvailability } from '../support/free-slots.js';
import { onPostgres } from '../support/test-db.js';
import { connect } from '../../src/db/connect.js';
import { loadAvailability } from '../../src/services/scheduling/availability-context.js';
import { findSlots } from '../../src/domain/scheduling/availability.js';
import { freeDays } from '../../src/services/scheduling/availability.schema.js';

let t: TestApp;
let org: Org;
let clinic: Clinic;
let client: Actor;
// Chicago's clocks go back on Sunday 2027-11-07: the searched fortnight spans it
let clock = new Date('2027-11-01T13:00:00Z');
const FROM = '2027-11-01';
const TO = '2027-11-14';

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  org = await t.factory.org();
  clinic = await setUpClinic(t, org, { minNoticeMin: 90 });
  client = await t.factory.actor(org, 'client');
});
afterAll(() => t.close());

const search = async (serviceId: string) => {
  const res = await t.request(`/api/locations/${org.locationId}/availability?serviceId=${serviceId}&from=${FROM}&to=${TO}`, { cookie: clinic.frontDesk.cookie });
  expect(res.status).toBe(200);
  return (await res.json()) as CompactAvailability & { days: unknown[] };
};

/** What today's engine finds on the database as it is now, without the cache. */
async function reference(serviceId: string) {
  const a = await loadAvailability(t.db, org.id, { locationId: org.locationId, serviceId, from: FROM, to: TO, now: clock });
  return freeDays(findSlots({ ...a.query, window: a.window }), a.location.timeZone, a.providers.map((p) => p.id), () => true);
}

let n = 0;
const post = (path: string, body: unknown, who: Actor = clinic.frontDesk) => t.request(path, { method: 'POST', cookie: who.cookie, body });

type Step =
  | { kind: 'book' | 'hold'; pick: number }
  | { kind: 'cancel'; pick: number }
  | { kind: 'timeOff'; day: number; hour: number; hours: number }
  | { kind: 'closure'; day: number }
  | { kind: 'hours'; end: number }
  | { kind: 'tick'; minutes: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constantFrom('book' as const, 'hold' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('timeOff' as const), day: fc.integer({ min: 0, max: 13 }), hour: fc.integer({ min: 14, max: 22 }), hours: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('closure' as const), day: fc.integer({ min: 1, max: 13 }) }),
  fc.record({ kind: fc.constant('hours' as const), end: fc.constantFrom(15, 16, 17, 18) }),
  fc.record({ kind: fc.constant('tick' as const), minutes: fc.constantFrom(5, 14, 61, 240, 1440) }),
);

const day = (i: number) => `2027-11-${String(1 + i).padStart(2, '0')}`;
const booked: string[] = [];

async function apply(s: Step) {
  if (s.kind === 'book' || s.kind === 'hold') {
    const serviceId = clinic.consultationId;
    const slots = slotsOf(await search(serviceId));
    const slot = slots[s.pick % Math.max(1, slots.length)];
    if (!slot) return;
    const res = await post('/api/bookings', { locationId: org.locationId, serviceId, clientId: client.clientId, start: slot.start, providerId: slot.providerId, hold: s.kind === 'hold', idempotencyKey: `cache-key-${n++}` });
    expect(res.status, await res.clone().text()).toBe(201);
    booked.push(((await res.json()) as { id: string }).id);
  } else if (s.kind === 'cancel') {
    const id = booked.splice(s.pick % Math.max(1, booked.length), 1)[0];
    if (id) await post(`/api/bookings/${id}/cancel`, { reason: 'test' });
  } else if (s.kind === 'timeOff') {
    const from = new Date(`${day(s.day)}T${String(s.hour).padStart(2, '0')}:00:00Z`);
    const res = await post(`/api/providers/${clinic.provider.userId}/time-off`, { from: from.toISOString(), to: new Date(from.getTime() + s.hours * 3_600_000).toISOString(), reason: 'errand' }, clinic.owner);
    expect(res.status).toBe(201);
  } else if (s.kind === 'closure') {
    await post(`/api/locations/${org.locationId}/closures`, { date: day(s.day), reason: 'closed' }, clinic.owner);
  } else if (s.kind === 'hours') {
    const weekly = Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: '09:00', end: `${s.end}:00` }]]));
    const res = await t.request(`/api/locations/${org.locationId}/schedule`, { method: 'PUT', cookie: clinic.owner.cookie, body: { weekly, gridMin: 15, minNoticeMin: 90, horizonDays: 90, holdMin: 10, lateCancelHours: 24 } });
    expect(res.status).toBe(200);
  } else if (s.kind === 'tick') {
    clock = new Date(clock.getTime() + s.minutes * 60_000);
  }
}

describe('the availability cache', () => {
  it('answers exactly as the engine does on the database, after any write and as time passes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 8 }), async (steps) => {
        for (const s of steps) {
          await apply(s);
          for (const serviceId of [clinic.consultationId, clinic.penId]) {
            // twice: the second answer comes from memory
            expect((await search(serviceId)).days).toEqual(await reference(serviceId));
            expect((await search(serviceId)).days).toEqual(await reference(serviceId));
          }
        }
      }),
      { numRuns: 4 },
    );
    expect(booked.length + n).toBeGreaterThan(0);
  });

  it.runIf(onPostgres())('sees a booking another process made', async () => {
    const other = await connect({ databaseUrl: t.handle.url!, poolSize: 2 });
    try {
      const before = slotsOf(await search(clinic.consultationId));
      const slot = before[0]!;
      // another process books through its own pool: no write this process could have seen
      const row = await other.db.insertInto('bookings').values({ organization_id: org.id, location_id: org.locationId, client_id: client.clientId!, service_id: clinic.consultationId, status: 'confirmed', starts_at: new Date(slot.start), ends_at: new Date(slot.end), provider_user_id: slot.providerId, created_by: clinic.frontDesk.userId }).returning('id').executeTakeFirstOrThrow();
      const { range } = await import('../../src/db/repositories/scheduling.repository.js');
      await other.db.insertInto('booking_resources').values({ organization_id: org.id, booking_id: row.id, resource_kind: 'provider', resource_id: slot.providerId, during: range(new Date(slot.start), new Date(slot.end)) }).execute();
      await expect.poll(async () => slotsOf(await search(clinic.consultationId)).some((s) => s.start === slot.start && s.providerId === slot.providerId), { timeout: 5_000 }).toBe(false);
    } finally {
      await other.close();
    }
  });
});
