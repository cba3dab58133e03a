// Online card payment through the Stripe adapter, against a Stripe-shaped HTTP server on loopback (the
// real Stripe API is out of reach here): the form Stripe expects, our idempotency key, and a payment
// recorded only when the processor says it is paid, and only once.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Actor, Org } from '../support/factory.js';
import { setUpClinic, type Clinic } from '../support/clinic.js';
import { stripeCheckout } from '../../src/adapters/payments/stripe-checkout.js';

const clock = new Date('2027-03-01T14:00:00Z');
const WEBHOOK_SECRET = 'whsec_dermistest123';
const signed = (body: string, at = clock.getTime()) => {
  const t = Math.floor(at / 1000);
  return `t=${t},v1=${createHmac('sha256', WEBHOOK_SECRET).update(`${t}.${body}`).digest('hex')}`;
};
let t: TestApp;
let org: Org;
let clinic: Clinic;
let client: Actor;
let bookingId: string;
const seen: { headers: IncomingMessage['headers']; form: URLSearchParams }[] = [];
const sessions = new Map<string, { metadata: Record<string, string>; amount: number; paid: boolean }>();
const stripe = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    res.setHeader('content-type', 'application/json');
    if (req.headers.authorization !== 'Bearer sk_test_dermis12345') return void res.writeHead(401).end('{"error":{"message":"bad key"}}');
    if (req.method === 'POST' && req.url === '/v1/checkout/sessions') {
      const form = new URLSearchParams(body);
      seen.push({ headers: req.headers, form });
      const id = `cs_test_${sessions.size + 1}abcdefgh`;
      const metadata = Object.fromEntries([...form].filter(([k]) => k.startsWith('metadata[')).map(([k, v]) => [k.slice(9, -1), v]));
      sessions.set(id, { metadata, amount: Number(form.get('line_items[0][price_data][unit_amount]')), paid: false });
      return void res.end(JSON.stringify({ id, url: `https://checkout.stripe.test/${id}` }));
    }
    const s = sessions.get(decodeURIComponent(req.url!.split('/').pop()!));
    if (req.method === 'GET' && s) return void res.end(JSON.stringify({ id: req.url!.split('/').pop(), payment_status: s.paid ? 'paid' : 'unpaid', amount_total: s.amount, currency: 'usd', metadata: s.metadata, payment_intent: 'pi_test_1' }));
    res.writeHead(404).end('{"error":{"message":"no such session"}}');
  });
});

beforeAll(async () => {
  await new Promise<void>((r) => stripe.listen(0, '127.0.0.1', r));
  t = await createTestApp({ now: () => clock, stripeWebhookSecret: WEBHOOK_SECRET, payments: stripeCheckout('sk_test_dermis12345', `http://127.0.0.1:${(stripe.address() as AddressInfo).port}`) });
  org = await t.factory.org();
  clinic = await setUpClinic(t, org);
  client = await t.factory.actor(org, 'client');
  await t.request(`/api/locations/${org.locationId}/prices`, { cookie: clinic.owner.cookie, body: { serviceCode: 'pen_face', name: 'Pen', modality: 'pen', priceCents: 35_000, effectiveFrom: '2027-01-01' } });
  await t.request(`/api/locations/${org.locationId}/billing-settings`, {
    method: 'PUT', cookie: clinic.owner.cookie,
    body: { taxRateBp: 0, taxServices: false, lateCancelKeepsDeposit: true, noShowKeepsDeposit: true, lateCancelForfeitsSession: true, noShowForfeitsSession: true, packageRefundFeeBp: 0, deposits: [{ serviceId: clinic.penId, kind: 'percent', value: 2000 }] },
  });
  const b = await t.request('/api/bookings', { cookie: clinic.frontDesk.cookie, body: { locationId: org.locationId, serviceId: clinic.penId, clientId: client.clientId, start: '2027-03-04T16:00:00Z', idempotencyKey: `online-${org.id}`, override: { reason: 'Readiness tested elsewhere' } } });
  bookingId = ((await b.json()) as { id: string }).id;
});
afterAll(async () => {
  await t.close();
  stripe.close();
});

const deposit = async () => ((await (await t.request(`/api/bookings/${bookingId}/billing`, { cookie: client.cookie })).json()) as { deposit: { status: string } }).deposit.status;

describe('online payment of a deposit', () => {
  it('sends Stripe the amount, our key and ids only; records the payment once Stripe says paid, once', async () => {
    const start = await t.request('/api/checkout', { cookie: client.cookie, body: { kind: 'deposit', bookingId } });
    expect(start.status).toBe(201);
    const { id, url } = (await start.json()) as { id: string; url: string };
    expect(url).toBe(`https://checkout.stripe.test/${id}`);
    const sent = seen[0]!;
    expect(sent.form.get('line_items[0][price_data][unit_amount]')).toBe('7000');
    expect(sent.form.get('mode')).toBe('payment');
    expect(sent.form.get('success_url')).toContain('{CHECKOUT_SESSION_ID}');
    // the caller's own key at Stripe: the desk starting a checkout for the same deposit gets its own session
    expect(sent.headers['idempotency-key']).toBe(`checkout:${client.userId}:deposit:${bookingId}:7000`);
    expect(sent.form.get('line_items[0][price_data][product_data][name]')).toBe('Booking deposit');

    const confirm = () => t.request(`/api/checkout/${id}/confirm`, { cookie: client.cookie, method: 'POST' });
    expect(await (await confirm()).json()).toEqual({ paid: false, paymentId: null });
    expect(await deposit()).toBe('due');
    sessions.get(id)!.paid = true;
    const first = (await (await confirm()).json()) as { paid: boolean; paymentId: string };
    const second = (await (await confirm()).json()) as { paid: boolean; paymentId: string };
    expect(first.paid).toBe(true);
    expect(second.paymentId).toBe(first.paymentId);
    expect(await deposit()).toBe('paid');
    const payments = await t.db.selectFrom('payments').selectAll().where('organization_id', '=', org.id).execute();
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ method: 'card_online', amount_cents: 7000, external_ref: 'pi_test_1' });
  });

  it("Stripe's signed webhook records a payment once, for a client who never came back; a bad or stale signature is refused", async () => {
    const b = await t.request('/api/bookings', { cookie: clinic.frontDesk.cookie, body: { locationId: org.locationId, serviceId: clinic.penId, clientId: client.clientId, start: '2027-03-05T16:00:00Z', idempotencyKey: `online-2-${org.id}`, override: { reason: 'Readiness tested elsewhere' } } });
    const second = ((await b.json()) as { id: string }).id;
    const start = (await (await t.request('/api/checkout', { cookie: client.cookie, body: { kind: 'deposit', bookingId: second } })).json()) as { id: string };
    const s = sessions.get(start.id)!;
    const event = JSON.stringify({ id: 'evt_1', type: 'checkout.session.completed', data: { object: { id: start.id, payment_status: 'paid', amount_total: s.amount, currency: 'usd', metadata: s.metadata, payment_intent: 'pi_test_2' } } });
    const post = (sig: string) => t.app.request('/api/webhooks/stripe', { method: 'POST', body: event, headers: { 'content-type': 'application/json', 'stripe-signature': sig } });
    const forged = await post(`t=${Math.floor(clock.getTime() / 1000)},v1=${'0'.repeat(64)}`);
    expect(forged.status).toBe(400);
    expect(((await forged.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe('stripe-signature');
    expect((await post(signed(event, clock.getTime() - 10 * 60_000))).status).toBe(400);
    const first = await post(signed(event));
    expect(await first.json()).toEqual({ received: true, recorded: true });
    expect((await post(signed(event))).status).toBe(200);
    const rows = await t.db.selectFrom('payments').selectAll().where('organization_id', '=', org.id).where('booking_id', '=', second).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ method: 'card_online', external_ref: 'pi_test_2', recorded_by: client.userId });
    // the client coming back later finds it already recorded
    const back = (await (await t.request(`/api/checkout/${start.id}/confirm`, { cookie: client.cookie, method: 'POST' })).json()) as { paymentId: string };
    expect(back.paymentId).toBe(rows[0]!.id);
  });

  it('another client of the clinic learns nothing of a paid session: refused before any lookup; replays are audited', async () => {
    const id = [...sessions.keys()][0]!;
    const other = await t.factory.actor(org, 'client');
    const res = await t.request(`/api/checkout/${id}/confirm`, { cookie: other.cookie, method: 'POST' });
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('paymentId');
    const replays = await t.db.selectFrom('audit_events').select(['action', 'actor_user_id']).where('organization_id', '=', org.id).where('action', '=', 'payment.online.replay').execute();
    // the client's second confirm, the webhook's second delivery, the client back after the webhook
    expect(replays).toEqual([
      { action: 'payment.online.replay', actor_user_id: client.userId },
      { action: 'payment.online.replay', actor_user_id: null },
      { action: 'payment.online.replay', actor_user_id: client.userId },
    ]);
  });

  it('another organization cannot confirm the session', async () => {
    const otherOrg = await t.factory.org('Other Spa');
    const stranger = await t.factory.actor(otherOrg, 'owner');
    const id = [...sessions.keys()][0]!;
    expect((await t.request(`/api/checkout/${id}/confirm`, { cookie: stranger.cookie, method: 'POST' })).status).toBe(404);
  });
});
