// Paying a deposit online from the phone: Dermis sends the client to the card processor's hosted
// page and records the payment when the client comes back and the processor says it is paid. The
// processor here is a Stripe-shaped server on loopback with a one-button "card page" (the real Stripe
// cannot be reached from this machine).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuite } from './support/suite.js';
import { slotsOf, type CompactAvailability } from '../tests/support/free-slots.js';
import { PHONE, seriousA11yViolations, shot } from './support/browser.js';
import { apiOf, makeReadyForPen, registerClient } from './support/flows.js';

const sessions = new Map<string, { successUrl: string; amount: number; metadata: Record<string, string>; paid: boolean }>();
const stripe = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    const port = (stripe.address() as AddressInfo).port;
    const payPage = /^\/pay\/(\w+)$/.exec(req.url ?? '');
    if (payPage) {
      const s = sessions.get(payPage[1]!)!;
      if (req.method === 'POST') {
        s.paid = true;
        res.writeHead(303, { location: s.successUrl.replace('{CHECKOUT_SESSION_ID}', payPage[1]!) }).end();
      } else {
        res.setHeader('content-type', 'text/html');
        res.end(`<!doctype html><html lang="en"><title>Test card page</title><main><h1>Test card page</h1><form method="post"><button>Pay ${(s.amount / 100).toFixed(2)} USD</button></form></main></html>`);
      }
      return;
    }
    res.setHeader('content-type', 'application/json');
    if (req.headers.authorization !== 'Bearer sk_test_e2eonline1') return void res.writeHead(401).end('{}');
    if (req.method === 'POST' && req.url === '/v1/checkout/sessions') {
      const form = new URLSearchParams(body);
      const id = `cs_test_e2e${sessions.size + 1}`;
      const metadata = Object.fromEntries([...form].filter(([k]) => k.startsWith('metadata[')).map(([k, v]) => [k.slice(9, -1), v]));
      sessions.set(id, { successUrl: form.get('success_url')!, amount: Number(form.get('line_items[0][price_data][unit_amount]')), metadata, paid: false });
      return void res.end(JSON.stringify({ id, url: `http://127.0.0.1:${port}/pay/${id}` }));
    }
    const id = (req.url ?? '').split('/').pop()!;
    const s = sessions.get(id);
    if (!s) return void res.writeHead(404).end('{}');
    res.end(JSON.stringify({ id, payment_status: s.paid ? 'paid' : 'unpaid', amount_total: s.amount, currency: 'usd', metadata: s.metadata, payment_intent: 'pi_test_e2e' }));
  });
});

// the Stripe-shaped server first: the Dermis server is pointed at its port
beforeAll(() => new Promise<void>((r) => stripe.listen(0, '127.0.0.1', r)));
afterAll(() => void stripe.close());
const suite = browserSuite(() => ({ STRIPE_SECRET_KEY: 'sk_test_e2eonline1', STRIPE_API_BASE: `http://127.0.0.1:${(stripe.address() as AddressInfo).port}` }));

describe('online payment in the browser', () => {
  it('a client pays a booking deposit by card on the phone and sees it paid', async () => {
    const ctx = await suite.browser.newContext(PHONE);
    const page = await ctx.newPage();
    await registerClient(page, suite, 'Kai', 'Moss', 'kai.moss@example.com');
    const client = apiOf(ctx, suite.server.url);
    const me = (await client.get('/api/me')) as { clientId: string };
    const today = new Date().toISOString().slice(0, 10);
    await makeReadyForPen(client, me.clientId, { date: today, areas: ['cheeks'], concern: 'fine_lines', dateOfBirth: '1992-06-06' });
    const org = (await client.get('/api/organization')) as { locations: { id: string; name: string }[] };
    const austin = org.locations.find((l) => l.name.startsWith('Austin'))!;
    const services = (await client.get('/api/services')) as { items: { id: string; code: string }[] };
    const pen = services.items.find((s) => s.code === 'pen_face')!;
    const from = today;
    const to = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const avail = slotsOf((await client.get(`/api/locations/${austin.id}/availability?serviceId=${pen.id}&from=${from}&to=${to}`)) as unknown as CompactAvailability);
    await client.post('/api/bookings', { locationId: austin.id, serviceId: pen.id, clientId: me.clientId, start: avail[0]!.start, idempotencyKey: `online-${Date.now()}` });

    await page.goto(`${suite.server.url}/portal/care`);
    await page.getByRole('heading', { name: 'Deposits due' }).waitFor();
    await page.getByRole('button', { name: /^Pay online: deposit/ }).click();
    await page.getByRole('heading', { name: 'Test card page' }).waitFor();
    await page.getByRole('button', { name: /^Pay / }).click();
    await page.waitForURL(/\/portal\/care/);
    await page.getByText('Payment received').waitFor();
    await expect.poll(() => page.getByRole('heading', { name: 'Deposits due' }).count()).toBe(0);
    await page.getByText(/Deposit · Card \(online\)/).waitFor();
    await shot(page, 'online-deposit-paid-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);
    const statement = (await client.get(`/api/clients/${me.clientId}/billing`)) as { deposits: { status: string }[]; payments: { method: string }[] };
    expect(statement.deposits[0]!.status).toBe('paid');
    expect(statement.payments[0]!.method).toBe('card_online');
    await ctx.close();
  });
});
