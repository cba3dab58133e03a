import { searchClients } from '../../db/repositories/clients.repository.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { toClientView } from './client-view.js';

export async function listClients(ctx: Ctx, input: { q?: string | undefined; limit: number; offset: number }) {
  return ctx.db.transaction().execute(async (trx) => {
    const { rows, total } = await searchClients(trx, { organizationId: ctx.principal.organizationId, ...input });
    // A search is a read of every client it returns; the ids go in the audit event, the query does not.
    await recordAudit(trx, ctx, {
      action: 'client.list',
      entityType: 'client',
      details: { count: rows.length, total, ids: rows.map((r) => r.id), searched: Boolean(input.q) },
    });
    return { items: rows.map(toClientView), total };
  });
}
