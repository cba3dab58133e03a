import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { toClientView } from './client-view.js';
import { loadClient } from './load-client.js';

export async function getClient(ctx: Ctx, clientId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadClient(trx, ctx, clientId);
    await recordAudit(trx, ctx, { action: 'client.read', entityType: 'client', entityId: row.id, clientId: row.id });
    return toClientView(row);
  });
}
