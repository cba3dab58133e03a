import { Temporal } from 'temporal-polyfill';
import { insertScreening, findScreening, latestIntake } from '../../../db/repositories/clinical.repository.js';
import type { Ctx } from '../../context.js';
import { recordAudit } from '../../audit/record-audit-event.js';
import { AppError } from '../../errors.js';
import { parsePlan, runScreening } from '../engine.js';
import { settingsInForce } from '../settings/clinical-settings.js';
import { loadClientForHealthData } from '../intake/intake-access.js';
import { clientScreeningView, staffScreeningView } from './screening-view.js';

const CLEARS: ReadonlySet<string> = new Set(['eligible', 'eligible_with_precautions']);

/**
 * The stored flow: the client's latest intake and a plan are screened with the organization's
 * settings in force; the result is kept with the intake version, pack version and settings used.
 */
export async function screenClient(ctx: Ctx, clientId: string, rawPlan: unknown) {
  const plan = parsePlan(rawPlan);
  if (!plan.ok) throw new AppError('validation', plan.errors.map((e) => `plan.${e.path}: ${e.message}`).join('; '), plan.errors.map((e) => ({ ...e, path: `plan.${e.path}` })));
  return ctx.db.transaction().execute(async (trx) => {
    const client = await loadClientForHealthData(trx, ctx, clientId);
    const intake = await latestIntake(trx, ctx.principal.organizationId, client.id);
    if (!intake) throw new AppError('conflict', 'the health questionnaire has not been answered yet', [{ path: 'intake', message: 'missing' }]);
    const { version, settings } = await settingsInForce(trx, ctx.principal.organizationId);
    const { result, settingsUsed } = runScreening({ intake: intake.data, plan: plan.value }, settings.screening);
    // A deferral with an end date: the same answers screened on that date. If that clears, the
    // client may book from then on, and the result holds for its validity from that date (check-in
    // screens again before treatment, decision 0008).
    const clearsFrom = result.decision === 'deferred' && result.earliestDate && CLEARS.has(runScreening({ intake: intake.data, plan: { ...plan.value, date: result.earliestDate } }, settings.screening).result.decision) ? result.earliestDate : null;
    const validUntil = Temporal.PlainDate.from(clearsFrom ?? plan.value.date).add({ days: settingsUsed.resultValidityDays }).toString();
    const row = await insertScreening(trx, {
      organization_id: ctx.principal.organizationId,
      client_id: client.id,
      intake_version: intake.version,
      plan: plan.value,
      plan_date: plan.value.date,
      modality: plan.value.modality,
      result,
      decision: result.decision,
      earliest_date: result.earliestDate,
      clears_from: clearsFrom,
      protocol: result.protocol,
      settings: settingsUsed,
      settings_version: version,
      valid_until: validUntil,
      created_by: ctx.principal.userId,
    });
    await recordAudit(trx, ctx, {
      action: 'screening.create',
      entityType: 'screening',
      entityId: row.id,
      clientId: client.id,
      details: { decision: result.decision, clearsFrom, rules: result.findings.map((f) => f.ruleId), intakeVersion: intake.version, settingsVersion: version },
    });
    const stored = (await findScreening(trx, ctx.principal.organizationId, row.id))!;
    return ctx.principal.role === 'client' ? clientScreeningView(stored, 'current') : staffScreeningView(stored, 'current');
  });
}
