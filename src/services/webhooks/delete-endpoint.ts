import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { recordAudit } from '../audit/record-audit-event.js';

/** Removes an endpoint and its delivery log; nothing more is sent to it. */
export async function deleteWebhookEndpoint(ctx: Ctx, endpointId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const gone = await trx.deleteFrom('webhook_endpoints').where('organization_id', '=', ctx.principal.organizationId).where('id', '=', endpointId).returning('id').executeTakeFirst();
    if (!gone) throw notFound('webhook endpoint');
    await recordAudit(trx, ctx, { action: 'webhook.delete', entityType: 'webhook_endpoint', entityId: endpointId });
  });
}
