import type { PlanRecord } from '../../db/repositories/plans.repository.js';
import type { TreatmentPlan } from '../../domain/plans/recommend.js';
import type { Quote } from '../../domain/pricing/quote.js';
import type { PlanView } from './plan.schema.js';

export type { PlanView };

export function planView(r: PlanRecord): PlanView {
  return {
    id: r.id,
    clientId: r.client_id,
    locationId: r.location_id,
    screeningId: r.screening_id,
    supersedes: r.supersedes,
    status: r.status,
    outsideCaps: r.outside_caps,
    plan: r.plan as TreatmentPlan & Pick<PlanView['plan'], 'outsideCapsIssues' | 'changeReason'>,
    quote: r.quote as Quote | null,
    createdBy: r.created_by_name,
    directorApprovedBy: r.director_name,
    createdAt: new Date(r.created_at).toISOString(),
  };
}
