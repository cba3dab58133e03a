// Every route, every role (plus anonymous and a user of another organization), against the status
// it must answer. A route added without a row here fails the first test. Each answer is also held
// against the route's declared access (defineRoute): a declared role is never refused for its role
// (a 403 it gets names a business reason) nor asked to sign in; an undeclared role is refused for
// its role.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Actor } from '../support/factory.js';
import { ROLE_REFUSAL, routeRegistry, type Access } from '../../src/http/route.js';
import { Temporal } from 'temporal-polyfill';
import sharp from 'sharp';
import { setUpClinic } from '../support/clinic.js';
import { type Who, WHO, type Fixture, uniq, planDate, intake, MATRIX, WEEKDAYS } from './role-matrix.table.js';
import { slotsOf, type CompactAvailability } from '../support/free-slots.js';


/** What is wrong with an answer given the route's declared access, or null. */
function declarationBroken(access: Access | undefined, who: Who, status: number, reason: string | undefined): string | null {
  if (access === undefined) return 'no declaration';
  if (who === 'anon') return access !== 'public' && status !== 401 ? `anonymous got ${status}, not 401` : null;
  const role = actors.get(who)!.role;
  const declared = access === 'public' || access === 'signed_in' || access.includes(role);
  if (!declared) return status === 403 && reason === ROLE_REFUSAL ? null : `undeclared role got ${status} (${reason ?? 'no reason'}), not a role refusal`;
  if (status === 401 && access !== 'public') return 'declared role asked to sign in';
  if (status === 403 && (!reason || reason === ROLE_REFUSAL)) return `declared role refused without a business reason (${reason ?? 'none'})`;
  return null;
}

let t: TestApp;
let fixture: Fixture;
const actors = new Map<Who, Actor>();

beforeAll(async () => {
  t = await createTestApp();
  const org = await t.factory.org('Spa A');
  const otherOrg = await t.factory.org('Spa B');
  for (const role of ['owner', 'medical_director', 'provider', 'front_desk', 'client'] as const) actors.set(role, await t.factory.actor(org, role));
  actors.set('other', await t.factory.actor(otherOrg, 'provider'));
  const provider = actors.get('provider')!;
  const director = actors.get('medical_director')!;
  const withIntake = (await t.factory.client(org)).id;
  const post = async (path: string, body: unknown) => {
    const res = await t.request(path, { method: 'POST', cookie: provider.cookie, body });
    expect(res.status, path).toBe(201);
    return (await res.json()) as { id: string };
  };
  await post(`/api/clients/${withIntake}/intake?source=staff`, intake);
  const reviewClient = (await t.factory.client(org)).id;
  await post(`/api/clients/${reviewClient}/intake?source=staff`, { ...intake, medications: [{ code: 'anticoagulant', current: true }] });
  const screening = await post(`/api/clients/${reviewClient}/screenings`, { plan: { modality: 'pen', areas: ['cheeks'], date: planDate } });
  const settings = await t.request('/api/clinical-settings', { cookie: director.cookie });
  const { version } = (await settings.json()) as { version: number };
  const plan = await post(`/api/clients/${reviewClient}/plans`, { screeningId: screening.id });
  const png = await sharp({ create: { width: 60, height: 20, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 1 } } }).png().toBuffer();
  const preview = (await (await t.request(`/api/clients/${withIntake}/consents/preview?kind=photo_clinical`, { cookie: provider.cookie })).json()) as { documentHash: string; clientName: string };
  const consentBody = { kind: 'photo_clinical', signedName: preview.clientName, signaturePng: `data:image/png;base64,${png.toString('base64')}`, documentHash: preview.documentHash, agree: true };
  const consent = await post(`/api/clients/${withIntake}/consents`, consentBody);
  const clinic = await setUpClinic(t, org);
  // open every day, so the matrix finds free time whatever day it runs
  await t.request(`/api/locations/${org.locationId}/schedule`, { method: 'PUT', cookie: clinic.owner.cookie, body: { weekly: WEEKDAYS, gridMin: 15, minNoticeMin: 60, horizonDays: 90 } });
  await t.request(`/api/providers/${clinic.provider.userId}/schedule`, { method: 'PUT', cookie: clinic.owner.cookie, body: { locationId: org.locationId, weekly: WEEKDAYS } });
  const from = Temporal.Now.plainDateISO('America/Chicago').add({ days: 1 }).toString();
  const to = Temporal.Now.plainDateISO('America/Chicago').add({ days: 7 }).toString();
  const avail = slotsOf((await (await t.request(`/api/locations/${org.locationId}/availability?serviceId=${clinic.consultationId}&from=${from}&to=${to}`, { cookie: clinic.frontDesk.cookie })).json()) as CompactAvailability);
  // an hour apart: a 30-minute consultation never overlaps the next one
  const slots = avail.filter((_, i) => i % 4 === 0).map((x) => x.start);
  const booked = async (extra: Record<string, unknown> = {}) => {
    const res = await t.request('/api/bookings', { cookie: clinic.frontDesk.cookie, body: { locationId: org.locationId, serviceId: clinic.consultationId, clientId: withIntake, start: slots.pop(), idempotencyKey: `fx-${uniq()}`, ...extra } });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const bookingId = await booked();
  const heldId = await booked({ hold: true });
  const cancelId = await booked();
  const checkInId = await booked();
  const pastId = await booked();
  await t.db.updateTable('bookings').set({ starts_at: new Date(Date.now() - 3_600_000), ends_at: new Date(Date.now() - 1_800_000) }).where('id', '=', pastId).execute();
  // check-in is allowed on the visit's day only: this one starts now
  await t.db.updateTable('bookings').set({ starts_at: new Date(), ends_at: new Date(Date.now() + 60_000) }).where('id', '=', checkInId).execute();
  const waitClient = (await t.factory.client(org)).id;
  const wl = await t.request('/api/waitlist', { cookie: clinic.frontDesk.cookie, body: { locationId: org.locationId, serviceId: clinic.consultationId, clientId: waitClient, fromDate: from, toDate: to } });
  const waitlistId = ((await wl.json()) as { id: string }).id;
  const lotRes = await t.request(`/api/locations/${org.locationId}/lots`, { cookie: clinic.owner.cookie, body: { manufacturer: 'Crown', product: 'SkinPen cartridge', lotNumber: `FX-${uniq()}`, expiresOn: '2030-01-31' } });
  const lotId = ((await lotRes.json()) as { id: string }).id;
  // money: a price, a package and two sales of it; a pen booking asking for a deposit (booked over the readiness rules)
  const asOwner = async (method: string, path: string, body: unknown) => {
    const res = await t.request(path, { method, cookie: clinic.owner.cookie, body });
    expect(res.status, `${path}: ${await res.clone().text()}`).toBeLessThan(300);
    return (await res.json()) as Record<string, unknown> & { id: string };
  };
  await asOwner('POST', `/api/locations/${org.locationId}/prices`, { serviceCode: 'pen_face', name: 'Pen', modality: 'pen', priceCents: 35_000, effectiveFrom: '2026-01-01' });
  const pkg = await asOwner('POST', `/api/locations/${org.locationId}/packages`, { serviceCode: 'pen_face', name: 'Pen series of 3', sessions: 3, priceCents: 90_000 });
  type Sale = { purchase: { id: string }; invoice: { id: string }; payment: { id: string } };
  const sell = async () => (await asOwner('POST', `/api/clients/${withIntake}/packages`, { locationId: org.locationId, packageId: pkg.id, payment: { amountCents: 10_000, method: 'cash' }, idempotencyKey: `fx-${uniq()}` })) as unknown as Sale;
  const [saleA, saleB] = [await sell(), await sell()];
  await asOwner('PUT', `/api/locations/${org.locationId}/billing-settings`, {
    taxRateBp: 0, taxServices: false, lateCancelKeepsDeposit: true, noShowKeepsDeposit: true, lateCancelForfeitsSession: true, noShowForfeitsSession: true, packageRefundFeeBp: 0,
    deposits: [{ serviceId: clinic.penId, kind: 'amount', value: 2_500 }],
  });
  // another client (the fixture client's package would cover the session), on the last morning, away from the slots the rows use
  const penSlots = slotsOf((await (await t.request(`/api/locations/${org.locationId}/availability?serviceId=${clinic.penId}&from=${to}&to=${to}`, { cookie: clinic.frontDesk.cookie })).json()) as CompactAvailability);
  const depositBookingId = await booked({ serviceId: clinic.penId, clientId: waitClient, start: penSlots[0]!.start, override: { reason: 'Matrix: readiness is not under test here' } });
  const ae = await post(`/api/adverse-events`, { clientId: withIntake, code: 'pih', expectedResponse: false, grade: 1, serious: false, relatedness: 'possible', onsetOn: '2026-11-20', description: 'Light brown patch on the left cheek' });
  fixture = {
    clinic, slots, bookingId, heldId, cancelId, checkInId, pastId, waitlistId, lotId, from, to,
    packageId: pkg.id, invoiceId: saleA.invoice.id, paymentId: saleA.payment.id, purchaseId: saleB.purchase.id, depositBookingId, adverseEventId: ae.id,
    org, clientId: withIntake, reviewScreeningId: screening.id, directorName: director.name, settingsVersion: version, reviewClientId: reviewClient,
    selfClientId: actors.get('client')!.clientId!, planId: plan.id, consentId: consent.id, consentBody,
  };
});
afterAll(() => t.close());

describe('role matrix', () => {
  it('has a row for every registered route and no row without a route', () => {
    const registered = routeRegistry.map((r) => `${r.method} ${r.path}`).sort();
    expect(Object.keys(MATRIX).sort()).toEqual(registered);
  });

  for (const [key, probe] of Object.entries(MATRIX)) {
    it(`${key}`, async () => {
      const method = probe.method ?? key.split(' ')[0]!;
      const access = routeRegistry.find((r) => `${r.method} ${r.path}` === key)?.access;
      const got: Record<string, number> = {};
      const declaration: string[] = [];
      for (const who of WHO) {
        const body = probe.body?.(fixture);
        const res = await t.request(probe.path(fixture), { method, cookie: actors.get(who)?.cookie, ...(body !== undefined ? { body } : {}) });
        got[who] = res.status;
        if (res.status >= 400 && res.status !== 401) {
          expect(res.headers.get('content-type'), `${who} error body`).toMatch(/problem\+json|application\/json/);
        }
        const reason = res.status === 403 ? ((await res.json()) as { reason?: string }).reason : undefined;
        const broken = declarationBroken(access, who, res.status, reason);
        if (broken) declaration.push(`${who}: ${broken}`);
      }
      expect(declaration, 'answers that disagree with the declared access').toEqual([]);
      expect(got).toEqual(probe.expect);
    });
  }
});
