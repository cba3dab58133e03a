import type { Db } from '../../db/connect.js';
import { listCompletedReviewFactsNotMessaged, listOrganizationsWithCompletedBookingsSince } from '../../db/repositories/bookings.repository.js';
import { firstNameOf, reviewability, REVIEW_WAIT_DAYS } from '../../domain/reviews/reviews.js';
import { enqueueMessage } from '../outbox/enqueue-message.js';
import { factsOf } from './review-facts.js';

/** Prefix of an invitation's idempotency key: one invitation per booking. */
const INVITE_KEY = 'review-invite:';

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
  const orgs = await listOrganizationsWithCompletedBookingsSince(db, since);
  let invited = 0;
  for (const { organization_id: org } of orgs) {
    // not yet invited: no message keyed INVITE_KEY + booking id (the key enqueueMessage is given below)
    const rows = await listCompletedReviewFactsNotMessaged(db, org, since, INVITE_KEY);
    for (const r of rows) {
      if (!reviewability(factsOf(r), now.getTime()).ok) continue;
      await db.transaction().execute(async (trx) => {
        const sent = await enqueueMessage(trx, {
          organizationId: org,
          channel: 'email',
          kind: 'review.invite',
          to: r.email!,
          idempotencyKey: `${INVITE_KEY}${r.id}`,
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
