// Recall flows end to end over HTTP and the real job (docs/recall.md): a series client whose next
// window opens gets one message (never twice, even with the job run twice at once), delivered over
// SMTP with a booking link to the right service and a working unsubscribe link; marketing flows skip
// clients without opt-in; quiet hours hold the message back; unsubscribing stops marketing; and a
// booking within 14 days of a recall is counted in the Recall report.
import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ORIGIN, type TestApp } from '../support/test-app.js';
import { setUpClinic, type Clinic } from '../support/clinic.js';
import type { Org } from '../support/factory.js';
import { nextWeekdayIn } from '../support/treated-client.js';
import { startSmtp } from '../support/smtp.js';
import { smtpEmail } from '../../src/adapters/email/smtp.js';
import { deliverPendingEmail } from '../../src/services/outbox/deliver-pending-email.js';
import { runRecalls } from '../../src/services/recall/run-recalls.js';

const ZONE = 'America/Chicago';
const DAY = 86_400_000;
let t: TestApp;
let org: Org;
let clinic: Clinic;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
const run = () => runRecalls({ db: t.db, now: () => new Date(), publicUrl: ORIGIN, secrets: t.secrets });

/** Quoted-printable soft line breaks and escapes undone, so links read whole. */
const plain = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

async function completedVisit(clientId: string, serviceId: string, daysAgo: number, extra: { seriesId?: string; index?: number; status?: 'completed' | 'cancelled' } = {}) {
  const start = new Date(Date.now() - daysAgo * DAY);
  await t.db
    .insertInto('bookings')
    .values({
      organization_id: org.id, location_id: org.locationId, client_id: clientId, service_id: serviceId, status: extra.status ?? 'completed', starts_at: start, ends_at: new Date(start.getTime() + 3_600_000),
      provider_user_id: clinic.provider.userId, created_by: clinic.owner.userId, series_id: extra.seriesId ?? null, series_index: extra.index ?? null,
    })
    .execute();
}

/** A client who finished session 1 of a three-session series `daysAgo` and cancelled the other two. */
async function seriesClient(daysAgo: number) {
  const c = await t.factory.client(org, { firstName: 'Robin' });
  const seriesId = randomUUID();
  await completedVisit(c.id, clinic.penId, daysAgo, { seriesId, index: 1 });
  await completedVisit(c.id, clinic.penId, daysAgo - 30, { seriesId, index: 2, status: 'cancelled' });
  await completedVisit(c.id, clinic.penId, daysAgo - 60, { seriesId, index: 3, status: 'cancelled' });
  return c;
}

const flowText = { channel: 'email', subject: 'Time to book your next {serviceName} session', body: 'Hi {firstName}, your next {serviceName} window is open at {clinicName}. Book here: {bookingLink}\n\nTo stop these messages: {unsubscribeLink}' };
async function enable(flow: string, delayDays: number, enabled = true) {
  const res = await t.request(`/api/recall-flows/${flow}`, { method: 'PUT', cookie: clinic.owner.cookie, body: { enabled, delayDays, ...flowText } });
  expect(res.status, await res.clone().text()).toBe(200);
}
const messagesTo = (clientId: string) => t.db.selectFrom('outbox_messages').selectAll().where('organization_id', '=', org.id).where('client_id', '=', clientId).where('kind', 'like', 'recall.%').execute();

beforeAll(async () => {
  t = await createTestApp();
  org = await t.factory.org('Glow Skin Studio');
  clinic = await setUpClinic(t, org);
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.close();
  await t.close();
});

describe('recall flows', () => {
  it('gives the owner every flow with default text, refuses text without its links, and previews with the job’s renderer', async () => {
    const list = await t.request('/api/recall-flows', { cookie: clinic.owner.cookie });
    const items = ((await list.json()) as { items: { flow: string; enabled: boolean; purpose: string; available: boolean }[] }).items;
    expect(items.map((i) => [i.flow, i.enabled, i.purpose])).toEqual([['series_next', false, 'care'], ['consult_no_treatment', false, 'marketing'], ['lapsed', false, 'marketing'], ['credits_expiring', false, 'marketing']]);
    const bad = await t.request('/api/recall-flows/lapsed', { method: 'PUT', cookie: clinic.owner.cookie, body: { enabled: true, delayDays: 180, channel: 'email', subject: 'Come back', body: 'Hi {firstName}, we miss you at {clinicName}!' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { detail: string }).detail).toContain('{bookingLink}');
    const preview = await t.request('/api/recall-flows/series_next/preview', { cookie: clinic.owner.cookie, body: { subject: flowText.subject, body: flowText.body } });
    const p = (await preview.json()) as { subject: string; text: string; problems: string[] };
    expect(p.subject).toBe('Time to book your next Pen microneedling, full face session');
    expect(p.text).toContain('Hi Alex, your next Pen microneedling, full face window is open at Glow Skin Studio.');
    expect(p.problems).toEqual([]);
    const audit = await t.db.selectFrom('audit_events').select('action').where('organization_id', '=', org.id).where('action', '=', 'recall_flow.update').execute();
    expect(audit).toHaveLength(0);
  });

  it('recalls a series client once when the next window opens, with a booking link to the service and an unsubscribe link', async () => {
    const client = await seriesClient(35);
    const early = await seriesClient(5); // window not open yet (the floor is 14 days)
    expect(await run()).toBe(0); // every flow is off
    await enable('series_next', 0);
    expect(await run()).toBeGreaterThanOrEqual(1);
    // run again, and twice at once: the unique claim keeps it to one recall
    await Promise.all([run(), run()]);
    await run();
    const sent = await messagesTo(client.id);
    expect(sent).toHaveLength(1);
    expect(await messagesTo(early.id)).toHaveLength(0);
    expect(sent[0]!.kind).toBe('recall.series_next');
    expect(sent[0]!.body_text).toContain('{{secret-link}}');

    const delivered = await deliverPendingEmail(t.db, smtpEmail(smtp.url, 'Glow <no-reply@glow.test>'), { secrets: t.secrets });
    expect(delivered.sent).toBeGreaterThanOrEqual(1);
    const mail = smtp.received.find((m) => m.to.includes(client.email!))!;
    const text = plain(mail.raw);
    expect(text).toContain('Hi Robin, your next Pen microneedling, full face window is open at Glow Skin Studio.');
    const link = /http:\/\/localhost:3000\/portal\/book\?[^\s]+/.exec(text)![0];
    const q = new URL(link).searchParams;
    expect([q.get('service'), q.get('location')]).toEqual([clinic.penId, org.locationId]);
    expect(q.get('from')! <= Temporal.Now.plainDateISO(ZONE).toString()).toBe(true);
    const unsub = /http:\/\/localhost:3000\/unsubscribe\?token=([A-Za-z0-9_-]+)/.exec(text)!;
    // the token is never stored readable: neither in the outbox nor in recall_sends
    const stored = JSON.stringify(await t.db.selectFrom('recall_sends').selectAll().execute()) + JSON.stringify(await messagesTo(client.id));
    expect(stored).not.toContain(unsub[1]);
    const state = await t.request(`/api/public/unsubscribe?token=${unsub[1]}`);
    expect(await state.json()).toEqual({ clinicName: 'Glow Skin Studio', purpose: 'care', what: 'reminders from Glow Skin Studio to book the next session of your treatment course', subscribed: true });

    // the client books within 14 days (the desk books it for them here); the report counts it
    const day = nextWeekdayIn(ZONE, Temporal.Now.plainDateISO(ZONE).add({ days: 2 }));
    const start = day.toZonedDateTime({ timeZone: ZONE, plainTime: '10:00' }).toInstant().toString();
    const booked = await t.request('/api/bookings', { cookie: clinic.frontDesk.cookie, body: { locationId: org.locationId, serviceId: clinic.penId, clientId: client.id, start, idempotencyKey: `recall-${client.id}`, override: { reason: 'Booked from the recall email' } } });
    expect(booked.status, await booked.clone().text()).toBe(201);
    const today = Temporal.Now.plainDateISO(ZONE);
    const report = await t.request(`/api/reports/recall?from=${today.subtract({ days: 89 }).toString()}&to=${today.add({ days: 1 }).toString()}`, { cookie: clinic.owner.cookie });
    expect(report.status).toBe(200);
    const r = (await report.json()) as { summary: Record<string, number>; tables: { rows: { flow: string; sent: number; booked: number }[] }[] };
    expect(r.tables[0]!.rows[0]).toMatchObject({ flow: 'Next session of a series', sent: 1, booked: 1 });
    // the booking ahead means no new recall for this series
    expect(await run()).toBe(0);
  });

  it('holds a recall due in the client’s quiet hours until they end', async () => {
    const client = await seriesClient(40);
    const local = Temporal.Now.zonedDateTimeISO(ZONE);
    const hhmm = (z: Temporal.ZonedDateTime) => z.toPlainTime().toString().slice(0, 5);
    const end = local.add({ hours: 2 });
    const prefs = await t.request(`/api/clients/${client.id}/message-preferences`, { method: 'PUT', cookie: clinic.frontDesk.cookie, body: { email: true, sms: false, quietStart: hhmm(local.subtract({ hours: 1 })), quietEnd: hhmm(end) } });
    expect(prefs.status).toBe(200);
    await run();
    const [m] = await messagesTo(client.id);
    const after = new Date(m!.send_after).getTime();
    expect(after).toBeGreaterThan(Date.now() + 60 * 60_000);
    expect(after).toBeLessThanOrEqual(end.epochMilliseconds);
  });

  it('sends marketing flows only to clients who opted in, and the unsubscribe link stops them (with undo)', async () => {
    const client = await t.factory.client(org, { firstName: 'Sam' });
    await completedVisit(client.id, clinic.consultationId, 8);
    await enable('consult_no_treatment', 7);
    await run();
    expect(await messagesTo(client.id)).toHaveLength(0);
    // the desk records the client's yes; it is audited with how it was given
    const yes = await t.request(`/api/clients/${client.id}/marketing-consent`, { method: 'PUT', cookie: clinic.frontDesk.cookie, body: { optedIn: true } });
    expect(await yes.json()).toMatchObject({ optedIn: true, source: 'desk' });
    await run();
    const sent = await messagesTo(client.id);
    expect(sent.map((m) => m.kind)).toEqual(['recall.consult_no_treatment']);
    await deliverPendingEmail(t.db, smtpEmail(smtp.url, 'Glow <no-reply@glow.test>'), { secrets: t.secrets });
    const text = plain(smtp.received.find((m) => m.to.includes(client.email!))!.raw);
    const token = /\/unsubscribe\?token=([A-Za-z0-9_-]+)/.exec(text)![1]!;
    const out = await t.request('/api/public/unsubscribe', { body: { token, subscribed: false } });
    expect(await out.json()).toEqual({ clinicName: 'Glow Skin Studio', purpose: 'marketing', what: 'marketing messages from Glow Skin Studio', subscribed: false });
    const consent = await t.request(`/api/clients/${client.id}/marketing-consent`, { cookie: clinic.frontDesk.cookie });
    expect(await consent.json()).toMatchObject({ optedIn: false, source: 'unsubscribe_link' });
    // another marketing flow now skips the client
    await enable('lapsed', 7);
    await run();
    expect((await messagesTo(client.id)).map((m) => m.kind)).toEqual(['recall.consult_no_treatment']);
    const events = await t.db.selectFrom('audit_events').select(['action', 'details']).where('organization_id', '=', org.id).where('client_id', '=', client.id).where('action', '=', 'marketing_consent.update').execute();
    expect(events.map((e) => (e.details as { source: string }).source)).toEqual(['desk', 'unsubscribe_link']);
    // undo on the same page
    const undo = await t.request('/api/public/unsubscribe', { body: { token, subscribed: true } });
    expect(((await undo.json()) as { subscribed: boolean }).subscribed).toBe(true);
    await run();
    expect((await messagesTo(client.id)).map((m) => m.kind).sort()).toEqual(['recall.consult_no_treatment', 'recall.lapsed']);
  });

  it('reminds an opted-in member of a credit about to expire, once, linking to the credit’s service', async () => {
    const client = await t.factory.client(org, { firstName: 'Kai' });
    await t.request(`/api/clients/${client.id}/marketing-consent`, { method: 'PUT', cookie: clinic.frontDesk.cookie, body: { optedIn: true } });
    const today = Temporal.Now.plainDateISO(ZONE);
    const plan = await t.db.insertInto('membership_plans').values({ organization_id: org.id, location_id: org.locationId, name: 'Glow Monthly', period: 'month', fee_cents: 9_900, currency: 'USD', member_prices: '[]', credits: '[]' }).returning('id').executeTakeFirstOrThrow();
    const m = await t.db
      .insertInto('client_memberships')
      .values({ organization_id: org.id, client_id: client.id, plan_id: plan.id, location_id: org.locationId, status: 'active', billing: 'desk', started_on: today.toString(), period_start: today.toString(), period_end: today.add({ months: 1 }).toString(), term_ends_on: today.add({ months: 1 }).toString(), idempotency_key: `m-${client.id}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    const credit = (expiresInDays: number) => ({ organization_id: org.id, membership_id: m.id, client_id: client.id, service_code: 'pen_face', label: 'Included with Glow Monthly', granted_on: today.toString(), period_start: today.toString(), expires_on: today.add({ days: expiresInDays }).toString() });
    await t.db.insertInto('membership_credits').values([credit(10), credit(40)]).execute();
    await enable('credits_expiring', 14);
    await run();
    await run();
    const sent = (await messagesTo(client.id)).filter((x) => x.kind === 'recall.credits_expiring');
    expect(sent).toHaveLength(1); // the credit expiring in 40 days waits
    expect(sent[0]!.body_text).toContain(`/portal/book?service=${clinic.penId}&location=${org.locationId}`);
    expect(sent[0]!.subject).toBe('Time to book your next Pen microneedling, full face session');
  });
});
