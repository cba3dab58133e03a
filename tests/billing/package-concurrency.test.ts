// Concurrent bookings drawing on one package: on PostgreSQL these are real concurrent transactions;
// the guarded UPDATE and the check constraint keep the balance from ever going below zero.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Actor, Org } from '../support/factory.js';
import { setUpClinic, type Clinic } from '../support/clinic.js';

const clock = new Date('2027-03-01T14:00:00Z');
let t: TestApp;
let org: Org;
let clinic: Clinic;
let client: Actor;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  org = await t.factory.org();
  clinic = await setUpClinic(t, org);
  client = await t.factory.actor(org, 'client');
  await t.request(`/api/locations/${org.locationId}/prices`, { cookie: clinic.owner.cookie, body: { serviceCode: 'pen_face', name: 'Pen', modality: 'pen', priceCents: 35_000, effectiveFrom: '2027-01-01' } });
  const pkg = (await (await t.request(`/api/locations/${org.locationId}/packages`, { cookie: clinic.owner.cookie, body: { serviceCode: 'pen_face', name: 'Pen x3', sessions: 3, priceCents: 90_000 } })).json()) as { id: string };
  const sale = await t.request(`/api/clients/${client.clientId}/packages`, { cookie: clinic.frontDesk.cookie, body: { locationId: org.locationId, packageId: pkg.id, payment: { amountCents: 90_000, method: 'cash' }, idempotencyKey: `conc-sale-${org.id}` } });
  expect(sale.status).toBe(201);
  const put = await t.request(`/api/locations/${org.locationId}/billing-settings`, {
    method: 'PUT', cookie: clinic.owner.cookie,
    body: { taxRateBp: 0, taxServices: false, lateCancelKeepsDeposit: true, noShowKeepsDeposit: true, lateCancelForfeitsSession: true, noShowForfeitsSession: true, packageRefundFeeBp: 0, deposits: [{ serviceId: clinic.penId, kind: 'amount', value: 5_000 }] },
  });
  expect(put.status).toBe(200);
});
afterAll(() => t.close());

describe('package draws under concurrency', () => {
  it('ten bookings at once on a 3-session package draw exactly three sessions', async () => {
    // ten separate mornings and afternoons, so the bookings never contend for a slot
    const starts = Array.from({ length: 10 }, (_, i) => new Date(Date.UTC(2027, 2, 2 + Math.floor(i / 2), i % 2 ? 20 : 16)).toISOString());
    const res = await Promise.all(
      starts.map(async (start, i) =>
        t.request('/api/bookings', { cookie: clinic.frontDesk.cookie, body: { locationId: org.locationId, serviceId: clinic.penId, clientId: client.clientId, start, idempotencyKey: `conc-${i}-${org.id}`, override: { reason: 'Concurrency test of package draws' } } }),
      ),
    );
    expect(res.map((r) => r.status)).toEqual(Array(10).fill(201));
    const p = await t.db.selectFrom('package_purchases').selectAll().where('organization_id', '=', org.id).executeTakeFirstOrThrow();
    expect(p.sessions_used).toBe(3);
    const draws = await t.db.selectFrom('package_draws').select('booking_id').where('organization_id', '=', org.id).execute();
    expect(draws).toHaveLength(3);
    // the other seven ask for a deposit instead
    const deposits = await t.db.selectFrom('booking_deposits').select('booking_id').where('organization_id', '=', org.id).execute();
    expect(deposits).toHaveLength(7);
  });

  it('the database itself refuses a draw past the balance', async () => {
    const p = await t.db.selectFrom('package_purchases').select('id').where('organization_id', '=', org.id).executeTakeFirstOrThrow();
    await expect(t.db.updateTable('package_purchases').set({ sessions_used: 4 }).where('id', '=', p.id).execute()).rejects.toThrow(/check/i);
  });
});
