// A booking's messages leave its transaction: the booking writes one small follow-up row in the
// outbox, and the worker renders the confirmation (with its .ics file) and the reminders from it
// (booking-messages.ts), in its own transaction, within a second or so. An undoable booking's
// confirmation is still held back UNDO_GRACE_MS from the time it was booked; an undo, a move or a
// cancel before the rendering cancels the pending follow-up row with the booking's other messages.
import type { Db } from '../../db/connect.js';
import { claimFollowUps, deleteFollowUp, followUpRow, hasBookingMessages, insertFollowUp } from '../../db/repositories/follow-ups.repository.js';
import { queueBookingMessages } from './booking-messages.js';

export const BOOKING_FOLLOW_UP = 'booking.follow_up';

export interface BookingFollowUp {
  event: 'confirmed';
  undoable: boolean;
  /** when the booking was made: the undo grace and the reminders count from it */
  at: string;
}

/** The outbox row a new booking writes with itself. */
export const bookingFollowUp = (organizationId: string, bookingId: string, p: BookingFollowUp) => followUpRow(organizationId, BOOKING_FOLLOW_UP, bookingId, { ...p });

/** In the caller's transaction (a series, a confirmed hold): the same row, written on its own. */
export async function queueBookingFollowUp(trx: Db, organizationId: string, bookingId: string, p: BookingFollowUp) {
  await insertFollowUp(trx, bookingFollowUp(organizationId, bookingId, p));
}

/**
 * Renders waiting follow-ups, a batch per transaction, claimed with SKIP LOCKED so several workers
 * never render the same one. Returns how many were handled.
 */
export async function renderBookingFollowUps(db: Db, max = 500): Promise<number> {
  let handled = 0;
  while (handled < max) {
    const n = await db.transaction().execute(async (trx) => {
      const rows = await claimFollowUps(trx, 50);
      for (const r of rows) {
        if (r.kind === BOOKING_FOLLOW_UP && r.booking_id) {
          const p = JSON.parse(r.body_text) as BookingFollowUp;
          // a later change that already queued its own messages wins over this older one
          if (!(await hasBookingMessages(trx, r.organization_id, r.booking_id))) {
            await queueBookingMessages(trx, r.organization_id, r.booking_id, p.event, new Date(p.at), { undoable: p.undoable });
          }
        }
        await deleteFollowUp(trx, r.organization_id, r.id);
      }
      return rows.length;
    });
    handled += n;
    if (n < 50) break;
  }
  return handled;
}
