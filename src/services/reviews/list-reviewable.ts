import { listClientCompletedReviewFacts } from '../../db/repositories/bookings.repository.js';
import { reviewability } from '../../domain/reviews/reviews.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { loadClient } from '../clients/load-client.js';
import { factsOf } from './review-facts.js';
import type { ReviewableVisitsView } from './reviews.schema.js';

/** The client's completed visits they may review now (the invitation in the portal). */
export async function listReviewable(ctx: Ctx, clientId: string): Promise<ReviewableVisitsView> {
  return ctx.db.transaction().execute(async (trx) => {
    const client = await loadClient(trx, ctx, clientId);
    const rows = await listClientCompletedReviewFacts(trx, ctx.principal.organizationId, client.id, 50);
    const now = ctx.now().getTime();
    const items = rows
      .filter((r) => reviewability(factsOf(r), now).ok)
      .map((r) => ({ bookingId: r.id, date: new Date(r.starts_at).toISOString(), serviceName: r.service_name, providerName: r.provider_name, locationName: r.location_name }));
    await recordAudit(trx, ctx, { action: 'review.reviewable', entityType: 'client', entityId: client.id, clientId: client.id, details: { count: items.length } });
    return { items };
  });
}
