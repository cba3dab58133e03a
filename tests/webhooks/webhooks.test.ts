// Webhooks (issue 15, item 6) against a real HTTP receiver on loopback: signed per Standard Webhooks
// (verified with the standardwebhooks package), ids only in the body, written with the change itself,
// retried with growing waits while the receiver fails, delivered once it recovers, replayed from the
// log with the same webhook-id, and kept to the owner of the clinic.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Org } from '../support/factory.js';
import { setUpClinic, type Clinic } from '../support/clinic.js';
import { slotsOf, type CompactAvailability } from '../support/free-slots.js';
import { deliverWebhooks, RETRY_WAITS_S } from '../../src/services/webhooks/deliver-webhooks.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

// the real time: receivers check the signature's timestamp against their own clock (5 minutes' tolerance)
let now = new Date();
let t: TestApp;
let org: Org;
let clinic: Clinic;
let receiver: Server;
let url: string;
const received: Received[] = [];
/** the receiver answers 500 this many more times, then 204 */
let failures = 0;
let endpointId: string;
let secret: string;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(failures-- > 0 ? 500 : 204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/dermis`;
  t = await createTestApp({ now: () => now });
  org = await t.factory.org('Webhook Spa');
  clinic = await setUpClinic(t, org);
}, 60_000);
afterAll(async () => {
  await t.close();
  await new Promise((resolve) => receiver.close(resolve));
});

const owner = () => clinic.owner.cookie;
const deliver = () => deliverWebhooks(t.db, t.secrets, () => now);
const later = (seconds: number) => (now = new Date(now.getTime() + seconds * 1000));
interface Delivery { id: string; status: string; attempts: number; lastStatus: number | null; lastError: string | null; eventType: string; replayOf: string | null; nextAttemptAt: string | null; payload: { type: string; data: Record<string, string | null> } }
const log = async () => ((await (await t.request('/api/webhooks', { cookie: owner() })).json()) as { deliveries: Delivery[]; endpoints: { id: string }[] });
const newClient = async (email: string) => {
  const res = await t.request('/api/clients', { cookie: clinic.frontDesk.cookie, body: { firstName: 'Hook', lastName: 'Client', email } });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
};
const verified = (r: Received) => new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as { type: string; timestamp: string; data: Record<string, string> };

describe('webhooks', () => {
  it('registers an endpoint and answers its signing secret once; the secret is kept sealed', async () => {
    const res = await t.request('/api/webhooks', { cookie: owner(), body: { url, description: 'Accounting sync', events: ['client.created', 'booking.created'] } });
    expect(res.status, await res.clone().text()).toBe(201);
    const created = (await res.json()) as { endpoint: { id: string; url: string; events: string[] }; secret: string };
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    expect(created.endpoint.events).toEqual(['client.created', 'booking.created']);
    ({ secret } = created);
    endpointId = created.endpoint.id;
    const listed = await t.request('/api/webhooks', { cookie: owner() });
    expect(await listed.text()).not.toContain(secret.slice(6));
    const row = await t.db.selectFrom('webhook_endpoints').select('secret_sealed').where('id', '=', endpointId).executeTakeFirstOrThrow();
    expect(row.secret_sealed).not.toContain(secret.slice(6));
  });

  it('refuses an address that is not https (or http to this machine) and an empty event list, naming the field', async () => {
    for (const [body, field] of [
      [{ url: 'http://hooks.example.com/x', events: ['client.created'] }, 'url'],
      [{ url: 'ftp://127.0.0.1/x', events: ['client.created'] }, 'url'],
      [{ url: 'not an address', events: ['client.created'] }, 'url'],
      [{ url: 'https://user:pw@hooks.example.com/x', events: ['client.created'] }, 'url'],
      [{ url, events: [] }, 'events'],
      [{ url, events: ['chart.deleted'] }, 'events'],
    ] as const) {
      const res = await t.request('/api/webhooks', { cookie: owner(), body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      const problem = (await res.json()) as { errors: { path: string; message: string }[] };
      expect(problem.errors.map((e) => e.path.split(/[.[]/)[0])).toContain(field);
      for (const e of problem.errors) expect(e.message).not.toMatch(/expected|Invalid|regex/);
    }
  });

  it('sends a signed event with ids only, written with the change itself', async () => {
    const clientId = await newClient('hook-one@example.com');
    // a change that fails writes nothing
    expect((await t.request('/api/clients', { cookie: clinic.frontDesk.cookie, body: { firstName: '', lastName: 'X' } })).status).toBe(400);
    expect((await log()).deliveries.map((d) => d.status)).toEqual(['pending']);
    expect(await deliver()).toBe(1);
    expect(received).toHaveLength(1);
    const event = verified(received[0]!);
    expect(event.type).toBe('client.created');
    expect(event.data).toEqual({ organizationId: org.id, clientId });
    expect(received[0]!.body).not.toMatch(/Hook|hook-one/);
    expect(received[0]!.headers['webhook-id']).toMatch(/^msg_/);
    // a tampered body fails the receiver's check
    expect(() => new Webhook(secret).verify(received[0]!.body.replace(clientId, org.id), received[0]!.headers as Record<string, string>)).toThrow();
    const [d] = (await log()).deliveries;
    expect(d).toMatchObject({ status: 'delivered', attempts: 1, lastStatus: 204, lastError: null, eventType: 'client.created' });
  });

  it('retries a failing receiver with growing waits, and delivers once it recovers', async () => {
    failures = 2;
    received.length = 0;
    await newClient('hook-two@example.com');
    await deliver();
    let [d] = (await log()).deliveries;
    expect(d).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 500, lastError: 'The endpoint answered 500' });
    expect(Date.parse(d!.nextAttemptAt!) - now.getTime()).toBe(RETRY_WAITS_S[0]! * 1000);
    // not due yet: nothing is sent
    expect(await deliver()).toBe(0);
    later(RETRY_WAITS_S[0]!);
    await deliver();
    later(RETRY_WAITS_S[1]!);
    await deliver();
    [d] = (await log()).deliveries;
    expect(d).toMatchObject({ status: 'delivered', attempts: 3, lastStatus: 204, lastError: null });
    expect(received).toHaveLength(3);
    // every attempt carries the same webhook-id, so the receiver can ignore repeats
    expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(1);
  });

  it('gives up after the last wait and says why; a receiver that cannot be reached is named as such', async () => {
    await newClient('hook-three@example.com');
    const [pending] = (await log()).deliveries;
    await t.db.updateTable('webhook_deliveries').set({ attempts: RETRY_WAITS_S.length }).where('id', '=', pending!.id).execute();
    failures = 1;
    await deliver();
    const [d] = (await log()).deliveries;
    expect(d).toMatchObject({ status: 'failed', attempts: RETRY_WAITS_S.length + 1, lastError: 'The endpoint answered 500', nextAttemptAt: null });
    // a port that nothing listens on any more
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const dead = await t.request('/api/webhooks', { cookie: owner(), body: { url: `http://127.0.0.1:${port}/nobody`, events: ['review.published'] } });
    const deadId = ((await dead.json()) as { endpoint: { id: string } }).endpoint.id;
    expect((await t.request(`/api/webhooks/${deadId}/test`, { method: 'POST', cookie: owner() })).status).toBe(201);
    await deliver();
    expect((await log()).deliveries.find((x) => x.eventType === 'webhook.test')).toMatchObject({ status: 'pending', attempts: 1, lastStatus: null, lastError: 'The endpoint refused the connection' });
    expect((await t.request(`/api/webhooks/${deadId}`, { method: 'DELETE', cookie: owner() })).status).toBe(204);
  });

  it('replays a delivery from the log with the same body and webhook-id', async () => {
    received.length = 0;
    const [failed] = (await log()).deliveries;
    const res = await t.request(`/api/webhooks/deliveries/${failed!.id}/replay`, { method: 'POST', cookie: owner() });
    expect(res.status).toBe(201);
    const replay = (await res.json()) as Delivery;
    expect(replay).toMatchObject({ status: 'pending', replayOf: failed!.id, eventType: 'client.created' });
    await deliver();
    expect(received).toHaveLength(1);
    expect(received[0]!.headers['webhook-id']).toBe(`msg_${failed!.id}`);
    expect(verified(received[0]!).data).toEqual(failed!.payload.data);
    expect((await log()).deliveries.find((d) => d.id === replay.id)!.status).toBe('delivered');
  });

  it('sends a test event on request, and only subscribed events otherwise', async () => {
    received.length = 0;
    const res = await t.request(`/api/webhooks/${endpointId}/test`, { method: 'POST', cookie: owner() });
    expect(res.status).toBe(201);
    // a price change is not an event this endpoint takes (nor any event at all)
    await t.request(`/api/locations/${org.locationId}/prices`, { cookie: owner(), body: { serviceCode: 'pen_face', name: 'Pen', modality: 'pen', priceCents: 30_000, effectiveFrom: '2027-01-01' } });
    await deliver();
    expect(received.map((r) => verified(r).type)).toEqual(['webhook.test']);
  });

  it('announces a booking made through the API, and a cancelled one not to an endpoint that did not ask', async () => {
    received.length = 0;
    const clientId = await newClient('hook-booked@example.com');
    await deliver();
    received.length = 0;
    const day = new Date(now.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
    const a = (await (await t.request(`/api/locations/${org.locationId}/availability?serviceId=${clinic.consultationId}&from=${day}&to=${day}`, { cookie: clinic.frontDesk.cookie })).json()) as CompactAvailability;
    const [slot] = slotsOf(a);
    const res = await t.request('/api/bookings', { cookie: clinic.frontDesk.cookie, body: { locationId: org.locationId, serviceId: clinic.consultationId, clientId, start: slot!.start, idempotencyKey: `hook-booking-${Date.now()}` } });
    expect(res.status, await res.clone().text()).toBe(201);
    const bookingId = ((await res.json()) as { id: string }).id;
    expect((await t.request(`/api/bookings/${bookingId}/cancel`, { cookie: clinic.frontDesk.cookie, body: { reason: 'Client asked' } })).status).toBe(200);
    await deliver();
    expect(received.map((r) => verified(r))).toEqual([expect.objectContaining({ type: 'booking.created', data: { organizationId: org.id, bookingId, clientId } })]);
  });

  it("is the owner's alone: other roles are refused, another clinic finds nothing", async () => {
    for (const who of [clinic.frontDesk, clinic.provider]) expect((await t.request('/api/webhooks', { cookie: who.cookie })).status).toBe(403);
    const other = await t.factory.org('Other Hook Spa');
    const otherOwner = await t.factory.actor(other, 'owner');
    const [d] = (await log()).deliveries;
    expect((await t.request(`/api/webhooks/deliveries/${d!.id}/replay`, { method: 'POST', cookie: otherOwner.cookie })).status).toBe(404);
    expect((await t.request(`/api/webhooks/${endpointId}/test`, { method: 'POST', cookie: otherOwner.cookie })).status).toBe(404);
    expect(((await (await t.request('/api/webhooks', { cookie: otherOwner.cookie })).json()) as { deliveries: unknown[] }).deliveries).toEqual([]);
    expect((await t.request(`/api/webhooks/${endpointId}`, { method: 'DELETE', cookie: otherOwner.cookie })).status).toBe(404);
    expect((await t.request(`/api/webhooks/${endpointId}`, { method: 'DELETE', cookie: owner() })).status).toBe(204);
    expect((await log()).endpoints).toEqual([]);
  });
});
