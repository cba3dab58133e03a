// Rows of memberships into the shapes the routes answer with, in plain words.
import type { Db } from '../../../db/connect.js';
import { listServices } from '../../../db/repositories/scheduling.repository.js';
import type { Selectable } from 'kysely';
import type { ClientMembershipsTable, MembershipChargesTable, MembershipCreditsTable, MembershipPlansTable } from '../../../db/schema-memberships.js';
import { planSummary } from '../../../domain/billing/membership.js';
import { formatMoney, money } from '../../../domain/pricing/money.js';
import { humanDate } from '../../../domain/shared/human-date.js';
import type { ClientMembershipView, MembershipPlanView } from './membership.schema.js';

export type PlanRow = Selectable<MembershipPlansTable>;
export type MembershipRow = Selectable<ClientMembershipsTable>;

/** Service names by code, for sentences ("1 x Microneedling, pen"). */
export async function serviceNames(db: Db, organizationId: string): Promise<(code: string) => string> {
  const names = new Map<string, string>((await listServices(db, organizationId)).map((s) => [s.code, s.name]));
  return (code) => names.get(code) ?? code;
}

export function planView(p: PlanRow, name: (code: string) => string): MembershipPlanView {
  const fmt = (c: number) => formatMoney(money(c, p.currency));
  const terms = { period: p.period, feeCents: p.fee_cents, signupFeeCents: p.signup_fee_cents, minTermPeriods: p.min_term_periods, percentOffBp: p.percent_off_bp, memberPrices: p.member_prices, credits: p.credits };
  return {
    id: p.id, locationId: p.location_id, name: p.name, description: p.description, period: p.period, feeCents: p.fee_cents, signupFeeCents: p.signup_fee_cents, minTermPeriods: p.min_term_periods,
    maxPauseDays: p.max_pause_days, percentOffBp: p.percent_off_bp, currency: p.currency.trim(), active: p.active, memberPrices: p.member_prices, credits: p.credits, summary: planSummary(terms, fmt, name),
  };
}

function statusText(m: MembershipRow, plan: PlanRow): string {
  const fee = formatMoney(money(plan.fee_cents, plan.currency));
  switch (m.status) {
    case 'active':
      return m.cancel_requested_on ? `Active until ${humanDate(m.cancel_requested_on)}, then it ends.` : `Active. Next payment of ${fee} on ${humanDate(m.period_end)}.`;
    case 'past_due':
      return `The last payment of ${fee} did not go through. We will try the card again; you can also pay at the desk.`;
    case 'paused':
      return m.pause_reason === 'payment_failed' ? 'Paused because the payment did not go through. Update your card or pay at the desk to resume.' : `Paused${m.resume_on ? ` until ${humanDate(m.resume_on)}` : ''}. No payments and no member prices while paused.`;
    case 'cancelled':
      return `Cancelled on ${humanDate(m.cancelled_on ?? m.updated_at.toISOString().slice(0, 10))}.`;
  }
}

export function membershipView(m: MembershipRow, plan: PlanRow, credits: Selectable<MembershipCreditsTable>[], charges: Selectable<MembershipChargesTable>[], name: (code: string) => string): ClientMembershipView {
  const billed = m.status === 'active' && !(m.cancel_requested_on && m.cancel_requested_on <= m.period_end);
  return {
    id: m.id, clientId: m.client_id, plan: planView(plan, name), status: m.status, billing: m.billing, startedOn: m.started_on, periodStart: m.period_start, periodEnd: m.period_end,
    nextBillingOn: billed ? m.period_end : null, nextAmountCents: billed ? plan.fee_cents : null, termEndsOn: m.term_ends_on, pausedOn: m.paused_on, resumeOn: m.resume_on, pauseReason: m.pause_reason,
    cancelRequestedOn: m.cancel_requested_on, cancelledOn: m.cancelled_on, statusText: statusText(m, plan),
    credits: credits.map((c) => ({
      id: c.id, serviceCode: c.service_code, label: c.label, grantedOn: c.granted_on, expiresOn: c.expires_on, usedBookingId: c.used_booking_id,
      text: `1 x ${name(c.service_code)} — ${c.label}, included with ${plan.name}, ${c.used_booking_id ? 'used' : `expires ${humanDate(c.expires_on)}`}`,
    })),
    charges: charges.map((c) => ({ id: c.id, periodStart: c.period_start, periodEnd: c.period_end, amountCents: c.amount_cents, currency: c.currency.trim(), status: c.status, invoiceId: c.invoice_id, attempts: c.attempts, lastError: c.last_error })),
  };
}

/** A membership with its plan, credits (newest first) and charges (newest first). */
export async function loadMembershipView(db: Db, organizationId: string, m: MembershipRow, name?: (code: string) => string): Promise<ClientMembershipView> {
  const plan = await db.selectFrom('membership_plans').selectAll().where('organization_id', '=', organizationId).where('id', '=', m.plan_id).executeTakeFirstOrThrow();
  const credits = await db.selectFrom('membership_credits').selectAll().where('organization_id', '=', organizationId).where('membership_id', '=', m.id).orderBy('expires_on', 'desc').orderBy('id').execute();
  const charges = await db.selectFrom('membership_charges').selectAll().where('organization_id', '=', organizationId).where('membership_id', '=', m.id).orderBy('period_start', 'desc').execute();
  return membershipView(m, plan, credits, charges, name ?? (await serviceNames(db, organizationId)));
}
