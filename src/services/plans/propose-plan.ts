import { z } from 'zod';
import { findScreening, latestIntake } from '../../db/repositories/clinical.repository.js';
import { findPlan, insertPlan } from '../../db/repositories/plans.repository.js';
import { listLocations } from '../../db/repositories/organizations.repository.js';
import { recommendPlan, type Adjustment } from '../../domain/plans/recommend.js';
import type { Area } from '../../domain/screening/engine/contract.js';
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

/**
 * Recommends a plan and quote from a current screening of the client: its modality, areas and date,
 * the intake's concerns and skin type, and any clinician-review adjustments. A contraindicated or
 * declined screening gets no plan.
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
    if (s.decision === 'contraindicated') throw new AppError('conflict', 'microneedling is contraindicated for this client; no plan can be made', [{ path: 'screeningId', message: 'contraindicated' }]);
    if (s.review_outcome === 'declined') throw new AppError('conflict', 'a clinician declined this screening on review', [{ path: 'screeningId', message: 'declined on review' }]);
    const result = s.result as ScreeningResultValue;
    const screenedPlan = s.plan as { modality: 'roller' | 'pen' | 'rf'; areas: Area[]; date: string };
    const blockedAreas = Object.entries(result.areas)
      .filter(([, d]) => d === 'contraindicated' || d === 'deferred')
      .map(([a]) => a as Area);
    const locations = await listLocations(trx, org);
    const locationId = input.locationId ?? client.preferred_location_id ?? locations[0]?.id;
    if (!locationId || !locations.some((l) => l.id === locationId)) throw invalid('locationId', 'no such location');
    const data = (intake?.data ?? {}) as { concerns?: string[]; fitzpatrick?: number };
    const plan = recommendPlan({
      concerns: (data.concerns ?? []) as never[],
      areas: screenedPlan.areas,
      fitzpatrick: data.fitzpatrick ?? null,
      modality: screenedPlan.modality,
      startDate: screenedPlan.date,
      screening: {
        decision: s.decision,
        blockedAreas,
        earliestDate: s.earliest_date,
        adjustments: ((s.review_adjustments as Adjustment[] | null) ?? []),
      },
    });
    if (plan.areas.length === 0) throw new AppError('conflict', 'no planned area can be treated on this screening', [{ path: 'screeningId', message: 'every area is deferred or excluded' }]);
    const quote = await pricePlan(trx, org, locationId, plan);
    const row = await insertPlan(trx, {
      organization_id: org,
      client_id: client.id,
      supersedes: null,
      status: 'proposed',
      location_id: locationId,
      screening_id: s.id,
      plan,
      quote,
      director_approved_by: null,
      created_by: ctx.principal.userId,
    });
    await recordAudit(trx, ctx, { action: 'plan.propose', entityType: 'treatment_plan', entityId: row.id, clientId: client.id, details: { screeningId: s.id, modality: plan.modality, sessions: plan.sessions } });
    return planView((await findPlan(trx, org, row.id))!);
  });
}
