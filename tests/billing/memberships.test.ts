// Memberships through the API (docs/memberships.md): the owner makes a plan, the desk sells it (one
// invoice, paid at once, the first credits granted), a booking draws a credit and the visit invoices
// at $0 with the credit named, a second booking is at the member price (deposit and invoice), an
// on-time cancel returns the credit, two bookings at once never both take the last credit; the client
// pauses within the plan's terms and member prices stop while paused.
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
let other: Actor;
let planId: string;
let membershipId: string;

type Json = Record<string, unknown> & { errors?: { path: string; message: string }[]; detail?: string };
async function call<T = Json>(who: Actor, path: string, body?: unknown, method?: string) {
  const res = await t.request(path, { cookie: who.cookie, ...(body !== undefined ? { body } : {}), ...(method ? { method } : {}) });
  return { status: res.status, data: (await res.json()) as T };
}
const OVERRIDE = { reason: 'Readiness is tested in the clinical suites' };
let n = 0;
const book = async (who: Actor, startIso: string) =>
  call<{ id: string }>(clinic.frontDesk, '/api/bookings', { locationId: org.locationId, serviceId: clinic.penId, clientId: who.clientId, start: startIso, idempotencyKey: `mem-${org.id}-${n++}`, override: OVERRIDE });
const checkIn = async (id: string, startIso: string) => {
  clock = new Date(Date.parse(startIso) - 60 * 60_000);
  try {
    expect((await call(clinic.frontDesk, `/api/bookings/${id}/check-in`, { override: OVERRIDE }, 'POST')).status).toBeLessThan(300);
  } finally {
    clock = MONDAY;
  }
};
interface Membership { id: string; status: string; nextBillingOn: string | null; resumeOn: string | null; credits: { id: string; usedBookingId: string | null; text: string; expiresOn: string }[]; charges: { status: string; amountCents: number }[]; statusText: string; termEndsOn: string }
const memberships = async (who: Actor = client) => (await call<{ memberships: Membership[]; canJoinOnline: boolean; joinNote: string | null }>(who, `/api/clients/${client.clientId}/memberships`)).data;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  org = await t.factory.org();
  clinic = await setUpClinic(t, org);
  client = await t.factory.actor(org, 'client');
  other = await t.factory.actor(org, 'client');
  await call(clinic.owner, `/api/locations/${org.locationId}/prices`, { serviceCode: 'pen_face', name: 'Pen microneedling, full face', modality: 'pen', priceCents: 35_000, effectiveFrom: '2027-01-01' });
  const settings = await call<{ deposits: { serviceId: string }[] }>(clinic.owner, `/api/locations/${org.locationId}/billing-settings`);
  const put = await call(clinic.owner, `/api/locations/${org.locationId}/billing-settings`, {
    taxRateBp: 0, taxServices: false, lateCancelKeepsDeposit: true, noShowKeepsDeposit: true, lateCancelForfeitsSession: true, noShowForfeitsSession: true, packageRefundFeeBp: 0,
    deposits: settings.data.deposits.map((d) => ({ serviceId: d.serviceId, kind: 'percent', value: 2000 })),
  }, 'PUT');
  expect(put.status).toBe(200);
});
afterAll(() => t.close());

describe('membership plans', () => {
  it('the owner creates a plan with member prices, percent off and credits, described in one sentence', async () => {
    const body = {
      locationId: org.locationId, name: 'Glow Monthly', period: 'month', feeCents: 9_900, signupFeeCents: 2_500, minTermPeriods: 3, maxPauseDays: 60, percentOffBp: 1_000,
      memberPrices: [{ serviceCode: 'pen_face', priceCents: 30_000 }], credits: [{ serviceCode: 'pen_face', count: 1, everyPeriods: 3, validDays: 120, label: 'Quarterly pen session' }],
    };
    expect((await call(clinic.frontDesk, '/api/membership-plans', body)).status).toBe(403);
    const bad = await call(clinic.owner, '/api/membership-plans', { ...body, credits: [{ ...body.credits[0], serviceCode: 'botox' }] });
    expect(bad.status).toBe(400);
    expect(bad.data.errors?.[0]?.path).toBe('credits.0.serviceCode');
    const r = await call<{ id: string; summary: string }>(clinic.owner, '/api/membership-plans', body);
    expect(r.status).toBe(201);
    planId = r.data.id;
    expect(r.data.summary).toBe('$99.00 a month; 1 x Pen microneedling, full face every 3 months; Pen microneedling, full face at $300.00; 10% off other services and products; sign-up fee $25.00; minimum 3 months.');
    const listed = await call<{ plans: { id: string }[] }>(client, '/api/membership-plans');
    expect(listed.data.plans.map((p) => p.id)).toEqual([planId]);
  });
});

describe('selling and using a membership', () => {
  it('the desk sells a plan: the first month and sign-up fee on one paid invoice, the first credit granted; once per key', async () => {
    const body = { locationId: org.locationId, planId, payment: { method: 'card_terminal' }, idempotencyKey: `sell-${org.id}` };
    const sold = await call<{ membership: Membership; invoice: { totalCents: number; status: string; lines: { kind: string; description: string }[] }; replayed: boolean }>(clinic.frontDesk, `/api/clients/${client.clientId}/memberships`, body);
    expect(sold.status).toBe(201);
    membershipId = sold.data.membership.id;
    expect(sold.data.invoice.totalCents).toBe(12_400);
    expect(sold.data.invoice.status).toBe('paid');
    expect(sold.data.invoice.lines.map((l) => l.description)).toEqual(['Glow Monthly membership, March 1, 2027 to March 31, 2027', 'Glow Monthly sign-up fee']);
    expect(sold.data.membership.nextBillingOn).toBe('2027-04-01');
    expect(sold.data.membership.termEndsOn).toBe('2027-06-01');
    expect(sold.data.membership.credits.map((c) => c.text)).toEqual(['1 x Pen microneedling, full face — Quarterly pen session, included with Glow Monthly, expires June 28, 2027']);
    const again = await call<{ replayed: boolean; membership: { id: string } }>(clinic.frontDesk, `/api/clients/${client.clientId}/memberships`, body);
    expect(again.status).toBe(200);
    expect(again.data.membership.id).toBe(membershipId);
    // one membership per client and location
    const second = await call(clinic.frontDesk, `/api/clients/${client.clientId}/memberships`, { ...body, idempotencyKey: `sell2-${org.id}` });
    expect(second.status).toBe(409);
    expect(second.data.detail).toMatch(/already has a membership/);
  });

  it('before booking the client sees the credit covering the visit; the booking draws it and the visit invoices at $0', async () => {
    const terms = await call<{ priceCents: number; depositCents: number; paymentNote: string; membership: { credit: { label: string } | null; basePriceCents: number } }>(client, `/api/locations/${org.locationId}/booking-terms?serviceId=${clinic.penId}&date=2027-03-10`);
    expect(terms.status).toBe(200);
    expect(terms.data.membership.credit?.label).toBe('Quarterly pen session');
    expect(terms.data.depositCents).toBe(0);
    expect(terms.data.priceCents).toBe(30_000);
    const start = '2027-03-10T16:00:00Z';
    const b = await book(client, start);
    expect(b.status).toBe(201);
    const m = (await memberships()).memberships[0]!;
    expect(m.credits[0]!.usedBookingId).toBe(b.data.id);
    const deposits = await t.db.selectFrom('booking_deposits').select('booking_id').where('organization_id', '=', org.id).where('booking_id', '=', b.data.id).execute();
    expect(deposits).toEqual([]);
    await checkIn(b.data.id, start);
    const inv = await call<{ totalCents: number; lines: { kind: string; description: string; unitCents: number }[] }>(clinic.frontDesk, `/api/bookings/${b.data.id}/invoice`, { products: [{ description: 'Recovery serum', unitCents: 4_000, quantity: 1 }] });
    expect(inv.status).toBe(201);
    expect(inv.data.lines.map((l) => [l.kind, l.description, l.unitCents])).toEqual([
      ['membership_credit', 'Pen microneedling, full face: membership credit (Quarterly pen session)', 0],
      ['product', 'Recovery serum (member price)', 3_600],
    ]);
  });

  it('a second booking is at the member price: the deposit is taken on it and the invoice charges it', async () => {
    const start = '2027-03-17T16:00:00Z';
    const b = await book(client, start);
    expect(b.status).toBe(201);
    const deposit = await t.db.selectFrom('booking_deposits').select('amount_cents').where('organization_id', '=', org.id).where('booking_id', '=', b.data.id).executeTakeFirstOrThrow();
    expect(deposit.amount_cents).toBe(6_000);
    await checkIn(b.data.id, start);
    const inv = await call<{ lines: { description: string; unitCents: number }[] }>(clinic.frontDesk, `/api/bookings/${b.data.id}/invoice`, {});
    expect(inv.data.lines.map((l) => [l.description, l.unitCents])).toEqual([['Pen microneedling, full face (member price)', 30_000]]);
  });

  it('an on-time cancellation returns the credit', async () => {
    await t.db.updateTable('membership_credits').set({ used_booking_id: null, used_at: null }).where('organization_id', '=', org.id).execute();
    const b = await book(client, '2027-03-24T16:00:00Z');
    const used = async () => (await memberships()).memberships[0]!.credits.filter((c) => c.usedBookingId).length;
    expect(await used()).toBe(1);
    expect((await call(clinic.frontDesk, `/api/bookings/${b.data.id}/cancel`, { reason: 'Travelling' }, 'POST')).status).toBe(200);
    expect(await used()).toBe(0);
  });

  it('two bookings at once never both draw the last credit', async () => {
    const res = await Promise.all(['2027-03-25T16:00:00Z', '2027-03-26T16:00:00Z'].map((s) => book(client, s)));
    expect(res.map((r) => r.status)).toEqual([201, 201]);
    const credits = await t.db.selectFrom('membership_credits').select('used_booking_id').where('organization_id', '=', org.id).execute();
    expect(credits.filter((c) => c.used_booking_id)).toHaveLength(1);
    const deposits = await t.db.selectFrom('booking_deposits').select('booking_id').where('organization_id', '=', org.id).where('booking_id', 'in', res.map((r) => r.data.id)).execute();
    expect(deposits).toHaveLength(1);
  });

  it('draws the credit when the service asks no deposit too (the booking takes its one-statement path otherwise)', async () => {
    const rules = await t.db.deleteFrom('service_deposits').where('organization_id', '=', org.id).where('service_id', '=', clinic.penId).returningAll().execute();
    try {
      await t.db.updateTable('membership_credits').set({ used_booking_id: null, used_at: null }).where('organization_id', '=', org.id).execute();
      const b = await book(client, '2027-03-29T16:00:00Z');
      expect(b.status).toBe(201);
      expect((await memberships()).memberships[0]!.credits.find((c) => c.usedBookingId === b.data.id)).toBeDefined();
    } finally {
      if (rules.length) await t.db.insertInto('service_deposits').values(rules).execute();
    }
  });

  it('a client who is not a member pays the full price', async () => {
    const terms = await call<{ priceCents: number; membership: unknown }>(other, `/api/locations/${org.locationId}/booking-terms?serviceId=${clinic.penId}&date=2027-03-10`);
    expect(terms.data.priceCents).toBe(35_000);
    expect(terms.data.membership).toBeNull();
    expect((await call(other, `/api/clients/${client.clientId}/memberships`)).status).toBe(404);
  });
});

describe('pause, resume and cancel in the portal', () => {
  it('the client pauses within the longest pause; member prices stop; resuming moves the next payment on', async () => {
    const tooLong = await call(client, `/api/memberships/${membershipId}/pause`, { resumeOn: '2027-06-01' });
    expect(tooLong.status).toBe(400);
    expect(tooLong.data.errors?.[0]?.message).toMatch(/no later than April 30, 2027/);
    const paused = await call<Membership>(client, `/api/memberships/${membershipId}/pause`, { resumeOn: '2027-04-15' });
    expect(paused.status).toBe(200);
    expect(paused.data.status).toBe('paused');
    expect(paused.data.nextBillingOn).toBeNull();
    expect(paused.data.statusText).toBe('Paused until April 15, 2027. No payments and no member prices while paused.');
    const terms = await call<{ priceCents: number }>(client, `/api/locations/${org.locationId}/booking-terms?serviceId=${clinic.penId}&date=2027-03-30`);
    expect(terms.data.priceCents).toBe(35_000);
    clock = new Date('2027-03-11T15:00:00Z');
    try {
      const resumed = await call<Membership>(client, `/api/memberships/${membershipId}/resume`, undefined, 'POST');
      expect(resumed.status).toBe(200);
      expect(resumed.data.nextBillingOn).toBe('2027-04-11');
    } finally {
      clock = MONDAY;
    }
  });

  it('cancelling before the minimum term is refused with the date, and offered at the end of the term', async () => {
    const now = await call(client, `/api/memberships/${membershipId}/cancel`, { when: 'now', reason: 'Moving away' });
    expect(now.status).toBe(409);
    expect(now.data.detail).toMatch(/can be cancelled from then/);
    const later = await call<Membership & { cancelRequestedOn: string }>(client, `/api/memberships/${membershipId}/cancel`, { when: 'end_of_term', reason: 'Moving away' });
    expect(later.status).toBe(200);
    expect(later.data.cancelRequestedOn).toBe('2027-06-11');
  });
});

describe('the memberships report and the audit trail', () => {
  it('shows the revenue, the active member and the unused credits with their value', async () => {
    const r = await call<{ summary: Record<string, number>; tables: { name: string; rows: Record<string, unknown>[] }[] }>(clinic.owner, '/api/reports/memberships?from=2027-03-01&to=2027-03-31');
    expect(r.status).toBe(200);
    expect(r.data.summary).toMatchObject({ revenueCents: 12_400, activeMembers: 1, pausedMembers: 0, newMembers: 1, cancelled: 0 });
    expect(r.data.tables.find((x) => x.name === 'by-month')?.rows).toEqual([{ month: '2027-03', revenueCents: 12_400, newMembers: 1, activeAtStart: 0, cancelled: 0, churn: 0 }]);
    expect((await call(clinic.frontDesk, '/api/reports/memberships?from=2027-03-01&to=2027-03-31')).status).toBe(403);
  });

  it('audits every read of a membership and every change', async () => {
    const actions = (await t.db.selectFrom('audit_events').select('action').where('organization_id', '=', org.id).where('action', 'like', 'membership%').execute()).map((e) => e.action);
    expect(new Set(actions)).toEqual(new Set(['membership_plan.create', 'membership.sell', 'membership.sell.replay', 'membership.read', 'membership.pause', 'membership.resume', 'membership.cancel.scheduled']));
  });
});
