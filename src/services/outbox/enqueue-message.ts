import type { Db } from '../../db/connect.js';
import { insertMessage } from '../../db/repositories/outbox.repository.js';

export interface OutgoingMessage {
  organizationId: string;
  channel: 'email' | 'sms';
  kind: string;
  to: string;
  subject: string;
  text: string;
  /** the same key twice queues one message */
  idempotencyKey?: string;
  /** deliver no earlier than this (reminders) */
  sendAfter?: Date;
  bookingId?: string;
  ics?: string;
}

/** Writes the message in the caller's transaction; delivery happens later, so a rollback sends nothing. */
export async function enqueueMessage(trx: Db, m: OutgoingMessage) {
  return insertMessage(trx, {
    organization_id: m.organizationId,
    channel: m.channel,
    kind: m.kind,
    to_address: m.to,
    subject: m.subject,
    body_text: m.text,
    idempotency_key: m.idempotencyKey ?? null,
    ...(m.sendAfter ? { send_after: m.sendAfter } : {}),
    booking_id: m.bookingId ?? null,
    attachment_ics: m.ics ?? null,
  });
}
