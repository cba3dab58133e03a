import { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/connect.js';
import { listClientTreatments } from '../../db/repositories/bookings.repository.js';
import { findPlan } from '../../db/repositories/plans.repository.js';
import type { TreatmentPlan } from '../../domain/plans/recommend.js';
import { INTERVAL_FLOOR_DAYS } from '../../domain/protocols/microneedling/sessions.js';
import type { Modality } from '../../domain/screening/engine/contract.js';
import { localDateOf } from '../../domain/scheduling/local-time.js';
import { humanDate } from '../../domain/shared/human-date.js';
import { AppError } from '../errors.js';
import { treatmentReadiness, withoutClinicalReasons } from '../clinical/treatment-readiness.js';
import type { Role } from '../../db/schema.js';

/**
 * What a plan adds to the booking rules: the minimum gap between sessions (never under the floor)
 * and how far past the first session's screening the planned series reaches (decision 0008).
 */
export async function planTerms(trx: Db, organizationId: string, clientId: string, planId: string | null) {
  if (!planId) return { minDays: INTERVAL_FLOOR_DAYS, seriesExtraDays: 0 };
  const row = await findPlan(trx, organizationId, planId);
  if (!row || row.client_id !== clientId) throw new AppError('validation', 'There is no such treatment plan for this client.', [{ path: 'planId', message: 'Choose one of the client’s treatment plans.' }]);
  const plan = row.plan as TreatmentPlan;
  return { minDays: Math.max(INTERVAL_FLOOR_DAYS, plan.intervalDays.min), seriesExtraDays: Math.max(0, plan.sessions - 1) * plan.intervalDays.max };
}

/** Local dates of the client's other treatments (booked or done), for the interval between sessions. */
export async function otherTreatmentDates(trx: Db, organizationId: string, clientId: string, timeZone: string, ignoreBookingId?: string) {
  return (await listClientTreatments(trx, organizationId, clientId)).filter((b) => b.id !== ignoreBookingId).map((b) => localDateOf(new Date(b.starts_at).getTime(), timeZone));
}

/** The first other treatment closer than `minDays` to `date`, if any. */
export function tooClose(date: string, others: string[], minDays: number): string | undefined {
  return others.find((d) => Math.abs(Temporal.PlainDate.from(date).until(d).days) < minDays);
}

/**
 * The business rules a treatment booking must meet (staff may override them, with a reason): a
 * current screening covers the date (a deferred client learns the earliest date; a planned series
 * is covered as a whole, decision 0008), the risk summary is acknowledged, and the minimum interval
 * holds against every other treatment booked. The booking window (booking-window.ts) offers only
 * dates these rules accept.
 */
export async function assertTreatmentBookable(
  trx: Db,
  organizationId: string,
  args: { clientId: string; modality: Modality; start: number; timeZone: string; today: string; planId: string | null; ignoreBookingId?: string | undefined; seriesStart?: number | undefined; reader?: Role | undefined },
) {
  const date = localDateOf(args.start, args.timeZone);
  const terms = await planTerms(trx, organizationId, args.clientId, args.planId);
  // a series booked at once is screened at its first session; a planned series reaches further
  const screenedDate = args.seriesStart !== undefined ? localDateOf(args.seriesStart, args.timeZone) : date;
  const full = await treatmentReadiness(trx, organizationId, args.clientId, args.modality, screenedDate, args.today, { seriesExtraDays: terms.seriesExtraDays });
  // the desk and the owner learn that the clinician must act, never the screening's reasons
  const r = args.reader === 'front_desk' || args.reader === 'owner' ? withoutClinicalReasons(full) : full;
  const screening = r.checks.find((c) => c.id === 'screening')!;
  if (!screening.ok) throw new AppError('conflict', `This treatment cannot be booked for ${humanDate(screenedDate)}: ${screening.message}.`, [{ path: 'start', message: screening.message }], { rule: 'screening' });
  const ack = r.checks.find((c) => c.id === 'risk_acknowledgement')!;
  if (!ack.ok) throw new AppError('conflict', 'Please read and acknowledge the risk summary before booking a treatment.', [{ path: 'clientId', message: ack.message }], { rule: 'risk_acknowledgement' });
  const clash = tooClose(date, await otherTreatmentDates(trx, organizationId, args.clientId, args.timeZone, args.ignoreBookingId), terms.minDays);
  if (clash) {
    throw new AppError('conflict', `Sessions must be at least ${terms.minDays} days apart, and another treatment is on ${humanDate(clash)}.`, [{ path: 'start', message: `within ${terms.minDays} days of ${clash}` }], { rule: 'interval' });
  }
}
