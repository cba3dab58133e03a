import { z } from 'zod';
import { findScreening, latestIntake } from '../../db/repositories/clinical.repository.js';
import { findPlan, insertPlan } from '../../db/repositories/plans.repository.js';
import { listLocations } from '../../db/repositories/organizations.repository.js';
import type { Adjustment } from '../../domain/plans/recommend.js';
import { evaluatePlan, parsePlanRequest } from '../../domain/plans/index.js';
import { AREAS, type Area } from '../../domain/screening/engine/contract.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { AppError, invalid, notFound } from '../errors.js';
import { loadClientForHealthData } from '../clinical/intake/intake-access.js';
import { screeningStatus } from '../clinical/screening/screening-view.js';
import { todayIn } from '../clinical/today.js';
import type { ScreeningResultValue } from '../clinical/engine.js';
import { pricePlan } from './price-plan.js';
import { planView } from './plan-view.js';

export const proposePlanInput = z.strictObject({
  screeningId: z.uuid(),
  locationId: z.uuid().optional(),
});

/** A review's adjustments as the plan contract reads them: a free-text area it does not know stays a note. */
function contractAdjustments(stored: Adjustment[] | null) {
  const isArea = (a: string): a is Area => (AREAS as readonly string[]).includes(a);
  return (stored ?? []).map((a) => {
    if (a.kind === 'exclude_area' && !isArea(a.area)) return { kind: 'other' as const, note: `Leave out: ${a.area}` };
    if (a.kind === 'max_depth' && !isArea(a.area)) return { kind: 'other' as const, note: `At most ${a.maxDepthMm} mm: ${a.area}` };
    return a;
  });
}

const NOT_POSSIBLE: Record<string, [string, string]> = {
  'PLAN-1': ['microneedling is contraindicated for this client; no plan can be made', 'contraindicated'],
  'PLAN-2': ['a clinician declined this screening on review', 'declined on review'],
  'PLAN-8': ['no planned area can be treated on this screening', 'every area is deferred or excluded'],
};

/**
 * Recommends a plan and quote from a current screening of the client through the plan contract
 * (docs/plans.md, the engine `dermis plan` runs): the screening's result, modality, areas and date,
 * the intake's concerns and skin type, and the clinician's review. A contraindicated or declined
 * screening gets no plan; an unreviewed needs-review one a provisional plan.
 */
export async function proposePlan(ctx: Ctx, clientId: string, input: z.infer<typeof proposePlanInput>) {
  return ctx.db.transaction().execute(async (trx) => {
    const client = await loadClientForHealthData(trx, ctx, clientId);
    const org = ctx.principal.organizationId;
    const s = await findScreening(trx, org, input.screeningId);
    if (!s || s.client_id !== client.id) throw notFound('screening');
    const intake = await latestIntake(trx, org, client.id);
    const today = await todayIn(trx, ctx);
    if (screeningStatus(s, intake?.version ?? 0, today) !== 'current') {
      throw new AppError('conflict', 'the screening is no longer current; screen again first', [{ path: 'screeningId', message: 'stale or expired' }]);
    }
    const screenedPlan = s.plan as { modality: 'roller' | 'pen' | 'rf'; areas: Area[]; date: string };
    const data = (intake?.data ?? {}) as { concerns?: string[]; fitzpatrick?: number };
    const request = parsePlanRequest({
      screening: s.result as ScreeningResultValue,
      startDate: screenedPlan.date,
      concerns: data.concerns ?? [],
      ...(data.fitzpatrick ? { fitzpatrick: data.fitzpatrick } : {}),
      areas: screenedPlan.areas,
      modality: screenedPlan.modality,
      history: s.review_outcome ? { review: { outcome: s.review_outcome, adjustments: contractAdjustments(s.review_adjustments as Adjustment[] | null) } } : {},
    });
    if (!request.ok) throw new Error(`screening ${s.id} does not meet the plan contract: ${request.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    const { result, plan } = evaluatePlan(request.value);
    if (result.status === 'not_possible' || !plan) {
      const [detail, why] = NOT_POSSIBLE[result.findings.at(-1)?.ruleId ?? ''] ?? NOT_POSSIBLE['PLAN-8']!;
      throw new AppError('conflict', detail, [{ path: 'screeningId', message: why }]);
    }
    const locations = await listLocations(trx, org);
    const locationId = input.locationId ?? client.preferred_location_id ?? locations[0]?.id;
    if (!locationId || !locations.some((l) => l.id === locationId)) throw invalid('locationId', 'no such location');
    const quote = await pricePlan(trx, org, locationId, plan);
    const row = await insertPlan(trx, {
      organization_id: org,
      client_id: client.id,
      supersedes: null,
      status: 'proposed',
      location_id: locationId,
      screening_id: s.id,
      // the contract's findings and protocol version explain the recommendation
      plan: { ...plan, findings: result.findings, protocol: result.protocol },
      quote,
      director_approved_by: null,
      created_by: ctx.principal.userId,
    });
    await recordAudit(trx, ctx, { action: 'plan.propose', entityType: 'treatment_plan', entityId: row.id, clientId: client.id, details: { screeningId: s.id, modality: plan.modality, sessions: plan.sessions, status: result.status, protocol: result.protocol } });
    return planView((await findPlan(trx, org, row.id))!);
  });
}
