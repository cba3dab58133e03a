import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('smoke', () => {
  it('a provider signs in and reads /api/me and a client', async () => {
    const org = await t.factory.org();
    const provider = await t.factory.actor(org, 'provider');
    const me = await t.request('/api/me', { cookie: provider.cookie });
    expect(me.status).toBe(200);
    const body = (await me.json()) as { role: string };
    expect(body.role).toBe('provider');
    const c = await t.factory.client(org);
    const res = await t.request(`/api/clients/${c.id}`, { cookie: provider.cookie });
    expect(res.status).toBe(200);
  });
});
