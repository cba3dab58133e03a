import { sql } from 'kysely';
import type { Db } from '../connect.js';

/** Messages due now and not yet sent (future reminders are not a backlog), and the oldest due time. */
export async function outboxBacklog(db: Db, now: Date) {
  const r = await db
    .selectFrom('outbox_messages')
    .select([sql<number>`count(*)::int`.as('due'), sql<Date | null>`min(send_after)`.as('oldest')])
    .where('status', '=', 'pending')
    .where('send_after', '<=', now)
    .executeTakeFirstOrThrow();
  return { due: Number(r.due), oldest: r.oldest ? new Date(r.oldest) : null };
}

/** Audit events recorded but not yet linked into their chain by the sealer (decision 0015). */
export async function unsealedAudit(db: Db) {
  const r = await db
    .selectFrom('audit_events')
    .select([sql<number>`count(*)::int`.as('unsealed'), sql<Date | null>`min(occurred_at)`.as('oldest')])
    .where('hash', 'is', null)
    .executeTakeFirstOrThrow();
  return { unsealed: Number(r.unsealed), oldest: r.oldest ? new Date(r.oldest) : null };
}
