// A visit happens on its day (issue 13, item 3): check-in only on the visit's local date (the
// medical director may check in on another day with a reason, audited), a chart cannot complete a
// visit before its day, and revenue is dated by the date of service.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Actor, Org } from '../support/factory.js';
import { setUpClinic, type Clinic } from '../support/clinic.js';

// Monday 1 March 2027, 08:00 in Austin (UTC-6)
let clock = new Date('2027-03-01T14:00:00Z');
let t: TestApp;
let org: Org;
let clinic: Clinic;
let director: Actor;

async function call<T = Record<string, unknown>>(who: Actor, path: string, body?: unknown, method?: string) {
  const res = await t.request(path, { cookie: who.cookie, ...(body !== undefined ? { body } : {}), ...(method ? { method } : {}) });
  return { status: res.status, data: (await res.json()) as T };
}
let n = 0;
const consultation = async (date: string) => {
  const c = await t.factory.client(org);
  const b = await call<{ id: string }>(clinic.frontDesk, '/api/bookings', { locationId: org.locationId, clientId: c.id, serviceId: clinic.consultationId, start: new Date(`${date}T10:00:00-06:00`).toISOString(), idempotencyKey: `visit-date-${n++}` });
  expect(b.status).toBe(201);
  return b.data.id;
};

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  org = await t.factory.org();
  clinic = await setUpClinic(t, org);
  director = await t.factory.actor(org, 'medical_director');
  await call(clinic.owner, `/api/locations/${org.locationId}/prices`, { serviceCode: 'consultation', name: 'Consultation', modality: null, priceCents: 5_000, effectiveFrom: '2027-01-01' });
});
afterAll(() => t.close());

describe('a visit happens on its day', () => {
  it('refuses check-in before the visit day, in plain words, even with an override from the desk', async () => {
    const id = await consultation('2027-03-03');
    const early = await call<{ detail: string; errors: { path: string }[] }>(clinic.frontDesk, `/api/bookings/${id}/check-in`, {}, 'POST');
    expect(early.status).toBe(409);
    expect(early.data.detail).toBe('This visit is on March 3, 2027. Check the client in on that day; only the medical director may check in on another day, with a reason.');
    expect((await call(clinic.frontDesk, `/api/bookings/${id}/check-in`, { override: { reason: 'Client is here early' } }, 'POST')).status).toBe(409);
    expect((await call(clinic.owner, `/api/bookings/${id}/check-in`, { override: { reason: 'Client is here early' } }, 'POST')).status).toBe(409);
  });

  it('checks in on the day, in the clinic’s zone', async () => {
    const id = await consultation('2027-03-02');
    clock = new Date('2027-03-02T15:00:00Z');
    expect((await call(clinic.frontDesk, `/api/bookings/${id}/check-in`, {}, 'POST')).status).toBe(200);
  });

  it('lets the medical director check in on another day with a reason, and audits it', async () => {
    const id = await consultation('2027-03-10');
    const r = await call<{ status: string }>(director, `/api/bookings/${id}/check-in`, { override: { reason: 'Visit moved up by phone; calendar not updated' } }, 'POST');
    expect(r.status).toBe(200);
    expect(r.data.status).toBe('checked_in');
    const audit = await t.db.selectFrom('audit_events').select(['action', 'details']).where('entity_id', '=', id).where('action', '=', 'booking.check_in.override').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ visitDate: '2027-03-10', checkedInOn: '2027-03-02', reason: 'Visit moved up by phone; calendar not updated' });
  });

  it('dates revenue by the day of service, not the day the invoice was issued', async () => {
    // the director checked in the March 10 visit early; the desk invoices it on March 2
    const early = await call<{ items: { id: string; status: string; localDate: string }[] }>(clinic.frontDesk, `/api/bookings?locationId=${org.locationId}&from=2027-03-10&to=2027-03-10`);
    const visit = early.data.items.find((b) => b.status === 'checked_in')!;
    const inv = await call(clinic.frontDesk, `/api/bookings/${visit.id}/invoice`, {});
    expect(inv.status, JSON.stringify(inv.data)).toBe(201);
    const revenue = async (from: string, to: string) => (await call<{ summary: { invoices: number; netRevenueCents: number } }>(clinic.owner, `/api/reports/revenue?from=${from}&to=${to}`)).data.summary;
    expect((await revenue('2027-03-01', '2027-03-09')).invoices).toBe(0);
    expect(await revenue('2027-03-10', '2027-03-10')).toMatchObject({ invoices: 1 });
  });

  it('will not sign a chart before the visit day, even after an early check-in', async () => {
    const c = await t.factory.client(org);
    const lot = await call<{ id: string }>(clinic.owner, `/api/locations/${org.locationId}/lots`, { manufacturer: 'Crown', product: 'SkinPen cartridge', lotNumber: 'VD-1', expiresOn: '2030-06-30' });
    const start = new Date('2027-03-12T10:00:00-06:00').toISOString();
    const b = await call<{ id: string }>(clinic.frontDesk, '/api/bookings', { locationId: org.locationId, clientId: c.id, serviceId: clinic.penId, providerId: clinic.provider.userId, start, idempotencyKey: `visit-date-${n++}`, override: { reason: 'Readiness is tested in the clinical suites' } });
    expect(b.status).toBe(201);
    expect((await call(director, `/api/bookings/${b.data.id}/check-in`, { override: { reason: 'Paper chart day' } }, 'POST')).status).toBe(200);
    const chart = {
      checklist: { skinCleansed: true, beforePhotosBeforeNumbing: true, numbingApplied: true }, deviceId: clinic.deviceId, lotIds: [lot.data.id],
      numbing: { product: 'Lidocaine 4% cream', amount: '2 g', area: 'full face', onAt: '09:40', offAt: '10:00' },
      areas: [{ area: 'cheeks', depthMm: 1, passes: 3 }], products: [], endPoint: 'Uniform erythema',
    };
    const early = await call<{ detail: string }>(clinic.provider, `/api/bookings/${b.data.id}/chart`, { chart, sign: true, signedName: clinic.provider.name }, 'PUT');
    expect(early.status).toBe(409);
    expect(early.data.detail).toBe('This visit is on March 12, 2027; its chart can be signed on that day, not before.');
    // a draft may be kept meanwhile, and the booking is not completed
    expect((await call(clinic.provider, `/api/bookings/${b.data.id}/chart`, { chart, sign: false }, 'PUT')).status).toBe(200);
    expect((await call<{ status: string }>(clinic.frontDesk, `/api/bookings/${b.data.id}`)).data.status).toBe('checked_in');
  });
});
