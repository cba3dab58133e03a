// What starting a billed period does, shared by the sale, the renewal job and the desk's payment of a
// due period: the invoice of the period and the credits it grants.
import type { Db } from '../../../db/connect.js';
import { addDays, addPeriods, creditsForPeriod } from '../../../domain/billing/membership.js';
import { humanDate } from '../../../domain/shared/human-date.js';
import type { LineInput } from '../../../domain/billing/invoice.js';
import type { MembershipRow, PlanRow } from './membership-view.js';

/** The period's invoice lines: the fee for its dates, and the sign-up fee on the first. */
export function periodLines(plan: PlanRow, start: string, end: string, first: boolean): LineInput[] {
  const lines: LineInput[] = [{ kind: 'membership', description: `${plan.name} membership, ${humanDate(start)} to ${humanDate(addDays(end, -1))}`, quantity: 1, unitCents: plan.fee_cents, taxable: false }];
  if (first && plan.signup_fee_cents > 0) lines.push({ kind: 'fee', description: `${plan.name} sign-up fee`, quantity: 1, unitCents: plan.signup_fee_cents, taxable: false });
  return lines;
}

/** The credits of the period with this index (0 is the first), each valid from its start for its days. */
export async function grantCredits(trx: Db, m: Pick<MembershipRow, 'organization_id' | 'id' | 'client_id'>, plan: PlanRow, periodIndex: number, periodStart: string) {
  const due = creditsForPeriod(plan.credits, periodIndex);
  if (due.length === 0) return 0;
  await trx
    .insertInto('membership_credits')
    .values(due.map((c) => ({ organization_id: m.organization_id, membership_id: m.id, client_id: m.client_id, service_code: c.serviceCode, label: c.label, granted_on: periodStart, expires_on: addDays(periodStart, c.validDays - 1), period_start: periodStart })))
    .execute();
  return due.length;
}

export const nextPeriodEnd = (plan: Pick<PlanRow, 'period'>, start: string) => addPeriods(start, plan.period, 1);
