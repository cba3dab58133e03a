import { awaitingDirector, findPlan, listPlans } from '../../db/repositories/plans.repository.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { notFound } from '../errors.js';
import { loadClientForHealthData } from '../clinical/intake/intake-access.js';
import { planView } from './plan-view.js';
import type { AwaitingDirectorPlanView } from './plan.schema.js';

export async function listClientPlans(ctx: Ctx, clientId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const client = await loadClientForHealthData(trx, ctx, clientId);
    const rows = await listPlans(trx, ctx.principal.organizationId, client.id);
    await recordAudit(trx, ctx, { action: 'plan.list', entityType: 'client', entityId: client.id, clientId: client.id });
    return rows.map(planView);
  });
}

export async function getPlan(ctx: Ctx, planId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findPlan(trx, ctx.principal.organizationId, planId);
    if (!row) throw notFound('plan');
    await loadClientForHealthData(trx, ctx, row.client_id);
    await recordAudit(trx, ctx, { action: 'plan.read', entityType: 'treatment_plan', entityId: row.id, clientId: row.client_id });
    return planView(row);
  });
}

/** Plans a provider adjusted outside the caps, waiting for the medical director. */
export async function listPlansAwaitingDirector(ctx: Ctx): Promise<AwaitingDirectorPlanView[]> {
  const rows = await awaitingDirector(ctx.db, ctx.principal.organizationId);
  return rows.map((r) => ({ ...planView(r), clientName: `${r.first_name} ${r.last_name}` }));
}
