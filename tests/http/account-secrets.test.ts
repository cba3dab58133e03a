// Issue 10, findings 1, 2 and 6: no secret link is ever readable from a stored message or by
// staff; an invitation joins only the invited address; the desk and the owner see no clinical text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { PASSWORD, type Actor, type Org } from '../support/factory.js';
import { mailText, startSmtp } from '../support/smtp.js';
import { deliverPendingEmail } from '../../src/services/outbox/deliver-pending-email.js';
import { smtpEmail } from '../../src/adapters/email/smtp.js';
import { enqueueMessage } from '../../src/services/outbox/enqueue-message.js';
import { baseIntake } from '../../src/domain/screening/engine/fixtures.js';
import { Temporal } from 'temporal-polyfill';
import { setUpClinic } from '../support/clinic.js';

let t: TestApp;
let org: Org;
let desk: Actor;
let owner: Actor;
let smtp: Awaited<ReturnType<typeof startSmtp>>;

interface OutboxItem {
  kind: string;
  to: string;
  subject: string;
  body: string;
}
const outboxAs = async (a: Actor) => ((await (await t.request('/api/outbox', { cookie: a.cookie })).json()) as { items: OutboxItem[] }).items;
const deliver = () => deliverPendingEmail(t.db, smtpEmail(smtp.url, 'Spa <no-reply@spa.example>'), { secrets: t.secrets });
const linkIn = (text: string, path: string) => new RegExp(`${path}\\?token=([^\\s]+)`).exec(text)?.[1];

beforeAll(async () => {
  t = await createTestApp();
  org = await t.factory.org();
  desk = await t.factory.actor(org, 'front_desk');
  owner = await t.factory.actor(org, 'owner');
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.close();
  await t.close();
});

describe('secret links in the outbox', () => {
  it('a password-reset link is in no stored body and no staff view; only the recipient receives it, once', async () => {
    const director = await t.factory.actor(org, 'medical_director');
    expect((await t.request('/api/auth/request-password-reset', { body: { email: director.email, redirectTo: '/reset-password' } })).status).toBe(200);

    const row = await t.db.selectFrom('outbox_messages').selectAll().where('to_address', '=', director.email).where('kind', '=', 'password_reset').executeTakeFirstOrThrow();
    expect(row.body_text).not.toMatch(/token/);
    expect(row.secret_sealed).toBeTruthy();
    expect(row.secret_sealed).not.toMatch(/token/);
    for (const staff of [desk, owner]) {
      const seen = (await outboxAs(staff)).find((m) => m.to === director.email && m.kind === 'password_reset')!;
      expect(seen.body).not.toMatch(/token/);
      expect(seen.body).toContain('private link');
    }

    await deliver();
    const mail = mailText(smtp.received.find((m) => m.to.includes(director.email))!.raw);
    const token = decodeURIComponent(linkIn(mail, '/reset-password')!);
    const after = await t.db.selectFrom('outbox_messages').select(['status', 'secret_sealed']).where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ status: 'sent', secret_sealed: null });

    expect((await t.request('/api/auth/reset-password', { body: { token, newPassword: 'director-new-password-1' } })).status).toBe(200);
    // single use
    expect((await t.request('/api/auth/reset-password', { body: { token, newPassword: 'someone-else-password-2' } })).status).toBe(400);
    expect((await t.request('/api/auth/sign-in/email', { body: { email: director.email, password: 'director-new-password-1' } })).status).toBe(200);
    const actions = await t.db.selectFrom('audit_events').select('action').where('actor_user_id', '=', director.userId).execute();
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['auth.password_reset_requested', 'auth.password_reset']));
  });

  it('an invitation link is hidden from staff; it joins only the invited address, and an existing account needs its own password', async () => {
    const inv = await t.request('/api/invitations', { cookie: owner.cookie, body: { email: 'new.director@example.com', role: 'medical_director' } });
    expect(inv.status).toBe(201);
    const seen = (await outboxAs(desk)).find((m) => m.to === 'new.director@example.com')!;
    expect(seen.body).not.toMatch(/token=/);
    const stored = await t.db.selectFrom('outbox_messages').select('body_text').where('to_address', '=', 'new.director@example.com').executeTakeFirstOrThrow();
    expect(stored.body_text).not.toMatch(/token=/);

    await deliver();
    const token = linkIn(mailText(smtp.received.find((m) => m.to.includes('new.director@example.com'))!.raw), '/accept-invite')!;
    const accepted = await t.request('/api/invitations/accept', { body: { token, name: 'New Director', password: 'director-password-9' } });
    expect(accepted.status).toBe(201);
    expect(await accepted.json()).toMatchObject({ email: 'new.director@example.com', role: 'medical_director' });
    const user = await t.db.selectFrom('users').select('email_verified').where('email', '=', 'new.director@example.com').executeTakeFirstOrThrow();
    expect(user.email_verified).toBe(true);

    // an address that already has an account: the link alone is not enough
    const other = await t.factory.org('Other Spa');
    const elsewhere = await t.factory.actor(other, 'provider');
    const inv2 = await t.request('/api/invitations', { cookie: owner.cookie, body: { email: elsewhere.email, role: 'owner' } });
    expect(inv2.status).toBe(201);
    await deliver();
    const token2 = linkIn(mailText(smtp.received.find((m) => m.to.includes(elsewhere.email))!.raw), '/accept-invite')!;
    const wrong = await t.request('/api/invitations/accept', { body: { token: token2, name: 'Mallory', password: 'mallory-password-1' } });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ errors: [{ path: 'password' }] });
    const right = await t.request('/api/invitations/accept', { body: { token: token2, name: 'ignored', password: PASSWORD } });
    expect(right.status).toBe(201);
  });
});

describe('clinical content and the non-clinical roles', () => {
  it('the desk and the owner see that an aftercare message or a red-flag alert went out, not what it says; clinicians are not affected', async () => {
    await t.db.transaction().execute(async (trx) => {
      await enqueueMessage(trx, { organizationId: org.id, channel: 'email', kind: 'alert.urgent', to: 'nurse@spa.example', subject: 'Urgent: red flag from Ava M.', text: 'A client reported a red-flag symptom 0 hours after treatment.' });
      await enqueueMessage(trx, { organizationId: org.id, channel: 'email', kind: 'aftercare.today', to: 'ava@example.com', subject: 'Your aftercare, starting now', text: 'Hello Ava, redness like a sunburn is expected.' });
    });
    for (const staff of [desk, owner]) {
      const items = await outboxAs(staff);
      const alert = items.find((m) => m.kind === 'alert.urgent')!;
      const care = items.find((m) => m.kind === 'aftercare.today')!;
      expect(alert.subject).not.toMatch(/Ava|red flag/i);
      expect(alert.body).not.toMatch(/symptom|treatment/);
      expect(care.body).not.toMatch(/redness/);
      expect(care.to).toBe('ava@example.com');
    }
  });

  it('treatment readiness tells the desk "needs the clinician" without the screening decision; risk acknowledgements are for clinicians', async () => {
    const c = await t.factory.client(org);
    const nurse = await t.factory.actor(org, 'provider');
    const today = Temporal.Now.plainDateISO('UTC');
    const intake = await t.request(`/api/clients/${c.id}/intake?source=staff`, { cookie: nurse.cookie, body: baseIntake({ answeredOn: today.toString(), pregnant: true }) });
    expect(intake.status).toBe(201);
    const screened = await t.request(`/api/clients/${c.id}/screenings`, { cookie: nurse.cookie, body: { plan: { modality: 'pen', areas: ['cheeks'], date: today.add({ days: 7 }).toString() } } });
    expect(screened.status).toBe(201);
    const stored = (await screened.json()) as { decision?: string; result?: { decision: string } };
    const decision = stored.decision ?? stored.result!.decision;
    expect(decision).not.toMatch(/eligible/);
    // a contraindication, in the plain words clients and clinicians read
    const said = /not advised/;
    // the clinician reads the reason
    const asNurse = await t.request(`/api/clients/${c.id}/treatment-readiness?modality=pen`, { cookie: nurse.cookie });
    expect(JSON.stringify(await asNurse.json())).toMatch(said);
    const asDesk = await t.request(`/api/clients/${c.id}/treatment-readiness?modality=pen`, { cookie: desk.cookie });
    expect(asDesk.status).toBe(200);
    const text = JSON.stringify(await asDesk.json());
    expect(text).not.toMatch(said);
    expect(text).not.toMatch(/latest|earliest/);
    expect(text).toMatch(/needs the clinician/);
    // booking the treatment at the desk is refused with the next step, not the clinical reason
    const spa = await setUpClinic(t, org);
    const start = Temporal.PlainDate.from(today.toString()).add({ days: 14 }).toZonedDateTime({ timeZone: 'America/Chicago', plainTime: '10:00' });
    const refused = await t.request('/api/bookings', {
      cookie: spa.frontDesk.cookie,
      body: { locationId: org.locationId, clientId: c.id, serviceId: spa.penId, start: start.toInstant().toString(), idempotencyKey: 'desk-pen-1' },
    });
    expect(refused.status).toBe(409);
    const refusal = await refused.text();
    expect(refusal).toMatch(/needs the clinician/);
    expect(refusal).not.toMatch(said);
    expect((await t.request(`/api/clients/${c.id}/risk-acknowledgements`, { cookie: desk.cookie })).status).toBe(403);
    expect((await t.request(`/api/clients/${c.id}/risk-acknowledgements`, { cookie: owner.cookie })).status).toBe(403);
  });
});
