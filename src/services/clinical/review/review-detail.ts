// Everything a clinician needs on screen to decide a needs-review screening (issue 13, item 5): for
// each finding the rule in plain words and the client's answers behind it, the requested modality and
// areas, the client's plan, and their photos. Reading it is audited like any access to the record.
import { intakeVersion } from '../../../db/repositories/clinical.repository.js';
import { findScreening } from '../../../db/repositories/clinical.repository.js';
import { listClientPhotos } from '../../../db/repositories/photos.repository.js';
import { listPlans } from '../../../db/repositories/plans.repository.js';
import { ruleById } from '../../../domain/protocols/microneedling/rules.js';
import { answersBehind } from '../../../domain/screening/engine/evidence.js';
import type { Intake, Plan } from '../../../domain/screening/engine/contract.js';
import type { TreatmentPlan } from '../../../domain/plans/recommend.js';
import type { Ctx } from '../../context.js';
import { recordAudit } from '../../audit/record-audit-event.js';
import { notFound } from '../../errors.js';
import { loadClientForHealthData } from '../intake/intake-access.js';
import type { ScreeningResultValue } from '../engine.js';
import type { ReviewDetailView } from './review-detail.schema.js';

export async function reviewDetail(ctx: Ctx, screeningId: string): Promise<ReviewDetailView> {
  const org = ctx.principal.organizationId;
  return ctx.db.transaction().execute(async (trx) => {
    const s = await findScreening(trx, org, screeningId);
    if (!s) throw notFound('screening');
    const client = await loadClientForHealthData(trx, ctx, s.client_id);
    const intake = (await intakeVersion(trx, org, client.id, s.intake_version))?.data as Intake | undefined;
    const plan = s.plan as Plan;
    const result = s.result as ScreeningResultValue;
    const findings = result.findings.map((f) => {
      const def = ruleById(f.ruleId);
      return {
        ruleId: f.ruleId,
        title: def?.title ?? f.ruleId,
        outcome: f.outcome,
        message: f.message,
        clinical: def?.clinical ?? f.message,
        areas: f.areas,
        until: f.until,
        answers: intake ? answersBehind(f.ruleId, intake, plan.date) : [],
      };
    });
    const planRow = (await listPlans(trx, org, client.id)).find((p) => p.status !== 'superseded' && (p.plan as TreatmentPlan).modality === plan.modality);
    const tp = planRow?.plan as TreatmentPlan | undefined;
    const photos = await listClientPhotos(trx, org, client.id);
    await recordAudit(trx, ctx, { action: 'screening.review_detail', entityType: 'screening', entityId: s.id, clientId: client.id });
    return {
      screeningId: s.id,
      clientId: client.id,
      clientName: `${client.first_name} ${client.last_name}`,
      decision: result.decision,
      requested: { modality: plan.modality, areas: plan.areas, date: plan.date },
      findings,
      plan: planRow && tp
        ? { id: planRow.id, status: planRow.status, modality: tp.modality, sessions: tp.sessions, intervalDays: tp.intervalDays, startDate: tp.startDate, areas: tp.areas.map((a) => ({ area: a.area, depthMm: a.depthMm })), numbing: tp.numbing.use, precautions: tp.precautions.map((p) => p.text) }
        : null,
      photos: photos.map((p) => ({ id: p.id, view: p.view, stage: p.stage, takenAt: new Date(p.created_at).toISOString(), thumbUrl: `/api/photos/${p.id}/image?size=thumb`, url: `/api/photos/${p.id}/image` })),
    };
  });
}
