// Idempotency keys belong to the caller who sent them (issue 10.5): the same key from someone else
// never replays, reveals or blocks the first caller's record; a request is authorised before any
// lookup by key; the caller's own replay answers the first record and is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Actor, Org } from '../support/factory.js';
import { setUpClinic, type Clinic } from '../support/clinic.js';

// The real time (sessions are checked against it). The clinic opens 09:00 to 17:00 on weekdays in
// Chicago: 15:00 to 20:00 UTC is inside that in winter and in summer.
const WEEKDAYS_AHEAD = (() => {
  const days: string[] = [];
  for (let d = new Date(Date.now() + 2 * 86_400_000); days.length < 3; d = new Date(d.getTime() + 86_400_000)) {
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) days.push(d.toISOString().slice(0, 10));
  }
  return days;
})();
/** an hour (UTC) on the first, second or third weekday at least two days ahead */
const at = (hourUtc: number, day = 1) => `${WEEKDAYS_AHEAD[day - 1]}T${String(hourUtc).padStart(2, '0')}:00:00Z`;
let t: TestApp;
let org: Org;
let clinic: Clinic;
let ann: Actor;
let ben: Actor;
let packageId: string;

type Json = Record<string, unknown>;
async function call<T = Json>(who: Actor, path: string, body?: unknown) {
  const res = await t.request(path, { cookie: who.cookie, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  return { status: res.status, text, data: JSON.parse(text) as T };
}
const consult = (who: Actor, clientId: string, start: string, idempotencyKey: string) =>
  call<{ id: string; clientId: string }>(who, '/api/bookings', { locationId: org.locationId, serviceId: clinic.consultationId, clientId, start, idempotencyKey });
const auditOf = (action: string) => t.db.selectFrom('audit_events').select(['actor_user_id', 'entity_id']).where('organization_id', '=', org.id).where('action', '=', action).execute();

beforeAll(async () => {
  t = await createTestApp();
  org = await t.factory.org();
  clinic = await setUpClinic(t, org);
  ann = await t.factory.actor(org, 'client');
  ben = await t.factory.actor(org, 'client');
  await call(clinic.owner, `/api/locations/${org.locationId}/prices`, { serviceCode: 'pen_face', name: 'Pen', modality: 'pen', priceCents: 35_000, effectiveFrom: '2026-01-01' });
  await call(clinic.owner, `/api/locations/${org.locationId}/prices`, { serviceCode: 'consultation', name: 'Consultation', modality: null, priceCents: 5_000, effectiveFrom: '2026-01-01' });
  packageId = (await call<{ id: string }>(clinic.owner, `/api/locations/${org.locationId}/packages`, { serviceCode: 'pen_face', name: 'Pen series of 3', sessions: 3, priceCents: 90_000 })).data.id;
  const settings = await call<{ deposits: { serviceId: string }[] }>(clinic.owner, `/api/locations/${org.locationId}/billing-settings`);
  const put = await t.request(`/api/locations/${org.locationId}/billing-settings`, {
    method: 'PUT', cookie: clinic.owner.cookie,
    body: { taxRateBp: 0, taxServices: false, lateCancelKeepsDeposit: true, noShowKeepsDeposit: true, lateCancelForfeitsSession: true, noShowForfeitsSession: true, packageRefundFeeBp: 0, deposits: settings.data.deposits.map((d) => ({ serviceId: d.serviceId, kind: 'amount', value: 2_500 })) },
  });
  expect(put.status).toBe(200);
});
afterAll(() => t.close());

describe('bookings', () => {
  it("another caller's replay of a key books for them, or is refused: never the first booking", async () => {
    const first = await consult(ann, ann.clientId!, at(15), 'same-key-0001');
    expect(first.status).toBe(201);
    // Ben, a client of the same clinic, sends Ann's key for himself: his own booking, nothing of Ann's
    const bens = await consult(ben, ben.clientId!, at(16), 'same-key-0001');
    expect(bens.status).toBe(201);
    expect(bens.data.id).not.toBe(first.data.id);
    expect(bens.text).not.toContain(ann.email);
    // ... and naming Ann: refused before any lookup by key
    const asAnn = await consult(ben, ann.clientId!, at(17), 'same-key-0001');
    expect(asAnn.status).toBe(404);
    expect(asAnn.text).not.toContain(ann.email);
    // the desk's own key space too: the same key makes the desk's booking
    const desk = await consult(clinic.frontDesk, ann.clientId!, at(18), 'same-key-0001');
    expect(desk.status).toBe(201);
    expect(desk.data.id).not.toBe(first.data.id);
  });

  it("the caller's own replay answers the first booking and is audited; the key for another booking is a conflict", async () => {
    const first = await consult(ann, ann.clientId!, at(19), 'ann-key-0002');
    const again = await consult(ann, ann.clientId!, at(19), 'ann-key-0002');
    expect(again.status).toBe(200);
    expect(again.data.id).toBe(first.data.id);
    expect(await auditOf('booking.replay')).toEqual([{ actor_user_id: ann.userId, entity_id: first.data.id }]);
    const other = await call(ann, '/api/bookings', { locationId: org.locationId, serviceId: clinic.penId, clientId: ann.clientId, start: at(20), idempotencyKey: 'ann-key-0002' });
    expect(other.status).toBe(409);
  });

  it('a series key is the caller\'s own, authorised first, and its replay audited', async () => {
    const series = (who: Actor, clientId: string, start: string) =>
      call<{ seriesId: string; bookings: { id: string }[] }>(who, '/api/bookings/series', { locationId: org.locationId, serviceId: clinic.consultationId, clientId, sessions: [{ start }], idempotencyKey: 'series-key-0003' });
    const anns = await series(ann, ann.clientId!, at(15, 2));
    expect(anns.status).toBe(201);
    const bens = await series(ben, ben.clientId!, at(16, 2));
    expect(bens.status).toBe(201);
    expect(bens.data.seriesId).not.toBe(anns.data.seriesId);
    expect((await series(ben, ann.clientId!, at(17, 2))).status).toBe(404);
    const again = await series(ann, ann.clientId!, at(15, 2));
    expect(again.status).toBe(200);
    expect(again.data.seriesId).toBe(anns.data.seriesId);
    expect(await auditOf('booking.series.replay')).toEqual([{ actor_user_id: ann.userId, entity_id: anns.data.bookings[0]!.id }]);
  });
});

describe('money', () => {
  it('package sales, payments, refunds and deposits: the same key from another member of staff is their own request', async () => {
    type Sale = { purchase: { id: string }; invoice: { id: string }; payment: { id: string } };
    const sell = (who: Actor, clientId: string) => call<Sale>(who, `/api/clients/${clientId}/packages`, { locationId: org.locationId, packageId, payment: { amountCents: 10_000, method: 'cash' }, idempotencyKey: 'money-key-0004' });
    const annSale = await sell(clinic.frontDesk, ann.clientId!);
    expect(annSale.status).toBe(201);
    const benSale = await sell(clinic.owner, ben.clientId!);
    expect(benSale.status).toBe(201);
    expect(benSale.data.purchase.id).not.toBe(annSale.data.purchase.id);
    const replayed = await sell(clinic.frontDesk, ann.clientId!);
    expect(replayed.status).toBe(200);
    expect(replayed.data.purchase.id).toBe(annSale.data.purchase.id);
    // the desk's key sent for another client is not a replay of Ann's sale
    expect((await sell(clinic.frontDesk, ben.clientId!)).status).toBe(409);

    const pay = (who: Actor, invoiceId: string) => call<{ payment: { id: string } }>(who, `/api/invoices/${invoiceId}/payments`, { amountCents: 1_000, method: 'cash', idempotencyKey: 'money-key-0005' });
    const deskPays = await pay(clinic.frontDesk, annSale.data.invoice.id);
    expect(deskPays.status).toBe(201);
    // before: "already used for a different payment" told the owner someone had used the key
    const ownerPays = await pay(clinic.owner, benSale.data.invoice.id);
    expect(ownerPays.status).toBe(201);
    const deskAgain = await pay(clinic.frontDesk, annSale.data.invoice.id);
    expect(deskAgain.status).toBe(200);
    expect(deskAgain.data.payment.id).toBe(deskPays.data.payment.id);

    const refund = (who: Actor) => call<{ refund: { id: string } }>(who, `/api/payments/${deskPays.data.payment.id}/refunds`, { amountCents: 100, reason: 'Overcharged', idempotencyKey: 'money-key-0006' });
    const ownerRefund = await refund(clinic.owner);
    expect(ownerRefund.status).toBe(201);
    const deskRefund = await refund(clinic.frontDesk);
    expect(deskRefund.status).toBe(201);
    expect(deskRefund.data.refund.id).not.toBe(ownerRefund.data.refund.id);

    const bookingA = (await consult(clinic.frontDesk, ann.clientId!, at(15, 3), 'dep-booking-a')).data.id;
    const bookingB = (await consult(clinic.frontDesk, ben.clientId!, at(16, 3), 'dep-booking-b')).data.id;
    const deposit = (who: Actor, bookingId: string) => call<{ payment: { id: string } }>(who, `/api/bookings/${bookingId}/deposit`, { method: 'cash', idempotencyKey: 'money-key-0007' });
    expect((await deposit(clinic.frontDesk, bookingA)).status).toBe(201);
    expect((await deposit(clinic.owner, bookingB)).status).toBe(201);
    expect((await deposit(clinic.frontDesk, bookingA)).status).toBe(200);

    const replays = await t.db.selectFrom('audit_events').select(['action', 'actor_user_id']).where('organization_id', '=', org.id).where('action', 'like', '%.replay').where('entity_type', '=', 'payment').orderBy('position').execute();
    expect(replays).toEqual([
      { action: 'package.sell.replay', actor_user_id: clinic.frontDesk.userId },
      { action: 'payment.record.replay', actor_user_id: clinic.frontDesk.userId },
      { action: 'deposit.pay.replay', actor_user_id: clinic.frontDesk.userId },
    ]);
  });
});
