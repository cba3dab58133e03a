// Cookie-authenticated writes: only our own pages (Origin ours, Sec-Fetch-Site same-origin) or a
// non-browser caller (neither header) may write; a sibling site is refused like any other site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ORIGIN, type TestApp } from '../support/test-app.js';
import type { Actor } from '../support/factory.js';

let t: TestApp;
let owner: Actor;

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.factory.actor(await t.factory.org(), 'owner');
});
afterAll(() => t.close());

/** a write with exactly these headers besides the cookie (no Origin unless given) */
const write = (headers: Record<string, string>) =>
  t.app.request('/api/clients', {
    method: 'POST',
    headers: { cookie: owner.cookie, 'content-type': 'application/json', 'x-forwarded-for': '10.9.0.1', ...headers },
    body: JSON.stringify({ firstName: 'Csrf', lastName: 'Probe' }),
  });

describe('CSRF origin check', () => {
  it('refuses a write from a sibling site (no Origin, Sec-Fetch-Site: same-site)', async () => {
    const res = await write({ 'sec-fetch-site': 'same-site' });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { type: string }).type).toContain('csrf');
  });

  it('refuses same-site even with our Origin, and cross-site either way', async () => {
    expect((await write({ origin: ORIGIN, 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await write({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await write({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await write({ 'sec-fetch-site': 'something-new' })).status).toBe(403);
  });

  it('accepts our own pages, a typed or bookmarked navigation, and callers that are not browsers', async () => {
    expect((await write({ origin: ORIGIN, 'sec-fetch-site': 'same-origin' })).status).toBe(201);
    expect((await write({ 'sec-fetch-site': 'same-origin' })).status).toBe(201);
    expect((await write({ 'sec-fetch-site': 'none' })).status).toBe(201);
    expect((await write({})).status).toBe(201);
  });
});
