// Undo at the desk: for a few seconds after booking or moving a visit, the person who did it may take
// it back. An undone booking is cancelled as if it never happened: no fee, never a late cancel, the
// package session or deposit returned, and no message to the client (its confirmation was held back
// for UNDO_GRACE_MS and is cancelled here). An undone move puts the visit back where it was.
import type { Db } from '../../db/connect.js';
import { findBooking, lockBooking, moveBooking, releaseResources, setBookingStatus, type BookingRecord } from '../../db/repositories/bookings.repository.js';
import { latestEventOf } from '../../db/repositories/audit.repository.js';
import { cancelPendingForBooking } from '../../db/repositories/outbox.repository.js';
import { localDateOf } from '../../domain/scheduling/local-time.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { AppError, notFound } from '../errors.js';
import { settleAttendance } from '../billing/booking-billing.js';
import { loadAvailability } from './availability-context.js';
import { moveResources } from './move-resources.js';
import { bookingView } from './booking-view.js';
import { queueBookingMessages, UNDO_WINDOW_MS } from './booking-messages.js';
import { isOverlap, retryOnDeadlock, slotAt } from './place-booking.js';

/** reads of a booking are audited too; they do not count as a change after the one being undone */
const READS = ['booking.read', 'booking.ics', 'booking.list', 'booking.calendar', 'booking.replay'] as const;
const UNDOABLE = ['booking.create', 'booking.create.override', 'booking.reschedule', 'booking.reschedule.override'];

const tooLate = () => new AppError('conflict', 'This change can no longer be undone. Cancel or reschedule the booking instead.', [{ path: 'bookingId', message: 'The time to undo has passed.' }], { rule: 'undo_window' });

async function undoCreate(trx: Db, ctx: Ctx, b: BookingRecord) {
  const org = ctx.principal.organizationId;
  await setBookingStatus(trx, org, b.id, { status: 'cancelled', cancel_reason: 'Undone at the desk right after booking', hold_expires_at: null });
  await releaseResources(trx, org, b.id);
  // an undo is never late: the package session comes back and a deposit is waived or refunded
  const money = await settleAttendance(trx, ctx, b.id, { kind: 'cancel', at: ctx.now().getTime(), start: Number.POSITIVE_INFINITY });
  // the held-back confirmation and the reminders are cancelled; no cancellation notice is sent
  await cancelPendingForBooking(trx, org, b.id);
  await recordAudit(trx, ctx, { action: 'booking.undo.create', entityType: 'booking', entityId: b.id, clientId: b.client_id, details: { start: new Date(b.starts_at).toISOString(), deposit: money.deposit, packageSession: money.packageSession } });
}

async function undoMove(trx: Db, ctx: Ctx, b: BookingRecord, details: Record<string, unknown>) {
  const org = ctx.principal.organizationId;
  const from = typeof details.from === 'string' ? Date.parse(details.from) : NaN;
  const providerId = typeof details.fromProviderId === 'string' ? details.fromProviderId : undefined;
  if (Number.isNaN(from)) throw tooLate();
  // the old time was the booking's own a few seconds ago: only overlaps (the constraint) can refuse it
  const date = localDateOf(from, b.time_zone);
  const a = await loadAvailability(trx, org, { locationId: b.location_id, serviceId: b.service_id, from: date, to: date, now: ctx.now(), ignoreBookingId: b.id, override: true });
  const slot = slotAt(a, from, providerId);
  if (!slot) throw new AppError('conflict', 'The earlier time has just been taken, so the move cannot be undone. Choose another time.', [{ path: 'start', message: 'The earlier time is no longer free.' }], { rule: 'overlap' });
  await moveBooking(trx, org, b.id, { starts_at: new Date(slot.start), ends_at: new Date(slot.end), provider_user_id: slot.providerId, room_id: slot.roomId, device_id: slot.deviceId, override_reason: b.override_reason });
  await moveResources(trx, org, b.id, a, slot);
  await queueBookingMessages(trx, org, b.id, 'restored', ctx.now());
  await recordAudit(trx, ctx, { action: 'booking.undo.reschedule', entityType: 'booking', entityId: b.id, clientId: b.client_id, details: { from: new Date(b.starts_at).toISOString(), to: new Date(slot.start).toISOString(), providerId: slot.providerId } });
}

/**
 * Undoes the caller's own last change to a booking (a booking or a move made with `undoable`) within
 * UNDO_WINDOW_MS of making it; anything else, or later, is refused with a plain 409.
 */
export async function undoBookingChange(ctx: Ctx, id: string) {
  const org = ctx.principal.organizationId;
  try {
    await retryOnDeadlock(() =>
      ctx.db.transaction().execute(async (trx) => {
        if (!(await lockBooking(trx, org, id))) throw notFound('booking');
        const b = (await findBooking(trx, org, id))!;
        const last = await latestEventOf(trx, org, { type: 'booking', id }, { prefix: 'booking.', ignore: READS });
        // someone else's booking is not theirs to undo, and looks like any booking past its window
        if (!last || last.actor_user_id !== ctx.principal.userId || !UNDOABLE.includes(last.action) || last.details.undoable !== true) throw tooLate();
        if (ctx.now().getTime() - new Date(last.occurred_at).getTime() > UNDO_WINDOW_MS) throw tooLate();
        if (b.status !== 'confirmed') throw tooLate();
        if (last.action.startsWith('booking.create')) await undoCreate(trx, ctx, b);
        else await undoMove(trx, ctx, b, last.details);
      }),
    );
  } catch (e) {
    if (isOverlap(e)) throw new AppError('conflict', 'The earlier time has just been taken, so the move cannot be undone. Choose another time.', [{ path: 'start', message: 'The earlier time is no longer free.' }], { rule: 'overlap' });
    throw e;
  }
  return bookingView((await findBooking(ctx.db, org, id))!);
}
