// A late cancellation or missed appointment fee, charged by staff to the client's saved card with
// the client absent (off-session). Once per booking and kind: the same request again answers with
// the first charge, at Stripe and here. A decline, or a bank asking the client to authenticate,
// charges and records nothing and says so plainly.
import { z } from 'zod';
import type { Ctx } from '../context.js';
import type { CardPaymentsPort } from '../ports.js';
import { findBookingSummary } from '../../db/repositories/bookings.repository.js';
import { formatMoney, money } from '../../domain/pricing/money.js';
import { actorOf, recordAudit } from '../audit/record-audit-event.js';
import { AppError, notFound } from '../errors.js';
import { loadClientOf } from '../clients/load-client.js';
import { issueInvoice, paymentView, refreshInvoiceStatus } from './invoice-store.js';
import { insertPayment, oncePerKey, type PaymentRow } from './payment-store.js';
import { loadBillingPolicy } from './policy-store.js';
import { findPaymentProfile } from './card-profile.js';
import { emailReceipt } from './receipt.js';

export const bookingFeeInput = z.strictObject({ kind: z.enum(['late_cancel', 'no_show']).describe('late_cancel after a late cancellation, no_show after a missed appointment') });

const LABEL = { late_cancel: 'Late cancellation fee', no_show: 'Missed appointment fee' } as const;
const STATUS = { late_cancel: 'late_cancelled', no_show: 'no_show' } as const;
const refuse = (message: string, path = 'kind') => new AppError('conflict', message, [{ path, message }]);

export async function chargeBookingFee(ctx: Ctx, cards: CardPaymentsPort | null | undefined, bookingId: string, input: z.infer<typeof bookingFeeInput>) {
  if (!cards) throw refuse('Card payments are not set up at this clinic, so a fee cannot be charged to a card. Take it at the desk.', 'payments');
  const org = ctx.principal.organizationId;
  const b = await findBookingSummary(ctx.db, org, bookingId);
  if (!b) throw notFound('booking');
  const client = await loadClientOf(ctx.db, ctx, b.client_id, 'booking');
  const key = `fee:${bookingId}:${input.kind}`;
  const answer = (existing: PaymentRow) => ({ payment: paymentView(existing), invoiceId: existing.invoice_id!, replayed: true, receiptQueued: false });
  return oncePerKey(ctx.db, actorOf(ctx), ctx.now(), key, { action: 'booking.fee.replay', answer }, async () => {
    if (b.status !== STATUS[input.kind]) throw refuse(input.kind === 'no_show' ? 'This booking is not marked as a no-show, so no missed appointment fee can be charged.' : 'This booking was not cancelled late, so no late cancellation fee can be charged.');
    const billing = await loadBillingPolicy(ctx.db, org, b.location_id);
    const fee = input.kind === 'no_show' ? billing.noShowFeeCents : billing.lateCancelFeeCents;
    if (fee <= 0) throw refuse(`This location's policy sets no ${LABEL[input.kind].toLowerCase()}.`);
    const profile = await findPaymentProfile(ctx.db, org, b.client_id);
    if (!profile?.payment_method_id) throw refuse('No card is saved for this client, so the fee cannot be charged to a card.', 'card');
    // fees are in the clinic's currency: the booking's deposit names it when there is one
    const currency = (await ctx.db.selectFrom('booking_deposits').select('currency').where('organization_id', '=', org).where('booking_id', '=', bookingId).executeTakeFirst())?.currency ?? 'USD';
    // Stripe's key names the card too: after a decline, a newly saved card is a new attempt
    const charge = await cards.chargeSavedCard({
      customerId: profile.customer_id, paymentMethodId: profile.payment_method_id, amountCents: fee, currency, description: LABEL[input.kind],
      idempotencyKey: `fee:${org}:${bookingId}:${input.kind}:${profile.payment_method_id}`, metadata: { organization_id: org, client_id: b.client_id, booking_id: bookingId, purpose: 'fee', initiated_by: ctx.principal.userId },
    });
    if (!charge.ok) {
      await ctx.db.transaction().execute((trx) => recordAudit(trx, ctx, { action: 'booking.fee.declined', entityType: 'booking', entityId: bookingId, clientId: b.client_id, details: { kind: input.kind, amountCents: fee, code: charge.code } }));
      throw refuse(charge.code === 'authentication_required'
        ? `The card's bank wants the client to confirm this charge, so ${formatMoney(money(fee, currency))} was not charged. Ask the client to pay at the desk or online.`
        : `The card was declined, so ${formatMoney(money(fee, currency))} was not charged. Ask the client for another card or take the fee at the desk.`, 'card');
    }
    const out = await ctx.db.transaction().execute(async (trx) => {
      // an invoice of its own, not tied to the booking: a booking has one invoice (its visit's, or the kept deposit's);
      // the payment names the booking
      const inv = await issueInvoice(trx, {
        organizationId: org, issuedBy: ctx.principal.userId, issuedAt: ctx.now(), locationId: b.location_id, clientId: b.client_id, bookingId: null, currency, taxRateBp: 0,
        lines: [{ kind: 'fee', description: LABEL[input.kind], quantity: 1, unitCents: fee, taxable: false }],
      });
      const p = await insertPayment(trx, {
        organization_id: org, client_id: b.client_id, location_id: b.location_id, invoice_id: inv.id, booking_id: bookingId, kind: 'payment', purpose: 'invoice', method: 'card_online',
        amount_cents: fee, currency, external_ref: charge.intent.id, idempotency_key: key, recorded_by: ctx.principal.userId,
      });
      await refreshInvoiceStatus(trx, org, inv.id);
      await recordAudit(trx, ctx, { action: 'booking.fee', entityType: 'payment', entityId: p.id, clientId: b.client_id, details: { bookingId, kind: input.kind, amountCents: fee, intentId: charge.intent.id } });
      return { payment: paymentView(p), invoiceId: inv.id, replayed: false, receiptQueued: false };
    });
    if (client.email) out.receiptQueued = (await emailReceipt(ctx, out.payment.id)).sent;
    return out;
  });
}
