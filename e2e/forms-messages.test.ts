// Issue 13, items 1 and 2 in the browser, at desktop and phone widths: forms sent empty and with
// wrong values answer in plain sentences with the field's label and units, each message once; a
// date of birth in the future, a negative price and a payment over the balance are refused; a
// back-dated price change asks to be confirmed. No validator wording, cents or codes on any page.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from './support/suite.js';
import { slotsOf, type CompactAvailability } from '../tests/support/free-slots.js';
import { clinicMorning, nextWeekday } from './support/clock.js';
import { DESKTOP, PHONE, seriousA11yViolations, shot } from './support/browser.js';
import { apiOf, makeReadyForPen, registerClient, signIn } from './support/flows.js';

const day = nextWeekday();
const suite = browserSuite(clinicMorning(day));
const daysBefore = (d: string, n: number) => new Date(Date.parse(`${d}T12:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/** what must never reach a person: the validator's words, cents, codes */
const RAW = /expected|Invalid input|Invalid option|Too small|Too big|\bcents\b|>=|<=|"\w+"\||\bRequired\b|\b[a-z]+_[a-z_]+\b|\b[a-z]+[A-Z]\w*\b|undefined|NaN|^\w+(\.\w+)+: /;

/** every message on the page (alerts and the messages under inputs) is plain */
async function expectPlain(page: Page, where: string) {
  const texts = await page.locator('[role="alert"], .mantine-InputWrapper-error, .mantine-Alert-root').allInnerTexts();
  expect(texts.length, `${where}: a message is shown`).toBeGreaterThan(0);
  const bad = texts.flatMap((t) => t.split('\n')).filter((l) => RAW.test(l));
  expect(bad, `${where}: raw wording on the page`).toEqual([]);
}

/** the same message is not said twice on the page */
async function once(page: Page, message: string | RegExp) {
  const found = typeof message === 'string' ? page.getByText(message, { exact: true }) : page.getByText(message);
  await found.first().waitFor();
  expect(await found.count(), String(message)).toBe(1);
}

const widths = [
  { name: 'desktop', device: DESKTOP },
  { name: 'phone', device: PHONE },
] as const;

describe('plain messages and values checked by meaning, in every form', () => {
  for (const { name, device } of widths) {
    it(`registration, new client, payment and prices at ${name} width`, async () => {
      const url = suite.server.url;

      // registration: empty, then a date of birth in the future
      const visitor = await (await suite.browser.newContext(device)).newPage();
      await visitor.goto(`${url}/register`);
      await visitor.getByRole('button', { name: 'Create account' }).click();
      await once(visitor, 'Enter the first name');
      await once(visitor, 'Enter the last name');
      await once(visitor, 'Enter the email address');
      await expectPlain(visitor, 'register, empty');
      await visitor.getByLabel('First name').fill('Dana');
      await visitor.getByLabel('Last name').fill('Future');
      await visitor.getByLabel('Email').fill('not-an-address');
      await visitor.getByLabel('Date of birth').fill('2090-01-01');
      await visitor.getByRole('button', { name: 'Create account' }).click();
      await once(visitor, 'Enter an email address such as name@example.com');
      await once(visitor, /^The date of birth cannot be in the future/);
      await shot(visitor, `forms-register-${name}`);
      await expectPlain(visitor, 'register, wrong values');
      expect(await seriousA11yViolations(visitor)).toEqual([]);

      // the desk: a new client sent empty, then with wrong values
      const deskCtx = await suite.browser.newContext(device);
      const desk = await deskCtx.newPage();
      await signIn(desk, url, 'frontdesk@glow.example.com');
      await desk.goto(`${url}/console/clients`);
      await desk.getByRole('button', { name: 'New client' }).click();
      const dialog = desk.getByRole('dialog', { name: 'New client' });
      await dialog.getByRole('button', { name: 'Create client' }).or(dialog.getByRole('button', { name: 'Save' })).first().click();
      await once(desk, 'Enter the first name');
      await once(desk, 'Enter the last name');
      await expectPlain(desk, 'new client, empty');
      await dialog.getByLabel('First name').fill('Kim');
      await dialog.getByLabel('Last name').fill(`Wrong ${name}`);
      await dialog.getByLabel('Email').fill('kim@');
      await dialog.getByLabel('Date of birth').fill('2099-05-05');
      await dialog.getByRole('button', { name: 'Create client' }).or(dialog.getByRole('button', { name: 'Save' })).first().click();
      await once(desk, 'Enter an email address such as name@example.com');
      await once(desk, /^The date of birth cannot be in the future/);
      await shot(desk, `forms-new-client-${name}`);
      await expectPlain(desk, 'new client, wrong values');
      expect(await seriousA11yViolations(desk)).toEqual([]);

      // a payment over the balance: a package sold with $655 taken toward $900 leaves $245.00 due
      const api = apiOf(deskCtx, url);
      const org = (await api.get('/api/organization')) as { locations: { id: string }[] };
      const locationId = org.locations[0]!.id;
      const client = (await api.post('/api/clients', { firstName: 'Pat', lastName: `Balance ${name}` })) as { id: string };
      const owner = await (await suite.browser.newContext(device)).newPage();
      await signIn(owner, url, 'owner@glow.example.com');
      const ownerApi = apiOf(owner.context(), url);
      const pkg = (await ownerApi.post(`/api/locations/${locationId}/packages`, { serviceCode: 'pen_face', name: `Plain messages ${name}`, sessions: 3, priceCents: 90_000, validDays: 365 })) as { id: string };
      await api.post(`/api/clients/${client.id}/packages`, { locationId, packageId: pkg.id, payment: { amountCents: 65_500, method: 'cash' }, idempotencyKey: `plain-${name}-sale` });
      await desk.goto(`${url}/console/clients/${client.id}`);
      await desk.getByRole('tab', { name: 'Billing', exact: true }).click();
      await desk.getByRole('button', { name: /^Invoice \d+/ }).first().click();
      await desk.getByRole('button', { name: 'Take payment' }).first().click();
      const pay = desk.getByRole('dialog');
      await pay.getByLabel('Amount').fill('300');
      await pay.getByRole('button', { name: /^Record payment/ }).click();
      await once(desk, 'The payment can be at most $245.00');
      await shot(desk, `forms-payment-over-${name}`);
      await expectPlain(desk, 'payment over the balance');

      // prices: a negative price is refused, a back-dated change asks to be confirmed
      await owner.goto(`${url}/console/settings?tab=prices`);
      await owner.getByRole('heading', { name: 'Add a price' }).waitFor();
      const form = owner.locator('.mantine-Card-root').filter({ has: owner.getByRole('heading', { name: 'Add a price' }) });
      await form.getByLabel('Service', { exact: true }).first().click();
      await owner.getByRole('option').first().click();
      await form.getByLabel('Price', { exact: true }).fill('-50');
      await form.getByRole('button', { name: 'Add price' }).click();
      await once(owner, 'The price cannot be negative');
      await expectPlain(owner, 'negative price');
      await form.getByLabel('Price', { exact: true }).fill('123');
      await form.getByLabel('Effective from').fill(daysBefore(day, name === 'phone' ? 21 : 20));
      await form.getByRole('button', { name: 'Add price' }).click();
      await owner.getByText('This price starts in the past').waitFor();
      await once(owner, /which is in the past/);
      await shot(owner, `forms-backdated-price-${name}`);
      await expectPlain(owner, 'back-dated price');
      expect(await seriousA11yViolations(owner)).toEqual([]);
      await owner.getByRole('button', { name: /^Add it from / }).click();
      await owner.getByText('Price added.').waitFor();
    });
  }

  it('the chart names the area and the depth in millimetres, at desktop and phone widths', async () => {
    const url = suite.server.url;
    const clientCtx = await suite.browser.newContext(PHONE);
    const cp = await clientCtx.newPage();
    await registerClient(cp, suite, 'Morgan', 'Depth', 'morgan.depth@example.com');
    const client = apiOf(clientCtx, url);
    const me = (await client.get('/api/me')) as { clientId: string };
    await makeReadyForPen(client, me.clientId, { date: day, areas: ['cheeks'], concern: 'fine_lines', dateOfBirth: '1988-08-08' });
    const deskCtx = await suite.browser.newContext(DESKTOP);
    const desk = apiOf(deskCtx, url);
    await desk.signIn('frontdesk@glow.example.com');
    const org = (await desk.get('/api/organization')) as { locations: { id: string; name: string }[] };
    const austin = org.locations.find((l) => l.name.startsWith('Austin'))!;
    const services = (await desk.get('/api/services')) as { items: { id: string; code: string }[] };
    const pen = services.items.find((x) => x.code === 'pen_face')!;
    const setup = (await desk.get(`/api/locations/${austin.id}/scheduling-setup`)) as { providers: { id: string; name: string }[] };
    const nurse = setup.providers.find((p) => p.name === 'Nina Park')!;
    const avail = slotsOf((await desk.get(`/api/locations/${austin.id}/availability?serviceId=${pen.id}&from=${day}&to=${day}&providerId=${encodeURIComponent(nurse.id)}`)) as unknown as CompactAvailability);
    const slot = avail.find((x) => x.localTime >= '10:00') ?? avail[0]!;
    const booking = (await desk.post('/api/bookings', { locationId: austin.id, serviceId: pen.id, clientId: me.clientId, start: slot.start, providerId: nurse.id, idempotencyKey: `e2e-depth-${Date.now()}` })) as { id: string };
    await desk.post(`/api/bookings/${booking.id}/check-in`, { answersConfirmed: true });

    for (const { name, device } of widths) {
      const np = await (await suite.browser.newContext(device)).newPage();
      await signIn(np, url, 'nurse@glow.example.com');
      await np.goto(`${url}/console/bookings/${booking.id}/chart`);
      await np.getByRole('heading', { name: 'Procedure chart' }).waitFor();
      // a row without its area is refused in the form, in the catalogue's words
      await np.getByRole('button', { name: 'Save draft' }).click();
      await once(np, 'Choose an area');
      await expectPlain(np, `chart, empty row (${name})`);
      // a depth past the 3 mm cap is refused with its unit, not clamped
      await np.getByLabel('Area 1', { exact: true }).first().click();
      await np.getByRole('option', { name: 'Cheeks', exact: true }).click();
      await np.getByLabel('Depth (mm) 1').fill('4');
      await np.getByLabel('Passes 1').fill('2');
      await np.getByRole('button', { name: 'Save draft' }).click();
      await once(np, 'The depth can be at most 3 millimetres');
      await shot(np, `forms-chart-depth-${name}`);
      await expectPlain(np, `chart, too deep (${name})`);
      expect(await seriousA11yViolations(np)).toEqual([]);
    }
  });
});
