// Double booking is impossible by construction: the exclusion constraint on booking_resources, not
// a check in the code. On PostgreSQL these are real concurrent transactions on separate connections.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Org } from '../support/factory.js';
import { onPostgres } from '../support/test-db.js';
import { setUpClinic, type Clinic } from '../support/clinic.js';
import { writeRetries } from '../../src/services/scheduling/write-retries.js';

const clock = new Date('2027-03-01T14:00:00Z');
let t: TestApp;
let org: Org;
let clinic: Clinic;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  org = await t.factory.org();
  clinic = await setUpClinic(t, org);
  // a second provider and room, so bookings contend on some resources and not others
  const second = await t.factory.actor(org, 'provider');
  await t.db.updateTable('memberships').set({ licence_type: 'rn', licence_expires_on: '2030-12-31' }).where('organization_id', '=', org.id).where('user_id', '=', second.userId).execute();
  const weekly = Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: '09:00', end: '17:00' }]]));
  await t.request(`/api/providers/${second.userId}/schedule`, { method: 'PUT', cookie: clinic.owner.cookie, body: { locationId: org.locationId, weekly } });
  await t.db.insertInto('rooms').values({ organization_id: org.id, location_id: org.locationId, name: 'Room 2' }).execute();
});
afterAll(() => t.close());

const overlaps = async () => {
  const r = await sql<{ n: string }>`
    select count(*) as n from booking_resources a join booking_resources b
      on a.organization_id = b.organization_id and a.resource_kind = b.resource_kind and a.resource_id = b.resource_id
     and a.booking_id < b.booking_id and a.during && b.during
    where a.active and b.active and a.organization_id = ${org.id}`.execute(t.db);
  return Number(r.rows[0]!.n);
};

describe('no double booking under concurrency', () => {
  it('20 concurrent requests for the same slot and provider give exactly one booking', async () => {
    const clients = [];
    for (let i = 0; i < 20; i++) clients.push(await t.factory.client(org));
    const start = new Date('2027-03-02T16:00:00Z').toISOString();
    const before = writeRetries().deadlock;
    const results = await Promise.all(
      clients.map(async (c, i) =>
        t.request('/api/bookings', {
          cookie: clinic.frontDesk.cookie,
          body: { locationId: org.locationId, serviceId: clinic.consultationId, clientId: c.id, start, providerId: clinic.provider.userId, idempotencyKey: `race-${i}-${org.id}` },
        }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(await overlaps()).toBe(0);
    // the losers waited their turn on the provider's lock (decision 0025) instead of deadlocking
    expect(writeRetries().deadlock - before).toBe(0);
  });

  it.runIf(onPostgres())('16 clients booking, moving and cancelling at random for 20 seconds leave zero overlaps', { timeout: 60_000 }, async () => {
    const clients = [];
    for (let i = 0; i < 16; i++) clients.push(await t.factory.client(org));
    const deadline = Date.now() + 20_000;
    const seen = new Map<number, number>();
    let n = 0;
    const worker = async (clientId: string, w: number) => {
      const mine: string[] = [];
      while (Date.now() < deadline) {
        const day = 2 + Math.floor(Math.random() * 4);
        const minute = 9 * 60 + 15 * Math.floor(Math.random() * 28);
        const start = new Date(Date.UTC(2027, 2, day, 6 + Math.floor(minute / 60), minute % 60)).toISOString();
        const roll = Math.random();
        let status: number;
        if (roll < 0.15 && mine.length) {
          const id = mine[Math.floor(Math.random() * mine.length)]!;
          status = (await t.request(`/api/bookings/${id}/reschedule`, { cookie: clinic.frontDesk.cookie, body: { start } })).status;
        } else if (roll < 0.25 && mine.length) {
          const id = mine.splice(Math.floor(Math.random() * mine.length), 1)[0]!;
          status = (await t.request(`/api/bookings/${id}/cancel`, { cookie: clinic.frontDesk.cookie, body: { reason: 'random' } })).status;
        } else {
          // half consultations, half pen treatments booked by the front desk with an override:
          // overrides skip the clinical rules, never the overlap rule
          const pen = roll > 0.6;
          const res = await t.request('/api/bookings', {
            cookie: clinic.frontDesk.cookie,
            body: {
              locationId: org.locationId, clientId, start, serviceId: pen ? clinic.penId : clinic.consultationId, idempotencyKey: `rnd-${w}-${n++}-${org.id}`,
              ...(pen ? { override: { reason: 'load test' } } : {}),
            },
          });
          status = res.status;
          if (status === 201) mine.push(((await res.json()) as { id: string }).id);
        }
        seen.set(status, (seen.get(status) ?? 0) + 1);
      }
    };
    const before = writeRetries().deadlock;
    await Promise.all(clients.map((c, i) => worker(c.id, i)));
    // an unexpected status fails with the server's log of it (error class and stack, no personal data)
    const unhandled = t.logLines.filter((l) => l.includes('unhandled error')).slice(0, 3).join('\n');
    expect([...seen.keys()].every((s) => s === 200 || s === 201 || s === 409), `${JSON.stringify([...seen])}\n${unhandled}`).toBe(true);
    expect(seen.get(201) ?? 0).toBeGreaterThan(10);
    expect(await overlaps()).toBe(0);
    expect(writeRetries().deadlock - before, 'booking writes that deadlocked and were run again').toBe(0);
  });
});
