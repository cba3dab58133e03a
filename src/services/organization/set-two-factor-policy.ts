import { z } from 'zod';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';

export const twoFactorPolicyInput = z.strictObject({ requireForAllStaff: z.boolean() });

/**
 * Owners and medical directors always need two-step sign-in; the owner may require it of every
 * staff member too. Those without it are asked to set it up at their next request.
 */
export async function setTwoFactorPolicy(ctx: Ctx, input: z.infer<typeof twoFactorPolicyInput>) {
  return ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('organizations').set({ require_staff_two_factor: input.requireForAllStaff }).where('id', '=', ctx.principal.organizationId).execute();
    await recordAudit(trx, ctx, { action: 'organization.two_factor_policy', entityType: 'organization', entityId: ctx.principal.organizationId, details: input });
    return input;
  });
}
