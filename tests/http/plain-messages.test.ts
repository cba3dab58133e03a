// Issue 13, items 1 and 2: what a refused request says is plain (the field's label and units, never
// the validator's wording, cents or codes), and values are checked by meaning: no date of birth in
// the future, no past treatment dated in the future, no negative price, no discount over 100%, and
// a back-dated price change only when the person confirms it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Actor, Org } from '../support/factory.js';
import { baseIntake } from '../../src/domain/screening/engine/fixtures.js';

const NOW = new Date('2026-12-01T15:00:00Z');
const VALIDATOR = /expected|Invalid input|Too small|Too big|cents|>=|<=|"\w+"\|/;
const UUID = '7b1f4e1c-3c2a-4d5e-9f60-1a2b3c4d5e6f';

let t: TestApp;
let org: Org;
let owner: Actor;
let desk: Actor;
let client: Actor;
let provider: Actor;

interface Problem {
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
}

async function send(who: Actor | null, path: string, body: unknown, method = 'POST') {
  const res = await t.request(path, { method, body, ...(who ? { cookie: who.cookie } : {}) });
  return { status: res.status, data: (await res.json()) as Problem & Record<string, unknown> };
}

/** a refusal whose every word is plain; returns its field messages by path */
function plain(r: { status: number; data: Problem }, status = 400) {
  expect(r.status, JSON.stringify(r.data)).toBe(status);
  expect(r.data.detail).not.toMatch(VALIDATOR);
  expect(r.data.detail).not.toMatch(/^\w+(\.\w+)*: /);
  for (const e of r.data.errors ?? []) expect(e.message, e.path).not.toMatch(VALIDATOR);
  return Object.fromEntries((r.data.errors ?? []).map((e) => [e.path, e.message]));
}

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  org = await t.factory.org();
  owner = await t.factory.actor(org, 'owner');
  desk = await t.factory.actor(org, 'front_desk');
  client = await t.factory.actor(org, 'client');
  provider = await t.factory.actor(org, 'provider');
});
afterAll(() => t.close());

describe('plain messages', () => {
  it('an empty new client asks for the names once each; wrong values name the field', async () => {
    const empty = await send(desk, '/api/clients', {});
    expect(plain(empty)).toEqual({ firstName: 'Enter the first name', lastName: 'Enter the last name' });
    expect(empty.data.detail).toBe('Enter the first name. Enter the last name.');
    const wrong = plain(await send(desk, '/api/clients', { firstName: 'Ann', lastName: 42, email: 'nope', phone: 'call me', dateOfBirth: '1990-02-30', preferredLocationId: 'x' }));
    expect(wrong).toEqual({
      lastName: 'Last name must be text',
      email: 'Enter an email address such as name@example.com',
      phone: expect.stringMatching(/^Enter a phone number/) as string,
      dateOfBirth: 'Date of birth must be a real date',
      preferredLocationId: 'Choose a preferred location from the list',
    });
  });

  it('registration, the chart, prices and payments speak in labels and units', async () => {
    plain(await send(null, '/api/register', { organizationSlug: org.slug, firstName: '', lastName: 'Lee', email: 'x', password: 'short' }));
    const chart = plain(
      await send(provider, `/api/bookings/${UUID}/chart`, { sign: false, chart: { checklist: { skinCleansed: true, beforePhotosBeforeNumbing: true, numbingApplied: true }, deviceId: UUID, lotIds: [], numbing: null, areas: [{ area: 'elbow', depthMm: null, passes: 2 }], products: [], endPoint: 'Erythema' } }, 'PUT'),
    );
    expect(chart).toMatchObject({ 'chart.areas[0].area': 'Choose an area', 'chart.areas[0].depthMm': 'Enter the depth in millimetres', 'chart.lotIds': expect.stringMatching(/needle cartridge lot/i) as string });
    const deep = plain(await send(provider, `/api/bookings/${UUID}/chart`, { sign: false, chart: { checklist: { skinCleansed: true, beforePhotosBeforeNumbing: true, numbingApplied: true }, deviceId: UUID, lotIds: [UUID], numbing: null, areas: [{ area: 'cheeks', depthMm: 4, passes: 2 }], products: [], endPoint: 'Erythema' } }, 'PUT'));
    expect(deep['chart.areas[0].depthMm']).toBe('The depth can be at most 3 millimetres');
    const price = plain(await send(owner, `/api/locations/${org.locationId}/prices`, { serviceCode: 'pen_face', name: 'P', modality: 'laser', priceCents: 'ten', effectiveFrom: '' }));
    expect(price).toMatchObject({ name: 'Name must be at least 2 characters', modality: 'Choose a modality', priceCents: 'Enter the price in dollars, such as 12.50', effectiveFrom: 'Enter the date the price takes effect' });
  });

  it('a payment over what is due says the most it can be, in dollars', async () => {
    const pkg = await send(owner, `/api/locations/${org.locationId}/packages`, { serviceCode: 'pen_face', name: 'Pen x3', sessions: 3, priceCents: 90_000, validDays: 365 });
    expect(pkg.status).toBe(201);
    const sale = await send(desk, `/api/clients/${client.clientId}/packages`, { locationId: org.locationId, packageId: pkg.data.id, payment: { amountCents: 65_500, method: 'cash' }, idempotencyKey: 'sale-plain-1' });
    expect(sale.status).toBe(201);
    const invoiceId = (sale.data.invoice as { id: string }).id;
    const over = await send(desk, `/api/invoices/${invoiceId}/payments`, { amountCents: 30_000, method: 'cash', idempotencyKey: 'pay-plain-1' });
    expect(plain(over, 409)).toEqual({ amountCents: 'The payment can be at most $245.00' });
    expect(over.data.detail).toBe('Only $245.00 is due on this invoice.');
    const tooMuch = await send(desk, `/api/clients/${client.clientId}/packages`, { locationId: org.locationId, packageId: pkg.data.id, payment: { amountCents: 100_000, method: 'cash' }, idempotencyKey: 'sale-plain-2' });
    expect(plain(tooMuch, 409)).toEqual({ 'payment.amountCents': 'The payment can be at most $900.00' });
  });
});

describe('values checked by meaning', () => {
  it('refuses a date of birth in the future or more than 120 years ago, for staff, on registration and in the questionnaire', async () => {
    const future = plain(await send(desk, '/api/clients', { firstName: 'Tia', lastName: 'Soon', dateOfBirth: '2030-05-01' }));
    expect(future.dateOfBirth).toBe('The date of birth cannot be in the future. Enter a date on or before December 2, 2026.');
    expect(plain(await send(desk, '/api/clients', { firstName: 'Old', lastName: 'Timer', dateOfBirth: '1901-05-01' })).dateOfBirth).toMatch(/^Check the date of birth: May 1, 1901 is more than 120 years ago/);
    expect((await send(desk, '/api/clients', { firstName: 'Ok', lastName: 'Born', dateOfBirth: '1990-05-01' })).status).toBe(201);
    expect(plain(await send(desk, `/api/clients/${client.clientId}`, { dateOfBirth: '2031-01-01' }, 'PATCH')).dateOfBirth).toMatch(/cannot be in the future/);
    expect(plain(await send(null, '/api/register', { organizationSlug: org.slug, firstName: 'Rae', lastName: 'Reg', email: 'rae.future@example.com', password: 'a-long-enough-passphrase-42', dateOfBirth: '2027-01-01' })).dateOfBirth).toMatch(/cannot be in the future/);
    const intake = await send(client, `/api/clients/${client.clientId}/intake`, baseIntake({ answeredOn: '2026-12-01', dateOfBirth: '2029-01-01' }));
    expect(plain(intake).dateOfBirth).toMatch(/^The date of birth cannot be in the future/);
  });

  it('refuses a past treatment dated in the future in the questionnaire', async () => {
    const r = await send(client, `/api/clients/${client.clientId}/intake`, baseIntake({ answeredOn: '2026-12-01', procedures: [{ code: 'dermal_filler', date: '2027-02-01' }] }));
    expect(plain(r)).toEqual({ 'procedures[0].date': 'The date of the filler cannot be in the future. Give the last day it was done, on or before December 1, 2026.' });
    expect((await send(client, `/api/clients/${client.clientId}/intake`, baseIntake({ answeredOn: '2026-12-01', procedures: [{ code: 'dermal_filler', date: '2026-10-01' }] }))).status).toBe(201);
  });

  it('refuses a negative price instead of saving $0.00', async () => {
    const r = await send(owner, `/api/locations/${org.locationId}/prices`, { serviceCode: 'neg_price', name: 'Negative', modality: null, priceCents: -5_000, effectiveFrom: '2026-12-10' });
    expect(plain(r)).toEqual({ priceCents: 'The price cannot be negative' });
    expect(await t.db.selectFrom('price_list_items').select('id').where('service_code', '=', 'neg_price').execute()).toEqual([]);
  });

  it('asks to confirm a back-dated price change, and records it once confirmed', async () => {
    const prices = `/api/locations/${org.locationId}/prices`;
    // a first price for a service may start in the past (setting up a clinic that already runs)
    expect((await send(owner, prices, { serviceCode: 'peel', name: 'Peel', modality: null, priceCents: 10_000, effectiveFrom: '2026-01-01' })).status).toBe(201);
    const change = { serviceCode: 'peel', name: 'Peel', modality: null, priceCents: 12_000, effectiveFrom: '2026-11-01' };
    const warned = plain(await send(owner, prices, change));
    expect(warned.confirmBackdated).toMatch(/^This price would take effect on November 1, 2026, which is in the past\./);
    expect((await send(owner, prices, { ...change, effectiveFrom: '2026-12-15' })).status).toBe(201);
    expect((await send(owner, prices, { ...change, confirmBackdated: true })).status).toBe(201);
    // the same service twice from one date is refused by name, not as a database conflict
    expect(plain(await send(owner, prices, { ...change, confirmBackdated: true }))).toEqual({ effectiveFrom: 'This service already has a price from November 1, 2026. Choose another date.' });
    const rows = await t.db.selectFrom('price_list_items').select(['price_cents', 'effective_from']).where('service_code', '=', 'peel').orderBy('effective_from').execute();
    expect(rows.map((r) => r.effective_from)).toEqual(['2026-01-01', '2026-11-01', '2026-12-15']);
  });

  it('refuses a discount over 100% instead of clamping it', async () => {
    const r = await send(desk, `/api/bookings/${UUID}/invoice`, { discount: { kind: 'percent', bp: 15_000 }, discountReason: 'Loyal client' });
    expect(plain(r)).toEqual({ 'discount.bp': 'The discount can be at most 100%' });
  });
});
