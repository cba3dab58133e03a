// Money through the API: a package sold with a part payment and drawn down by bookings, returned or
// forfeited by the cancellation policy; deposits; a visit's invoice with discount, tax and deposit;
// idempotent payments; refunds never above what was paid; voids; package refunds; receipts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Actor, Org } from '../support/factory.js';
import { setUpClinic, type Clinic } from '../support/clinic.js';

// Monday 1 March 2027, 08:00 in Chicago
const MONDAY = new Date('2027-03-01T14:00:00Z');
let clock = MONDAY;
let t: TestApp;
let org: Org;
let clinic: Clinic;
let client: Actor;
let packageId: string;

type Json = Record<string, unknown> & { errors?: { path: string }[] };
async function call<T = Json>(who: Actor, path: string, body?: unknown, method?: string) {
  const res = await t.request(path, { cookie: who.cookie, ...(body !== undefined ? { body } : {}), ...(method ? { method } : {}) });
  return { status: res.status, data: (await res.json()) as T };
}
const OVERRIDE = { reason: 'Readiness is tested in the clinical suites' };
let n = 0;
const book = async (startIso: string, serviceId = clinic.penId) => {
  const r = await call<{ id: string }>(clinic.frontDesk, '/api/bookings', { locationId: org.locationId, serviceId, clientId: client.clientId, start: startIso, idempotencyKey: `bill-${org.id}-${n++}`, override: OVERRIDE });
  expect(r.status).toBe(201);
  return r.data.id;
};
// a client is checked in on the day of the visit: the clock steps to that morning, then back
const checkIn = async (id: string, startIso: string, body: unknown) => {
  clock = new Date(Date.parse(startIso) - 60 * 60_000);
  try {
    expect((await call(clinic.frontDesk, `/api/bookings/${id}/check-in`, body, 'POST')).status).toBe(200);
  } finally {
    clock = MONDAY;
  }
};
interface Statement {
  packages: { id: string; sessionsRemaining: number; sessionsUsed: number; status: string }[];
  invoices: { id: string; status: string; totalCents: number; dueCents: number }[];
  deposits: { bookingId: string; status: string; amountCents: number }[];
  balanceDueCents: number;
}
const statement = async () => (await call<Statement>(client, `/api/clients/${client.clientId}/billing`)).data;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  org = await t.factory.org();
  clinic = await setUpClinic(t, org);
  client = await t.factory.actor(org, 'client');
  await call(clinic.owner, `/api/locations/${org.locationId}/prices`, { serviceCode: 'pen_face', name: 'Pen microneedling, full face', modality: 'pen', priceCents: 35_000, effectiveFrom: '2027-01-01' });
  await call(clinic.owner, `/api/locations/${org.locationId}/prices`, { serviceCode: 'consultation', name: 'Consultation', modality: null, priceCents: 5_000, effectiveFrom: '2027-01-01' });
  packageId = (await call<{ id: string }>(clinic.owner, `/api/locations/${org.locationId}/packages`, { serviceCode: 'pen_face', name: 'Pen series of 3', sessions: 3, priceCents: 90_000, validDays: 365 })).data.id;
  const settings = await call<{ deposits: { serviceId: string }[] }>(clinic.owner, `/api/locations/${org.locationId}/billing-settings`);
  const put = await call(clinic.owner, `/api/locations/${org.locationId}/billing-settings`, {
    taxRateBp: 825, taxServices: false, lateCancelKeepsDeposit: true, noShowKeepsDeposit: true, lateCancelForfeitsSession: true, noShowForfeitsSession: true, packageRefundFeeBp: 1000,
    deposits: settings.data.deposits.map((d) => ({ serviceId: d.serviceId, kind: d.serviceId === clinic.penId ? 'percent' : 'amount', value: d.serviceId === clinic.penId ? 2000 : 2500 })),
  }, 'PUT');
  expect(put.status).toBe(200);
});
afterAll(() => t.close());

describe('packages', () => {
  const FIRST = '2027-03-04T16:00:00Z';
  it('a package sold with a part payment; bookings draw it down; an on-time cancel returns the session, a late one uses it', async () => {
    const before = await call<{ coveredBy: unknown; depositCents: number; priceCents: number; policy: string[] }>(client, `/api/locations/${org.locationId}/booking-terms?serviceId=${clinic.penId}&date=2027-03-04`);
    expect(before.data).toMatchObject({ coveredBy: null, depositCents: 7_000, priceCents: 35_000 });
    expect(before.data.policy[0]).toMatch(/24 hours/);
    const sale = await call<{ purchase: { id: string; sessionsRemaining: number; expiresOn: string }; invoice: { totalCents: number; dueCents: number; status: string } }>(clinic.frontDesk, `/api/clients/${client.clientId}/packages`, { locationId: org.locationId, packageId, payment: { amountCents: 30_000, method: 'card_terminal' }, idempotencyKey: `sale-${org.id}` });
    expect(sale.status).toBe(201);
    expect(sale.data.purchase).toMatchObject({ sessionsRemaining: 3, expiresOn: '2028-02-29' });
    expect(sale.data.invoice).toMatchObject({ totalCents: 90_000, dueCents: 60_000, status: 'issued' });
    const again = await call<{ purchase: { id: string } }>(clinic.frontDesk, `/api/clients/${client.clientId}/packages`, { locationId: org.locationId, packageId, payment: { amountCents: 30_000, method: 'card_terminal' }, idempotencyKey: `sale-${org.id}` });
    expect(again.status).toBe(200);
    expect(again.data.purchase.id).toBe(sale.data.purchase.id);
    const covered = await call<{ coveredBy: { sessionsRemaining: number }; depositCents: number }>(client, `/api/locations/${org.locationId}/booking-terms?serviceId=${clinic.penId}&date=2027-03-04`);
    expect(covered.data).toMatchObject({ coveredBy: { sessionsRemaining: 3 }, depositCents: 0 });

    const first = await book(FIRST);
    const second = await book('2027-03-05T16:00:00Z');
    expect((await statement()).packages[0]).toMatchObject({ sessionsRemaining: 1, sessionsUsed: 2 });
    expect((await statement()).deposits).toEqual([]);
    // three days ahead: on time, the session comes back
    expect((await call(clinic.frontDesk, `/api/bookings/${second}/cancel`, { reason: 'Travel' })).status).toBe(200);
    expect((await statement()).packages[0]!.sessionsRemaining).toBe(2);
    // the same day: late, the session is used
    const sameDay = await book('2027-03-01T20:00:00Z');
    expect((await call<{ status: string }>(clinic.frontDesk, `/api/bookings/${sameDay}/cancel`, { reason: 'Sick' })).data.status).toBe('late_cancelled');
    expect((await statement()).packages[0]!.sessionsRemaining).toBe(1);
    // the visit drawn from the package is invoiced at no charge
    await checkIn(first, FIRST, { override: OVERRIDE });
    const visit = await call<{ lines: { kind: string; unitCents: number }[]; totalCents: number; status: string }>(clinic.frontDesk, `/api/bookings/${first}/invoice`, {});
    expect(visit.status).toBe(201);
    expect(visit.data).toMatchObject({ totalCents: 0, status: 'paid', lines: [{ kind: 'package_draw', unitCents: 0 }] });
  });

  it('refunds unused sessions: their value less the fee comes off the invoice; money goes back only beyond what is still owed', async () => {
    const s = await statement();
    const purchase = s.packages[0]!;
    // 1 unused of $900 / 3 = $300, less 10% = $270 credited; only $300 of the $900 was paid, so the
    // client still owes $900 - $270 - $300 = $330 and nothing comes back
    const r = await call<{ creditedCents: number; refundedCents: number; sessionsRefunded: number; purchase: { invoiceId: string; sessionsRemaining: number; status: string } }>(clinic.owner, `/api/package-purchases/${purchase.id}/refund`, { reason: 'Moving away', idempotencyKey: `pkg-refund-${org.id}` });
    expect(r.status).toBe(200);
    expect(r.data).toMatchObject({ creditedCents: 27_000, refundedCents: 0, sessionsRefunded: 1, purchase: { sessionsRemaining: 0, status: 'refunded' } });
    const inv = await call<{ creditedCents: number; dueCents: number }>(clinic.frontDesk, `/api/invoices/${r.data.purchase.invoiceId}`);
    expect(inv.data).toMatchObject({ creditedCents: 27_000, dueCents: 33_000 });
    expect((await call(clinic.owner, `/api/package-purchases/${purchase.id}/refund`, { reason: 'Again', idempotencyKey: `pkg-refund-2-${org.id}` })).status).toBe(409);
  });
});

describe('deposits, invoices and payments', () => {
  it('a deposit is asked for at booking, paid at the desk and applied to the invoice with discount and tax', async () => {
    const id = await book('2027-03-08T16:00:00Z');
    const start = '2027-03-08T16:00:00Z';
    expect((await statement()).deposits.find((d) => d.bookingId === id)).toMatchObject({ status: 'due', amountCents: 7_000 });
    const paid = await call<{ payment: { id: string; amountCents: number } }>(clinic.frontDesk, `/api/bookings/${id}/deposit`, { method: 'card_terminal', idempotencyKey: `dep-${org.id}` });
    expect(paid.status).toBe(201);
    expect(paid.data.payment.amountCents).toBe(7_000);
    await checkIn(id, start, { override: OVERRIDE });
    const noReason = await call(clinic.frontDesk, `/api/bookings/${id}/invoice`, { discount: { kind: 'percent', bp: 1000 } });
    expect(noReason.status).toBe(400);
    expect(noReason.data.errors![0]!.path).toBe('discountReason');
    const inv = await call<{ id: string; subtotalCents: number; discountCents: number; taxCents: number; totalCents: number; paidCents: number; dueCents: number }>(clinic.frontDesk, `/api/bookings/${id}/invoice`, {
      discount: { kind: 'percent', bp: 1000 }, discountReason: 'Loyal client', products: [{ description: 'Mineral sunscreen SPF 50', unitCents: 4_000, quantity: 1 }],
    });
    // $350 + $40 = $390, 10% off = $351, tax 8.25% on the sunscreen's $36 = $2.97
    expect(inv.data).toMatchObject({ subtotalCents: 39_000, discountCents: 3_900, taxCents: 297, totalCents: 35_397, paidCents: 7_000, dueCents: 28_397 });
    expect((await call(clinic.frontDesk, `/api/bookings/${id}/invoice`, {})).status).toBe(409);
    expect((await statement()).deposits.find((d) => d.bookingId === id)!.status).toBe('applied');

    // a double-submitted payment is recorded once; concurrent submits too
    const body = { amountCents: 10_000, method: 'cash', idempotencyKey: `pay-${org.id}` };
    const results = await Promise.all([1, 2, 3].map(() => call<{ payment: { id: string } }>(clinic.frontDesk, `/api/invoices/${inv.data.id}/payments`, body)));
    expect(new Set(results.map((r) => r.data.payment.id)).size).toBe(1);
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect((await call(clinic.frontDesk, `/api/invoices/${inv.data.id}/payments`, { ...body, amountCents: 10_001 })).status).toBe(409);
    const over = await call(clinic.frontDesk, `/api/invoices/${inv.data.id}/payments`, { amountCents: 18_398, method: 'cash', idempotencyKey: `pay-over-${org.id}` });
    expect(over.status).toBe(409);
    expect(over.data.errors![0]!.path).toBe('amountCents');
    const rest = await call<{ invoice: { status: string; dueCents: number } }>(clinic.frontDesk, `/api/invoices/${inv.data.id}/payments`, { amountCents: 18_397, method: 'cash', idempotencyKey: `pay-rest-${org.id}` });
    expect(rest.data.invoice).toMatchObject({ status: 'paid', dueCents: 0 });

    // refunds: never more than the payment, even when submitted at once
    const cash = results[0]!.data.payment.id;
    const refunds = await Promise.all([1, 2, 3].map((i) => call(clinic.owner, `/api/payments/${cash}/refunds`, { amountCents: 4_000, reason: 'Product returned', idempotencyKey: `ref-${i}-${org.id}` })));
    expect(refunds.map((r) => r.status).sort()).toEqual([201, 201, 409]);
    const after = await call<{ status: string; refundedCents: number; dueCents: number }>(client, `/api/invoices/${inv.data.id}`);
    expect(after.data).toMatchObject({ status: 'issued', refundedCents: 8_000, dueCents: 8_000 });
    // an invoice with money on it cannot be voided
    expect((await call(clinic.owner, `/api/invoices/${inv.data.id}/void`, { reason: 'Wrong client' })).status).toBe(409);
  });

  it('a late cancel keeps a paid deposit as a fee; an on-time cancel refunds it', async () => {
    const late = await book('2027-03-01T21:00:00Z');
    await call(clinic.frontDesk, `/api/bookings/${late}/deposit`, { method: 'cash', idempotencyKey: `dep-late-${org.id}` });
    await call(clinic.frontDesk, `/api/bookings/${late}/cancel`, { reason: 'Overslept' });
    const early = await book('2027-03-10T16:00:00Z');
    await call(clinic.frontDesk, `/api/bookings/${early}/deposit`, { method: 'cash', idempotencyKey: `dep-early-${org.id}` });
    await call(client, `/api/bookings/${early}/cancel`, { reason: 'Changed plans' });
    const s = await statement();
    expect(s.deposits.find((d) => d.bookingId === late)!.status).toBe('kept');
    expect(s.deposits.find((d) => d.bookingId === early)!.status).toBe('refunded');
    const fee = s.invoices.find((i) => i.totalCents === 7_000);
    expect(fee).toMatchObject({ status: 'paid', dueCents: 0 });
  });

  it('receipts: a PDF for the client, an email without treatment details', async () => {
    const s = await call<{ payments: { id: string; kind: string; receiptUrl: string | null }[] }>(client, `/api/clients/${client.clientId}/billing`);
    const pay = s.data.payments.find((p) => p.kind === 'payment')!;
    const pdf = await t.request(pay.receiptUrl!, { cookie: client.cookie });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const stranger = await t.factory.actor(org, 'client');
    expect((await t.request(pay.receiptUrl!, { cookie: stranger.cookie })).status).toBe(404);
    expect((await call(clinic.frontDesk, `/api/payments/${pay.id}/receipt/email`, undefined, 'POST')).status).toBe(200);
    const mail = await t.db.selectFrom('outbox_messages').selectAll().where('organization_id', '=', org.id).where('kind', '=', 'billing.receipt').executeTakeFirstOrThrow();
    expect(mail.body_text).toMatch(/received \$/);
    expect(mail.body_text).not.toMatch(/microneedling/i);
  });

  it('voids an unpaid invoice with a reason; bad input names the field', async () => {
    const id = await book('2027-03-11T16:00:00Z', clinic.consultationId);
    await checkIn(id, '2027-03-11T16:00:00Z', {});
    const inv = await call<{ id: string; totalCents: number }>(clinic.frontDesk, `/api/bookings/${id}/invoice`, {});
    expect(inv.data.totalCents).toBe(5_000);
    const bad = await call(clinic.owner, `/api/invoices/${inv.data.id}/void`, { reason: '' });
    expect(bad.data.errors![0]!.path).toBe('reason');
    const v = await call<{ status: string; voidReason: string }>(clinic.owner, `/api/invoices/${inv.data.id}/void`, { reason: 'Consultation was free' });
    expect(v.data).toMatchObject({ status: 'void', voidReason: 'Consultation was free' });
    expect((await call(clinic.frontDesk, `/api/invoices/${inv.data.id}/payments`, { amountCents: 100, method: 'cash', idempotencyKey: `void-pay-${org.id}` })).status).toBe(409);
  });
});
