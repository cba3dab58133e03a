import type { Db } from '../../db/connect.js';
import { latestIntake, listScreenings } from '../../db/repositories/clinical.repository.js';
import { listConsents } from '../../db/repositories/consents.repository.js';
import { listRiskAcknowledgements } from '../../db/repositories/learn.repository.js';
import type { Modality } from '../../domain/screening/engine/contract.js';
import { RISK_SUMMARY } from '../../domain/learn/guide.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { loadClientForHealthData } from './intake/intake-access.js';
import { screeningStanding } from './screening/screening-cover.js';
import { humanDate } from '../../domain/shared/human-date.js';
import { todayIn } from './today.js';
import { consentStatus } from '../consent/consent-view.js';
import type { ReadinessCheckView, TreatmentReadinessView } from './treatment-readiness.schema.js';

export type ReadinessCheck = ReadinessCheckView;

/**
 * May this client be treated with this modality on this date? A current screening that covers
 * that date (screening-cover.ts), a current signed treatment consent, and the risk summary acknowledged.
 * Booking and check-in call this; nothing treats a client it says no to.
 */
export async function treatmentReadiness(trx: Db, organizationId: string, clientId: string, modality: Modality, date: string, today: string, opts: { seriesExtraDays?: number } = {}): Promise<TreatmentReadinessView> {
  const checks: ReadinessCheck[] = [];
  const latest = (await latestIntake(trx, organizationId, clientId))?.version ?? 0;
  const screenings = (await listScreenings(trx, organizationId, clientId)).filter((s) => s.modality === modality);
  const standing = screeningStanding(screenings, latest, today, { date, extraDays: opts.seriesExtraDays ?? 0 });
  checks.push(
    standing.ok
      ? { id: 'screening', ok: true, message: `the eligibility check of ${humanDate(standing.screening.plan_date)} clears ${modality} treatment until ${humanDate(standing.cover.until)}` }
      : { id: 'screening', ok: false, message: standing.message },
  );
  const consents = await listConsents(trx, organizationId, clientId);
  const consent = consents.find((c) => c.kind === 'treatment' && c.modality === modality && consentStatus(c) === 'current');
  checks.push(consent ? { id: 'treatment_consent', ok: true, message: `signed ${new Date(consent.signed_at).toISOString().slice(0, 10)}` } : { id: 'treatment_consent', ok: false, message: `no current signed ${modality} treatment consent` });
  const acks = await listRiskAcknowledgements(trx, organizationId, clientId);
  const ack = acks.find((a) => a.modality === modality && a.summary_version === RISK_SUMMARY.version);
  checks.push(ack ? { id: 'risk_acknowledgement', ok: true, message: 'risk summary acknowledged' } : { id: 'risk_acknowledgement', ok: false, message: 'the client has not acknowledged the current risk summary' });
  return { modality, date, ready: checks.every((c) => c.ok), checks };
}

export async function getTreatmentReadiness(ctx: Ctx, clientId: string, modality: Modality, date: string | undefined): Promise<TreatmentReadinessView> {
  return ctx.db.transaction().execute(async (trx) => {
    const client = await loadClientForHealthData(trx, ctx, clientId);
    const today = await todayIn(trx, ctx, client.preferred_location_id ?? undefined);
    const r = await treatmentReadiness(trx, ctx.principal.organizationId, client.id, modality, date ?? today, today);
    await recordAudit(trx, ctx, { action: 'readiness.read', entityType: 'client', entityId: client.id, clientId: client.id, details: { modality } });
    return READS_SCREENING.has(ctx.principal.role) ? r : withoutClinicalReasons(r);
  });
}

/** The client and clinicians read the screening's reasons; the desk and the owner do not. */
const READS_SCREENING: ReadonlySet<string> = new Set(['medical_director', 'provider', 'client']);

/**
 * What the desk and the owner see: whether the client is ready and, if not, who acts next,
 * never the screening decision or its dates (docs/security.md, "Roles").
 */
export function withoutClinicalReasons<T extends { ready: boolean; checks: ReadinessCheck[] }>(r: T): T {
  return {
    ...r,
    checks: r.checks.map((c) =>
      c.id === 'screening' ? { ...c, message: c.ok ? 'cleared by the clinical team' : 'needs the clinician before treatment' } : c,
    ),
  };
}
