// Confirmation, reminders and .ics through the outbox and a real SMTP server; the waitlist offering
// freed time in queue order; per-provider calendar feeds at a secret URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBookingFollowUps } from '../../src/services/scheduling/booking-follow-up.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Actor, Org } from '../support/factory.js';
import { setUpClinic, type Clinic } from '../support/clinic.js';
import { startSmtp } from '../support/smtp.js';
import { smtpEmail } from '../../src/adapters/email/smtp.js';
import { deliverPendingEmail } from '../../src/services/outbox/deliver-pending-email.js';
import { sweepExpiredHolds } from '../../src/services/scheduling/waitlist/sweep-holds.js';

let clock = new Date('2027-03-01T14:00:00Z');
let t: TestApp;
let org: Org;
let clinic: Clinic;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00-06:00`).toISOString();
let n = 0;
const key = () => `k-${n++}-${Date.now()}`;

interface BookingView {
  id: string;
  status: string;
  localTime: string;
}

async function call<T = Record<string, unknown>>(who: Actor, path: string, body?: unknown, method?: string) {
  const res = await t.request(path, { cookie: who.cookie, ...(body !== undefined ? { body } : {}), ...(method ? { method } : {}) });
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, type, data: (type.includes('json') ? await res.json() : await res.text()) as T };
}
// the worker renders a booking's messages from its follow-up row; then they are in the outbox
const messages = async (bookingId: string) => {
  await renderBookingFollowUps(t.db);
  return t.db.selectFrom('outbox_messages').selectAll().where('booking_id', '=', bookingId).orderBy('created_at').orderBy('send_after').execute();
};
const consultation = (clientId: string, start: string, extra: object = {}) => call<BookingView>(clinic.frontDesk, '/api/bookings', { locationId: org.locationId, serviceId: clinic.consultationId, clientId, start, idempotencyKey: key(), ...extra });

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  org = await t.factory.org();
  clinic = await setUpClinic(t, org);
  smtp = await startSmtp();
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('booking messages', () => {
  it('a confirmed booking queues a confirmation with an .ics file and reminders 48 and 2 hours before', async () => {
    const c = await t.factory.client(org, { firstName: 'Rosa', email: 'rosa@example.com' });
    const b = await consultation(c.id, at('2027-03-05', '10:00'));
    expect(b.status).toBe(201);
    const m = await messages(b.data.id);
    expect(m.map((x) => [x.channel, x.kind])).toEqual([
      ['email', 'booking.confirmed'],
      ['email', 'booking.reminder.48h'],
      ['email', 'booking.reminder.2h'],
      ['sms', 'booking.reminder.2h'],
    ]);
    expect(new Date(m[1]!.send_after).toISOString()).toBe('2027-03-03T16:00:00.000Z');
    expect(new Date(m[2]!.send_after).toISOString()).toBe('2027-03-05T14:00:00.000Z');
    expect(m[1]!.body_text).toContain('Stop retinoids and acids');
    expect(m[0]!.attachment_ics).toContain('BEGIN:VEVENT');

    // delivery over SMTP: the confirmation goes now with its .ics; reminders wait for their time
    const r = await deliverPendingEmail(t.db, smtpEmail(smtp.url, 'Glow <no-reply@glow.example>'));
    expect(r.sent).toBe(1);
    const mail = smtp.received.find((x) => x.to.includes('rosa@example.com'))!;
    expect(mail.raw).toContain('Subject: Confirmed: Consultation');
    expect(mail.raw).toMatch(/Content-Type: text\/calendar/i);
    expect(mail.raw).toContain('appointment.ics');
    // the attachment is encoded in the message: decode it and read the event
    const part = mail.raw.split(/Content-Type: text\/calendar[^\n]*\n/i)[1]!;
    const body = part.split(/\r?\n\r?\n/)[1]!.split(/\r?\n--/)[0]!;
    const ics = /Content-Transfer-Encoding: base64/i.test(part.split(/\r?\n\r?\n/)[0]!) ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : body;
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('SUMMARY:Consultation at');

    // a move cancels the pending reminders and queues new ones; a cancel leaves none pending
    const moved = await call<BookingView>(clinic.frontDesk, `/api/bookings/${b.data.id}/reschedule`, { start: at('2027-03-05', '15:00') }, 'POST');
    expect(moved.data.localTime).toBe('15:00');
    const afterMove = await messages(b.data.id);
    expect(afterMove.filter((x) => x.status === 'cancelled').map((x) => x.kind)).toEqual(['booking.reminder.48h', 'booking.reminder.2h']);
    expect(afterMove.filter((x) => x.status === 'pending').map((x) => x.kind)).toEqual(['booking.moved', 'booking.reminder.48h', 'booking.reminder.2h']);
    // SMS is off until the client opts in: the text reminders are on record, held, never sent
    expect(afterMove.filter((x) => x.channel === 'sms').map((x) => [x.status, x.last_error])).toEqual([
      ['held', 'the client opted out of this channel'],
      ['held', 'the client opted out of this channel'],
    ]);
    await call(clinic.frontDesk, `/api/bookings/${b.data.id}/cancel`, { reason: 'Client asked' }, 'POST');
    const afterCancel = await messages(b.data.id);
    expect(afterCancel.filter((x) => x.status === 'pending').map((x) => x.kind)).toEqual(['booking.cancelled']);
  });

  it('the booking downloads as .ics; a provider feed at a secret URL lists bookings with initials only', async () => {
    const c = await t.factory.client(org, { firstName: 'Ines', lastName: 'Vega' });
    const b = await consultation(c.id, at('2027-03-08', '11:00'));
    const file = await call<string>(clinic.frontDesk, `/api/bookings/${b.data.id}/ics`);
    expect(file.type).toContain('text/calendar');
    expect(file.data).toContain('SUMMARY:Consultation at');
    const feed = await call<{ url: string }>(clinic.provider, `/api/providers/${clinic.provider.userId}/calendar-feed`, {}, 'POST');
    expect(feed.status).toBe(201);
    const path = new URL(feed.data.url).pathname;
    const ics = await t.request(path);
    expect(ics.status).toBe(200);
    const text = await ics.text();
    expect(text).toContain('Consultation (I.V.)');
    expect(text).not.toContain('Vega');
    // another provider may not mint a feed for someone else
    const other = await t.factory.actor(org, 'provider');
    expect((await call(other, `/api/providers/${clinic.provider.userId}/calendar-feed`, {}, 'POST')).status).toBe(403);
    const renewed = await call<{ url: string }>(clinic.owner, `/api/providers/${clinic.provider.userId}/calendar-feed`, {}, 'POST');
    expect(renewed.status).toBe(201);
    expect((await t.request(path)).status).toBe(404);
  });
});

describe('waitlist', () => {
  it('a freed time goes to the first waiting client as an expiring hold, then to the next', async () => {
    const first = await t.factory.actor(org, 'client');
    const second = await t.factory.actor(org, 'client');
    const holder = await t.factory.client(org);
    // the whole of Wednesday 10 March is booked solid for consultations by one client
    const day = '2027-03-10';
    const ids: string[] = [];
    for (let h = 9; h < 17; h++) {
      for (const mm of ['00', '30']) {
        const r = await consultation(holder.id, at(day, `${String(h).padStart(2, '0')}:${mm}`), { override: { reason: 'block booking' } });
        if (r.status === 201) ids.push(r.data.id);
      }
    }
    const free = await call<{ days: unknown[] }>(first, `/api/locations/${org.locationId}/availability?serviceId=${clinic.consultationId}&from=${day}&to=${day}`);
    expect(free.data.days).toHaveLength(0);
    for (const who of [first, second]) {
      const w = await call(who, '/api/waitlist', { locationId: org.locationId, serviceId: clinic.consultationId, clientId: who.clientId, fromDate: day, toDate: day });
      expect(w.status).toBe(201);
    }
    expect((await call(first, '/api/waitlist', { locationId: org.locationId, serviceId: clinic.consultationId, clientId: first.clientId, fromDate: day, toDate: day })).status).toBe(409);

    // a cancel frees 11:00; the first in the queue gets it as a hold
    await call(clinic.frontDesk, `/api/bookings/${ids[4]!}/cancel`, { reason: 'Client cancelled' }, 'POST');
    const mine = await call<{ items: { status: string; offerBookingId: string }[] }>(first, `/api/clients/${first.clientId}/waitlist`);
    expect(mine.data.items[0]!.status).toBe('offered');
    const offer = await call<BookingView>(first, `/api/bookings/${mine.data.items[0]!.offerBookingId}`);
    expect(offer.data).toMatchObject({ status: 'held', localTime: '11:00' });
    const mail = await t.db.selectFrom('outbox_messages').select('kind').where('booking_id', '=', offer.data.id).execute();
    expect(mail.map((m) => m.kind)).toContain('waitlist.offer');

    // the first client lets it expire: the worker's sweep hands it to the second
    clock = new Date(clock.getTime() + 11 * 60_000);
    expect(await sweepExpiredHolds(t.db, clock)).toBeGreaterThanOrEqual(1);
    const theirs = await call<{ items: { status: string; offerBookingId: string }[] }>(second, `/api/clients/${second.clientId}/waitlist`);
    expect(theirs.data.items[0]!.status).toBe('offered');
    const confirmed = await call<BookingView>(second, `/api/bookings/${theirs.data.items[0]!.offerBookingId}/confirm`, {}, 'POST');
    expect(confirmed.data.status).toBe('confirmed');
    expect((await call<{ items: unknown[] }>(second, `/api/clients/${second.clientId}/waitlist`)).data.items).toHaveLength(0);
    const back = await call<{ items: { status: string }[] }>(first, `/api/clients/${first.clientId}/waitlist`);
    expect(back.data.items[0]!.status).toBe('waiting');
  });
});
