// Ids of another organization, in paths or bodies, answer 404 (or a field error) and change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Actor, Org } from '../support/factory.js';
import { Temporal } from 'temporal-polyfill';
import { setUpClinic } from '../support/clinic.js';
import { signUpClinic } from '../support/sign-up.js';

let t: TestApp;
let orgA: Org;
let orgB: Org;
let ownerB: Actor;
let providerB: Actor;
let clientA: { id: string };

const snapshot = async () => ({
  clients: await t.db.selectFrom('clients').selectAll().where('organization_id', '=', orgA.id).orderBy('id').execute(),
  notes: await t.db.selectFrom('clinical_notes').selectAll().where('organization_id', '=', orgA.id).execute(),
});

beforeAll(async () => {
  t = await createTestApp();
  orgA = await t.factory.org('A');
  orgB = await t.factory.org('B');
  ownerB = await t.factory.actor(orgB, 'owner');
  providerB = await t.factory.actor(orgB, 'provider');
  clientA = await t.factory.client(orgA);
});
afterAll(() => t.close());

describe('tenant isolation', () => {
  it('reading, updating or annotating a client of another organization is 404 and changes nothing', async () => {
    const before = await snapshot();
    const read = await t.request(`/api/clients/${clientA.id}`, { cookie: providerB.cookie });
    const patch = await t.request(`/api/clients/${clientA.id}`, { method: 'PATCH', cookie: providerB.cookie, body: { firstName: 'Hacked' } });
    const note = await t.request(`/api/clients/${clientA.id}/notes`, { cookie: providerB.cookie, body: { body: 'x' } });
    const notes = await t.request(`/api/clients/${clientA.id}/notes`, { cookie: providerB.cookie });
    expect([read.status, patch.status, note.status, notes.status]).toEqual([404, 404, 404, 404]);
    expect(((await read.json()) as { detail: string }).detail).toBe('client not found');
    expect(await snapshot()).toEqual(before);
  });

  it('an unknown id answers exactly like another organization\'s id (no existence leak)', async () => {
    const unknown = await t.request('/api/clients/00000000-0000-4000-8000-000000000000', { cookie: providerB.cookie });
    const foreign = await t.request(`/api/clients/${clientA.id}`, { cookie: providerB.cookie });
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: null });
    expect(unknown.status).toBe(foreign.status);
    expect(strip((await unknown.json()) as Record<string, unknown>)).toEqual(strip((await foreign.json()) as Record<string, unknown>));
  });

  it('a body naming another organization\'s location is refused and nothing is created', async () => {
    const before = await t.db.selectFrom('clients').select('id').where('organization_id', '=', orgB.id).execute();
    const res = await t.request('/api/clients', { cookie: ownerB.cookie, body: { firstName: 'X', lastName: 'Y', preferredLocationId: orgA.locationId } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { path: string }[] };
    expect(body.errors[0]!.path).toBe('preferredLocationId');
    const after = await t.db.selectFrom('clients').select('id').where('organization_id', '=', orgB.id).execute();
    expect(after).toEqual(before);
  });

  it('lists and the audit trail show only the caller\'s organization', async () => {
    const list = (await (await t.request('/api/clients', { cookie: ownerB.cookie })).json()) as { items: { id: string }[] };
    expect(list.items.map((c) => c.id)).not.toContain(clientA.id);
    const audit = (await (await t.request(`/api/audit?clientId=${clientA.id}`, { cookie: ownerB.cookie })).json()) as { items: unknown[] };
    expect(audit.items).toEqual([]);
  });

  it('a client sees only their own record', async () => {
    const me = await t.factory.actor(orgA, 'client');
    const own = await t.request(`/api/clients/${me.clientId}`, { cookie: me.cookie });
    expect(own.status).toBe(200);
    const other = await t.request(`/api/clients/${clientA.id}`, { cookie: me.cookie });
    expect(other.status).toBe(404);
    const upd = await t.request(`/api/clients/${me.clientId}`, { method: 'PATCH', cookie: me.cookie, body: { phone: '+1 512 555 0123' } });
    expect(upd.status).toBe(200);
    expect(((await upd.json()) as { phone: string }).phone).toBe('+1 512 555 0123');
  });
});

// The same isolation between two clinics made the way new owners make them: the public sign-up,
// the email confirmed, two-step sign-in set up. Each owner tries the other clinic's clients,
// bookings and settings by id and changes nothing.
describe('tenant isolation between two signed-up clinics', () => {
  type Side = { org: Org; owner: Actor; clientId: string; bookingId: string };
  let a: Side;
  let b: Side;

  const makeSide = async (clinicName: string): Promise<Side> => {
    const { org, owner } = await signUpClinic(t, { clinicName });
    const clinic = await setUpClinic(t, org);
    const client = await t.factory.client(org);
    // 10:00 at the clinic on the next weekday: open hours, and the provider's (support/clinic.ts)
    let day = Temporal.Now.plainDateISO('America/Chicago').add({ days: 1 });
    while (day.dayOfWeek > 5) day = day.add({ days: 1 });
    const start = day.toZonedDateTime({ timeZone: 'America/Chicago', plainTime: '10:00' }).toInstant().toString();
    const booked = await t.request('/api/bookings', { cookie: owner.cookie, body: { locationId: org.locationId, serviceId: clinic.consultationId, clientId: client.id, start, idempotencyKey: `tenancy-${org.slug}` } });
    expect(booked.status, await booked.clone().text()).toBe(201);
    return { org, owner, clientId: client.id, bookingId: ((await booked.json()) as { id: string }).id };
  };

  const state = async (s: Side) => ({
    org: await t.db.selectFrom('organizations').selectAll().where('id', '=', s.org.id).executeTakeFirstOrThrow(),
    clients: await t.db.selectFrom('clients').selectAll().where('organization_id', '=', s.org.id).orderBy('id').execute(),
    bookings: await t.db.selectFrom('bookings').selectAll().where('organization_id', '=', s.org.id).orderBy('id').execute(),
    schedules: await t.db.selectFrom('location_schedules').selectAll().where('organization_id', '=', s.org.id).execute(),
    rooms: await t.db.selectFrom('rooms').selectAll().where('organization_id', '=', s.org.id).orderBy('id').execute(),
    policies: await t.db.selectFrom('billing_policies').selectAll().where('organization_id', '=', s.org.id).execute(),
  });

  beforeAll(async () => {
    a = await makeSide('Clinic Alpha');
    b = await makeSide('Clinic Beta');
  }, 120_000);

  for (const [name, pick] of [['A into B', (): [Side, Side] => [a, b]], ['B into A', (): [Side, Side] => [b, a]]] as const) {
    it(`an owner cannot read or change the other clinic's clients, bookings or settings (${name})`, async () => {
      const [me, other] = pick();
      const before = await state(other);
      const loc = other.org.locationId;
      const tries: [string, string, unknown?][] = [
        ['GET', `/api/clients/${other.clientId}`],
        ['PATCH', `/api/clients/${other.clientId}`, { firstName: 'Hacked' }],
        ['GET', `/api/bookings/${other.bookingId}`],
        ['POST', `/api/bookings/${other.bookingId}/cancel`, { reason: 'Changed plans' }],
        ['GET', `/api/bookings?locationId=${loc}&from=2026-01-01&to=2026-01-31`],
        ['GET', `/api/locations/${loc}/scheduling-setup`],
        ['PUT', `/api/locations/${loc}/schedule`, { weekly: {}, gridMin: 15, minNoticeMin: 60, horizonDays: 30 }],
        ['POST', `/api/locations/${loc}/rooms`, { name: 'Intruder room' }],
        ['GET', `/api/locations/${loc}/billing-settings`],
        ['PUT', `/api/locations/${loc}/billing-settings`, { taxRateBp: 900, taxServices: true, lateCancelKeepsDeposit: false, noShowKeepsDeposit: false, lateCancelForfeitsSession: false, noShowForfeitsSession: false, packageRefundFeeBp: 0, deposits: [] }],
      ];
      for (const [method, path, body] of tries) {
        const res = await t.request(path, { method, cookie: me.owner.cookie, ...(body !== undefined ? { body } : {}) });
        expect(res.status, `${method} ${path}`).toBe(404);
      }
      // the clinic-wide settings an owner changes are their own clinic's
      expect((await t.request('/api/organization/online-booking', { method: 'PUT', cookie: me.owner.cookie, body: { enabled: true } })).status).toBe(200);
      expect((await (await t.request('/api/organization/setup', { cookie: me.owner.cookie })).json()) as { organizationName: string }).toMatchObject({ organizationName: (await state(me)).org.name });
      const list = (await (await t.request('/api/clients', { cookie: me.owner.cookie })).json()) as { items: { id: string }[] };
      expect(list.items.map((c) => c.id)).not.toContain(other.clientId);
      expect(await state(other)).toEqual(before);
      await t.request('/api/organization/online-booking', { method: 'PUT', cookie: me.owner.cookie, body: { enabled: false } });
    });
  }
});
