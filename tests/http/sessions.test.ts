// Issue 10, findings 11 and 17: names change only through staff management; a new password or a
// second factor switched off signs out every other session; sessions have an absolute life and
// staff sessions an idle limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { PASSWORD, type Org } from '../support/factory.js';
import { totpFromUri } from '../support/totp.js';

let t: TestApp;
let org: Org;
beforeAll(async () => {
  t = await createTestApp();
  org = await t.factory.org();
});
afterAll(() => t.close());

/** 200 while the session holds, 401 once it ended (/api/me answers 200 either way, saying whether there is a session) */
const status = async (cookie: string) => (await t.request('/api/organization', { cookie })).status;
/** why /api/me says there is no session, or null while signed in */
const endedBecause = async (cookie: string) => {
  const res = await t.request('/api/me', { cookie });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { signedIn?: false; reason?: string | null };
  return body.signedIn === false ? (body.reason ?? 'no session') : null;
};

describe('names', () => {
  it('nobody renames themselves through the auth library; the owner renames staff, on the record', async () => {
    const nurse = await t.factory.actor(org, 'provider');
    const self = await t.request('/api/auth/update-user', { cookie: nurse.cookie, body: { name: 'Dr. Maya Reyes, MD (Medical Director)' } });
    expect(self.status).toBe(404);
    const user = await t.db.selectFrom('users').select('name').where('id', '=', nurse.userId).executeTakeFirstOrThrow();
    expect(user.name).toBe(nurse.name);
    expect((await t.request(`/api/staff/${nurse.userId}/name`, { method: 'PUT', cookie: nurse.cookie, body: { name: 'Dr. Me' } })).status).toBe(403);

    const owner = await t.factory.actor(org, 'owner');
    const renamed = await t.request(`/api/staff/${nurse.userId}/name`, { method: 'PUT', cookie: owner.cookie, body: { name: 'Maya Reyes, RN' } });
    expect(renamed.status).toBe(200);
    const audit = await t.db.selectFrom('audit_events').select(['action', 'details']).where('organization_id', '=', org.id).where('action', '=', 'staff.rename').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ from: nurse.name, to: 'Maya Reyes, RN' });
  });
});

describe('sessions', () => {
  it('a new password signs out every other session of the account', async () => {
    const desk = await t.factory.actor(org, 'front_desk');
    const other = await t.signIn(desk.email, PASSWORD);
    expect(await status(other)).toBe(200);
    const res = await t.request('/api/auth/change-password', { cookie: desk.cookie, body: { currentPassword: PASSWORD, newPassword: 'a-brand-new-password-7' } });
    expect(res.status).toBe(200);
    expect(await status(other)).toBe(401);
    const actions = await t.db.selectFrom('audit_events').select('action').where('actor_user_id', '=', desk.userId).execute();
    expect(actions.map((a) => a.action)).toContain('auth.password_changed');
  });

  it('switching two-step sign-in off signs out every other session', async () => {
    const nurse = await t.factory.actor(org, 'provider');
    const enable = await t.request('/api/auth/two-factor/enable', { cookie: nurse.cookie, body: { password: PASSWORD } });
    const { totpURI } = (await enable.json()) as { totpURI: string };
    expect((await t.request('/api/auth/two-factor/verify-totp', { cookie: nurse.cookie, body: { code: await totpFromUri(totpURI) } })).status).toBe(200);
    // two devices sign in with both factors
    const signInWithCode = async () => {
      const first = await t.request('/api/auth/sign-in/email', { body: { email: nurse.email, password: PASSWORD } });
      const pending = first.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const second = await t.request('/api/auth/two-factor/verify-totp', { cookie: pending, body: { code: await totpFromUri(totpURI) } });
      return second.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c!.includes('session_token'))!;
    };
    const phone = await signInWithCode();
    const desktop = await signInWithCode();
    expect(await status(phone)).toBe(200);
    expect(await status(desktop)).toBe(200);
    const off = await t.request('/api/auth/two-factor/disable', { cookie: desktop, body: { password: PASSWORD } });
    expect(off.status).toBe(200);
    expect(await status(phone)).toBe(401);
    // the device that switched it off goes on, with the session better-auth just gave it
    const kept = off.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c!.includes('session_token'))!;
    expect(await status(kept)).toBe(200);
    const actions = await t.db.selectFrom('audit_events').select('action').where('actor_user_id', '=', nurse.userId).execute();
    expect(actions.map((a) => a.action)).toContain('auth.two_factor_disabled');
  });

  it('a staff session ends after 30 minutes without a request; any session ends after 7 days however active', async () => {
    const desk = await t.factory.actor(org, 'front_desk');
    expect(await status(desk.cookie)).toBe(200);
    await t.db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - 31 * 60_000) }).where('user_id', '=', desk.userId).execute();
    expect(await endedBecause(desk.cookie)).toMatch(/30 minutes without activity/);
    expect(await status(desk.cookie)).toBe(401);

    // clients are not signed out for being idle (a phone in a pocket), but the 7-day limit applies to all
    const client = await t.factory.actor(org, 'client');
    await t.db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - 3 * 60 * 60_000) }).where('user_id', '=', client.userId).execute();
    expect(await status(client.cookie)).toBe(200);
    await t.db.updateTable('sessions').set({ created_at: new Date(Date.now() - 8 * 24 * 60 * 60_000) }).where('user_id', '=', client.userId).execute();
    expect(await endedBecause(client.cookie)).toMatch(/7 days/);
    expect(await status(client.cookie)).toBe(401);
  });
});

describe('who a session is, remembered between requests', () => {
  // session-principal.ts keeps a request's principal in memory until the identity tables change:
  // each of these changes must be seen by the very next request of a session read a moment ago
  it('a role change, a removed membership and a signed-out session take effect on the next request', async () => {
    const nurse = await t.factory.actor(org, 'provider');
    const me = async () => ((await (await t.request('/api/me', { cookie: nurse.cookie })).json()) as { role?: string }).role;
    expect(await me()).toBe('provider');
    expect(await me()).toBe('provider');
    await t.db.updateTable('memberships').set({ role: 'front_desk' }).where('organization_id', '=', org.id).where('user_id', '=', nurse.userId).execute();
    expect(await me()).toBe('front_desk');
    expect(await status(nurse.cookie)).toBe(200);
    await t.db.updateTable('memberships').set({ active: false }).where('organization_id', '=', org.id).where('user_id', '=', nurse.userId).execute();
    expect(await status(nurse.cookie)).not.toBe(200);

    const desk = await t.factory.actor(org, 'front_desk');
    expect(await status(desk.cookie)).toBe(200);
    expect((await t.request('/api/auth/sign-out', { cookie: desk.cookie, body: {} })).status).toBe(200);
    expect(await status(desk.cookie)).toBe(401);
  });
});

describe('passwords', () => {
  it('common and guessable passwords are refused with a reason, at registration, invitation, reset and change', async () => {
    for (const weak of ['password12', '1234567890', 'aaaaaaaaaa']) {
      const reg = await t.request('/api/register', { body: { organizationSlug: org.slug, firstName: 'Wes', lastName: 'Weak', email: `weak-${weak}@example.com`, password: weak } });
      expect(reg.status, weak).toBe(400);
      const body = (await reg.json()) as { errors: { path: string; message: string }[] };
      expect(body.errors[0]!.path).toBe('password');
      expect(body.errors[0]!.message).toMatch(/too easy to guess/);
    }
    const desk = await t.factory.actor(org, 'front_desk');
    const change = await t.request('/api/auth/change-password', { cookie: desk.cookie, body: { currentPassword: PASSWORD, newPassword: '1234567890' } });
    expect(change.status).toBe(400);
    expect(((await change.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe('newPassword');
    const reset = await t.request('/api/auth/reset-password', { body: { token: 'x'.repeat(24), newPassword: 'password12' } });
    expect(reset.status).toBe(400);
    expect(((await reset.json()) as { detail: string }).detail).toMatch(/too easy to guess/);
    // a strong one still works
    expect((await t.request('/api/auth/change-password', { cookie: desk.cookie, body: { currentPassword: PASSWORD, newPassword: 'quiet-harbour-lantern-42' } })).status).toBe(200);
  });
});
