import { z } from 'zod';
import { text } from '../../domain/shared/input.js';
import { findPlan, insertPlan, lockPlan, setPlanStatus } from '../../db/repositories/plans.repository.js';
import { editPlan } from '../../domain/plans/edit-plan.js';
import type { TreatmentPlan } from '../../domain/plans/recommend.js';
import { AREAS } from '../../domain/screening/engine/contract.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { AppError, notFound } from '../errors.js';
import { loadClientForHealthData } from '../clinical/intake/intake-access.js';
import { pricePlan } from './price-plan.js';
import { planView } from './plan-view.js';

export const adjustPlanInput = z.strictObject({
  sessions: z.number().int().min(1).max(24).optional(),
  intervalDays: z.strictObject({ min: z.number().int().min(1).max(365), max: z.number().int().min(1).max(365) }).optional(),
  depths: z.array(z.strictObject({ area: z.enum(AREAS), depthMm: z.number().min(0.1).max(5) })).max(20).optional(),
  numbing: z.boolean().optional(),
  reason: text({ min: 3, max: 1000, tooShort: 'say why the plan changes' }),
});

/**
 * A clinician adjusts a plan: a new version supersedes the old one. Within the protocol caps it is
 * active at once; outside them a provider's change waits for the medical director, whose own change
 * is approved by signing it. Changes the protocol never allows are refused with the field named.
 */
export async function adjustPlan(ctx: Ctx, planId: string, input: z.infer<typeof adjustPlanInput>) {
  return ctx.db.transaction().execute(async (trx) => {
    const org = ctx.principal.organizationId;
    const locked = await lockPlan(trx, org, planId);
    const current = locked ? await findPlan(trx, org, planId) : undefined;
    if (!current) throw notFound('plan');
    await loadClientForHealthData(trx, ctx, current.client_id);
    if (current.status === 'superseded') throw new AppError('conflict', 'this plan has been replaced by a newer version; adjust that one', [{ path: 'planId', message: 'superseded' }]);
    const { reason, ...edit } = input;
    const out = editPlan(current.plan as TreatmentPlan, { ...edit, note: reason });
    if (out.refused.length > 0) {
      throw new AppError('validation', out.refused.map((r) => `${r.path}: ${r.message} (${r.ruleId})`).join('; '), out.refused.map((r) => ({ path: r.path, message: `${r.message} (${r.ruleId})` })));
    }
    const isDirector = ctx.principal.role === 'medical_director';
    const outside = out.outsideCaps.length > 0;
    const quote = await pricePlan(trx, org, current.location_id, out.plan);
    await setPlanStatus(trx, org, current.id, { status: 'superseded' });
    const row = await insertPlan(trx, {
      organization_id: org,
      client_id: current.client_id,
      supersedes: current.id,
      status: outside && !isDirector ? 'awaiting_director' : 'active',
      location_id: current.location_id,
      screening_id: current.screening_id,
      plan: { ...out.plan, outsideCapsIssues: out.outsideCaps, changeReason: reason },
      quote,
      outside_caps: outside,
      director_approved_by: outside && isDirector ? ctx.principal.userId : null,
      created_by: ctx.principal.userId,
    });
    await recordAudit(trx, ctx, {
      action: 'plan.adjust',
      entityType: 'treatment_plan',
      entityId: row.id,
      clientId: current.client_id,
      details: { supersedes: current.id, outsideCaps: out.outsideCaps.map((i) => i.ruleId), status: row.status },
    });
    return planView((await findPlan(trx, org, row.id))!);
  });
}
