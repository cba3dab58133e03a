import { createHash } from 'node:crypto';
import { z } from 'zod';
import { line, personName, text } from '../../../domain/shared/input.js';
import { findScreening, insertReview, latestIntake } from '../../../db/repositories/clinical.repository.js';
import type { Ctx } from '../../context.js';
import { recordAudit } from '../../audit/record-audit-event.js';
import { AppError, notFound } from '../../errors.js';
import { canonicalJson } from '../../../domain/shared/canonical-json.js';
import type { ScreeningResultValue } from '../engine.js';
import { todayIn } from '../today.js';
import { assertReviewer } from './reviewer.js';
import { screeningStatus } from '../screening/screening-view.js';
import type { ReviewDecisionView } from '../screening/screening.schema.js';
import { findClient } from '../../../db/repositories/clients.repository.js';
import { enqueueMessage } from '../../outbox/enqueue-message.js';

const adjustment = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('no_numbing_cream'), note: text({ min: 0, max: 500 }).optional() }),
  z.strictObject({ kind: z.literal('max_depth'), area: line({ max: 40 }), maxDepthMm: z.number().min(0.1).max(3) }),
  z.strictObject({ kind: z.literal('exclude_area'), area: line({ max: 40 }) }),
  z.strictObject({ kind: z.literal('antiviral_prophylaxis'), note: text({ min: 0, max: 500 }).optional() }),
  z.strictObject({ kind: z.literal('other'), note: text({ max: 500 }) }),
]);

export const decideReviewInput = z.strictObject({
  outcome: z.enum(['approved', 'declined']),
  note: text({ min: 3, max: 5000, tooShort: 'explain the decision' }),
  adjustments: z.array(adjustment).max(20).default([]),
  /** the reviewer types their full name to sign */
  signedName: personName({ min: 2, max: 200 }),
});

/**
 * A licensed clinician's signed decision on a needs_review screening. Only needs_review findings
 * can be resolved this way: a contraindication or a deferral is never approved away (spec).
 */
export async function decideReview(ctx: Ctx, screeningId: string, input: z.infer<typeof decideReviewInput>): Promise<ReviewDecisionView> {
  return ctx.db.transaction().execute(async (trx) => {
    const today = await todayIn(trx, ctx);
    const reviewer = await assertReviewer(trx, ctx, today);
    const s = await findScreening(trx, ctx.principal.organizationId, screeningId);
    if (!s) throw notFound('screening');
    if (s.review_id) throw new AppError('conflict', 'this screening has already been reviewed');
    if (s.decision !== 'needs_review') {
      throw new AppError('conflict', `a ${s.decision.replace(/_/g, ' ')} result cannot be approved by review; only needs-review findings can`, [{ path: 'outcome', message: `screening is ${s.decision}` }]);
    }
    const latest = (await latestIntake(trx, ctx.principal.organizationId, s.client_id))?.version ?? 0;
    if (screeningStatus(s, latest, today) !== 'current') {
      throw new AppError('conflict', 'the screening is no longer current (the intake changed or it expired); screen again first');
    }
    if (input.signedName.toLowerCase().replace(/\s+/g, ' ') !== ctx.principal.name.toLowerCase().replace(/\s+/g, ' ')) {
      throw new AppError('validation', 'type your full name as it appears on your account to sign', [{ path: 'signedName', message: `must match "${ctx.principal.name}"` }]);
    }
    const ruleIds = (s.result as ScreeningResultValue).findings.filter((f) => f.outcome === 'needs_review').map((f) => f.ruleId);
    const signedAt = ctx.now().toISOString();
    const signatureHash = createHash('sha256')
      .update(canonicalJson({ screeningId, outcome: input.outcome, note: input.note, adjustments: input.adjustments, ruleIds, reviewer: ctx.principal.userId, signedName: input.signedName, signedAt }))
      .digest('hex');
    const row = await insertReview(trx, {
      organization_id: ctx.principal.organizationId,
      screening_id: s.id,
      outcome: input.outcome,
      note: input.note,
      adjustments: input.adjustments,
      rule_ids: ruleIds,
      reviewer_user_id: ctx.principal.userId,
      reviewer_role: ctx.principal.role,
      reviewer_licence_type: reviewer.licenceType,
      signed_name: input.signedName,
      signature_hash: signatureHash,
    });
    // the questionnaire promised the client an email; it names no health detail, only where to look
    const client = await findClient(trx, ctx.principal.organizationId, s.client_id);
    if (client?.email) {
      await enqueueMessage(trx, {
        organizationId: ctx.principal.organizationId, channel: 'email', kind: 'screening.reviewed', to: client.email, clientId: client.id, idempotencyKey: `screening-review:${row.id}`,
        subject: 'A clinician has reviewed your answers',
        text: `Hello ${client.first_name},\n\nA clinician has reviewed your health questionnaire. Sign in to the client portal and open My care to see the outcome and your next step.\n`,
      });
    }
    await recordAudit(trx, ctx, { action: `screening.review.${input.outcome}`, entityType: 'screening_review', entityId: row.id, clientId: s.client_id, details: { screeningId: s.id, ruleIds, adjustments: input.adjustments.map((a) => a.kind) } });
    return { id: row.id, screeningId: s.id, outcome: input.outcome, ruleIds, signatureHash, signedAt };
  });
}
