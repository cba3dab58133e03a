import { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/connect.js';
import { listClientTreatments } from '../../db/repositories/bookings.repository.js';
import { findPlan } from '../../db/repositories/plans.repository.js';
import type { TreatmentPlan } from '../../domain/plans/recommend.js';
import { INTERVAL_FLOOR_DAYS } from '../../domain/protocols/microneedling/sessions.js';
import type { Modality } from '../../domain/screening/engine/contract.js';
import { localDateOf } from '../../domain/scheduling/local-time.js';
import { AppError } from '../errors.js';
import { treatmentReadiness, withoutClinicalReasons } from '../clinical/treatment-readiness.js';
import type { Role } from '../../db/schema.js';

/**
 * The business rules a treatment booking must meet (staff may override them, with a reason): the
 * screening is current and clears the date (a deferred client is told the earliest date), the risk
 * summary is acknowledged, and the minimum interval holds against every other treatment booked.
 */
export async function assertTreatmentBookable(
  trx: Db,
  organizationId: string,
  args: { clientId: string; modality: Modality; start: number; timeZone: string; today: string; planId: string | null; ignoreBookingId?: string | undefined; seriesStart?: number | undefined; reader?: Role | undefined },
) {
  const date = localDateOf(args.start, args.timeZone);
  // A series is screened as a whole at its first session (decision 0008); each later session is
  // screened again at check-in, where a changed questionnaire re-screens before treatment starts.
  const screenedDate = args.seriesStart !== undefined ? localDateOf(args.seriesStart, args.timeZone) : date;
  const full = await treatmentReadiness(trx, organizationId, args.clientId, args.modality, screenedDate, args.today);
  // the desk and the owner learn that the clinician must act, never the screening's reasons
  const r = args.reader === 'front_desk' || args.reader === 'owner' ? withoutClinicalReasons(full) : full;
  const screening = r.checks.find((c) => c.id === 'screening')!;
  if (!screening.ok) throw new AppError('conflict', `cannot book this treatment on ${screenedDate}: ${screening.message}`, [{ path: 'start', message: screening.message }], { rule: 'screening' });
  const ack = r.checks.find((c) => c.id === 'risk_acknowledgement')!;
  if (!ack.ok) throw new AppError('conflict', 'the client must acknowledge the risk summary before booking a treatment', [{ path: 'clientId', message: ack.message }], { rule: 'risk_acknowledgement' });

  let minDays = INTERVAL_FLOOR_DAYS;
  if (args.planId) {
    const plan = await findPlan(trx, organizationId, args.planId);
    if (!plan || plan.client_id !== args.clientId) throw new AppError('validation', 'no such plan for this client', [{ path: 'planId', message: 'not found' }]);
    minDays = Math.max(minDays, (plan.plan as TreatmentPlan).intervalDays.min);
  }
  for (const other of await listClientTreatments(trx, organizationId, args.clientId)) {
    if (other.id === args.ignoreBookingId) continue;
    const otherDate = localDateOf(new Date(other.starts_at).getTime(), args.timeZone);
    const gap = Math.abs(Temporal.PlainDate.from(date).until(otherDate).days);
    if (gap < minDays) {
      throw new AppError('conflict', `sessions must be at least ${minDays} days apart; another treatment is on ${otherDate}`, [{ path: 'start', message: `within ${minDays} days of ${otherDate}` }], { rule: 'interval' });
    }
  }
}
