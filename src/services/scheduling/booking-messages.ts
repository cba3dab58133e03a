// Messages about a booking, written to the outbox in the booking's transaction: a confirmation with
// an .ics file now, reminders 48 and 2 hours before (with the pre-care instructions), and notices
// when a booking moves or is cancelled. Pending reminders of a moved booking are cancelled first.
// A booking or move the desk may undo holds its confirmation back for UNDO_GRACE_MS, longer than the
// undo window, so an undone booking never reaches the client (docs/scheduling.md, "Undo").
import { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/connect.js';
import { findBooking, type BookingRecord } from '../../db/repositories/bookings.repository.js';
import { findOrganization } from '../../db/repositories/organizations.repository.js';
import { cancelPendingForBooking, sentBookingNotice } from '../../db/repositories/outbox.repository.js';
import { enqueueMessage } from '../outbox/enqueue-message.js';
import { bookingIcs, PRE_CARE } from './ics.js';

export const REMINDER_HOURS = [48, 2] as const;
/** how long the desk may undo a booking or a move it just made */
export const UNDO_WINDOW_MS = 15_000;
/** how long the confirmation of an undoable booking or move waits before it may be sent */
export const UNDO_GRACE_MS = 30_000;

const when = (b: BookingRecord) => {
  const z = Temporal.Instant.fromEpochMilliseconds(new Date(b.starts_at).getTime()).toZonedDateTimeISO(b.time_zone);
  return `${z.toPlainDate().toLocaleString('en-US', { weekday: 'long', month: 'long', day: 'numeric' })} at ${z.toPlainTime().toString({ smallestUnit: 'minute' })}`;
};

const body = (b: BookingRecord, org: string, lead: string) =>
  [`Hello ${b.first_name},`, '', lead, '', `${b.service_name}`, `${when(b)} (${b.time_zone.replace('_', ' ')})`, `With ${b.provider_name}, ${b.location_name}`, '', 'Before your visit:', ...PRE_CARE.map((p) => `- ${p}`), '', `${org}`].join('\n');

/**
 * 'restored' is an undone move: the pending notice of the move and its reminders are cancelled, the
 * reminders queued again, and the confirmation too unless one already went out.
 */
export async function queueBookingMessages(trx: Db, organizationId: string, bookingId: string, event: 'confirmed' | 'moved' | 'cancelled' | 'restored', now: Date, opts: { undoable?: boolean } = {}) {
  const b = await findBooking(trx, organizationId, bookingId);
  if (!b) return;
  const heldBack = opts.undoable ? { heldBackUntil: new Date(now.getTime() + UNDO_GRACE_MS) } : {};
  const org = (await findOrganization(trx, organizationId))?.name ?? 'Your clinic';
  await cancelPendingForBooking(trx, organizationId, b.id);
  const stamp = new Date(b.updated_at).getTime();
  const email = b.client_email;
  if (event === 'cancelled') {
    if (email) {
      await enqueueMessage(trx, { organizationId, channel: 'email', kind: 'booking.cancelled', to: email, subject: `Cancelled: ${b.service_name}`, text: body(b, org, 'Your appointment has been cancelled.'), bookingId: b.id, clientId: b.client_id, ics: bookingIcs(b, org), idempotencyKey: `booking:${b.id}:cancelled` });
    }
    return;
  }
  if (event === 'restored') event = (await sentBookingNotice(trx, organizationId, b.id)) ? 'restored' : 'confirmed';
  if (email && event !== 'restored') {
    const lead = event === 'moved' ? 'Your appointment has moved. The new time is:' : 'Your appointment is confirmed.';
    await enqueueMessage(trx, { organizationId, channel: 'email', kind: `booking.${event}`, to: email, subject: `${event === 'moved' ? 'New time' : 'Confirmed'}: ${b.service_name}`, text: body(b, org, lead), bookingId: b.id, clientId: b.client_id, ics: bookingIcs(b, org), idempotencyKey: `booking:${b.id}:${event}:${stamp}`, ...heldBack });
  }
  for (const hours of REMINDER_HOURS) {
    const sendAfter = new Date(new Date(b.starts_at).getTime() - hours * 3_600_000);
    if (sendAfter.getTime() <= now.getTime()) continue;
    const key = `booking:${b.id}:reminder${hours}:${stamp}`;
    if (email) await enqueueMessage(trx, { organizationId, channel: 'email', kind: `booking.reminder.${hours}h`, to: email, subject: `Reminder: ${b.service_name} ${hours === 2 ? 'today' : 'in 2 days'}`, text: body(b, org, 'A reminder of your appointment:'), bookingId: b.id, clientId: b.client_id, sendAfter, idempotencyKey: key });
    // SMS goes through an adapter that is off by default: without it, the message waits in the outbox
    if (b.client_phone && hours === 2) await enqueueMessage(trx, { organizationId, channel: 'sms', kind: 'booking.reminder.2h', to: b.client_phone, subject: '', text: `${org}: ${b.service_name} today at ${when(b).split(' at ')[1]}. Come without makeup.`, bookingId: b.id, clientId: b.client_id, sendAfter, idempotencyKey: `${key}:sms` });
  }
}
