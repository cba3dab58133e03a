// What a stored screening looks like to staff (rule ids, clinical wording, sources) and to the
// client (plain language only).
import type { ScreeningRecord } from '../../../db/repositories/clinical.repository.js';
import { explainForClient, type ScreeningResultValue, type ScreeningSettingsValues } from '../engine.js';
import type { Plan as ContractPlan } from '../../../domain/screening/engine/contract.js';
import type { ClientScreeningView, ReviewAdjustmentView, StaffScreeningView } from './screening.schema.js';

export type ScreeningStatus = StaffScreeningView['status'];

export function screeningStatus(r: ScreeningRecord, latestIntakeVersion: number, today: string): ScreeningStatus {
  if (r.intake_version !== latestIntakeVersion) return 'stale';
  if (today > r.valid_until) return 'expired';
  return 'current';
}

const review = (r: ScreeningRecord): StaffScreeningView['review'] =>
  r.review_id
    ? {
        outcome: r.review_outcome as 'approved' | 'declined',
        note: r.review_note!,
        adjustments: r.review_adjustments as ReviewAdjustmentView[],
        ruleIds: r.review_rule_ids!,
        signedName: r.review_signed_name!,
        reviewerRole: r.reviewer_role!,
        reviewerLicenceType: r.reviewer_licence_type,
        signatureHash: r.review_signature_hash!,
        reviewedAt: new Date(r.reviewed_at!).toISOString(),
      }
    : null;

/** May treatment go ahead on this screening: eligible, with precautions, or approved on review. */
export function clearsTreatment(r: ScreeningRecord): boolean {
  if (r.decision === 'eligible' || r.decision === 'eligible_with_precautions') return true;
  return r.decision === 'needs_review' && r.review_outcome === 'approved';
}

export function staffScreeningView(r: ScreeningRecord, status: ScreeningStatus): StaffScreeningView {
  return {
    id: r.id,
    clientId: r.client_id,
    intakeVersion: r.intake_version,
    // stored plans and settings were parsed by the contract schemas when screened
    plan: r.plan as ContractPlan,
    planDate: r.plan_date,
    validUntil: r.valid_until,
    status,
    clearsTreatment: clearsTreatment(r) && status === 'current',
    result: r.result as ScreeningResultValue,
    settingsVersion: r.settings_version,
    settingsUsed: r.settings as ScreeningSettingsValues,
    createdAt: r.created_at.toISOString(),
    review: review(r),
    explanation: explainForClient(r.result as ScreeningResultValue),
  };
}

export function clientScreeningView(r: ScreeningRecord, status: ScreeningStatus): ClientScreeningView {
  const result = r.result as ScreeningResultValue;
  const rv = review(r);
  return {
    id: r.id,
    planDate: r.plan_date,
    validUntil: r.valid_until,
    status,
    clearsTreatment: clearsTreatment(r) && status === 'current',
    decision: result.decision,
    earliestDate: result.earliestDate,
    explanation: explainForClient(result),
    plan: r.plan as ContractPlan,
    createdAt: r.created_at.toISOString(),
    review: rv ? { outcome: rv.outcome, reviewedAt: rv.reviewedAt, note: rv.outcome === 'approved' ? 'A clinician reviewed your answers and approved your treatment plan.' : 'A clinician reviewed your answers and could not approve this treatment. Your clinic will talk with you about options.' } : null,
  };
}
