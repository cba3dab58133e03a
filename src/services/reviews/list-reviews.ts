import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { staffReviewQuery, toStaffReview } from './review-view.js';
import type { ClientReviewListView } from './reviews.schema.js';

export type ReviewStatus = 'pending' | 'published' | 'hidden';

/** The moderation queue of one status, newest first. */
export async function listReviews(ctx: Ctx, q: { status: ReviewStatus; limit: number; offset: number }): Promise<ClientReviewListView> {
  return ctx.db.transaction().execute(async (trx) => {
    const base = staffReviewQuery(trx, ctx.principal.organizationId).where('r.status', '=', q.status);
    const [rows, total] = await Promise.all([
      base.orderBy('r.created_at', 'desc').orderBy('r.id').limit(q.limit).offset(q.offset).execute(),
      trx.selectFrom('reviews').select((eb) => eb.fn.countAll<string>().as('n')).where('organization_id', '=', ctx.principal.organizationId).where('status', '=', q.status).executeTakeFirstOrThrow(),
    ]);
    // the list shows client names: a read of each client it returns
    await recordAudit(trx, ctx, { action: 'review.list', entityType: 'review', details: { status: q.status, count: rows.length, clientIds: [...new Set(rows.map((r) => r.client_id))] } });
    return { items: rows.map(toStaffReview), total: Number(total.n) };
  });
}
