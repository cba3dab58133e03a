import type { Ctx } from '../context.js';
import { WEBHOOK_EVENTS, WEBHOOK_EVENT_TYPES } from './events.js';
import { deliveryView, endpointView } from './webhook-view.js';

/** The clinic's endpoints, the events they can take, and the latest deliveries (newest first). */
export async function listWebhooks(ctx: Ctx, opts: { endpointId?: string | undefined; limit?: number } = {}) {
  const org = ctx.principal.organizationId;
  const endpoints = await ctx.db.selectFrom('webhook_endpoints').selectAll().where('organization_id', '=', org).orderBy('created_at').orderBy('id').execute();
  const deliveries = await ctx.db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_endpoints as e', (j) => j.onRef('e.organization_id', '=', 'd.organization_id').onRef('e.id', '=', 'd.endpoint_id'))
    .selectAll('d')
    .select('e.url')
    .where('d.organization_id', '=', org)
    .$if(opts.endpointId !== undefined, (q) => q.where('d.endpoint_id', '=', opts.endpointId!))
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(opts.limit ?? 100)
    .execute();
  return {
    events: WEBHOOK_EVENT_TYPES.map((type) => ({ type, label: WEBHOOK_EVENTS[type].label })),
    endpoints: endpoints.map(endpointView),
    deliveries: deliveries.map(deliveryView),
  };
}
