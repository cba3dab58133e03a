import { z } from 'zod';
import { listActiveServicesWithDeposits, listServices } from '../../db/repositories/scheduling.repository.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { invalid } from '../errors.js';
import { loadLocation } from '../organization/load-location.js';
import { loadBillingPolicy } from './policy-store.js';
import type { BillingSettingsView } from './billing.schema.js';

export const billingSettingsInput = z.strictObject({
  taxRateBp: z.number().int().min(0).max(3000),
  taxServices: z.boolean(),
  lateCancelKeepsDeposit: z.boolean(),
  noShowKeepsDeposit: z.boolean(),
  lateCancelForfeitsSession: z.boolean(),
  noShowForfeitsSession: z.boolean(),
  packageRefundFeeBp: z.number().int().min(0).max(10_000),
  /** optional, unchanged when left out: a paid deposit or a card on file holds a booking */
  holdPolicy: z.enum(['deposit', 'card_on_file']).optional(),
  /** optional, unchanged when left out: fees charged to the saved card, in cents */
  lateCancelFeeCents: z.number().int().min(0).max(1_000_000).optional(),
  noShowFeeCents: z.number().int().min(0).max(1_000_000).optional(),
  /** per service: none, a fixed amount (cents) or a percent (basis points) of the price */
  deposits: z.array(z.strictObject({ serviceId: z.uuid(), kind: z.enum(['none', 'amount', 'percent']), value: z.number().int().min(0).max(10_000_000) })).max(100),
});

export async function getBillingSettings(ctx: Ctx, locationId: string): Promise<BillingSettingsView> {
  const org = ctx.principal.organizationId;
  const loc = await loadLocation(ctx.db, org, locationId);
  const b = await loadBillingPolicy(ctx.db, org, loc.id);
  const deposits = await listActiveServicesWithDeposits(ctx.db, org);
  return {
    locationId: loc.id,
    taxRateBp: b.taxRateBp,
    taxServices: b.taxServices,
    lateCancelHours: b.policy.lateCancelHours,
    lateCancelKeepsDeposit: b.policy.lateCancelKeepsDeposit,
    noShowKeepsDeposit: b.policy.noShowKeepsDeposit,
    lateCancelForfeitsSession: b.policy.lateCancelForfeitsSession,
    noShowForfeitsSession: b.policy.noShowForfeitsSession,
    packageRefundFeeBp: b.packageRefundFeeBp,
    holdPolicy: b.holdPolicy,
    lateCancelFeeCents: b.lateCancelFeeCents,
    noShowFeeCents: b.noShowFeeCents,
    deposits: deposits.map((d) => ({ serviceId: d.id, serviceName: d.name, kind: d.kind ?? 'none', value: d.value ?? 0 })),
  };
}

/** The owner sets tax, the cancellation policy, the package refund fee and each service's deposit. */
export async function updateBillingSettings(ctx: Ctx, locationId: string, input: z.infer<typeof billingSettingsInput>) {
  const org = ctx.principal.organizationId;
  await ctx.db.transaction().execute(async (trx) => {
    const loc = await loadLocation(trx, org, locationId);
    const services = new Set((await listServices(trx, org)).map((s) => s.id));
    input.deposits.forEach((d, i) => {
      if (!services.has(d.serviceId)) throw invalid(`deposits.${i}.serviceId`, 'no such service');
      if (d.kind === 'percent' && d.value > 10_000) throw invalid(`deposits.${i}.value`, 'A deposit can be at most 100% of the price');
      if (d.kind !== 'none' && d.value === 0) throw invalid(`deposits.${i}.value`, 'A deposit must be more than zero');
    });
    const row = {
      tax_rate_bp: input.taxRateBp, tax_services: input.taxServices, late_cancel_keeps_deposit: input.lateCancelKeepsDeposit, no_show_keeps_deposit: input.noShowKeepsDeposit,
      late_cancel_forfeits_session: input.lateCancelForfeitsSession, no_show_forfeits_session: input.noShowForfeitsSession, package_refund_fee_bp: input.packageRefundFeeBp, updated_at: ctx.now(),
      ...(input.holdPolicy ? { hold_policy: input.holdPolicy } : {}),
      ...(input.lateCancelFeeCents !== undefined ? { late_cancel_fee_cents: input.lateCancelFeeCents } : {}),
      ...(input.noShowFeeCents !== undefined ? { no_show_fee_cents: input.noShowFeeCents } : {}),
    };
    await trx.insertInto('billing_policies').values({ organization_id: org, location_id: loc.id, ...row }).onConflict((oc) => oc.columns(['organization_id', 'location_id']).doUpdateSet(row)).execute();
    for (const d of input.deposits) {
      const kind = d.kind;
      if (kind === 'none') await trx.deleteFrom('service_deposits').where('organization_id', '=', org).where('service_id', '=', d.serviceId).execute();
      else await trx.insertInto('service_deposits').values({ organization_id: org, service_id: d.serviceId, kind, value: d.value }).onConflict((oc) => oc.columns(['organization_id', 'service_id']).doUpdateSet({ kind, value: d.value })).execute();
    }
    await recordAudit(trx, ctx, { action: 'billing.settings', entityType: 'location', entityId: loc.id, details: { taxRateBp: input.taxRateBp, deposits: input.deposits.length, holdPolicy: input.holdPolicy ?? null, lateCancelFeeCents: input.lateCancelFeeCents ?? null, noShowFeeCents: input.noShowFeeCents ?? null } });
  });
  return getBillingSettings(ctx, locationId);
}
