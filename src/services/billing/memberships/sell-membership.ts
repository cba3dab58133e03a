// Selling a membership at the desk: the first period's fee and any sign-up fee on one invoice, paid
// at once at the desk or by the client's saved card; the first period's credits granted. Once per
// idempotency key, like every money route.
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import type { CardPaymentsPort } from '../../ports.js';
import { actorOf, recordAudit } from '../../audit/record-audit-event.js';
import { callerKey } from '../../idempotency.js';
import { AppError, invalid } from '../../errors.js';
import { loadClient } from '../../clients/load-client.js';
import { loadLocation } from '../../organization/load-location.js';
import { todayIn } from '../../clinical/today.js';
import { addPeriods } from '../../../domain/billing/membership.js';
import { formatMoney, money } from '../../../domain/pricing/money.js';
import { invoiceView, issueInvoice, loadInvoice, paymentView, refreshInvoiceStatus } from '../invoice-store.js';
import { insertPayment, oncePerKey, type PaymentRow } from '../payment-store.js';
import { findPaymentProfile } from '../card-profile.js';
import type { sellMembershipInput } from './membership.schema.js';
import { grantCredits, nextPeriodEnd, periodLines } from './membership-periods.js';
import { loadMembershipView } from './membership-view.js';

type SellInput = z.infer<typeof sellMembershipInput>;

export async function sellMembership(ctx: Ctx, cards: CardPaymentsPort | null | undefined, clientId: string, input: SellInput) {
  const org = ctx.principal.organizationId;
  // authorised before the key is looked up: the client is in this clinic and the caller's to serve
  await loadClient(ctx.db, ctx, clientId);
  const key = callerKey(ctx, input.idempotencyKey);
  const answer = async (existing: PaymentRow) => {
    const charge = existing.invoice_id ? await ctx.db.selectFrom('membership_charges').select('membership_id').where('organization_id', '=', org).where('invoice_id', '=', existing.invoice_id).executeTakeFirst() : undefined;
    const m = charge ? await ctx.db.selectFrom('client_memberships').selectAll().where('organization_id', '=', org).where('id', '=', charge.membership_id).executeTakeFirst() : undefined;
    if (!m || m.client_id !== clientId || m.plan_id !== input.planId) throw new AppError('conflict', 'This idempotency key was already used for a different sale.', [{ path: 'idempotencyKey', message: 'already used' }]);
    return { membership: await loadMembershipView(ctx.db, org, m), invoice: invoiceView(await loadInvoice(ctx.db, org, existing.invoice_id!)), payment: paymentView(existing), replayed: true };
  };
  return oncePerKey(ctx.db, actorOf(ctx), ctx.now(), key, { action: 'membership.sell.replay', answer }, async () => {
    const location = await loadLocation(ctx.db, org, input.locationId, 'locationId');
    const plan = await ctx.db.selectFrom('membership_plans').selectAll().where('organization_id', '=', org).where('id', '=', input.planId).executeTakeFirst();
    if (!plan || !plan.active || plan.location_id !== location.id) throw invalid('planId', 'This plan is not on sale at this location.');
    const live = await ctx.db.selectFrom('client_memberships').select('id').where('organization_id', '=', org).where('client_id', '=', clientId).where('location_id', '=', location.id).where('status', '<>', 'cancelled').executeTakeFirst();
    if (live) throw new AppError('conflict', 'This client already has a membership at this location. Cancel it before selling another.', [{ path: 'planId', message: 'already a member' }]);
    const today = await todayIn(ctx.db, ctx, location.id);
    const end = nextPeriodEnd(plan, today);
    const total = plan.fee_cents + plan.signup_fee_cents;
    const profile = cards ? await findPaymentProfile(ctx.db, org, clientId) : undefined;
    let intentId: string | null = null;
    if (input.payment.method === 'saved_card') {
      if (!cards) throw invalid('payment.method', 'Card payments are not set up at this clinic. Take the payment at the desk.');
      if (!profile?.payment_method_id) throw invalid('payment.method', 'No card is saved for this client. Take the payment at the desk.');
      const charge = await cards.chargeSavedCard({
        customerId: profile.customer_id, paymentMethodId: profile.payment_method_id, amountCents: total, currency: plan.currency, description: `${plan.name} membership`,
        idempotencyKey: `membership-sale:${org}:${key}:${profile.payment_method_id}`, metadata: { organization_id: org, client_id: clientId, purpose: 'membership', initiated_by: ctx.principal.userId },
      });
      if (!charge.ok) throw new AppError('conflict', `The card was declined, so ${formatMoney(money(total, plan.currency))} was not charged. Take the payment at the desk or ask for another card.`, [{ path: 'payment.method', message: 'declined' }]);
      intentId = charge.intent.id;
    }
    return ctx.db.transaction().execute(async (trx) => {
      const m = await trx
        .insertInto('client_memberships')
        .values({
          organization_id: org, client_id: clientId, plan_id: plan.id, location_id: location.id, status: 'active', billing: profile?.payment_method_id ? 'card' : 'desk',
          started_on: today, period_start: today, period_end: end, term_ends_on: addPeriods(today, plan.period, plan.min_term_periods), idempotency_key: key, sold_by: ctx.principal.userId,
          paused_on: null, resume_on: null, pause_reason: null, cancel_requested_on: null, cancelled_on: null, cancel_reason: null, next_attempt_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const inv = await issueInvoice(trx, { organizationId: org, issuedBy: ctx.principal.userId, issuedAt: ctx.now(), locationId: location.id, clientId, bookingId: null, currency: plan.currency, taxRateBp: 0, lines: periodLines(plan, today, end, true) });
      const p = await insertPayment(trx, {
        organization_id: org, client_id: clientId, location_id: location.id, invoice_id: inv.id, booking_id: null, kind: 'payment', purpose: 'invoice',
        method: intentId ? 'card_online' : (input.payment.method as Exclude<SellInput['payment']['method'], 'saved_card'>), amount_cents: total, currency: plan.currency,
        external_ref: intentId ?? input.payment.reference ?? null, idempotency_key: key, recorded_by: ctx.principal.userId,
      });
      await refreshInvoiceStatus(trx, org, inv.id);
      await trx.insertInto('membership_charges').values({ organization_id: org, membership_id: m.id, client_id: clientId, location_id: location.id, period_start: today, period_end: end, amount_cents: total, currency: plan.currency, status: 'paid', invoice_id: inv.id, payment_id: p.id, attempts: 1, last_error: null, paid_at: ctx.now() }).execute();
      const credits = await grantCredits(trx, m, plan, 0, today);
      await recordAudit(trx, ctx, { action: 'membership.sell', entityType: 'membership', entityId: m.id, clientId, details: { planId: plan.id, invoiceNumber: inv.number, paidCents: total, credits, billing: m.billing } });
      return { membership: await loadMembershipView(trx, org, m), invoice: invoiceView(await loadInvoice(trx, org, inv.id)), payment: paymentView(p), replayed: false };
    });
  });
}
