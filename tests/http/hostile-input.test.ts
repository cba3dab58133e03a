// Hostile input, case by case (issue 10, findings 13 and 19): NUL, lone surrogates and control
// characters in names, lot numbers, slugs, a profile bio, intake drafts and URL paths; dates no clinic
// means (a screening planned for 9999-12-31, an audit list up to 0000-01-01). Each is a 400 that names
// the field in a plain sentence, and nothing reaches the database. Names lose invisible and
// right-to-left override characters before they are stored. What the schemas miss, PostgreSQL's
// "cannot store this value" errors answer as 400 too, never 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Actor, Org } from '../support/factory.js';
import { baseIntake, basePlan } from '../../src/domain/screening/engine/fixtures.js';

let t: TestApp;
let org: Org;
let owner: Actor;
let director: Actor;
let provider: Actor;
let clientId: string;

interface Problem {
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
}

async function refused(res: Response, path: string, message?: string) {
  const body = (await res.json()) as Problem;
  expect(res.status, JSON.stringify(body)).toBe(400);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const named = body.errors?.find((e) => e.path === path);
  expect(named, JSON.stringify(body.errors)).toBeDefined();
  if (message) expect(named!.message).toBe(message);
  // plain sentences, not validator wording
  expect(body.detail).not.toMatch(/Invalid (string|input|ISO)|expected string|regex|pattern/);
  return body;
}

beforeAll(async () => {
  t = await createTestApp();
  // a route that hands a value straight to PostgreSQL, as a schema that missed it would
  t.app.get('/api/zz-backstop', async (c) => {
    const text = c.req.query('text');
    const date = c.req.query('date');
    if (text !== undefined) await t.db.selectFrom('clients').select('id').where('first_name', '=', text).execute();
    if (date !== undefined) await sql`select ${date}::date`.execute(t.db);
    return c.json({ ok: true });
  });
  org = await t.factory.org();
  owner = await t.factory.actor(org, 'owner');
  director = await t.factory.actor(org, 'medical_director');
  provider = await t.factory.actor(org, 'provider');
  clientId = (await t.factory.client(org)).id;
});
afterAll(() => t.close());

const count = {
  clients: async () => (await t.db.selectFrom('clients').select('id').execute()).length,
  lots: async () => (await t.db.selectFrom('cartridge_lots').select('id').execute()).length,
  drafts: async () => (await t.db.selectFrom('intake_drafts').select('client_id').execute()).length,
};

describe('hostile characters are refused, naming the field', () => {
  it('client names with NUL, a lone surrogate or a line break', async () => {
    const before = await count.clients();
    await refused(await t.request('/api/clients', { cookie: owner.cookie, body: { firstName: 'Ann\u0000', lastName: 'Lee' } }), 'firstName', 'First name contains a character that is not allowed');
    await refused(await t.request('/api/clients', { cookie: owner.cookie, body: { firstName: 'Ann', lastName: 'Lee\uD800' } }), 'lastName', 'Last name contains a character that is not allowed');
    await refused(await t.request('/api/clients', { cookie: owner.cookie, body: { firstName: 'Ann\nLee', lastName: 'Lee' } }), 'firstName');
    await refused(await t.request(`/api/clients/${clientId}`, { method: 'PATCH', cookie: owner.cookie, body: { lastName: '\uDC00' } }), 'lastName');
    expect(await count.clients()).toBe(before);
  });

  it('lot numbers and products', async () => {
    const before = await count.lots();
    const lot = { manufacturer: 'Crown', product: 'SkinPen cartridge', lotNumber: 'L-1', expiresOn: '2027-01-31' };
    await refused(await t.request(`/api/locations/${org.locationId}/lots`, { cookie: owner.cookie, body: { ...lot, lotNumber: 'L\u0000-1' } }), 'lotNumber', 'Lot number contains a character that is not allowed');
    await refused(await t.request(`/api/locations/${org.locationId}/lots`, { cookie: owner.cookie, body: { ...lot, lotNumber: 'L\uD800' } }), 'lotNumber');
    await refused(await t.request(`/api/locations/${org.locationId}/lots`, { cookie: owner.cookie, body: { ...lot, product: 'Skin\u0000Pen' } }), 'product', 'Product contains a character that is not allowed');
    await refused(await t.request(`/api/locations/${org.locationId}/lots`, { cookie: owner.cookie, body: { ...lot, expiresOn: '0000-01-01' } }), 'expiresOn', 'Expires on must be between January 1, 1900 and December 31, 2100');
    expect(await count.lots()).toBe(before);
    expect((await t.request(`/api/locations/${org.locationId}/lots`, { cookie: owner.cookie, body: lot })).status).toBe(201);
  });

  it('slugs, in the body and in the path', async () => {
    await refused(await t.request('/api/register', { body: { organizationSlug: `${org.slug}\u0000`, firstName: 'Rae', lastName: 'Reg', email: 'rae.nul@example.com', password: 'rae-password-123' } }), 'organizationSlug', 'MedSpa contains a character that is not allowed');
    await refused(await t.request('/api/public/organizations/%00'), 'path', 'The address contains a character that is not allowed');
    await refused(await t.request(`/api/public/organizations/${org.slug}%00`), 'path');
  });

  it("a provider's bio", async () => {
    const res = await t.request(`/api/providers/${provider.userId}/profile`, { method: 'PUT', cookie: provider.cookie, body: { bio: 'Nurse\u0000injector', practisingSince: 2015, published: true } });
    await refused(res, 'bio', 'Bio contains a character that is not allowed');
    const ok = await t.request(`/api/providers/${provider.userId}/profile`, { method: 'PUT', cookie: provider.cookie, body: { bio: 'Nurse injector\nsince 2015 😀', practisingSince: 2015, published: true } });
    expect(ok.status).toBe(200);
  });

  it('intake drafts, in any value or key however deep', async () => {
    const before = await count.drafts();
    const put = (data: unknown) => t.request(`/api/clients/${clientId}/intake/draft`, { method: 'PUT', cookie: director.cookie, body: { data, step: 2 } });
    await refused(await put({ note: 'itchy\u0000' }), 'data.note', 'Note contains a character that is not allowed');
    await refused(await put({ conditions: [{ code: 'acne', comment: 'x\uD800' }] }), 'data.conditions[0].comment');
    await refused(await put({ 'bad\u0000key': true }), 'data');
    expect(await count.drafts()).toBe(before);
    expect((await put({ note: 'line one\nline two', conditions: [{ code: 'acne' }] })).status).toBe(200);
  });

  it('URL paths with NUL, a control character or bytes that are not UTF-8', async () => {
    for (const path of ['/api/clients/%00', `/api/clients/${clientId}%00`, '/api/staff/%0A/licence', '/%C3%28', '/%ED%A0%80', '/portal/%00']) {
      const res = await t.request(path, { cookie: owner.cookie });
      await refused(res, 'path', 'The address contains a character that is not allowed');
    }
  });

  it('query strings', async () => {
    await refused(await t.request('/api/clients?q=Ann%00', { cookie: owner.cookie }), 'q', 'Search text contains a character that is not allowed');
    await refused(await t.request('/api/audit?action=client.read%00', { cookie: owner.cookie }), 'action', 'Action contains a character that is not allowed');
  });
});

describe('dates no clinic means are refused, naming the field', () => {
  it('a screening planned for 9999-12-31 (or before 1900)', async () => {
    const intake = await t.request(`/api/clients/${clientId}/intake`, { cookie: director.cookie, body: baseIntake({ answeredOn: Temporal.Now.plainDateISO('UTC').toString() }) });
    expect(intake.status).toBe(201);
    for (const date of ['9999-12-31', '0001-01-01']) {
      const res = await t.request(`/api/clients/${clientId}/screenings`, { cookie: director.cookie, body: { plan: basePlan({ date }) } });
      await refused(res, 'plan.date', 'Date must be between 1900-01-01 and 2100-12-31');
    }
    const evaluated = await t.request('/api/screening/evaluate', { cookie: director.cookie, body: { intake: baseIntake({ dateOfBirth: '0000-01-01' }), plan: basePlan() } });
    await refused(evaluated, 'intake.dateOfBirth');
  });

  it('the audit list from or to a date PostgreSQL cannot hold', async () => {
    await refused(await t.request('/api/audit?to=0000-01-01', { cookie: owner.cookie }), 'to', 'To must be between January 1, 1900 and December 31, 2100');
    await refused(await t.request('/api/audit?from=0000-01-01T00:00:00Z', { cookie: owner.cookie }), 'from', 'From must be between January 1, 1900 and December 31, 2100');
    await refused(await t.request('/api/audit?from=yesterday', { cookie: owner.cookie }), 'from', 'From must be a date (YYYY-MM-DD) or a date and time');
    expect((await t.request('/api/audit?from=2026-01-01&to=2026-12-31T23:59:59Z', { cookie: owner.cookie })).status).toBe(200);
  });

  it('dates of birth, licence expiry and booking times', async () => {
    await refused(await t.request('/api/clients', { cookie: owner.cookie, body: { firstName: 'Old', lastName: 'Timer', dateOfBirth: '1899-12-31' } }), 'dateOfBirth', 'Date of birth must be between January 1, 1900 and December 31, 2100');
    await refused(await t.request(`/api/staff/${provider.userId}/licence`, { method: 'PUT', cookie: owner.cookie, body: { licenceType: 'rn', licenceNumber: 'RN1', licenceState: 'TX', licenceExpiresOn: '9999-12-31' } }), 'licenceExpiresOn');
    const booking = { locationId: org.locationId, serviceId: '00000000-0000-4000-8000-000000000000', clientId, start: '9999-12-31T15:00:00Z', idempotencyKey: 'hostile-date-1' };
    await refused(await t.request('/api/bookings', { cookie: owner.cookie, body: booking }), 'start', 'Start must be between January 1, 1900 and December 31, 2100');
  });
});

describe('names lose invisible and direction-changing characters', () => {
  const RLO = '\u202E';
  const hidden = ['\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', RLO, '\u2066', '\u2067', '\u2068', '\u2069', '\uFEFF', '\u00AD'];

  it('client names come back and are stored without them', async () => {
    const res = await t.request('/api/clients', { cookie: owner.cookie, body: { firstName: `${RLO}Anna\u200B`, lastName: `\uFEFFLee\u00AD${hidden.join('')}son` } });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; firstName: string; lastName: string };
    expect([created.firstName, created.lastName]).toEqual(['Anna', 'Leeson']);
    const patched = await t.request(`/api/clients/${created.id}`, { method: 'PATCH', cookie: owner.cookie, body: { firstName: `An\u2066na${RLO}` } });
    expect(((await patched.json()) as { firstName: string }).firstName).toBe('Anna');
    const row = await t.db.selectFrom('clients').select(['first_name', 'last_name']).where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ first_name: 'Anna', last_name: 'Leeson' });
    const listed = (await (await t.request('/api/clients?q=Leeson', { cookie: owner.cookie })).json()) as { items: { firstName: string }[] };
    expect(JSON.stringify(listed)).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u00AD]/);
  });

  it('a name of nothing but invisible characters is missing', async () => {
    await refused(await t.request('/api/clients', { cookie: owner.cookie, body: { firstName: '\u200B\u202E', lastName: 'Lee' } }), 'firstName', 'Enter the first name');
  });

  it('registration names, and the staff name given when accepting an invitation', async () => {
    const reg = await t.request('/api/register', { body: { organizationSlug: org.slug, firstName: `${RLO}Rae\u200D`, lastName: 'Reg\u2067', email: 'rae.rlo@example.com', password: 'rae-password-123' } });
    expect(reg.status).toBeLessThan(300);
    const user = await t.db.selectFrom('users').select('name').where('email', '=', 'rae.rlo@example.com').executeTakeFirstOrThrow();
    expect(user.name).toBe('Rae Reg');

    const inv = await t.request('/api/invitations', { cookie: owner.cookie, body: { email: 'rlo.nurse@example.com', role: 'provider' } });
    expect(inv.status).toBe(201);
    const msg = await t.db.selectFrom('outbox_messages').selectAll().where('to_address', '=', 'rlo.nurse@example.com').executeTakeFirstOrThrow();
    const token = /token=([A-Za-z0-9_-]+)/.exec(t.secrets.open(msg.secret_sealed!))![1]!;
    const accepted = await t.request('/api/invitations/accept', { body: { token, name: `\u200FNew ${RLO}Nurse\uFEFF`, password: 'nurse-password-1' } });
    expect(accepted.status).toBe(201);
    const { userId } = (await accepted.json()) as { userId: string };
    expect((await t.db.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirstOrThrow()).name).toBe('New Nurse');
    // the provider profile and the staff list show the clean name
    const profile = (await (await t.request(`/api/providers/${userId}/profile`, { cookie: owner.cookie })).json()) as { name: string };
    expect(profile.name).toBe('New Nurse');
  });
});

describe('the database backstop', () => {
  it("PostgreSQL's cannot-store-this-value errors are a 400, not a 500", async () => {
    for (const q of ['text=Ann%00', 'date=0000-01-01', 'date=2026-02-30', 'date=soon']) {
      const res = await t.request(`/api/zz-backstop?${q}`, { cookie: owner.cookie });
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as Problem).detail).not.toMatch(/unexpected/);
    }
    expect((await t.request('/api/zz-backstop?text=Ann&date=2026-02-28', { cookie: owner.cookie })).status).toBe(200);
  });
});
