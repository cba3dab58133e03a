// Membership plans of each location (Settings > Memberships): the owner creates, edits and
// deactivates them; staff and clients see the plans on sale. A deactivated plan is sold no more,
// and its members keep it.
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { recordAudit } from '../../audit/record-audit-event.js';
import { invalid, notFound } from '../../errors.js';
import { loadLocation } from '../../organization/load-location.js';
import { listServices } from '../../../db/repositories/scheduling.repository.js';
import type { planInput } from './membership.schema.js';
import { planView, serviceNames } from './membership-view.js';

type PlanInput = z.infer<typeof planInput>;

/** Plans, by location and name; clients see only those on sale. */
export async function listMembershipPlans(ctx: Ctx, query: { locationId?: string | undefined }) {
  const org = ctx.principal.organizationId;
  let q = ctx.db.selectFrom('membership_plans').selectAll().where('organization_id', '=', org);
  if (query.locationId) q = q.where('location_id', '=', query.locationId);
  if (ctx.principal.role === 'client') q = q.where('active', '=', true);
  const rows = await q.orderBy('location_id').orderBy('name').execute();
  const name = await serviceNames(ctx.db, org);
  return { plans: rows.map((p) => planView(p, name)) };
}

/** Every code a plan names must be a service the clinic books, so a credit can always be used. */
async function checkCodes(ctx: Ctx, input: PlanInput) {
  const codes = new Set((await listServices(ctx.db, ctx.principal.organizationId)).map((s) => s.code));
  input.memberPrices.forEach((p, i) => {
    if (!codes.has(p.serviceCode)) throw invalid(`memberPrices.${i}.serviceCode`, `The service "${p.serviceCode}" is not one this clinic books.`);
  });
  input.credits.forEach((c, i) => {
    if (!codes.has(c.serviceCode)) throw invalid(`credits.${i}.serviceCode`, `The service "${c.serviceCode}" is not one this clinic books.`);
  });
}

const columns = (input: PlanInput) => ({
  location_id: input.locationId, name: input.name, description: input.description, period: input.period, fee_cents: input.feeCents, signup_fee_cents: input.signupFeeCents,
  min_term_periods: input.minTermPeriods, max_pause_days: input.maxPauseDays, percent_off_bp: input.percentOffBp,
  member_prices: JSON.stringify(input.memberPrices), credits: JSON.stringify(input.credits), active: input.active,
});

export async function createMembershipPlan(ctx: Ctx, input: PlanInput) {
  const org = ctx.principal.organizationId;
  await loadLocation(ctx.db, org, input.locationId, 'locationId');
  await checkCodes(ctx, input);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const p = await trx.insertInto('membership_plans').values({ organization_id: org, currency: 'USD', ...columns(input) }).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'membership_plan.create', entityType: 'membership_plan', entityId: p.id, details: { feeCents: p.fee_cents, period: p.period } });
    return p;
  });
  return planView(row, await serviceNames(ctx.db, org));
}

export async function updateMembershipPlan(ctx: Ctx, planId: string, input: PlanInput) {
  const org = ctx.principal.organizationId;
  await loadLocation(ctx.db, org, input.locationId, 'locationId');
  await checkCodes(ctx, input);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const p = await trx.updateTable('membership_plans').set({ ...columns(input), updated_at: ctx.now() }).where('organization_id', '=', org).where('id', '=', planId).returningAll().executeTakeFirst();
    if (!p) throw notFound('membership plan');
    await recordAudit(trx, ctx, { action: 'membership_plan.update', entityType: 'membership_plan', entityId: p.id, details: { feeCents: p.fee_cents, active: p.active } });
    return p;
  });
  return planView(row, await serviceNames(ctx.db, org));
}
