import { z } from 'zod';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';

export const onlineBookingInput = z.strictObject({ enabled: z.boolean() });

/**
 * The owner's switch: on, clients can find the clinic on the public pages, create an account and
 * book in the portal; off (a new clinic until it is set up), staff still book at the desk and by
 * phone. A signed-up clinic starts with it off.
 */
export async function setOnlineBooking(ctx: Ctx, input: z.infer<typeof onlineBookingInput>) {
  return ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('organizations').set({ online_booking: input.enabled }).where('id', '=', ctx.principal.organizationId).execute();
    await recordAudit(trx, ctx, { action: 'organization.online_booking', entityType: 'organization', entityId: ctx.principal.organizationId, details: input });
    return input;
  });
}
