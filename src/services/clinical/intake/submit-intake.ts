import { deleteDraft, insertIntake, latestIntake } from '../../../db/repositories/clinical.repository.js';
import type { Ctx } from '../../context.js';
import { recordAudit } from '../../audit/record-audit-event.js';
import { AppError } from '../../errors.js';
import { parseIntake } from '../engine.js';
import { loadClientForHealthData } from './intake-access.js';

/**
 * Stores a complete Intake v1 as the client's next version. Earlier screenings become stale
 * because they name the intake version they used. Source: the client, staff with the client, or
 * an imported Intake v1 JSON file.
 */
export async function submitIntake(ctx: Ctx, clientId: string, raw: unknown, source: 'client' | 'staff' | 'import') {
  const parsed = parseIntake(raw);
  if (!parsed.ok) {
    throw new AppError('validation', parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; '), parsed.errors);
  }
  return ctx.db.transaction().execute(async (trx) => {
    const client = await loadClientForHealthData(trx, ctx, clientId);
    const prev = await latestIntake(trx, ctx.principal.organizationId, client.id);
    const version = (prev?.version ?? 0) + 1;
    await insertIntake(trx, {
      organization_id: ctx.principal.organizationId,
      client_id: client.id,
      version,
      data: parsed.value,
      answered_on: parsed.value.answeredOn,
      source: ctx.principal.role === 'client' ? 'client' : source,
      recorded_by: ctx.principal.userId,
    });
    await deleteDraft(trx, ctx.principal.organizationId, client.id);
    await recordAudit(trx, ctx, { action: 'intake.submit', entityType: 'intake', entityId: `${client.id}:${version}`, clientId: client.id, details: { version, source } });
    return { version, answeredOn: parsed.value.answeredOn, intake: parsed.value };
  });
}
