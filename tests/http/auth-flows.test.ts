import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { PASSWORD, type Org } from '../support/factory.js';
import { totpFromUri } from '../support/totp.js';

let t: TestApp;
let org: Org;

const json = async <T>(res: Response) => (await res.json()) as T;
const cookieOf = (res: Response) => res.headers.get('set-cookie')?.split(';')[0] ?? '';
let lastToken = '';
/** Opens the newest confirmation link sent to `email` as its mailbox owner would. */
async function verifyFromOutbox(email: string): Promise<string> {
  const msg = await t.db.selectFrom('outbox_messages').selectAll().where('to_address', '=', email).where('kind', '=', 'account.verify').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
  lastToken = /token=([A-Za-z0-9_-]+)/.exec(t.secrets.open(msg.secret_sealed!))![1]!;
  const res = await t.request('/api/register/verify', { body: { token: lastToken } });
  expect(res.status).toBe(200);
  return (await json<{ clientId: string }>(res)).clientId;
}

beforeAll(async () => {
  t = await createTestApp({ lockout: { maxFailures: 3, lockMinutes: 15 } });
  org = await t.factory.org();
});
afterAll(() => t.close());

describe('sign-in and accounts', () => {
  it('a visitor without a session is told so, with a 200 and no error (nothing in every visitor\'s console)', async () => {
    const res = await t.request('/api/me');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ signedIn: false, reason: null });
    // a cookie that is no session is the same visitor
    expect(await json(await t.request('/api/me', { cookie: 'dermis.session_token=not-a-session' }))).toEqual({ signedIn: false, reason: null });
  });

  it('a client registers, confirms the email with the link sent to it, signs in with an httpOnly SameSite cookie, and sees only their record', async () => {
    const reg = await t.request('/api/register', { body: { organizationSlug: org.slug, firstName: 'Rae', lastName: 'Reg', email: 'rae@example.com', password: 'rae-password-123' } });
    expect(reg.status).toBe(202);
    expect(await reg.json()).toEqual({ status: 'check_email', email: 'rae@example.com' });
    const signIn = await t.request('/api/auth/sign-in/email', { body: { email: 'rae@example.com', password: 'rae-password-123' } });
    expect(signIn.status).toBe(200);
    const setCookie = signIn.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = cookieOf(signIn);
    // before the email is confirmed: who they are, and nothing else
    expect(await json<{ user: { emailVerified: boolean }; clientId: string | null }>(await t.request('/api/me', { cookie }))).toMatchObject({ user: { emailVerified: false }, clientId: null });
    const early = await t.request('/api/organization', { cookie });
    expect(early.status).toBe(403);
    const refusal = await json<{ reason: string; detail: string }>(early);
    expect(refusal.reason).toBe('email_unverified');
    expect(refusal.detail).toContain('rae@example.com');

    const clientId = await verifyFromOutbox('rae@example.com');
    const me = await json<{ role: string; clientId: string }>(await t.request('/api/me', { cookie }));
    expect(me).toMatchObject({ role: 'client', clientId });
    expect((await t.request('/api/organization', { cookie })).status).toBe(200);

    // registering again with a known email answers the same, creates nothing, and emails the owner of the address
    const dup = await t.request('/api/register', { body: { organizationSlug: org.slug, firstName: 'R', lastName: 'R', email: 'RAE@example.com', password: 'rae-password-123' } });
    expect(dup.status).toBe(202);
    expect(await dup.json()).toEqual({ status: 'check_email', email: 'rae@example.com' });
    const notice = await t.db.selectFrom('outbox_messages').select(['body_text']).where('to_address', '=', 'rae@example.com').where('kind', '=', 'account.exists').executeTakeFirstOrThrow();
    expect(notice.body_text).toMatch(/You already have one/);
    // a staff email is answered the same way too
    const staff = await t.factory.actor(org, 'owner');
    const asStaff = await t.request('/api/register', { body: { organizationSlug: org.slug, firstName: 'R', lastName: 'R', email: staff.email, password: 'rae-password-123' } });
    expect(asStaff.status).toBe(202);
  });

  it('registering with the email of a client the desk made reaches none of their records until the mailbox owner confirms it', async () => {
    const desk = await t.factory.actor(org, 'front_desk');
    const victim = await t.factory.client(org, { firstName: 'Vera', lastName: 'Victim', email: 'victim@example.com' });
    const reg = await t.request('/api/register', { body: { organizationSlug: org.slug, firstName: 'Mallory', lastName: 'Attacker', email: 'victim@example.com', password: 'attacker-password-1' } });
    expect(reg.status).toBe(202);
    expect(JSON.stringify(await reg.json())).not.toContain(victim.id);
    const cookie = await t.signIn('victim@example.com', 'attacker-password-1');
    expect(await json<{ clientId: string | null }>(await t.request('/api/me', { cookie }))).toMatchObject({ clientId: null });
    for (const path of [`/api/clients/${victim.id}`, `/api/clients/${victim.id}/intake`, `/api/clients/${victim.id}/consents`, '/api/bookings']) {
      const res = await t.request(path, { cookie });
      expect(res.status, path).toBe(403);
      expect(await res.text()).not.toContain('Vera');
    }
    const row = await t.db.selectFrom('clients').select('user_id').where('id', '=', victim.id).executeTakeFirstOrThrow();
    expect(row.user_id).toBeNull();
    // the link went to Vera's mailbox, not to the registrant; staff cannot read it either
    const seen = (await json<{ items: { to: string; body: string }[] }>(await t.request('/api/outbox', { cookie: desk.cookie }))).items.find((m) => m.to === 'victim@example.com')!;
    expect(seen.body).not.toMatch(/token=/);
    // whoever holds the mailbox confirms: then, and only then, the record is linked
    expect(await verifyFromOutbox('victim@example.com')).toBe(victim.id);
    // the link works once
    const again = await t.request('/api/register/verify', { body: { token: lastToken } });
    expect(again.status).toBe(400);
  });

  it('registration is rate-limited per address', async () => {
    const from = { 'x-forwarded-for': '192.0.2.44' };
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await t.request('/api/register', { headers: from, body: { organizationSlug: org.slug, firstName: 'Bulk', lastName: `N${i}`, email: `bulk-${i}@example.com`, password: 'bulk-password-123' } });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 202)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('public sign-up through the auth library is closed', async () => {
    const res = await t.request('/api/auth/sign-up/email', { body: { name: 'x', email: 'x@example.com', password: 'abcdefghijkl' } });
    expect(res.status).toBe(404);
  });

  it('repeated failures lock that source out of the account, not the real person elsewhere; repeats lock longer; all audited', async () => {
    const a = await t.factory.actor(org, 'provider');
    const attacker = { 'x-forwarded-for': '203.0.113.77' };
    const fail = () => t.request('/api/auth/sign-in/email', { body: { email: a.email, password: 'wrong-password-x' }, headers: attacker });
    for (let i = 0; i < 3; i++) expect((await fail()).status).toBe(401);
    const locked = await t.request('/api/auth/sign-in/email', { body: { email: a.email, password: PASSWORD }, headers: attacker });
    expect(locked.status).toBe(429);
    const firstWait = Number(locked.headers.get('retry-after'));
    expect(firstWait).toBeGreaterThan(0);
    expect((await json<{ detail: string }>(locked)).detail).toMatch(/Too many failed sign-in attempts/);
    // the real person, from their own device, is not locked out
    const elsewhere = await t.request('/api/auth/sign-in/email', { body: { email: a.email, password: PASSWORD }, headers: { 'x-forwarded-for': '198.51.100.9' } });
    expect(elsewhere.status).toBe(200);
    // after the lock passes, the same source failing again is locked for longer
    await t.db.updateTable('sign_in_failures').set({ locked_until: new Date(Date.now() - 1000) }).where('email', '=', a.email).execute();
    for (let i = 0; i < 3; i++) expect((await fail()).status).toBe(401);
    const again = await t.request('/api/auth/sign-in/email', { body: { email: a.email, password: PASSWORD }, headers: attacker });
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(firstWait * 1.5);
    const actions = await t.db.selectFrom('audit_events').select('action').where('actor_user_id', '=', a.userId).orderBy('position').execute();
    expect(actions.map((x) => x.action)).toEqual(expect.arrayContaining(['auth.sign_in', 'auth.sign_in_failed', 'auth.locked']));
  });

  it('password reset goes through the outbox and the link sets a new password', async () => {
    const a = await t.factory.actor(org, 'front_desk');
    const res = await t.request('/api/auth/request-password-reset', { body: { email: a.email, redirectTo: '/reset-password' } });
    expect(res.status).toBe(200);
    const msg = await t.db.selectFrom('outbox_messages').selectAll().where('to_address', '=', a.email).where('kind', '=', 'password_reset').executeTakeFirstOrThrow();
    // the link is sealed apart from the body; delivery opens it (tests/http/account-secrets.test.ts)
    const token = /token=([^\s&]+)/.exec(t.secrets.open(msg.secret_sealed!))![1]!;
    const reset = await t.request('/api/auth/reset-password', { body: { newPassword: 'brand-new-password-1', token: decodeURIComponent(token) } });
    expect(reset.status).toBe(200);
    expect((await t.request('/api/auth/sign-in/email', { body: { email: a.email, password: PASSWORD } })).status).toBe(401);
    expect((await t.request('/api/auth/sign-in/email', { body: { email: a.email, password: 'brand-new-password-1' } })).status).toBe(200);
  });

  it('an owner invites staff by email; the invitee sets a password once and signs in with the role', async () => {
    const owner = await t.factory.actor(org, 'owner');
    const inv = await t.request('/api/invitations', { cookie: owner.cookie, body: { email: 'new.nurse@example.com', role: 'provider' } });
    expect(inv.status).toBe(201);
    const msg = await t.db.selectFrom('outbox_messages').selectAll().where('to_address', '=', 'new.nurse@example.com').executeTakeFirstOrThrow();
    const token = /token=([A-Za-z0-9_-]+)/.exec(t.secrets.open(msg.secret_sealed!))![1]!;
    const accept = await t.request('/api/invitations/accept', { body: { token, name: 'New Nurse', password: 'nurse-password-1' } });
    expect(accept.status).toBe(201);
    const again = await t.request('/api/invitations/accept', { body: { token, name: 'New Nurse', password: 'nurse-password-1' } });
    expect(again.status).toBe(400);
    const cookie = await t.signIn('new.nurse@example.com', 'nurse-password-1');
    expect((await json<{ role: string }>(await t.request('/api/me', { cookie }))).role).toBe('provider');
  });

  it('TOTP: an owner must set it up before anything else; sign-in then needs the code; owners may not switch it off', async () => {
    const owner = await t.factory.actor(org, 'owner', { twoFactor: false });
    const me0 = await json<{ twoFactorSetupRequired: boolean }>(await t.request('/api/me', { cookie: owner.cookie }));
    expect(me0.twoFactorSetupRequired).toBe(true);
    const blocked = await t.request('/api/organization', { cookie: owner.cookie });
    expect(blocked.status).toBe(403);
    expect(await json<{ reason: string; detail: string }>(blocked)).toMatchObject({ reason: 'two_factor_setup_required' });

    const enable = await t.request('/api/auth/two-factor/enable', { cookie: owner.cookie, body: { password: PASSWORD } });
    expect(enable.status).toBe(200);
    const { totpURI, backupCodes } = await json<{ totpURI: string; backupCodes: string[] }>(enable);
    expect(backupCodes.length).toBeGreaterThan(5);
    const verify = await t.request('/api/auth/two-factor/verify-totp', { cookie: owner.cookie, body: { code: await totpFromUri(totpURI) } });
    expect(verify.status).toBe(200);

    const first = await t.request('/api/auth/sign-in/email', { body: { email: owner.email, password: PASSWORD } });
    expect(first.status).toBe(200);
    expect(await json<{ twoFactorRedirect?: boolean }>(first)).toMatchObject({ twoFactorRedirect: true });
    const pending = first.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    // half signed in is not signed in: /api/me says so (200, no session) and nothing else opens
    const half = await t.request('/api/me', { cookie: pending });
    expect(half.status).toBe(200);
    expect(await json<{ signedIn?: boolean }>(half)).toMatchObject({ signedIn: false });
    expect((await t.request('/api/organization', { cookie: pending })).status).toBe(401);
    const second = await t.request('/api/auth/two-factor/verify-totp', { cookie: pending, body: { code: await totpFromUri(totpURI) } });
    expect(second.status).toBe(200);
    const session = second.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c!.includes('session_token'))!;
    const me = await json<{ role: string; twoFactorRequired: boolean; twoFactorSetupRequired: boolean }>(await t.request('/api/me', { cookie: session }));
    expect(me).toMatchObject({ role: 'owner', twoFactorRequired: true, twoFactorSetupRequired: false });
    expect((await t.request('/api/organization', { cookie: session })).status).toBe(200);
    const disable = await t.request('/api/auth/two-factor/disable', { cookie: session, body: { password: PASSWORD } });
    expect(disable.status).toBe(403);
  });

  it('the owner can require two-step sign-in of every staff member; then a provider sets it up and cannot switch it off', async () => {
    const spa = await t.factory.org('Strict Spa');
    const owner = await t.factory.actor(spa, 'owner');
    const nurse = await t.factory.actor(spa, 'provider');
    expect((await t.request('/api/organization', { cookie: nurse.cookie })).status).toBe(200);
    const policy = await t.request('/api/organization/two-factor', { method: 'PUT', cookie: owner.cookie, body: { requireForAllStaff: true } });
    expect(policy.status).toBe(200);
    const blocked = await t.request('/api/organization', { cookie: nurse.cookie });
    expect(blocked.status).toBe(403);
    expect(await json<{ reason: string }>(blocked)).toMatchObject({ reason: 'two_factor_setup_required' });
    const enable = await t.request('/api/auth/two-factor/enable', { cookie: nurse.cookie, body: { password: PASSWORD } });
    const { totpURI } = await json<{ totpURI: string }>(enable);
    const verify = await t.request('/api/auth/two-factor/verify-totp', { cookie: nurse.cookie, body: { code: await totpFromUri(totpURI) } });
    const session = verify.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c!.includes('session_token'))!;
    expect((await t.request('/api/organization', { cookie: session })).status).toBe(200);
    expect((await t.request('/api/auth/two-factor/disable', { cookie: session, body: { password: PASSWORD } })).status).toBe(403);
  });
});
