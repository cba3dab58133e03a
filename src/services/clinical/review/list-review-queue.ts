import { latestIntake, pendingReviews } from '../../../db/repositories/clinical.repository.js';
import type { Ctx } from '../../context.js';
import { recordAudit } from '../../audit/record-audit-event.js';
import type { ScreeningResultValue } from '../engine.js';
import { todayIn } from '../today.js';
import { reviewerStatus } from './reviewer.js';
import { screeningStatus } from '../screening/screening-view.js';
import type { ReviewQueueView } from '../screening/screening.schema.js';

/**
 * Screenings waiting for a clinician's signed decision, oldest first; stale ones are left out. Every
 * clinician may read the queue (a provider follows their clients' screenings); `canDecide` says
 * whether the caller may also sign, which only the medical director or a prescribing provider may.
 */
export async function listReviewQueue(ctx: Ctx): Promise<ReviewQueueView> {
  return ctx.db.transaction().execute(async (trx) => {
    const today = await todayIn(trx, ctx);
    const reviewer = await reviewerStatus(trx, ctx, today);
    const rows = await pendingReviews(trx, ctx.principal.organizationId);
    const items: ReviewQueueView['items'] = [];
    for (const r of rows) {
      const latest = (await latestIntake(trx, ctx.principal.organizationId, r.client_id))?.version ?? 0;
      const status = screeningStatus(r, latest, today);
      if (status !== 'current') continue;
      const result = r.result as ScreeningResultValue;
      items.push({
        screeningId: r.id,
        clientId: r.client_id,
        clientName: `${r.first_name} ${r.last_name}`,
        planDate: r.plan_date,
        // screenings are only made for the contract's modalities
        modality: r.modality as ReviewQueueView['items'][number]['modality'],
        findings: result.findings.filter((f) => f.outcome === 'needs_review').map((f) => ({ ruleId: f.ruleId, message: f.message })),
        createdAt: r.created_at.toISOString(),
      });
    }
    await recordAudit(trx, ctx, { action: 'review_queue.read', entityType: 'screening', details: { count: items.length, ids: items.map((i) => i.screeningId) } });
    return { items, canDecide: reviewer.ok };
  });
}
