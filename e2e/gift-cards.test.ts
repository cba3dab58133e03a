// A gift card bought online by a visitor who is not signed in (the clinic's public page, paid on a
// Stripe-shaped card page on loopback), its code read from the recipient's email, then redeemed at the
// desk on an invoice in the payment dialog; the console's gift card page shows it spent.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuite } from './support/suite.js';
import { DESKTOP, PHONE, seriousA11yViolations, shot } from './support/browser.js';
import { apiOf, signIn } from './support/flows.js';
import { waitForMail } from '../tests/support/smtp.js';

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
    if (req.headers.authorization !== 'Bearer sk_test_e2egift1') return void res.writeHead(401).end('{}');
    if (req.method === 'POST' && req.url === '/v1/checkout/sessions') {
      const form = new URLSearchParams(body);
      const id = `cs_test_gift${sessions.size + 1}`;
      const metadata = Object.fromEntries([...form].filter(([k]) => k.startsWith('metadata[')).map(([k, v]) => [k.slice(9, -1), v]));
      sessions.set(id, { successUrl: form.get('success_url')!, amount: Number(form.get('line_items[0][price_data][unit_amount]')), metadata, paid: false });
      return void res.end(JSON.stringify({ id, url: `http://127.0.0.1:${port}/pay/${id}` }));
    }
    const id = (req.url ?? '').split('/').pop()!;
    const s = sessions.get(id);
    if (!s) return void res.writeHead(404).end('{}');
    res.end(JSON.stringify({ id, payment_status: s.paid ? 'paid' : 'unpaid', amount_total: s.amount, currency: 'usd', metadata: s.metadata, payment_intent: 'pi_test_gift' }));
  });
});

beforeAll(() => new Promise<void>((r) => stripe.listen(0, '127.0.0.1', r)));
afterAll(() => void stripe.close());
const suite = browserSuite(() => ({ STRIPE_SECRET_KEY: 'sk_test_e2egift1', STRIPE_API_BASE: `http://127.0.0.1:${(stripe.address() as AddressInfo).port}` }));

describe('gift cards in the browser', () => {
  it('a visitor buys a gift card on the clinic page; the desk redeems its code on an invoice', async () => {
    const url = suite.server.url;
    // a visitor, not signed in, on the phone
    const visitorCtx = await suite.browser.newContext(PHONE);
    const vp = await visitorCtx.newPage();
    await vp.goto(`${url}/clinics/glow/gift-cards`);
    await vp.getByRole('heading', { name: 'Buy a gift card' }).waitFor();
    await vp.getByLabel('Amount').fill('80');
    await vp.getByLabel('Your name').fill('Pat Giver');
    await vp.getByLabel('Your email').fill('pat.giver@example.com');
    await vp.getByLabel("Recipient's name").fill('Sky Lucky');
    await vp.getByLabel("Recipient's email").fill('sky.lucky@example.com');
    await vp.getByLabel('Message (optional)').fill('Enjoy a treat!');
    await shot(vp, 'gift-card-buy-phone');
    expect(await seriousA11yViolations(vp)).toEqual([]);
    await vp.getByRole('button', { name: 'Pay $80.00 by card' }).click();
    await vp.getByRole('heading', { name: 'Test card page' }).waitFor();
    await vp.getByRole('button', { name: /^Pay / }).click();
    await vp.waitForURL(/\/clinics\/glow\/gift-cards\?checkout=/);
    await vp.getByText('Thank you: your gift card is on its way').waitFor();
    await shot(vp, 'gift-card-bought-phone');

    // the recipient's email holds the code; the balance check shows the value
    const mail = await waitForMail(suite.mail, 'sky.lucky@example.com', /gift card code/);
    const code = /gift card code: ([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})/.exec(mail)![1]!;
    await vp.getByLabel('Gift card code').fill(code);
    await vp.getByRole('button', { name: 'Check balance' }).click();
    await vp.getByText('$80.00 left').waitFor();

    // the desk: a new client owes $120 on a package invoice
    const deskCtx = await suite.browser.newContext(DESKTOP);
    const dp = await deskCtx.newPage();
    await signIn(dp, url, 'frontdesk@glow.example.com');
    const desk = apiOf(deskCtx, url);
    const created = (await desk.post('/api/clients', { firstName: 'Sky', lastName: 'Lucky', email: 'sky.lucky@example.com' })) as { id: string };
    const org = (await desk.get('/api/organization')) as { locations: { id: string }[] };
    const locationId = org.locations[0]!.id;
    const prices = (await desk.get(`/api/locations/${locationId}/prices`)) as { packages: { id: string; active: boolean; priceCents: number }[] };
    const pkg = prices.packages.find((p) => p.active)!;
    await desk.post(`/api/clients/${created.id}/packages`, { locationId, packageId: pkg.id, payment: { amountCents: pkg.priceCents - 12_000, method: 'cash' }, idempotencyKey: `e2e-gift-${Date.now()}` });

    await dp.goto(`${url}/console/clients/${created.id}`);
    await dp.getByRole('tab', { name: 'Billing', exact: true }).click();
    await dp.getByRole('button', { name: /^Invoice \d+/ }).first().click();
    await dp.getByRole('button', { name: 'Take payment' }).first().click();
    await dp.getByText('Gift card', { exact: true }).click();
    await dp.getByLabel('Gift card code').fill(code.toLowerCase());
    await dp.getByRole('button', { name: 'Pay with gift card' }).click();
    await dp.getByText(/\$80\.00 taken from the gift card ending/).waitFor();
    await dp.getByText('Due now: $40.00').waitFor();
    await shot(dp, 'gift-card-redeemed');
    expect(await seriousA11yViolations(dp)).toEqual([]);
    await dp.getByRole('button', { name: 'Cancel' }).click();

    // the console's gift card page: the card is spent, its ledger shows the sale and the redemption
    await dp.goto(`${url}/console/gift-cards`);
    await dp.getByRole('heading', { name: 'Gift cards' }).waitFor();
    await dp.getByLabel('Search gift cards').fill('Sky Lucky');
    await dp.getByRole('button', { name: `Ending ${code.slice(-4)}` }).click();
    await dp.getByText('$0.00 left').waitFor();
    await dp.getByText('Paid an invoice').waitFor();
    await shot(dp, 'gift-card-detail');
    expect(await seriousA11yViolations(dp)).toEqual([]);
  });
});
