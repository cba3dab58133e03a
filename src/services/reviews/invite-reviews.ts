import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { firstNameOf, reviewability, REVIEW_WAIT_DAYS } from '../../domain/reviews/reviews.js';
import { enqueueMessage } from '../outbox/enqueue-message.js';
import { factsOf, reviewFactsQuery } from './review-facts.js';

/**
 * Visits of the last few weeks only: turning invitations on, or a worker that was down, never mails
 * clients about visits long past.
 */
export const INVITE_WINDOW_DAYS = 30;

/**
 * Run by the worker: one email per completed visit that has become reviewable, asking for a rating
 * in the portal. The idempotency key makes it once; the client's channel choices apply. No health
 * details in the text.
 */
export async function inviteReviews(db: Db, now: Date) {
  const since = new Date(now.getTime() - (INVITE_WINDOW_DAYS + REVIEW_WAIT_DAYS) * 86_400_000);
  const orgs = await db
    .selectFrom('bookings as b')
    .select('b.organization_id')
    .distinct()
    .where('b.status', '=', 'completed')
    .where('b.ends_at', '>=', since)
    .execute();
  let invited = 0;
  for (const { organization_id: org } of orgs) {
    const rows = await reviewFactsQuery(db, org)
      .innerJoin('clients as c', (j) => j.onRef('c.organization_id', '=', 'b.organization_id').onRef('c.id', '=', 'b.client_id'))
      .select(['c.email', 'c.first_name'])
      .where('b.status', '=', 'completed')
      .where('b.ends_at', '>=', since)
      .where('c.email', 'is not', null)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb.selectFrom('outbox_messages as o').select('o.id').whereRef('o.organization_id', '=', 'b.organization_id').where('o.idempotency_key', '=', sql<string>`'review-invite:' || b.id`),
          ),
        ),
      )
      .execute();
    for (const r of rows) {
      if (!reviewability(factsOf(r), now.getTime()).ok) continue;
      await db.transaction().execute(async (trx) => {
        const sent = await enqueueMessage(trx, {
          organizationId: org,
          channel: 'email',
          kind: 'review.invite',
          to: r.email!,
          idempotencyKey: `review-invite:${r.id}`,
          bookingId: r.id,
          clientId: r.client_id,
          subject: 'How was your visit?',
          text: `Hello ${r.first_name},\n\nHow was your visit with ${firstNameOf(r.provider_name)}? Rate it in your Dermis portal.\n`,
        });
        if (sent) invited++;
      });
    }
  }
  return invited;
}
