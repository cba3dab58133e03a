import { z } from 'zod';
import { findBookingReviewFacts } from '../../db/repositories/bookings.repository.js';
import { findClientOrThrow } from '../../db/repositories/clients.repository.js';
import { text } from '../../domain/shared/input.js';
import { displayName, reviewability } from '../../domain/reviews/reviews.js';
import { localDateOf } from '../../domain/scheduling/local-time.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { factsOf } from './review-facts.js';
import type { SubmittedClientReviewView } from './reviews.schema.js';

export const submitReviewInput = z.strictObject({
  bookingId: z.uuid(),
  rating: z.number().int().min(1).max(5),
  body: text({ min: 0, max: 2000 }).default(''),
  showName: z.enum(['first_name_initial', 'anonymous']),
});

const conflict = (message: string) => new AppError('conflict', message, [{ path: 'bookingId', message }]);

/** A client reviews one of their completed visits; it waits for the clinic to publish it. */
export async function submitReview(ctx: Ctx, input: z.infer<typeof submitReviewInput>): Promise<SubmittedClientReviewView> {
  const org = ctx.principal.organizationId;
  const clientId = ctx.principal.clientId;
  if (ctx.principal.role !== 'client' || !clientId) throw forbidden('only the client reviews their visit', 'client_only');
  return ctx.db.transaction().execute(async (trx) => {
    const b = await findBookingReviewFacts(trx, org, input.bookingId);
    // another client's visit is simply not found
    if (!b || b.client_id !== clientId) throw notFound('booking');
    const verdict = reviewability(factsOf(b), ctx.now().getTime());
    if (!verdict.ok) {
      if (verdict.reason === 'reviewed') throw conflict('you have already reviewed this visit');
      if (verdict.reason === 'not_completed') throw conflict('only a completed visit can be reviewed');
      const opens = localDateOf(verdict.opensAt!, b.time_zone);
      throw conflict(`reviews of this visit open on ${opens}, a week after your treatment (or once you answer the day-7 check-in)`);
    }
    const client = await findClientOrThrow(trx, org, clientId);
    const row = await trx
      .insertInto('reviews')
      .values({
        organization_id: org,
        client_id: clientId,
        booking_id: b.id,
        location_id: b.location_id,
        provider_user_id: b.provider_user_id,
        rating: input.rating,
        body: input.body,
        display_name: displayName(client.first_name, client.last_name, input.showName),
      })
      .returning(['id', 'status', 'rating', 'body', 'display_name', 'created_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'review.submit', entityType: 'review', entityId: row.id, clientId, details: { bookingId: b.id } });
    return { id: row.id, bookingId: b.id, status: row.status, rating: row.rating, body: row.body, displayName: row.display_name, createdAt: new Date(row.created_at).toISOString() };
  });
}
