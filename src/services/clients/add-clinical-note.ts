import { insertNote } from '../../db/repositories/clinical-notes.repository.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { loadClient } from './load-client.js';

export async function addClinicalNote(ctx: Ctx, clientId: string, body: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const client = await loadClient(trx, ctx, clientId);
    const note = await insertNote(trx, { organization_id: ctx.principal.organizationId, client_id: client.id, author_user_id: ctx.principal.userId, body });
    await recordAudit(trx, ctx, { action: 'clinical_note.create', entityType: 'clinical_note', entityId: note.id, clientId: client.id });
    return { id: note.id, body, authorName: ctx.principal.name, authorUserId: ctx.principal.userId, createdAt: note.created_at.toISOString() };
  });
}
