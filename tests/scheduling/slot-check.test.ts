// A booking checks only the slot being booked (services/scheduling/slot-check.ts: the start's day for
// the chosen provider, rooms and devices), where availability computes whole days
// (availability-context.ts + the engine). The two must agree exactly: on random bookings, time off,
// closures, changed hours and device maintenance, across the spring DST change, for a consultation
// and a pen treatment with buffers, every start on the grid is accepted by the slot check exactly when
// the engine offers it, with the same room and device.
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSlots } from '../../src/domain/scheduling/availability.js';
import { loadAvailability } from '../../src/services/scheduling/availability-context.js';
import { readSlotFacts, slotFrom } from '../../src/services/scheduling/slot-check.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Org } from '../support/factory.js';
import { setUpClinic, type Clinic } from '../support/clinic.js';

const ZONE = 'America/Chicago';
// Friday before the change, the Sunday of it (closed) and the Monday after (a new UTC offset)
const DATES = ['2027-03-12', '2027-03-14', '2027-03-15'];
const NOW = new Date('2027-03-10T12:00:00Z');

let t: TestApp;
let org: Org;
let clinic: Clinic;
let providers: string[];
let devices: string[];

const at = (date: string, minutes: number) =>
  Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: ZONE, plainTime: Temporal.PlainTime.from({ hour: 8 }).add({ minutes }) }).toInstant().toString();

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  org = await t.factory.org('Slot Check Spa');
  clinic = await setUpClinic(t, org, { minNoticeMin: 0 });
  // a second provider with the same licence and hours, a second room and a second pen
  const second = await t.factory.actor(org, 'provider');
  await t.db.updateTable('memberships').set({ licence_type: 'rn', licence_state: 'TX', licence_expires_on: '2030-12-31' }).where('organization_id', '=', org.id).where('user_id', '=', second.userId).execute();
  const weekdays = Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: '09:00', end: '17:00' }]]));
  const res = await t.request(`/api/providers/${second.userId}/schedule`, { method: 'PUT', cookie: clinic.owner.cookie, body: { locationId: org.locationId, weekly: weekdays } });
  expect(res.status).toBe(200);
  await t.db.insertInto('rooms').values({ organization_id: org.id, location_id: org.locationId, name: 'Room 2' }).execute();
  const pen2 = await t.db.insertInto('devices').values({ organization_id: org.id, location_id: org.locationId, modality: 'pen', manufacturer: 'Crown', model: 'SkinPen', serial: 'SP-2' }).returning('id').executeTakeFirstOrThrow();
  providers = [clinic.provider.userId, second.userId];
  devices = [clinic.deviceId, pen2.id];
}, 60_000);
afterAll(async () => t.close());

const booking = fc.record({ day: fc.nat(2), minute: fc.integer({ min: 0, max: 9 * 12 }).map((x) => x * 5), provider: fc.nat(1), pen: fc.boolean() });
const span = fc.record({ who: fc.nat(1), day: fc.nat(2), minute: fc.integer({ min: 0, max: 9 * 4 }).map((x) => x * 15), length: fc.integer({ min: 1, max: 12 }).map((x) => x * 20) });
const scenario = fc.record({
  bookings: fc.array(booking, { maxLength: 7 }),
  timeOff: fc.array(span, { maxLength: 2 }),
  maintenance: fc.option(span, { nil: undefined }),
  closed: fc.option(fc.nat(2), { nil: undefined }),
  changedHours: fc.option(fc.record({ who: fc.nat(1), day: fc.nat(2), from: fc.integer({ min: 7, max: 12 }), to: fc.integer({ min: 13, max: 19 }) }), { nil: undefined }),
});

/** Clears what the last run added, keeping the clinic itself. */
async function clear() {
  const o = org.id;
  await t.db.deleteFrom('booking_resources').where('organization_id', '=', o).execute();
  await t.db.deleteFrom('outbox_messages').where('organization_id', '=', o).execute();
  await t.db.deleteFrom('bookings').where('organization_id', '=', o).execute();
  await t.db.deleteFrom('provider_time_off').where('organization_id', '=', o).execute();
  await t.db.deleteFrom('provider_overrides').where('organization_id', '=', o).execute();
  await t.db.deleteFrom('location_closures').where('organization_id', '=', o).execute();
  await t.db.deleteFrom('device_maintenance').where('organization_id', '=', o).execute();
}

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

async function apply(s: Scenario) {
  const owner = clinic.owner.cookie;
  let n = 0;
  for (const b of s.bookings) {
    // an override books any time the resources are free (a clash is refused, which is fine here)
    await t.request('/api/bookings', {
      cookie: owner,
      body: { locationId: org.locationId, serviceId: b.pen ? clinic.penId : clinic.consultationId, clientId: (await t.factory.client(org)).id, start: at(DATES[b.day]!, b.minute), providerId: providers[b.provider], override: { reason: 'property test' }, idempotencyKey: `p-${Date.now()}-${n++}` },
    });
  }
  for (const x of s.timeOff) {
    const from = at(DATES[x.day]!, x.minute);
    await t.request(`/api/providers/${providers[x.who]}/time-off`, { cookie: owner, body: { from, to: new Date(Date.parse(from) + x.length * 60_000).toISOString() } });
  }
  if (s.maintenance) {
    const from = at(DATES[s.maintenance.day]!, s.maintenance.minute);
    await t.request(`/api/devices/${devices[s.maintenance.who]}/maintenance`, { cookie: owner, body: { from, to: new Date(Date.parse(from) + s.maintenance.length * 60_000).toISOString() } });
  }
  if (s.closed !== undefined) await t.request(`/api/locations/${org.locationId}/closures`, { cookie: owner, body: { date: DATES[s.closed] } });
  if (s.changedHours) {
    const h = s.changedHours;
    const pad = (x: number) => `${String(x).padStart(2, '0')}:00`;
    await t.request(`/api/providers/${providers[h.who]}/overrides`, { method: 'PUT', cookie: owner, body: { locationId: org.locationId, date: DATES[h.day], ranges: [{ start: pad(h.from), end: pad(h.to) }] } });
  }
}

describe('the one-slot check agrees with the availability engine', () => {
  it('on random schedules, for every start on the grid, provider and service', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        await clear();
        await apply(s);
        for (const date of DATES) {
          for (const serviceId of [clinic.consultationId, clinic.penId]) {
            const a = await loadAvailability(t.db, org.id, { locationId: org.locationId, serviceId, from: date, to: date, now: NOW });
            const slots = findSlots({ ...a.query, window: a.window });
            const offered = new Map(slots.map((x) => [`${x.start}|${x.providerId}`, x]));
            for (let start = a.window.start; start < a.window.end; start += 15 * 60_000) {
              // 07:00 to 19:00 local holds every opening here; the rest of the day is checked by the engine's own tests
              const local = Temporal.Instant.fromEpochMilliseconds(start).toZonedDateTimeISO(ZONE).hour;
              if (local < 7 || local >= 19) continue;
              // the facts as a booking for any provider reads them; then any provider, and each one
              const facts = await readSlotFacts(t.db, org.id, { locationId: org.locationId, serviceId, clientId: clinic.owner.userId, start, idempotencyKey: null, now: NOW, override: false });
              const label = `${new Date(start).toISOString()} ${serviceId === clinic.penId ? 'pen' : 'consultation'}`;
              // any provider: the engine's first slot at that start (its own order)
              const first = slots.find((x) => x.start === start);
              expect(slotFrom(facts, { start, now: NOW, override: false }) ?? null, `${label} any provider`).toEqual(first ?? null);
              for (const providerId of providers) {
                const got = slotFrom(facts, { start, providerId, now: NOW, override: false });
                expect(got ?? null, `${label} ${providerId}`).toEqual(offered.get(`${start}|${providerId}`) ?? null);
              }
            }
          }
        }
      }),
      { numRuns: 8 },
    );
  }, 300_000);
});
