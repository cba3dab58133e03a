import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { TEST_EVENT } from './events.js';
import { webhookBody } from './emit-webhooks.js';
import { deliveryView, type DeliveryView } from './webhook-view.js';

/** Queues a delivery and answers it as the log shows it. */
async function queue(ctx: Ctx, values: { endpointId: string; eventType: string; payload: unknown; replayOf: string | null }, audit: string): Promise<DeliveryView> {
  const org = ctx.principal.organizationId;
  return ctx.db.transaction().execute(async (trx) => {
    const endpoint = await trx.selectFrom('webhook_endpoints').select(['id', 'url']).where('organization_id', '=', org).where('id', '=', values.endpointId).executeTakeFirst();
    if (!endpoint) throw notFound('webhook endpoint');
    const row = await trx
      .insertInto('webhook_deliveries')
      .values({ organization_id: org, endpoint_id: endpoint.id, event_type: values.eventType, payload: JSON.stringify(values.payload), next_attempt_at: ctx.now(), replay_of: values.replayOf })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: audit, entityType: 'webhook_delivery', entityId: row.id, details: { endpointId: endpoint.id, eventType: values.eventType } });
    return deliveryView({ ...row, url: endpoint.url });
  });
}

/**
 * Sends a delivery again from the log, as a new delivery with the same body and the same
 * webhook-id, so a receiver that already handled it can tell (Standard Webhooks: idempotency).
 */
export async function replayWebhookDelivery(ctx: Ctx, deliveryId: string): Promise<DeliveryView> {
  const d = await ctx.db.selectFrom('webhook_deliveries').selectAll().where('organization_id', '=', ctx.principal.organizationId).where('id', '=', deliveryId).executeTakeFirst();
  if (!d) throw notFound('webhook delivery');
  return queue(ctx, { endpointId: d.endpoint_id, eventType: d.event_type, payload: d.payload, replayOf: d.replay_of ?? d.id }, 'webhook.replay');
}

/** "Send a test event": a webhook.test delivery, whatever the endpoint subscribes to. */
export async function sendTestWebhook(ctx: Ctx, endpointId: string): Promise<DeliveryView> {
  const body = webhookBody(TEST_EVENT, ctx.now(), { organizationId: ctx.principal.organizationId });
  return queue(ctx, { endpointId, eventType: TEST_EVENT, payload: body, replayOf: null }, 'webhook.test');
}
