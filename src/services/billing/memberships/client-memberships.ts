// A client's memberships as the desk, the clinicians who see the client and the client themself see
// them: the plan, status, next payment, credits and charges, with the plans on sale. Every read is
// audited.
import type { Ctx } from '../../context.js';
import { recordAudit } from '../../audit/record-audit-event.js';
import { loadClient } from '../../clients/load-client.js';
import { loadMembershipView, planView, serviceNames } from './membership-view.js';

export async function clientMemberships(ctx: Ctx, clientId: string) {
  const org = ctx.principal.organizationId;
  await loadClient(ctx.db, ctx, clientId);
  const rows = await ctx.db.selectFrom('client_memberships').selectAll().where('organization_id', '=', org).where('client_id', '=', clientId).orderBy('created_at', 'desc').execute();
  const name = await serviceNames(ctx.db, org);
  const memberships = [];
  for (const m of rows) memberships.push(await loadMembershipView(ctx.db, org, m, name));
  const plans = (await ctx.db.selectFrom('membership_plans').selectAll().where('organization_id', '=', org).where('active', '=', true).orderBy('name').execute()).map((p) => planView(p, name));
  await ctx.db.transaction().execute((trx) => recordAudit(trx, ctx, { action: 'membership.read', entityType: 'client', entityId: clientId, clientId, details: { memberships: rows.length } }));
  // joining online is not offered yet: never show a button the client cannot then use (docs/memberships.md)
  return { memberships, plans, canJoinOnline: false, joinNote: plans.length ? 'Ask at the front desk to join.' : null };
}
