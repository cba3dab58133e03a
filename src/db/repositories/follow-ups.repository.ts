// Follow-up work a transaction leaves for the worker, as one small outbox row on the 'internal'
// channel (migration 0302): never delivered, claimed with SKIP LOCKED by one worker at a time, and
// deleted once done. The row names the booking and the event; the worker renders the messages.
import { sql } from 'kysely';
import type { Db } from '../connect.js';

export const FOLLOW_UP_CHANNEL = 'internal';

export interface FollowUp {
  organization_id: string;
  id: string;
  kind: string;
  booking_id: string | null;
  body_text: string;
  created_at: Date;
}

/** The row to insert (the channel is outside the email/SMS union delivery code works with). */
export const followUpRow = (organizationId: string, kind: string, bookingId: string, payload: Record<string, unknown>) => ({
  organization_id: organizationId,
  channel: FOLLOW_UP_CHANNEL as 'email',
  kind,
  to_address: '',
  body_text: JSON.stringify(payload),
  booking_id: bookingId,
});

/** In the caller's transaction: one follow-up row on its own. */
export async function insertFollowUp(db: Db, row: ReturnType<typeof followUpRow>) {
  await db.insertInto('outbox_messages').values(row).execute();
}

export const claimFollowUps = (db: Db, limit: number) =>
  db
    .selectFrom('outbox_messages')
    .select(['organization_id', 'id', 'kind', 'booking_id', 'body_text', 'created_at'])
    .where('status', '=', 'pending')
    .where('channel', '=', FOLLOW_UP_CHANNEL as 'email')
    .where('send_after', '<=', sql<Date>`now()`)
    .orderBy('send_after')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute() as Promise<FollowUp[]>;

export const deleteFollowUp = (db: Db, organizationId: string, id: string) => db.deleteFrom('outbox_messages').where('organization_id', '=', organizationId).where('id', '=', id).execute();

/** Whether the booking has messages already (a later change rendered its own). */
export const hasBookingMessages = async (db: Db, organizationId: string, bookingId: string) =>
  Boolean(
    await db
      .selectFrom('outbox_messages')
      .select('id')
      .where('organization_id', '=', organizationId)
      .where('booking_id', '=', bookingId)
      .where('channel', '!=', FOLLOW_UP_CHANNEL as 'email')
      .limit(1)
      .executeTakeFirst(),
  );
