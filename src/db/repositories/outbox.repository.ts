import { sql, type Insertable } from 'kysely';
import type { Db } from '../connect.js';
import type { OutboxMessagesTable } from '../schema.js';

export function insertMessage(db: Db, row: Insertable<OutboxMessagesTable>) {
  return db
    .insertInto('outbox_messages')
    .values(row)
    .onConflict((oc) => oc.columns(['organization_id', 'idempotency_key']).doNothing())
    .returning(['id'])
    .executeTakeFirst();
}

/**
 * Claims a batch of due messages of a channel; SKIP LOCKED lets several workers share the queue.
 * Messages carrying a secret link (email confirmation, password reset, invitation) go first: someone
 * is waiting at a screen for them, and they must not queue behind a backlog of reminders.
 */
export function claimPending(db: Db, limit: number, channel: 'email' | 'sms' = 'email') {
  return db
    .selectFrom('outbox_messages')
    .selectAll()
    .where('status', '=', 'pending')
    .where('channel', '=', channel)
    .where('send_after', '<=', new Date())
    .orderBy(sql`secret_sealed is null`)
    .orderBy('send_after')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export function markMessage(
  db: Db,
  key: { organization_id: string; id: string },
  patch: { status: 'sent' | 'failed' | 'pending' | 'held'; last_error?: string | null; sent_at?: Date | null; attempts: number; send_after?: Date; secret_sealed?: null },
) {
  return db.updateTable('outbox_messages').set(patch).where('organization_id', '=', key.organization_id).where('id', '=', key.id).execute();
}

export function listMessages(db: Db, organizationId: string, limit: number) {
  return db
    .selectFrom('outbox_messages')
    .select(['id', 'channel', 'kind', 'to_address', 'subject', 'body_text', 'status', 'attempts', 'last_error', 'created_at', 'sent_at', 'send_after'])
    .where('organization_id', '=', organizationId)
    // work for the worker (a booking's follow-up), not a message to anyone
    .where('channel', '!=', 'internal' as 'email')
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

/** Reminders not yet sent for a booking are cancelled when it moves or is cancelled. */
export function cancelPendingForBooking(db: Db, organizationId: string, bookingId: string) {
  return db
    .updateTable('outbox_messages')
    .set({ status: 'cancelled' })
    .where('organization_id', '=', organizationId)
    .where('booking_id', '=', bookingId)
    .where('status', '=', 'pending')
    .execute();
}

/** Whether the client was already sent a confirmation or a new time for a booking. */
export async function sentBookingNotice(db: Db, organizationId: string, bookingId: string) {
  const row = await db
    .selectFrom('outbox_messages')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('booking_id', '=', bookingId)
    .where('kind', 'in', ['booking.confirmed', 'booking.moved'])
    .where('status', '=', 'sent')
    .executeTakeFirst();
  return Boolean(row);
}
