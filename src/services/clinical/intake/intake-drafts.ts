import { z } from 'zod';
import { jsonData } from '../../../domain/shared/input.js';
import { deleteDraft, getDraft, upsertDraft } from '../../../db/repositories/clinical.repository.js';
import type { Ctx } from '../../context.js';
import { recordAudit } from '../../audit/record-audit-event.js';
import { loadClientForHealthData } from './intake-access.js';
import { IntakeDraftData } from './intake.schema.js';

export const draftInput = z.strictObject({
  // a draft is unfinished by nature: it is checked in full only when submitted, here only for
  // safe text and a shape the form could have made
  data: jsonData().pipe(IntakeDraftData),
  step: z.number().int().min(0).max(50),
});

export async function saveIntakeDraft(ctx: Ctx, clientId: string, input: z.infer<typeof draftInput>) {
  return ctx.db.transaction().execute(async (trx) => {
    const client = await loadClientForHealthData(trx, ctx, clientId);
    const now = ctx.now();
    await upsertDraft(trx, { organization_id: ctx.principal.organizationId, client_id: client.id, data: input.data, step: input.step, updated_by: ctx.principal.userId, updated_at: now });
    await recordAudit(trx, ctx, { action: 'intake_draft.save', entityType: 'intake_draft', entityId: client.id, clientId: client.id, details: { step: input.step } });
    return { step: input.step, savedAt: now.toISOString() };
  });
}

export async function getIntakeDraft(ctx: Ctx, clientId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const client = await loadClientForHealthData(trx, ctx, clientId);
    const d = await getDraft(trx, ctx.principal.organizationId, client.id);
    await recordAudit(trx, ctx, { action: 'intake_draft.read', entityType: 'intake_draft', entityId: client.id, clientId: client.id });
    return d ? { data: d.data as z.output<typeof IntakeDraftData>, step: d.step, savedAt: new Date(d.updated_at).toISOString() } : null;
  });
}

export async function discardIntakeDraft(ctx: Ctx, clientId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const client = await loadClientForHealthData(trx, ctx, clientId);
    await deleteDraft(trx, ctx.principal.organizationId, client.id);
    await recordAudit(trx, ctx, { action: 'intake_draft.discard', entityType: 'intake_draft', entityId: client.id, clientId: client.id });
  });
}
