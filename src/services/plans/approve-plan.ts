import { z } from 'zod';
import { text } from '../../domain/shared/input.js';
import { findPlan, lockPlan, setPlanStatus } from '../../db/repositories/plans.repository.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { AppError, notFound } from '../errors.js';
import { planView } from './plan-view.js';

export const approvePlanInput = z.strictObject({ note: text({ min: 3, max: 2000, tooShort: 'say why the change is safe' }) });

/** The medical director approves a plan a provider adjusted outside the protocol caps. */
export async function approvePlan(ctx: Ctx, planId: string, input: z.infer<typeof approvePlanInput>) {
  return ctx.db.transaction().execute(async (trx) => {
    const org = ctx.principal.organizationId;
    if (!(await lockPlan(trx, org, planId))) throw notFound('plan');
    const plan = (await findPlan(trx, org, planId))!;
    if (plan.status !== 'awaiting_director') throw new AppError('conflict', `the plan is ${plan.status.replace('_', ' ')}, not awaiting the medical director`);
    await setPlanStatus(trx, org, planId, { status: 'active', director_approved_by: ctx.principal.userId });
    await recordAudit(trx, ctx, { action: 'plan.approve', entityType: 'treatment_plan', entityId: planId, clientId: plan.client_id, details: { note: input.note } });
    return planView((await findPlan(trx, org, planId))!);
  });
}
