// Paying a deposit on the phone with Stripe's Payment Element, on Dermis's own page: the client
// accepts the cancellation policy, the first card is declined (said plainly, nothing recorded),
// the second is paid, and the server records it after asking Stripe. Stripe here is the loopback
// fake (e2e/support/stripe-fake.ts), serving a fake Stripe.js the page loads at run time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuite } from './support/suite.js';
import { slotsOf, type CompactAvailability } from '../tests/support/free-slots.js';
import { PHONE, seriousA11yViolations, shot } from './support/browser.js';
import { apiOf, makeReadyForPen, registerClient } from './support/flows.js';
import { startFakeStripe, type FakeStripe } from './support/stripe-fake.js';

let fake: FakeStripe;
beforeAll(async () => {
  fake = await startFakeStripe({ secretKey: 'sk_test_e2eelement1' });
});
afterAll(() => fake.close());
const suite = browserSuite(() => ({ STRIPE_SECRET_KEY: 'sk_test_e2eelement1', STRIPE_PUBLISHABLE_KEY: 'pk_test_e2eelement1', STRIPE_API_BASE: fake.url, STRIPE_JS_URL: fake.jsUrl }));

describe('the Payment Element in the browser', () => {
  it('a client pays a deposit on the phone: one decline, then paid', async () => {
    const ctx = await suite.browser.newContext(PHONE);
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    await registerClient(page, suite, 'Noa', 'Reed', 'noa.reed@example.com');
    const client = apiOf(ctx, suite.server.url);
    const me = (await client.get('/api/me')) as { clientId: string };
    const today = new Date().toISOString().slice(0, 10);
    await makeReadyForPen(client, me.clientId, { date: today, areas: ['cheeks'], concern: 'fine_lines', dateOfBirth: '1990-04-04' });
    const org = (await client.get('/api/organization')) as { locations: { id: string; name: string }[] };
    const austin = org.locations.find((l) => l.name.startsWith('Austin'))!;
    const services = (await client.get('/api/services')) as { items: { id: string; code: string }[] };
    const pen = services.items.find((s) => s.code === 'pen_face')!;
    const to = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const avail = slotsOf((await client.get(`/api/locations/${austin.id}/availability?serviceId=${pen.id}&from=${today}&to=${to}`)) as unknown as CompactAvailability);
    await client.post('/api/bookings', { locationId: austin.id, serviceId: pen.id, clientId: me.clientId, start: avail[0]!.start, idempotencyKey: `element-${Date.now()}` });

    await page.goto(`${suite.server.url}/portal/care`);
    await page.getByRole('heading', { name: 'Deposits due' }).waitFor();
    await page.getByRole('checkbox', { name: 'I accept the cancellation policy' }).check();
    await page.getByRole('button', { name: /^Continue to pay \$/ }).click();
    const card = page.getByRole('textbox', { name: 'Card number' });
    await card.fill('4000 0000 0000 0002');
    await page.getByRole('button', { name: /^Pay \$/ }).click();
    await page.getByText('Your card was declined. Try another card or pay at the desk.').waitFor();
    await shot(page, 'payment-element-declined-phone');
    expect(((await client.get(`/api/clients/${me.clientId}/billing`)) as { deposits: { status: string }[] }).deposits[0]!.status).toBe('due');

    await card.fill('4242 4242 4242 4242');
    await page.getByRole('button', { name: /^Pay \$/ }).click();
    await page.getByText('Deposit paid. Thank you.').first().waitFor();
    await expect.poll(() => page.getByRole('heading', { name: 'Deposits due' }).count()).toBe(0);
    await page.getByText(/Deposit · Card \(online\)/).waitFor();
    await shot(page, 'payment-element-paid-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);
    const statement = (await client.get(`/api/clients/${me.clientId}/billing`)) as { deposits: { status: string }[]; payments: { method: string }[] };
    expect(statement.deposits[0]!.status).toBe('paid');
    expect(statement.payments).toHaveLength(1);
    // the page loaded Stripe.js from the configured URL, and the CSP let it
    expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    await ctx.close();
  });
});
