// Malformed JSON, wrong types, oversized bodies and unknown fields get 4xx problem+json that names
// the field, and no request makes the server answer 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Actor, Org } from '../support/factory.js';

let t: TestApp;
let org: Org;
let owner: Actor;
let clientId: string;

interface Problem {
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
}

async function expectProblem(res: Response, status: number, path?: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const body = (await res.json()) as Problem;
  expect(body.status).toBe(status);
  if (path) expect(body.errors?.map((e) => e.path)).toContain(path);
  return body;
}

beforeAll(async () => {
  t = await createTestApp();
  org = await t.factory.org();
  owner = await t.factory.actor(org, 'owner');
  clientId = (await t.factory.client(org)).id;
});
afterAll(() => t.close());

describe('bad input', () => {
  it('malformed JSON is a 400 problem', async () => {
    await expectProblem(await t.request('/api/clients', { cookie: owner.cookie, rawBody: '{"firstName": "A",' }), 400);
    await expectProblem(await t.request('/api/auth/sign-in/email', { rawBody: 'not json' }), 400);
  });

  it('wrong types name the field', async () => {
    await expectProblem(await t.request('/api/clients', { cookie: owner.cookie, body: { firstName: 42, lastName: 'B' } }), 400, 'firstName');
    await expectProblem(await t.request('/api/clients', { cookie: owner.cookie, body: { firstName: 'A', lastName: 'B', dateOfBirth: '1990-02-30' } }), 400, 'dateOfBirth');
    await expectProblem(await t.request('/api/clients?limit=abc', { cookie: owner.cookie }), 400, 'limit');
    await expectProblem(await t.request('/api/clients/not-a-uuid', { cookie: owner.cookie }), 400, 'clientId');
  });

  it('unknown fields are refused, naming them', async () => {
    const body = await expectProblem(await t.request('/api/clients', { cookie: owner.cookie, body: { firstName: 'A', lastName: 'B', isAdmin: true } }), 400);
    expect(body.detail).toContain('isAdmin');
  });

  it('oversized bodies get 413 and nothing is saved', async () => {
    const before = await t.db.selectFrom('clients').select('id').execute();
    await expectProblem(await t.request('/api/clients', { cookie: owner.cookie, body: { firstName: 'A'.repeat(300_000), lastName: 'B' } }), 413);
    expect(await t.db.selectFrom('clients').select('id').execute()).toEqual(before);
  });

  it('a failed update keeps what was saved', async () => {
    const before = await t.db.selectFrom('clients').selectAll().where('id', '=', clientId).executeTakeFirstOrThrow();
    await expectProblem(await t.request(`/api/clients/${clientId}`, { method: 'PATCH', cookie: owner.cookie, body: { firstName: '', email: 'nope' } }), 400, 'email');
    expect(await t.db.selectFrom('clients').selectAll().where('id', '=', clientId).executeTakeFirstOrThrow()).toEqual(before);
  });

  it('duplicates are a 409 naming the field', async () => {
    await t.request('/api/clients', { cookie: owner.cookie, body: { firstName: 'A', lastName: 'B', email: 'dup@example.com' } });
    await expectProblem(await t.request('/api/clients', { cookie: owner.cookie, body: { firstName: 'C', lastName: 'D', email: 'DUP@example.com' } }), 409, 'email');
  });

  it('unknown API routes are a 404 problem; cross-site writes are refused', async () => {
    await expectProblem(await t.request('/api/nope', { cookie: owner.cookie }), 404);
    await expectProblem(await t.request('/api/clients', { cookie: owner.cookie, body: { firstName: 'A', lastName: 'B' }, headers: { origin: 'https://evil.example' } }), 403);
  });

  it('no request in a battery of hostile inputs answers 500', async () => {
    const hostile = [
      { path: '/api/clients', body: null },
      { path: '/api/clients', body: [] },
      { path: '/api/clients', body: 'string' },
      { path: '/api/clients', rawBody: '\u0000\u0001' },
      { path: '/api/clients?q=' + encodeURIComponent("'; drop table clients; --") },
      { path: '/api/clients?offset=-1' },
      { path: '/api/audit?from=yesterday' },
      { path: '/api/audit?beforePosition=1e400' },
      { path: '/api/register', body: { organizationSlug: 'nope', firstName: 'a', lastName: 'b', email: 'x@y.z', password: 'short' } },
      { path: '/api/invitations', body: { email: 'a@b.c', role: 'client' } },
      { path: '/api/clients/%00' },
      { path: `/api/clients/${clientId}`, method: 'PATCH', rawBody: '{"email": {"$gt": ""}}' },
    ];
    for (const h of hostile) {
      const res = await t.request(h.path, { cookie: owner.cookie, ...(h.method ? { method: h.method } : {}), ...(h.rawBody !== undefined ? { rawBody: h.rawBody } : h.body !== undefined ? { body: h.body } : {}) });
      expect(res.status, h.path).toBeLessThan(500);
    }
    // the search string was data, not SQL
    expect(await t.db.selectFrom('clients').select('id').where('id', '=', clientId).executeTakeFirst()).toBeDefined();
  });

  it('logs hold no personal data', async () => {
    await t.request('/api/clients', { cookie: owner.cookie, body: { firstName: 'Privatename', lastName: 'Secretsurname', email: 'private.person@example.com' } });
    await t.request('/api/clients?q=Secretsurname', { cookie: owner.cookie });
    const logs = t.logLines.join('\n');
    expect(logs).toContain('/api/clients');
    expect(logs).not.toMatch(/Privatename|Secretsurname|private\.person/);
  });
});
