import { listNotes } from '../../db/repositories/clinical-notes.repository.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { loadClient } from './load-client.js';

export async function listClinicalNotes(ctx: Ctx, clientId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const client = await loadClient(trx, ctx, clientId);
    const rows = await listNotes(trx, ctx.principal.organizationId, client.id);
    await recordAudit(trx, ctx, { action: 'clinical_note.list', entityType: 'clinical_note', clientId: client.id, details: { count: rows.length } });
    return rows.map((r) => ({ id: r.id, body: r.body, authorName: r.author_name, authorUserId: r.author_user_id, createdAt: r.created_at.toISOString() }));
  });
}
