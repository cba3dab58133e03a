// Card payments in the booking flow against the Stripe-shaped server on loopback (e2e/support/
// stripe-fake.ts): the deposit intent and the policy the client accepted, a decline, a 3-D Secure
// challenge, completion known only from Stripe's signed webhook (once), a card saved where the
// location keeps one on file, and the desk charging a late-cancel or no-show fee to the saved card.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Actor, Org } from '../support/factory.js';
import { setUpClinic, type Clinic } from '../support/clinic.js';
import { stripeCheckout } from '../../src/adapters/payments/stripe-checkout.js';
import { startFakeStripe, type FakeStripe } from '../../e2e/support/stripe-fake.js';

const SECRET = 'sk_test_dermis12345';
const WEBHOOK_SECRET = 'whsec_dermistest123';
let now = new Date('2027-03-01T14:00:00Z');
let t: TestApp;
let fake: FakeStripe;
let org: Org;
let clinic: Clinic;
let client: Actor;
const settings = { taxRateBp: 0, taxServices: false, lateCancelKeepsDeposit: true, noShowKeepsDeposit: true, lateCancelForfeitsSession: true, noShowForfeitsSession: true, packageRefundFeeBp: 0, lateCancelFeeCents: 2500, noShowFeeCents: 5000 };
type Step = { mode: string; amountCents: number; message: string; policy: string[]; policyVersion: string; policyAcceptedAt: string | null; card: { brand: string | null; last4: string | null } | null };
type Intent = { intentId: string; kind: string; clientSecret: string; amountCents: number; stripe: { publishableKey: string; jsUrl: string } };

let seq = 0;
const book = async (start: string, who: Actor = client) => {
  const res = await t.request('/api/bookings', { cookie: clinic.frontDesk.cookie, body: { locationId: org.locationId, serviceId: clinic.penId, clientId: who.clientId, start, idempotencyKey: `pe-${++seq}-${org.id}`, override: { reason: 'Readiness tested elsewhere' } } });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
};
const step = async (bookingId: string, who: Actor = client) => (await (await t.request(`/api/bookings/${bookingId}/deposit-step`, { cookie: who.cookie })).json()) as Step;
const startIntent = async (bookingId: string, who: Actor = client) => {
  const s = await step(bookingId, who);
  const res = await t.request(`/api/bookings/${bookingId}/payment-intent`, { cookie: who.cookie, body: { acceptPolicy: true, policyVersion: s.policyVersion } });
  expect(res.status).toBe(201);
  return (await res.json()) as Intent;
};
const confirm = async (intentId: string, who: Actor = client) => (await (await t.request(`/api/card-intents/${intentId}/confirm`, { cookie: who.cookie, method: 'POST' })).json()) as { state: string; paymentId: string | null; message: string };
const webhook = (type: string, intentId: string) => {
  const e = fake.signedEvent(type, intentId, WEBHOOK_SECRET, now.getTime());
  return t.app.request('/api/webhooks/stripe', { method: 'POST', body: e.body, headers: { 'content-type': 'application/json', 'stripe-signature': e.signature } });
};
const depositStatus = async (bookingId: string) => (await t.db.selectFrom('booking_deposits').select('status').where('organization_id', '=', org.id).where('booking_id', '=', bookingId).executeTakeFirstOrThrow()).status;
const payments = (bookingId: string) => t.db.selectFrom('payments').selectAll().where('organization_id', '=', org.id).where('booking_id', '=', bookingId).execute();
const fee = (bookingId: string, kind: string, who: Actor = clinic.frontDesk) => t.request(`/api/bookings/${bookingId}/fees`, { cookie: who.cookie, body: { kind } });

beforeAll(async () => {
  fake = await startFakeStripe({ secretKey: SECRET });
  t = await createTestApp({ now: () => now, stripeWebhookSecret: WEBHOOK_SECRET, payments: stripeCheckout(SECRET, fake.url), stripeClient: { publishableKey: 'pk_test_dermis12345', jsUrl: fake.jsUrl } });
  org = await t.factory.org();
  clinic = await setUpClinic(t, org);
  client = await t.factory.actor(org, 'client');
  await t.request(`/api/locations/${org.locationId}/prices`, { cookie: clinic.owner.cookie, body: { serviceCode: 'pen_face', name: 'Pen', modality: 'pen', priceCents: 35_000, effectiveFrom: '2027-01-01' } });
  const put = await t.request(`/api/locations/${org.locationId}/billing-settings`, { method: 'PUT', cookie: clinic.owner.cookie, body: { ...settings, deposits: [{ serviceId: clinic.penId, kind: 'percent', value: 2000 }] } });
  expect(put.status).toBe(200);
});
afterAll(async () => {
  await t.close();
  await fake.close();
});

const csp = async (app: TestApp) => {
  const header = (await app.request('/healthz')).headers.get('content-security-policy') ?? '';
  return Object.fromEntries(header.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v])) as Record<string, string[] | undefined>;
};

describe('paying the deposit with the Payment Element', () => {
  it("the CSP lets the page load Stripe.js, draw its frames and call its origin, only there", async () => {
    const p = await csp(t);
    expect(p['script-src']).toEqual(["'self'", fake.url]);
    expect(p['frame-src']).toEqual([fake.url]);
    expect(p['connect-src']).toEqual(["'self'", fake.url]);
  });

  let bookingId: string;
  let intent: Intent;

  it('asks Stripe for an intent of exactly the deposit that saves the card, on one customer, and stores the accepted policy as evidence', async () => {
    bookingId = await book('2027-03-04T16:00:00Z');
    const s = await step(bookingId);
    expect(s).toMatchObject({ mode: 'pay_deposit', amountCents: 7000, message: 'Deposit of $70.00, paid by card now.', policyAcceptedAt: null, card: null });
    expect(s.policy.join(' ')).toContain('A missed appointment fee of $50.00 may be charged to the card on file.');
    const stale = await t.request(`/api/bookings/${bookingId}/payment-intent`, { cookie: client.cookie, body: { acceptPolicy: true, policyVersion: 'p1-000000000000' } });
    expect(stale.status).toBe(409);
    intent = await startIntent(bookingId);
    expect(intent).toMatchObject({ kind: 'payment', amountCents: 7000, stripe: { publishableKey: 'pk_test_dermis12345', jsUrl: fake.jsUrl } });
    expect(intent.clientSecret).toContain('_secret_');
    const sent = fake.calls.find((c) => c.path === '/v1/payment_intents')!;
    expect(sent.form.get('amount')).toBe('7000');
    expect(sent.form.get('setup_future_usage')).toBe('off_session');
    expect(sent.form.get('automatic_payment_methods[enabled]')).toBe('true');
    expect(sent.form.get('metadata[booking_id]')).toBe(bookingId);
    expect(sent.idempotencyKey).toBe(`deposit-intent:${client.userId}:${bookingId}:7000`);
    // one customer per client: a second intent reuses it
    await startIntent(bookingId);
    expect(fake.calls.filter((c) => c.path === '/v1/customers')).toHaveLength(1);
    const evidence = await t.db.selectFrom('booking_policy_acceptances').selectAll().where('organization_id', '=', org.id).where('booking_id', '=', bookingId).execute();
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).toMatchObject({ policy_version: s.policyVersion, policy_text: s.policy.join('\n'), accepted_by: client.userId });
    expect(evidence[0]!.ip).toMatch(/^10\.8\./);
    expect((await step(bookingId)).policyAcceptedAt).not.toBeNull();
  });

  it('a declined card records nothing, leaves the deposit due and says so plainly', async () => {
    await fake.confirm(intent.intentId, '4000 0000 0000 0002');
    expect(await confirm(intent.intentId)).toEqual({ state: 'declined', paymentId: null, message: 'Your card was declined. Try another card or pay at the desk.' });
    expect((await webhook('payment_intent.payment_failed', intent.intentId)).status).toBe(200);
    expect(await depositStatus(bookingId)).toBe('due');
    expect(await payments(bookingId)).toHaveLength(0);
    expect((await step(bookingId)).mode).toBe('pay_deposit');
  });

  it('a 3-D Secure challenge is not paid until authenticated; completion known only from the signed webhook records one payment, replays nothing', async () => {
    await fake.confirm(intent.intentId, '4000 0027 6000 3184');
    expect((await confirm(intent.intentId)).state).toBe('pending');
    expect(await depositStatus(bookingId)).toBe('due');
    await fake.authenticate(intent.intentId);
    // the client closed the tab: only Stripe's webhook tells
    const first = await webhook('payment_intent.succeeded', intent.intentId);
    expect(await first.json()).toEqual({ received: true, recorded: true });
    expect((await webhook('payment_intent.succeeded', intent.intentId)).status).toBe(200);
    const rows = await payments(bookingId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ method: 'card_online', purpose: 'deposit', amount_cents: 7000, external_ref: intent.intentId, recorded_by: client.userId });
    expect(await depositStatus(bookingId)).toBe('paid');
    // the client coming back later finds the same payment, and the card's digits are filled in
    expect((await confirm(intent.intentId)).paymentId).toBe(rows[0]!.id);
    expect(await step(bookingId)).toMatchObject({ mode: 'done', card: { brand: 'visa', last4: '3184' } });
    const forged = await t.app.request('/api/webhooks/stripe', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=00' } });
    expect(forged.status).toBe(400);
  });

  it('another client of the clinic cannot confirm the intent', async () => {
    const other = await t.factory.actor(org, 'client');
    expect((await t.request(`/api/card-intents/${intent.intentId}/confirm`, { cookie: other.cookie, method: 'POST' })).status).toBe(404);
  });
});

describe('fees charged to the saved card', () => {
  it('a late-cancel fee is charged off-session once, audited, invoiced and a receipt queued', async () => {
    const bookingId = await book('2027-03-01T20:00:00Z');
    const i = await startIntent(bookingId);
    await fake.confirm(i.intentId, '4242 4242 4242 4242');
    expect(await confirm(i.intentId)).toMatchObject({ state: 'paid', message: 'Deposit paid. Thank you.' });
    // a booking not late-cancelled is refused
    const early = await fee(bookingId, 'late_cancel');
    expect(early.status).toBe(409);
    expect(((await early.json()) as { detail: string }).detail).toBe('This booking was not cancelled late, so no late cancellation fee can be charged.');
    expect((await t.request(`/api/bookings/${bookingId}/cancel`, { cookie: clinic.frontDesk.cookie, body: { reason: 'Client called late' } })).status).toBe(200);
    // roles that may not charge
    expect((await fee(bookingId, 'late_cancel', clinic.provider)).status).toBe(403);
    expect((await fee(bookingId, 'late_cancel', client)).status).toBe(403);
    expect((await fee(bookingId, 'no_show')).status).toBe(409);
    const first = await fee(bookingId, 'late_cancel');
    expect(first.status).toBe(201);
    const out = (await first.json()) as { payment: { id: string; amountCents: number; method: string }; invoiceId: string; replayed: boolean; receiptQueued: boolean };
    expect(out).toMatchObject({ payment: { amountCents: 2500, method: 'card_online' }, replayed: false, receiptQueued: true });
    const again = await fee(bookingId, 'late_cancel');
    expect(again.status).toBe(200);
    expect(((await again.json()) as { payment: { id: string }; replayed: boolean })).toMatchObject({ payment: { id: out.payment.id }, replayed: true });
    // Stripe's webhook of the fee's intent records nothing more
    const feeIntent = [...fake.intents.values()].find((o) => (o.metadata as Record<string, string>).purpose === 'fee')!;
    expect(await (await webhook('payment_intent.succeeded', feeIntent.id)).json()).toEqual({ received: true, recorded: false });
    expect((await payments(bookingId)).filter((p) => p.invoice_id === out.invoiceId)).toHaveLength(1);
    const charges = fake.calls.filter((c) => c.path === '/v1/payment_intents' && c.form.get('off_session') === 'true');
    expect(charges).toHaveLength(1);
    expect(Object.fromEntries(['confirm', 'payment_method', 'amount'].map((k) => [k, charges[0]!.form.get(k)]))).toEqual({ confirm: 'true', payment_method: 'pm_card_visa', amount: '2500' });
    expect(charges[0]!.idempotencyKey).toBe(`fee:${org.id}:${bookingId}:late_cancel:pm_card_visa`);
    const inv = await t.db.selectFrom('invoices').selectAll().where('organization_id', '=', org.id).where('id', '=', out.invoiceId).executeTakeFirstOrThrow();
    expect(inv).toMatchObject({ status: 'paid', total_cents: 2500 });
    const audit = await t.db.selectFrom('audit_events').select(['action', 'actor_user_id']).where('organization_id', '=', org.id).where('action', 'in', ['booking.fee', 'booking.fee.replay']).execute();
    expect(audit).toEqual([{ action: 'booking.fee', actor_user_id: clinic.frontDesk.userId }, { action: 'booking.fee.replay', actor_user_id: clinic.frontDesk.userId }]);
    const mail = await t.db.selectFrom('outbox_messages').selectAll().where('organization_id', '=', org.id).where('kind', '=', 'billing.receipt').execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.body_text).toContain('$25.00');
  });

  it('a no-show fee the bank wants authenticated, or declines, answers 409 and records nothing', async () => {
    const bookingId = await book('2027-03-01T17:00:00Z');
    now = new Date('2027-03-01T18:00:00Z');
    expect((await t.request(`/api/bookings/${bookingId}/no-show`, { cookie: clinic.frontDesk.cookie, method: 'POST' })).status).toBe(200);
    const setCard = (pm: string) => t.db.updateTable('client_payment_profiles').set({ payment_method_id: pm }).where('organization_id', '=', org.id).where('client_id', '=', client.clientId!).execute();
    await setCard('pm_card_authenticationRequired');
    const auth = await fee(bookingId, 'no_show');
    expect(auth.status).toBe(409);
    expect(((await auth.json()) as { detail: string }).detail).toContain('wants the client to confirm this charge, so $50.00 was not charged');
    await setCard('pm_card_chargeDeclined');
    const declined = await fee(bookingId, 'no_show');
    expect(declined.status).toBe(409);
    expect(((await declined.json()) as { detail: string }).detail).toContain('The card was declined, so $50.00 was not charged.');
    expect((await payments(bookingId)).filter((p) => p.invoice_id)).toHaveLength(0);
    // a card that works, saved later, is a new attempt and is charged
    await setCard('pm_card_visa');
    expect((await fee(bookingId, 'no_show', clinic.owner)).status).toBe(201);
    const declines = await t.db.selectFrom('audit_events').select('action').where('organization_id', '=', org.id).where('action', '=', 'booking.fee.declined').execute();
    expect(declines).toHaveLength(2);
  });
});

describe('a location that keeps a card on file', () => {
  it('asks no deposit and saves a card with a SetupIntent, charging nothing', async () => {
    await t.request(`/api/locations/${org.locationId}/billing-settings`, { method: 'PUT', cookie: clinic.owner.cookie, body: { ...settings, holdPolicy: 'card_on_file', deposits: [{ serviceId: clinic.penId, kind: 'percent', value: 2000 }] } });
    const newcomer = await t.factory.actor(org, 'client');
    const bookingId = await book('2027-03-06T16:00:00Z', newcomer);
    expect(await step(bookingId, newcomer)).toMatchObject({ mode: 'save_card', amountCents: 0, message: 'Save a card to hold this booking. Nothing is charged now.' });
    const i = await startIntent(bookingId, newcomer);
    expect(i).toMatchObject({ kind: 'setup', amountCents: 0 });
    expect(i.intentId).toMatch(/^seti_/);
    await fake.confirm(i.intentId, '4242424242424242');
    expect(await confirm(i.intentId, newcomer)).toEqual({ state: 'card_saved', paymentId: null, message: 'Card saved. Nothing was charged.' });
    expect((await webhook('setup_intent.succeeded', i.intentId)).status).toBe(200);
    expect(await step(bookingId, newcomer)).toMatchObject({ mode: 'done', card: { brand: 'visa', last4: '4242' } });
    expect(await t.db.selectFrom('payments').selectAll().where('organization_id', '=', org.id).where('client_id', '=', newcomer.clientId!).execute()).toHaveLength(0);
    expect(await t.db.selectFrom('audit_events').select('action').where('organization_id', '=', org.id).where('action', '=', 'card.saved').where('client_id', '=', newcomer.clientId!).execute()).toHaveLength(1);
  });
});

describe('without Stripe keys', () => {
  it('the terms and the booking say the deposit is due at the desk, and paying online is refused plainly', async () => {
    const plain = await createTestApp({ now: () => now });
    try {
      const o = await plain.factory.org();
      const c = await setUpClinic(plain, o);
      const cl = await plain.factory.actor(o, 'client');
      await plain.request(`/api/locations/${o.locationId}/prices`, { cookie: c.owner.cookie, body: { serviceCode: 'pen_face', name: 'Pen', modality: 'pen', priceCents: 35_000, effectiveFrom: '2027-01-01' } });
      await plain.request(`/api/locations/${o.locationId}/billing-settings`, { method: 'PUT', cookie: c.owner.cookie, body: { ...settings, deposits: [{ serviceId: c.penId, kind: 'amount', value: 5000 }] } });
      const terms = (await (await plain.request(`/api/locations/${o.locationId}/booking-terms?serviceId=${c.penId}&date=2027-03-04`, { cookie: cl.cookie })).json()) as { paymentNote: string };
      expect(terms.paymentNote).toBe('Deposit of $50.00 due at the desk.');
      const p = await csp(plain);
      expect(p['script-src']).toEqual(["'self'"]);
      expect(p['frame-src']).toBeUndefined();
      const b = await plain.request('/api/bookings', { cookie: c.frontDesk.cookie, body: { locationId: o.locationId, serviceId: c.penId, clientId: cl.clientId, start: '2027-03-04T16:00:00Z', idempotencyKey: `plain-${o.id}`, override: { reason: 'Readiness tested elsewhere' } } });
      const bookingId = ((await b.json()) as { id: string }).id;
      const s = (await (await plain.request(`/api/bookings/${bookingId}/deposit-step`, { cookie: c.frontDesk.cookie })).json()) as Step & { stripe: unknown };
      expect(s).toMatchObject({ mode: 'at_desk', amountCents: 5000, message: 'Deposit of $50.00 due at the desk.', stripe: null });
      const res = await plain.request(`/api/bookings/${bookingId}/payment-intent`, { cookie: cl.cookie, body: { acceptPolicy: true, policyVersion: s.policyVersion } });
      expect(res.status).toBe(409);
      expect(((await res.json()) as { detail: string }).detail).toBe('Card payment online is not set up at this clinic. The deposit is due at the desk.');
    } finally {
      await plain.close();
    }
  });
});
