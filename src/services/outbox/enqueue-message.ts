import type { Db } from '../../db/connect.js';
import { findClientTimeZone } from '../../db/repositories/clients.repository.js';
import { findFirstLocation } from '../../db/repositories/organizations.repository.js';
import { insertMessage } from '../../db/repositories/outbox.repository.js';
import { afterQuietHours } from '../../domain/scheduling/quiet-hours.js';
import type { SecretBox } from '../ports.js';

/** Where a secret link goes in a stored body; only delivery puts the real link there. */
export const SECRET_LINK = '{{secret-link}}';

/** A body with its secret link sealed apart: the stored text holds only SECRET_LINK. */
export function sealLink(box: SecretBox, url: string): { secretSealed: string } {
  return { secretSealed: box.seal(url) };
}

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
  /** an answer to what just happened, held back briefly so staff can undo it (quiet hours do not move it) */
  heldBackUntil?: Date;
  bookingId?: string;
  ics?: string;
  /** a client's message: their channel choices and quiet hours apply */
  clientId?: string;
  /** the sealed secret link that replaces SECRET_LINK in the text at delivery (see sealLink) */
  secretSealed?: string;
}

/**
 * Writes the message in the caller's transaction; delivery happens later, so a rollback sends
 * nothing. For a client: a channel they opted out of keeps the message on record as held (never
 * sent), and a scheduled message due in their quiet hours waits until the quiet hours end.
 */
export async function enqueueMessage(trx: Db, m: OutgoingMessage) {
  if (m.text.includes(SECRET_LINK) !== Boolean(m.secretSealed)) throw new Error('a secret link needs both the placeholder and the sealed link');
  let status: 'pending' | 'held' = 'pending';
  let sendAfter = m.sendAfter;
  if (m.clientId) {
    const prefs = await trx.selectFrom('message_preferences').selectAll().where('organization_id', '=', m.organizationId).where('client_id', '=', m.clientId).executeTakeFirst();
    const optedIn = m.channel === 'email' ? (prefs?.email ?? true) : (prefs?.sms ?? false);
    if (!optedIn) status = 'held';
    // scheduled messages respect quiet hours; an answer to what the client just did goes out now
    if (sendAfter) {
      const zone = await clientZone(trx, m.organizationId, m.clientId);
      const due = sendAfter.getTime();
      const shifted = afterQuietHours(due, { start: prefs?.quiet_start ?? '21:00', end: prefs?.quiet_end ?? '08:00' }, zone);
      if (shifted !== due) sendAfter = new Date(shifted);
    }
  }
  return insertMessage(trx, {
    organization_id: m.organizationId,
    channel: m.channel,
    kind: m.kind,
    to_address: m.to,
    subject: m.subject,
    body_text: m.text,
    idempotency_key: m.idempotencyKey ?? null,
    ...(sendAfter ? { send_after: sendAfter } : m.heldBackUntil ? { send_after: m.heldBackUntil } : {}),
    booking_id: m.bookingId ?? null,
    attachment_ics: m.ics ?? null,
    client_id: m.clientId ?? null,
    secret_sealed: m.secretSealed ?? null,
    status,
    ...(status === 'held' ? { last_error: 'the client opted out of this channel' } : {}),
  });
}

/** The client's time zone: their preferred location's, else the organization's first location's. */
async function clientZone(trx: Db, organizationId: string, clientId: string): Promise<string> {
  const row = await findClientTimeZone(trx, organizationId, clientId);
  if (row?.time_zone) return row.time_zone;
  const first = await findFirstLocation(trx, organizationId);
  return first?.time_zone ?? 'UTC';
}
