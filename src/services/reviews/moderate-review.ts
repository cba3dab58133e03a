import { z } from 'zod';
import { text } from '../../domain/shared/input.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { AppError, notFound } from '../errors.js';
import { staffReviewQuery, toStaffReview } from './review-view.js';

export const moderateReviewInput = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('publish') }),
  z.strictObject({ action: z.literal('hide'), reason: text({ min: 5, max: 500 }) }),
  z.strictObject({ action: z.literal('reply'), reply: text({ max: 1000 }) }),
]);

/** Publish, hide (with a reason kept for staff) or reply (public with the review). */
export async function moderateReview(ctx: Ctx, reviewId: string, input: z.infer<typeof moderateReviewInput>) {
  const org = ctx.principal.organizationId;
  return ctx.db.transaction().execute(async (trx) => {
    const r = await trx.selectFrom('reviews').select(['id', 'client_id', 'status']).where('organization_id', '=', org).where('id', '=', reviewId).forUpdate().executeTakeFirst();
    if (!r) throw notFound('review');
    const now = ctx.now();
    const by = { moderated_by: ctx.principal.userId, moderated_at: now };
    switch (input.action) {
      case 'publish':
        if (r.status === 'published') throw new AppError('conflict', 'this review is already published', [{ path: 'action', message: 'already published' }]);
        await trx.updateTable('reviews').set({ status: 'published', hidden_reason: null, ...by }).where('organization_id', '=', org).where('id', '=', r.id).execute();
        break;
      case 'hide':
        if (r.status === 'hidden') throw new AppError('conflict', 'this review is already hidden', [{ path: 'action', message: 'already hidden' }]);
        await trx.updateTable('reviews').set({ status: 'hidden', hidden_reason: input.reason, ...by }).where('organization_id', '=', org).where('id', '=', r.id).execute();
        break;
      case 'reply':
        await trx.updateTable('reviews').set({ reply: input.reply, replied_at: now, ...by }).where('organization_id', '=', org).where('id', '=', r.id).execute();
        break;
    }
    // the reason and the reply are free text: kept on the review, not in the audit trail
    await recordAudit(trx, ctx, { action: `review.${input.action}`, entityType: 'review', entityId: r.id, clientId: r.client_id, details: { from: r.status } });
    return toStaffReview(await staffReviewQuery(trx, org).where('r.id', '=', r.id).executeTakeFirstOrThrow());
  });
}
