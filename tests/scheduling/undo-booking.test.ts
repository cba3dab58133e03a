// Undo at the desk: for a few seconds after a booking or a move made with `undoable`, the person who
// made it may take it back. The client hears nothing (the confirmation is held back past the undo
// window and then cancelled), there is no fee, and the audit trail records the undo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBookingFollowUps } from '../../src/services/scheduling/booking-follow-up.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Actor, Org } from '../support/factory.js';
import { setUpClinic, type Clinic } from '../support/clinic.js';
import { UNDO_GRACE_MS, UNDO_WINDOW_MS } from '../../src/services/scheduling/booking-messages.js';

let clock = new Date('2027-03-01T14:00:00Z');
let t: TestApp;
let org: Org;
let clinic: Clinic;
const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00-06:00`).toISOString();
let n = 0;
const key = () => `undo-${n++}-${Date.now()}`;
const tick = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

interface BookingView {
  id: string;
  status: string;
  localTime: string;
  start: string;
  cancelReason: string | null;
}

async function call<T = Record<string, unknown>>(who: Actor, path: string, body?: unknown, method?: string) {
  const res = await t.request(path, { cookie: who.cookie, ...(body !== undefined ? { body } : {}), ...(method ? { method } : {}) });
  return { status: res.status, data: (await res.json()) as T };
}
// the worker renders a booking's messages from its follow-up row; then they are in the outbox
const messages = async (bookingId: string) => {
  await renderBookingFollowUps(t.db);
  return t.db.selectFrom('outbox_messages').selectAll().where('booking_id', '=', bookingId).orderBy('created_at').orderBy('send_after').execute();
};
const book = (who: Actor, clientId: string, start: string, extra: object = { undoable: true }) =>
  call<BookingView>(who, '/api/bookings', { locationId: org.locationId, serviceId: clinic.consultationId, clientId, start, idempotencyKey: key(), ...extra });
const undo = (who: Actor, id: string) => call<BookingView & { detail?: string }>(who, `/api/bookings/${id}/undo`, {}, 'POST');
const auditOf = (id: string) => t.db.selectFrom('audit_events').select(['action', 'actor_user_id', 'details']).where('organization_id', '=', org.id).where('entity_id', '=', id).orderBy('position').execute();

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  org = await t.factory.org();
  clinic = await setUpClinic(t, org);
});
afterAll(async () => {
  await t.close();
});

describe('undo a booking just made', () => {
  it('holds the confirmation back past the window; the creator undoes it: cancelled, no message, no fee, audited', async () => {
    const c = await t.factory.client(org, { firstName: 'Rosa', email: 'rosa.undo@example.com' });
    const b = await book(clinic.frontDesk, c.id, at('2027-03-05', '10:00'));
    expect(b.status).toBe(201);
    const queued = await messages(b.data.id);
    const confirmation = queued.find((m) => m.kind === 'booking.confirmed')!;
    // the confirmation may go out only after the grace, which outlasts the undo window
    expect(new Date(confirmation.send_after).getTime()).toBe(clock.getTime() + UNDO_GRACE_MS);
    expect(UNDO_GRACE_MS).toBeGreaterThan(UNDO_WINDOW_MS);

    // another member of staff may not undo it
    const other = await undo(clinic.owner, b.data.id);
    expect(other.status).toBe(409);
    expect(other.data.detail).toBe('This change can no longer be undone. Cancel or reschedule the booking instead.');

    tick(5_000);
    const undone = await undo(clinic.frontDesk, b.data.id);
    expect(undone.status).toBe(200);
    expect(undone.data.status).toBe('cancelled');
    // nothing is left to go out and no cancellation notice was queued
    const after = await messages(b.data.id);
    expect(after.filter((m) => m.status === 'pending')).toEqual([]);
    expect(after.map((m) => m.kind)).not.toContain('booking.cancelled');
    expect(after.filter((m) => m.channel === 'email').every((m) => m.status === 'cancelled')).toBe(true);
    const trail = await auditOf(b.data.id);
    expect(trail.at(-1)).toMatchObject({ action: 'booking.undo.create', actor_user_id: clinic.frontDesk.userId });
    // no fee: the billing view shows no fee to charge and no deposit kept
    const billing = await call<{ deposit: { status: string } | null; invoice: unknown }>(clinic.frontDesk, `/api/bookings/${b.data.id}/billing`);
    expect(billing.data.invoice).toBeNull();
    expect(billing.data.deposit?.status ?? 'none').not.toBe('kept');
    // the time is free again
    expect((await book(clinic.frontDesk, c.id, at('2027-03-05', '10:00'))).status).toBe(201);
    // undoing twice is refused
    expect((await undo(clinic.frontDesk, b.data.id)).status).toBe(409);
  });

  it('refuses after the window, and for a booking made without undo', async () => {
    const c = await t.factory.client(org, { firstName: 'Ines', email: 'ines.undo@example.com' });
    const late = await book(clinic.frontDesk, c.id, at('2027-03-09', '10:00'));
    expect(late.status, JSON.stringify(late.data)).toBe(201);
    tick(UNDO_WINDOW_MS + 1_000);
    expect((await undo(clinic.frontDesk, late.data.id)).status).toBe(409);
    expect((await call<BookingView>(clinic.frontDesk, `/api/bookings/${late.data.id}`)).data.status).toBe('confirmed');

    const plain = await book(clinic.frontDesk, c.id, at('2027-03-09', '12:00'), {});
    // without undo the confirmation is not held back
    expect(new Date((await messages(plain.data.id)).find((m) => m.kind === 'booking.confirmed')!.send_after).getTime()).toBeLessThanOrEqual(Date.now() + 1_000);
    expect((await undo(clinic.frontDesk, plain.data.id)).status).toBe(409);
    expect((await auditOf(plain.data.id)).map((e) => e.action)).not.toContain('booking.undo.create');
  });
});

describe('undo a move just made', () => {
  it('moves the visit back; the notice of the move never goes out', async () => {
    const c = await t.factory.client(org, { firstName: 'Mara', email: 'mara.undo@example.com' });
    const b = await book(clinic.frontDesk, c.id, at('2027-03-08', '09:00'), {});
    tick(60_000);
    const moved = await call<BookingView>(clinic.frontDesk, `/api/bookings/${b.data.id}/reschedule`, { start: at('2027-03-08', '15:00'), undoable: true }, 'POST');
    expect(moved.data.localTime).toBe('15:00');
    const notice = (await messages(b.data.id)).find((m) => m.kind === 'booking.moved')!;
    expect(new Date(notice.send_after).getTime()).toBe(clock.getTime() + UNDO_GRACE_MS);

    expect((await undo(clinic.provider, b.data.id)).status).toBe(409);
    tick(3_000);
    const back = await undo(clinic.frontDesk, b.data.id);
    expect(back.status).toBe(200);
    expect(back.data.localTime).toBe('09:00');
    expect(back.data.status).toBe('confirmed');
    const after = await messages(b.data.id);
    expect(after.find((m) => m.kind === 'booking.moved')!.status).toBe('cancelled');
    // the client was never told anything was sent: one confirmation and the reminders wait
    expect(after.filter((m) => m.status === 'pending').map((m) => m.kind)).toEqual(['booking.confirmed', 'booking.reminder.48h', 'booking.reminder.2h']);
    const trail = await auditOf(b.data.id);
    expect(trail.at(-1)).toMatchObject({ action: 'booking.undo.reschedule', actor_user_id: clinic.frontDesk.userId });
    // the 15:00 time is free again
    const c2 = await t.factory.client(org, { firstName: 'Noa' });
    expect((await book(clinic.frontDesk, c2.id, at('2027-03-08', '15:00'), {})).status).toBe(201);
  });
});
