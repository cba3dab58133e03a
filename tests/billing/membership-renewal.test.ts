// Membership periods billed by the worker's pass against the Stripe-shaped server on loopback: a card
// member's saved card is charged off-session when the period comes (credits of the new period
// granted); a declined card is retried two days later with a notice each time, and the third failure
// pauses the membership; the desk takes the due period and it starts again. A desk member gets a due
// charge and invoice; two passes at once bill a period once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Actor, Org } from '../support/factory.js';
import { setUpClinic, type Clinic } from '../support/clinic.js';
import { stripeCheckout } from '../../src/adapters/payments/stripe-checkout.js';
import { startFakeStripe, type FakeStripe } from '../../e2e/support/stripe-fake.js';
import { renewMemberships } from '../../src/services/billing/memberships/renew-memberships.js';
import type { CardPaymentsPort } from '../../src/services/ports.js';

const SECRET = 'sk_test_dermis_membership';
let clock = new Date('2027-03-01T14:00:00Z');
let t: TestApp;
let fake: FakeStripe;
let cards: CardPaymentsPort;
let org: Org;
let clinic: Clinic;
let carded: Actor;
let desk: Actor;
let planId: string;

async function call<T = Record<string, unknown>>(who: Actor, path: string, body?: unknown, method?: string) {
  const res = await t.request(path, { cookie: who.cookie, ...(body !== undefined ? { body } : {}), ...(method ? { method } : {}) });
  return { status: res.status, data: (await res.json()) as T };
}
interface Membership { id: string; status: string; periodEnd: string; pauseReason: string | null; credits: { grantedOn: string }[]; charges: { id: string; status: string; attempts: number; periodStart: string }[] }
const membershipOf = async (who: Actor) => (await call<{ memberships: Membership[] }>(clinic.frontDesk, `/api/clients/${who.clientId}/memberships`)).data.memberships[0]!;
const pass = (at: string) => {
  clock = new Date(at);
  return renewMemberships({ db: t.db, cards, now: clock, publicUrl: 'https://spa.example' });
};
const setCard = (who: Actor, pm: string) => t.db.updateTable('client_payment_profiles').set({ payment_method_id: pm }).where('organization_id', '=', org.id).where('client_id', '=', who.clientId!).execute();

beforeAll(async () => {
  fake = await startFakeStripe({ secretKey: SECRET });
  const payments = stripeCheckout(SECRET, fake.url);
  cards = payments.cards!;
  t = await createTestApp({ now: () => clock, payments });
  org = await t.factory.org();
  clinic = await setUpClinic(t, org);
  carded = await t.factory.actor(org, 'client');
  desk = await t.factory.actor(org, 'client');
  const customer = await cards.createCustomer({ idempotencyKey: `c-${org.id}`, metadata: {} });
  await t.db.insertInto('client_payment_profiles').values({ organization_id: org.id, client_id: carded.clientId!, customer_id: customer.id, payment_method_id: 'pm_card_visa', card_brand: 'visa', card_last4: '4242' }).execute();
  const plan = await call<{ id: string }>(clinic.owner, '/api/membership-plans', {
    locationId: org.locationId, name: 'Glow Monthly', period: 'month', feeCents: 9_900, credits: [{ serviceCode: 'pen_face', count: 1, everyPeriods: 1, validDays: 60, label: 'Monthly pen session' }],
  });
  expect(plan.status).toBe(201);
  planId = plan.data.id;
  for (const [who, method] of [[carded, 'saved_card'], [desk, 'cash']] as const) {
    const sold = await call(clinic.frontDesk, `/api/clients/${who.clientId}/memberships`, { locationId: org.locationId, planId, payment: { method }, idempotencyKey: `sell-${who.clientId}` });
    expect(sold.status).toBe(201);
  }
});
afterAll(async () => {
  await t.close();
  await fake.close();
});

describe('the renewal pass', () => {
  it('does nothing before the period ends', async () => {
    expect(await pass('2027-03-31T14:00:00Z')).toMatchObject({ paid: 0, due: 0, failed: 0 });
  });

  it("charges the card member's saved card off-session, once even with two passes at once, and grants the new credit", async () => {
    const [a, b] = await Promise.all([pass('2027-04-01T14:00:00Z'), pass('2027-04-01T14:00:00Z')]);
    expect(a.paid + b.paid).toBe(1);
    const m = await membershipOf(carded);
    expect(m.status).toBe('active');
    expect(m.periodEnd).toBe('2027-05-01');
    expect(m.charges.map((c) => c.status)).toEqual(['paid', 'paid']);
    expect(m.credits.map((c) => c.grantedOn).sort()).toEqual(['2027-03-01', '2027-04-01']);
    const offSession = fake.calls.filter((c) => c.path === '/v1/payment_intents' && c.form.get('off_session') === 'true');
    expect(offSession.map((c) => c.form.get('amount'))).toEqual(['9900', '9900']);
  });

  it("gives the desk member a due charge and invoice; the desk's payment grants the period's credit", async () => {
    let m = await membershipOf(desk);
    expect(m.charges[0]).toMatchObject({ status: 'due', periodStart: '2027-04-01' });
    expect(m.credits).toHaveLength(1);
    const paid = await call<{ status: string }>(clinic.frontDesk, `/api/membership-charges/${m.charges[0]!.id}/payments`, { method: 'cash', idempotencyKey: `pay-${m.id}` });
    expect(paid.status).toBe(200);
    expect(paid.data.status).toBe('paid');
    m = await membershipOf(desk);
    expect(m.credits).toHaveLength(2);
  });

  it('retries a declined card two days apart with a notice each time, then pauses it; the desk payment starts it again', async () => {
    await setCard(carded, 'pm_card_chargeDeclined');
    expect((await pass('2027-05-01T14:00:00Z')).failed).toBe(1);
    expect((await membershipOf(carded)).status).toBe('past_due');
    // not before two days have passed
    expect((await pass('2027-05-02T14:00:00Z')).failed).toBe(0);
    expect((await pass('2027-05-03T14:10:00Z')).failed).toBe(1);
    expect((await pass('2027-05-05T14:20:00Z')).paused).toBe(1);
    const m = await membershipOf(carded);
    expect(m).toMatchObject({ status: 'paused', pauseReason: 'payment_failed' });
    expect(m.charges[0]).toMatchObject({ status: 'failed', attempts: 3 });
    const notices = await t.db.selectFrom('outbox_messages').select(['subject', 'body_text']).where('organization_id', '=', org.id).where('kind', '=', 'membership.payment').orderBy('created_at').execute();
    expect(notices.map((n) => n.subject)).toEqual([
      'Your Glow Monthly membership payment did not go through',
      'Your Glow Monthly membership payment did not go through',
      'Your Glow Monthly membership is paused',
    ]);
    expect(notices[0]!.body_text).toContain('We could not charge $99.00 for your Glow Monthly membership to your saved card. We will try again on May 3, 2027.');
    // the client cannot resume it; the desk's payment does
    expect((await call(carded, `/api/memberships/${m.id}/resume`, undefined, 'POST')).status).toBe(409);
    expect((await call(clinic.frontDesk, `/api/membership-charges/${m.charges[0]!.id}/payments`, { method: 'card_terminal', idempotencyKey: `pay-${m.id}` })).status).toBe(200);
    const after = await membershipOf(carded);
    expect(after).toMatchObject({ status: 'active', periodEnd: '2027-06-01' });
  });
});
