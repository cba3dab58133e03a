// Clinic sign-up (issue 15, item 1): a new owner creates a clinic from the public page, confirms the
// email from the message their mailbox receives, sets up two-step sign-in and works through the
// set-up checklist. Sign-up is rate-limited, answers known and unknown emails alike, names every bad
// field in plain words and can be closed by the operator; a new clinic is off the public pages until
// its owner switches online booking on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { startSmtp, waitForMail } from '../support/smtp.js';
import { smtpEmail } from '../../src/adapters/email/smtp.js';
import { deliverPendingEmail } from '../../src/services/outbox/deliver-pending-email.js';
import { consentDocumentsVersion } from '../../src/services/organization/review-consents.js';
import { PASSWORD, enrolTwoFactor } from '../support/factory.js';
import { clinicLinkToken, signUpBody, signUpClinic } from '../support/sign-up.js';
import { seedDemo } from '../../src/services/seed/seed-demo.js';
import { DEMO_PASSWORD } from '../../src/services/seed/demo-data.js';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtp>>;

const json = async <T>(res: Response) => (await res.json()) as T;
type Checklist = { complete: boolean; done: number; total: number; steps: { id: string; done: boolean; detail: string; href: string }[] };
type Problem = { detail: string; reason?: string; errors?: { path: string; message: string }[] };

beforeAll(async () => {
  t = await createTestApp();
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.close();
  await t.close();
});

describe('clinic sign-up', () => {
  it('creates the clinic, its first location with the time zone and state, and the owner, in one go, and emails a confirmation link', async () => {
    const body = signUpBody({ clinicName: 'Élan Skin Studio', email: 'Rosa.Owner@Example.com', timeZone: 'america/denver', state: 'co', address: '1600 Glenarm Pl, Denver, CO 80202', locationName: 'Union Station' });
    const res = await t.request('/api/clinic-sign-up', { body });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: 'check_email', email: 'rosa.owner@example.com' });

    const org = await t.db.selectFrom('organizations').selectAll().where('name', '=', 'Élan Skin Studio').executeTakeFirstOrThrow();
    expect(org).toMatchObject({ slug: 'elan-skin-studio', online_booking: false, consents_reviewed_at: null });
    const locations = await t.db.selectFrom('locations').selectAll().where('organization_id', '=', org.id).execute();
    expect(locations).toEqual([expect.objectContaining({ name: 'Union Station', time_zone: 'America/Denver', state: 'CO', address: '1600 Glenarm Pl, Denver, CO 80202' })]);
    const members = await t.db.selectFrom('memberships as m').innerJoin('users as u', 'u.id', 'm.user_id').select(['m.role', 'u.email', 'u.email_verified']).where('m.organization_id', '=', org.id).execute();
    expect(members).toEqual([{ role: 'owner', email: 'rosa.owner@example.com', email_verified: false }]);
    // empty but usable: no demo data of any kind
    for (const table of ['clients', 'services', 'rooms', 'devices', 'price_list_items', 'bookings'] as const) {
      expect(await t.db.selectFrom(table).select('organization_id').where('organization_id', '=', org.id).execute(), table).toEqual([]);
    }
    const audit = await t.db.selectFrom('audit_events').select(['action', 'actor_role']).where('organization_id', '=', org.id).orderBy('position').execute();
    expect(audit.map((a) => a.action)).toEqual(['organization.sign_up', 'organization.owner_verification_sent']);

    // the link reaches the mailbox over SMTP; nobody reading the clinic's outbox sees it
    const email = smtpEmail(smtp.url, 'Dermis <no-reply@dermis.local>');
    await deliverPendingEmail(t.db, email, { secrets: t.secrets });
    email.close();
    const mail = await waitForMail(smtp.received, 'rosa.owner@example.com', /start\/confirm\?token=/);
    expect(mail).toContain('Confirm this is your email address to open');
    const token = /start\/confirm\?token=([A-Za-z0-9_-]+)/.exec(mail)![1]!;
    const stored = await t.db.selectFrom('outbox_messages').select(['body_text', 'secret_sealed']).where('to_address', '=', 'rosa.owner@example.com').executeTakeFirstOrThrow();
    expect(stored.body_text).not.toContain(token);
    expect(stored.secret_sealed).toBeNull();

    const ok = await t.request('/api/clinic-sign-up/verify', { body: { token } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ organizationName: 'Élan Skin Studio', email: 'rosa.owner@example.com' });
    // the link works once
    expect((await t.request('/api/clinic-sign-up/verify', { body: { token } })).status).toBe(400);
  });

  it('shows the owner nothing before the email is confirmed, then asks for two-step sign-in before anything else', async () => {
    const body = signUpBody();
    expect((await t.request('/api/clinic-sign-up', { body })).status).toBe(202);
    let cookie = await t.signIn(body.email, body.password);
    expect(await json<{ role: string; user: { emailVerified: boolean } }>(await t.request('/api/me', { cookie }))).toMatchObject({ role: 'owner', user: { emailVerified: false } });
    for (const path of ['/api/organization', '/api/organization/setup', '/api/clients']) {
      const res = await t.request(path, { cookie });
      expect(res.status, path).toBe(403);
      expect((await json<Problem>(res)).reason).toBe('email_unverified');
    }
    // a new link; the first one stops working
    const first = await clinicLinkToken(t, body.email);
    const resend = await t.request('/api/clinic-sign-up/verification-email', { cookie, body: {} });
    expect(resend.status).toBe(202);
    const second = await clinicLinkToken(t, body.email);
    expect(second).not.toBe(first);
    expect((await t.request('/api/clinic-sign-up/verify', { body: { token: first } })).status).toBe(400);
    expect((await t.request('/api/clinic-sign-up/verify', { body: { token: second } })).status).toBe(200);

    // confirmed: now the owner's role requires two-step sign-in first
    const me = await json<{ twoFactorSetupRequired: boolean }>(await t.request('/api/me', { cookie }));
    expect(me.twoFactorSetupRequired).toBe(true);
    const blocked = await t.request('/api/organization/setup', { cookie });
    expect(blocked.status).toBe(403);
    expect((await json<Problem>(blocked)).reason).toBe('two_factor_setup_required');
    ({ cookie } = await enrolTwoFactor(t.request, cookie, body.password));
    const setup = await t.request('/api/organization/setup', { cookie });
    expect(setup.status).toBe(200);
    const list = await json<Checklist>(setup);
    expect(list).toMatchObject({ complete: false, done: 0, total: 8 });
    expect(list.steps.map((s) => s.id)).toEqual(['hours', 'providers', 'rooms', 'devices', 'services', 'billing', 'consents', 'online_booking']);
    expect((await t.request('/api/clinic-sign-up/verification-email', { cookie, body: {} })).status).toBe(409);
    // and the owner can never switch it off
    expect((await t.request('/api/auth/two-factor/disable', { cookie, body: { password: body.password } })).status).toBe(403);
  });

  it('answers an email that has an account exactly like a new one, makes no clinic, and tells the account by email', async () => {
    const spa = await t.factory.org('Home Spa');
    const nurse = await t.factory.actor(spa, 'provider');
    const before = await t.db.selectFrom('organizations').select('id').execute();
    const res = await t.request('/api/clinic-sign-up', { body: signUpBody({ email: nurse.email.toUpperCase(), password: 'some-other-password-77' }) });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: 'check_email', email: nurse.email });
    expect(await t.db.selectFrom('organizations').select('id').execute()).toEqual(before);
    const notice = await t.db.selectFrom('outbox_messages').select(['organization_id', 'body_text']).where('to_address', '=', nurse.email).where('kind', '=', 'account.exists').executeTakeFirstOrThrow();
    expect(notice.organization_id).toBe(spa.id);
    expect(notice.body_text).toMatch(/already has a Dermis account/);
    // the account's password is unchanged
    expect((await t.request('/api/auth/sign-in/email', { body: { email: nurse.email, password: PASSWORD } })).status).toBe(200);
  });

  it('is rate-limited per address and per email', async () => {
    const from = { 'x-forwarded-for': '192.0.2.77' };
    const perAddress: number[] = [];
    for (let i = 0; i < 6; i++) perAddress.push((await t.request('/api/clinic-sign-up', { headers: from, body: signUpBody() })).status);
    expect(perAddress).toEqual([202, 202, 202, 202, 202, 429]);

    const email = 'flood@example.com';
    const perEmail: number[] = [];
    for (let i = 0; i < 4; i++) perEmail.push((await t.request('/api/clinic-sign-up', { body: signUpBody({ email }) })).status);
    expect(perEmail).toEqual([202, 202, 202, 429]);
    const refusal = await t.request('/api/clinic-sign-up', { body: signUpBody({ email }) });
    expect((await json<Problem>(refusal)).detail).toMatch(/Too many sign-ups with this email address/);
  });

  it('names each bad field in plain words', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ clinicName: '' }, 'clinicName', /^Enter the clinic name/],
      [{ ownerName: ' ' }, 'ownerName', /^Enter your name/],
      [{ email: 'not-an-email' }, 'email', /^Enter an email address such as name@example.com/],
      [{ password: 'short' }, 'password', /at least 10 characters/],
      [{ password: 'password1234' }, 'password', /too easy to guess/],
      [{ address: '' }, 'address', /^Enter the street address/],
      [{ locationName: '' }, 'locationName', /^Enter the name of the location/],
      [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone', /^Choose the time zone of the location/],
      [{ timeZone: '+05:00' }, 'timeZone', /^Choose the time zone of the location/],
      [{ timeZone: 'Etc/GMT+5' }, 'timeZone', /^Choose the time zone of the location/],
      [{ timeZone: '' }, 'timeZone', /^Choose the time zone of the location/],
      [{ state: 'ZZ' }, 'state', /^Choose the US state the location is in/],
      [{ state: 'Texas' }, 'state', /^Choose the US state the location is in/],
      [{ state: '' }, 'state', /^Choose a US state/],
    ];
    for (const [over, field, message] of cases) {
      const res = await t.request('/api/clinic-sign-up', { body: signUpBody(over) });
      expect(res.status, field).toBe(400);
      const p = await json<Problem>(res);
      expect(p.errors?.map((e) => e.path), JSON.stringify(over)).toEqual([field]);
      expect(p.errors![0]!.message, JSON.stringify(over)).toMatch(message);
    }
    const extra = await t.request('/api/clinic-sign-up', { body: { ...signUpBody(), organizationId: '00000000-0000-4000-8000-000000000000' } });
    expect(extra.status).toBe(400);
  });

  it('can be closed by the operator (DERMIS_PUBLIC_SIGNUP=off)', async () => {
    const closed = await createTestApp({ publicSignUp: false });
    try {
      const res = await closed.request('/api/clinic-sign-up', { body: signUpBody() });
      expect(res.status).toBe(403);
      expect(await json<Problem>(res)).toMatchObject({ reason: 'sign_up_closed' });
      expect(await closed.db.selectFrom('organizations').select('id').execute()).toEqual([]);
    } finally {
      await closed.close();
    }
  });
});

describe('the set-up checklist', () => {
  it('progresses as each step is done, from what the clinic records', async () => {
    const { org, owner } = await signUpClinic(t, { clinicName: 'Checklist Clinic' });
    const cookie = owner.cookie;
    const call = async (method: string, path: string, body: unknown) => {
      const res = await t.request(path, { method, cookie, body });
      expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBeLessThan(300);
      return json<{ id: string }>(res);
    };
    const progress = async () => {
      const list = await json<Checklist>(await t.request('/api/organization/setup', { cookie }));
      return { done: list.done, open: list.steps.filter((s) => !s.done).map((s) => s.id), complete: list.complete, list };
    };
    const start = await progress();
    expect(start.done).toBe(0);
    expect(start.list.steps.find((s) => s.id === 'rooms')).toMatchObject({ detail: 'Add a treatment room at Downtown.', href: '/console/settings?tab=scheduling' });

    const weekly = { 1: [{ start: '09:00', end: '17:00' }], 3: [{ start: '09:00', end: '17:00' }] };
    await call('PUT', `/api/locations/${org.locationId}/schedule`, { weekly, gridMin: 15, minNoticeMin: 60, horizonDays: 60, holdMin: 10, lateCancelHours: 24 });
    expect((await progress()).done).toBe(1);

    // a provider joins by invitation, then the owner records the licence
    await call('POST', '/api/invitations', { email: 'nurse.new@example.com', role: 'provider' });
    const msg = await t.db.selectFrom('outbox_messages').selectAll().where('to_address', '=', 'nurse.new@example.com').executeTakeFirstOrThrow();
    const invite = /token=([A-Za-z0-9_-]+)/.exec(t.secrets.open(msg.secret_sealed!))![1]!;
    const accepted = await json<{ userId: string }>(await t.request('/api/invitations/accept', { body: { token: invite, name: 'Nia Nurse, RN', password: 'nurse-password-2026' } }));
    expect((await progress()).open).toContain('providers');
    await call('PUT', `/api/staff/${accepted.userId}/licence`, { licenceType: 'rn', licenceNumber: 'TX-RN-5521', licenceState: 'TX', licenceExpiresOn: '2030-06-30' });
    expect(await progress()).toMatchObject({ done: 2, open: ['rooms', 'devices', 'services', 'billing', 'consents', 'online_booking'] });

    await call('POST', `/api/locations/${org.locationId}/rooms`, { name: 'Room 1' });
    await call('POST', `/api/locations/${org.locationId}/devices`, { modality: 'pen', manufacturer: 'Crown Aesthetics', model: 'SkinPen Precision', serial: 'SP-CL-0001' });
    expect((await progress()).done).toBe(4);

    // a service without a price is not done; with its price at every location it is
    await call('POST', '/api/services', { code: 'pen_face', name: 'Pen microneedling, full face', kind: 'treatment', modality: 'pen', treatmentMin: 40, numbingMin: 20, needsDevice: true });
    const unpriced = await progress();
    expect(unpriced.done).toBe(4);
    expect(unpriced.list.steps.find((s) => s.id === 'services')).toMatchObject({ detail: 'Set a price for Pen microneedling, full face at every location.', href: '/console/settings?tab=prices' });
    await call('POST', `/api/locations/${org.locationId}/prices`, { serviceCode: 'pen_face', name: 'Pen microneedling, full face', modality: 'pen', priceCents: 35_000, effectiveFrom: '2026-01-01' });
    expect((await progress()).done).toBe(5);

    await call('PUT', `/api/locations/${org.locationId}/billing-settings`, {
      taxRateBp: 825, taxServices: false, lateCancelKeepsDeposit: true, noShowKeepsDeposit: true, lateCancelForfeitsSession: true, noShowForfeitsSession: true, packageRefundFeeBp: 0, deposits: [],
    });
    expect((await progress()).done).toBe(6);

    // the consent documents: the version read must be the one in force
    const stale = await t.request('/api/organization/consent-review', { method: 'PUT', cookie, body: { version: '1999.1.1' } });
    expect(stale.status).toBe(409);
    await call('PUT', '/api/organization/consent-review', { version: consentDocumentsVersion() });
    expect((await progress()).open).toEqual(['online_booking']);

    // a medical director reads the checklist but cannot switch online booking on
    const director = await t.factory.actor(org, 'medical_director');
    expect((await t.request('/api/organization/setup', { cookie: director.cookie })).status).toBe(200);
    expect((await t.request('/api/organization/online-booking', { method: 'PUT', cookie: director.cookie, body: { enabled: true } })).status).toBe(403);
    await call('PUT', '/api/organization/online-booking', { enabled: true });
    expect(await progress()).toMatchObject({ done: 8, complete: true, open: [] });
    const audit = await t.db.selectFrom('audit_events').select('action').where('organization_id', '=', org.id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['organization.consents_reviewed', 'organization.online_booking']));
  });

  it('keeps a new clinic off the public pages, registration and portal booking until online booking is on', async () => {
    const { org, owner } = await signUpClinic(t, { clinicName: 'Quiet Clinic' });
    const listed = async () => (await json<{ items: { slug: string }[] }>(await t.request('/api/public/organizations'))).items.map((o) => o.slug);
    expect(await listed()).not.toContain(org.slug);
    expect((await t.request(`/api/public/organizations/${org.slug}`)).status).toBe(404);
    const register = () => t.request('/api/register', { body: { organizationSlug: org.slug, firstName: 'Cara', lastName: 'Client', email: `cara-${org.slug}@example.com`, password: 'cara-password-2026' } });
    const refused = await register();
    expect(refused.status).toBe(400);
    expect((await json<Problem>(refused)).errors![0]).toMatchObject({ path: 'organizationSlug', message: 'Choose a MedSpa from the list' });

    // a client the clinic already has, with an account, cannot book in the portal while it is off
    const client = await t.factory.actor(org, 'client');
    const booking = await t.request('/api/bookings', { cookie: client.cookie, body: { locationId: org.locationId, serviceId: '00000000-0000-4000-8000-000000000000', clientId: client.clientId, start: '2030-01-07T15:00:00Z', idempotencyKey: 'portal-booking-1' } });
    expect(booking.status).toBe(403);
    expect(await json<Problem>(booking)).toMatchObject({ reason: 'online_booking_off' });

    expect((await t.request('/api/organization/online-booking', { method: 'PUT', cookie: owner.cookie, body: { enabled: true } })).status).toBe(200);
    expect(await listed()).toContain(org.slug);
    expect((await t.request(`/api/public/organizations/${org.slug}`)).status).toBe(200);
    expect((await register()).status).toBe(202);
    expect(await json<{ onlineBooking: boolean }>(await t.request('/api/organization', { cookie: owner.cookie }))).toMatchObject({ onlineBooking: true });
  });

  it("is complete for the demo clinic, so the demo's owner lands on the schedule, not on the checklist", async () => {
    await seedDemo({ db: t.db, identity: t.identity, now: () => new Date() }, { onlyIfEmpty: false });
    const { cookie } = await enrolTwoFactor(t.request, await t.signIn('owner@glow.example.com', DEMO_PASSWORD), DEMO_PASSWORD);
    const list = await json<Checklist>(await t.request('/api/organization/setup', { cookie }));
    expect(list.steps.filter((s) => !s.done)).toEqual([]);
    expect(list.complete).toBe(true);
  }, 60_000);
});
