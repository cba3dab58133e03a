import { deleteDraft, insertIntake, latestIntake } from '../../../db/repositories/clinical.repository.js';
import type { Ctx } from '../../context.js';
import { recordAudit } from '../../audit/record-audit-event.js';
import { AppError } from '../../errors.js';
import { parseIntake } from '../engine.js';
import { loadClientForHealthData } from './intake-access.js';
import { todayIn } from '../today.js';
import { medicineDateProblems } from './medicine-dates.js';
import { plainFieldMessage, summarize } from '../../../domain/shared/messages.js';

/**
 * Stores a complete Intake v1 as the client's next version. Earlier screenings become stale
 * because they name the intake version they used. Source: the client, staff with the client, or
 * an imported Intake v1 JSON file. A last dose in the future is refused, and so is a stopped
 * medicine without its last dose unless imported. The answer carries the clinic's today, the day
 * the portal screens the plan for straight after.
 */
export async function submitIntake(ctx: Ctx, clientId: string, raw: unknown, source: 'client' | 'staff' | 'import') {
  const parsed = parseIntake(raw);
  if (!parsed.ok) {
    const fields = parsed.errors.map((e) => ({ path: e.path, message: plainFieldMessage(e.path, e.message) }));
    throw new AppError('validation', summarize(fields.map((e) => e.message)), fields);
  }
  const recordedAs = ctx.principal.role === 'client' ? 'client' : source;
  return ctx.db.transaction().execute(async (trx) => {
    const client = await loadClientForHealthData(trx, ctx, clientId);
    const today = await todayIn(trx, ctx);
    const problems = medicineDateProblems(parsed.value, today, recordedAs);
    if (problems.length) throw new AppError('validation', problems.map((e) => e.message).join(' '), problems);
    const prev = await latestIntake(trx, ctx.principal.organizationId, client.id);
    const version = (prev?.version ?? 0) + 1;
    await insertIntake(trx, {
      organization_id: ctx.principal.organizationId,
      client_id: client.id,
      version,
      data: parsed.value,
      answered_on: parsed.value.answeredOn,
      source: recordedAs,
      recorded_by: ctx.principal.userId,
    });
    await deleteDraft(trx, ctx.principal.organizationId, client.id);
    await recordAudit(trx, ctx, { action: 'intake.submit', entityType: 'intake', entityId: `${client.id}:${version}`, clientId: client.id, details: { version, source } });
    return { version, answeredOn: parsed.value.answeredOn, today, intake: parsed.value };
  });
}
