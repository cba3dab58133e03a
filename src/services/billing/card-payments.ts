// Paying a deposit, or saving a card, on Dermis's own page with Stripe's Payment Element (cards and
// wallets). The server makes the intent and stores the cancellation policy the client accepted;
// the browser finishes it (3-D Secure included) with Stripe.js; then the server asks Stripe, never
// the browser, and records the result once, whether the client's return or the webhook comes first.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Ctx } from '../context.js';
import type { Db } from '../../db/connect.js';
import type { CardPaymentsPort, IntentState } from '../ports.js';
import { findBookingSummary, findBookingTimeOrThrow } from '../../db/repositories/bookings.repository.js';
import { localDateOf } from '../../domain/scheduling/local-time.js';
import { formatMoney, money } from '../../domain/pricing/money.js';
import { actorOf, appendAudit, recordAudit, type AuditActor } from '../audit/record-audit-event.js';
import { AppError, notFound } from '../errors.js';
import { loadClientOf } from '../clients/load-client.js';
import { bookingTerms } from './booking-terms.js';
import { loadBillingPolicy } from './policy-store.js';
import { insertPayment, oncePerKey } from './payment-store.js';
import { cardView, ensureCustomer, findPaymentProfile, keepCard } from './card-profile.js';
import type { CardIntentResultView } from './card.schema.js';

export interface CardDeps {
  cards: CardPaymentsPort | null | undefined;
  stripe: { publishableKey: string; jsUrl: string } | null | undefined;
  /** the hosted Checkout page is available (a secret key without a publishable key still pays deposits online) */
  checkout?: boolean;
}

export const cardIntentInput = z.strictObject({
  acceptPolicy: z.literal(true).describe('the client accepts the cancellation policy shown (policyVersion)'),
  policyVersion: z.string().min(4).max(40).describe('the policyVersion of the terms shown to the client'),
});

export const DECLINED = 'Your card was declined. Try another card or pay at the desk.';
const off = () => new AppError('conflict', 'Card payment online is not set up at this clinic. The deposit is due at the desk.', [{ path: 'payments', message: 'Card payment online is not set up' }]);
const m = (cents: number, currency: string) => formatMoney(money(cents, currency));

/** The booking, its client (authorised for the caller), its deposit and the policy in force for it. */
async function loadStep(ctx: Ctx, bookingId: string) {
  const org = ctx.principal.organizationId;
  const summary = await findBookingSummary(ctx.db, org, bookingId);
  if (!summary) throw notFound('booking');
  await loadClientOf(ctx.db, ctx, summary.client_id, 'booking');
  const b = await findBookingTimeOrThrow(ctx.db, org, bookingId);
  const terms = await bookingTerms(ctx.db, org, { locationId: b.location_id, serviceId: b.service_id, clientId: null, date: localDateOf(new Date(b.starts_at).getTime(), b.time_zone), priceLineId: b.price_line_id });
  const policyText = terms.policy.join('\n');
  const policyVersion = `p1-${createHash('sha256').update(policyText).digest('hex').slice(0, 12)}`;
  const deposit = await ctx.db.selectFrom('booking_deposits').selectAll().where('organization_id', '=', org).where('booking_id', '=', bookingId).executeTakeFirst();
  const billing = await loadBillingPolicy(ctx.db, org, b.location_id);
  const profile = await findPaymentProfile(ctx.db, org, summary.client_id);
  return { org, summary, terms, policyText, policyVersion, deposit, billing, profile };
}

/** What the booking still asks for after "Confirm booking": a deposit, a card on file, or nothing. */
export async function depositStep(ctx: Ctx, deps: CardDeps, bookingId: string) {
  const s = await loadStep(ctx, bookingId);
  const online = Boolean(deps.cards && deps.stripe);
  const payable = online || Boolean(deps.checkout);
  const card = cardView(s.profile);
  const accepted = await ctx.db.selectFrom('booking_policy_acceptances').select('accepted_at').where('organization_id', '=', s.org).where('booking_id', '=', bookingId).where('policy_version', '=', s.policyVersion).executeTakeFirst();
  const d = s.deposit;
  const open = ['held', 'confirmed', 'checked_in'].includes(s.summary.status);
  let mode: 'pay_deposit' | 'save_card' | 'at_desk' | 'done' | 'none' = 'none';
  let message = 'Nothing to pay now.';
  if (d && d.status === 'due' && open) {
    mode = payable ? 'pay_deposit' : 'at_desk';
    message = payable ? `Deposit of ${m(d.amount_cents, d.currency)}, paid by card now.` : `Deposit of ${m(d.amount_cents, d.currency)} due at the desk.`;
  } else if (d && (d.status === 'paid' || d.status === 'applied')) {
    mode = 'done';
    message = `Deposit of ${m(d.amount_cents, d.currency)} paid.`;
  } else if (s.billing.holdPolicy === 'card_on_file' && open && !s.terms.coveredBy) {
    mode = card ? 'done' : online ? 'save_card' : 'at_desk';
    message = card ? `Card${card.last4 ? ` ending ${card.last4}` : ''} kept on file.` : online ? 'Save a card to hold this booking. Nothing is charged now.' : 'The desk will ask for a card to keep on file.';
  }
  return {
    bookingId, mode, amountCents: d?.amount_cents ?? 0, currency: d?.currency ?? s.terms.currency, message, policy: s.terms.policy, policyVersion: s.policyVersion,
    policyAcceptedAt: accepted ? new Date(accepted.accepted_at).toISOString() : null, card, lateCancelFeeCents: s.billing.lateCancelFeeCents, noShowFeeCents: s.billing.noShowFeeCents,
    stripe: online ? deps.stripe! : null,
  };
}

/**
 * Starts the payment of the deposit (saving the card too), or the saving of a card where the
 * location keeps one on file, and stores the policy text the caller accepted with the booking.
 */
export async function startCardIntent(ctx: Ctx, deps: CardDeps, bookingId: string, input: z.infer<typeof cardIntentInput>) {
  const { cards, stripe } = deps;
  if (!cards || !stripe) throw off();
  const s = await loadStep(ctx, bookingId);
  if (input.policyVersion !== s.policyVersion) throw new AppError('conflict', 'The cancellation policy has changed since it was shown. Read it again before paying.', [{ path: 'policyVersion', message: 'The cancellation policy has changed' }]);
  const open = ['held', 'confirmed', 'checked_in'].includes(s.summary.status);
  if (!open) throw new AppError('conflict', 'This booking is no longer open, so nothing can be paid on it.', [{ path: 'bookingId', message: 'The booking is not open' }]);
  const pay = s.deposit?.status === 'due';
  if (!pay && s.billing.holdPolicy !== 'card_on_file') throw new AppError('conflict', s.deposit ? 'The deposit is already settled.' : 'This booking asks for no deposit.', [{ path: 'bookingId', message: 'Nothing to pay' }]);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('booking_policy_acceptances').values({ organization_id: s.org, booking_id: bookingId, policy_version: s.policyVersion, policy_text: s.policyText, accepted_by: ctx.principal.userId, accepted_at: ctx.now(), ip: ctx.meta.ip })
      .onConflict((oc) => oc.columns(['organization_id', 'booking_id', 'policy_version']).doNothing()).execute();
    await recordAudit(trx, ctx, { action: 'booking.policy.accept', entityType: 'booking', entityId: bookingId, clientId: s.summary.client_id, details: { policyVersion: s.policyVersion } });
  });
  const customerId = await ensureCustomer(ctx.db, cards, s.org, s.summary.client_id);
  const metadata = { organization_id: s.org, client_id: s.summary.client_id, booking_id: bookingId, purpose: pay ? 'deposit' : 'card', initiated_by: ctx.principal.userId };
  // the caller's key: a double click makes one intent; the client and the desk each get their own
  const intent = pay
    ? await cards.createPaymentIntent({ customerId, amountCents: s.deposit!.amount_cents, currency: s.deposit!.currency, description: 'Booking deposit', idempotencyKey: `deposit-intent:${ctx.principal.userId}:${bookingId}:${s.deposit!.amount_cents}`, metadata })
    : await cards.createSetupIntent({ customerId, idempotencyKey: `setup-intent:${ctx.principal.userId}:${bookingId}`, metadata });
  return { intentId: intent.id, kind: intent.kind, clientSecret: intent.clientSecret, amountCents: pay ? intent.amountCents : 0, currency: s.deposit?.currency ?? s.terms.currency, policy: s.terms.policy, policyVersion: s.policyVersion, stripe };
}

/**
 * Records what a finished intent means, once: a succeeded deposit payment becomes one payment (the
 * intent id is the key) and its card the client's card on file; a saved card is kept. A declined
 * intent records nothing and leaves the deposit due.
 */
export async function recordCardIntent(db: Db, actor: AuditActor, now: Date, intent: IntentState): Promise<CardIntentResultView> {
  const org = actor.organizationId;
  const md = intent.metadata;
  const bookingId = md.booking_id ?? '';
  if (intent.status === 'processing') return { state: 'pending', paymentId: null, message: 'Your bank is still confirming the payment. We will show it here once it is done.' };
  if (intent.status !== 'succeeded') {
    const declined = intent.status === 'requires_payment_method' || intent.status === 'canceled';
    return { state: declined ? 'declined' : 'pending', paymentId: null, message: declined ? DECLINED : 'The payment is not finished yet. Complete the check your bank asks for, or try again.' };
  }
  if (intent.kind === 'setup') {
    await db.transaction().execute((trx) => keepCard(trx, actor, now, md.client_id ?? '', intent));
    return { state: 'card_saved', paymentId: null, message: 'Card saved. Nothing was charged.' };
  }
  const out = await oncePerKey(db, actor, now, `stripe:${intent.id}`, { action: 'payment.online.replay', answer: (done) => ({ state: 'paid' as const, paymentId: done.id, message: 'Deposit paid. Thank you.' }) }, () =>
    db.transaction().execute(async (trx) => {
      const b = await findBookingSummary(trx, org, bookingId);
      if (!b || b.client_id !== md.client_id || md.purpose !== 'deposit') throw notFound('payment');
      const p = await insertPayment(trx, {
        organization_id: org, client_id: b.client_id, location_id: b.location_id, invoice_id: null, booking_id: b.id, kind: 'payment', purpose: 'deposit', method: 'card_online',
        amount_cents: intent.amountCents, currency: intent.currency, external_ref: intent.id, idempotency_key: `stripe:${intent.id}`, recorded_by: actor.userId ?? md.initiated_by ?? '',
      });
      await trx.updateTable('booking_deposits').set({ status: 'paid', updated_at: now }).where('organization_id', '=', org).where('booking_id', '=', b.id).where('status', '=', 'due').execute();
      await appendAudit(trx, actor, { action: 'payment.online', entityType: 'payment', entityId: p.id, clientId: p.client_id, details: { purpose: 'deposit', amountCents: p.amount_cents, intentId: intent.id } }, now);
      return { state: 'paid' as const, paymentId: p.id, message: 'Deposit paid. Thank you.' };
    }),
  );
  // the card is kept on every report: the return path may know the brand and digits a webhook did not
  await db.transaction().execute((trx) => keepCard(trx, actor, now, md.client_id ?? '', intent));
  return out;
}

/** The browser says it is done: ask Stripe for the intent (authorised by its own metadata first), then record. */
export async function confirmCardIntent(ctx: Ctx, deps: CardDeps, intentId: string) {
  const { cards } = deps;
  if (!cards) throw off();
  const intent = intentId.startsWith('seti_') ? await cards.getSetupIntent(intentId) : await cards.getPaymentIntent(intentId);
  if (intent.metadata.organization_id !== ctx.principal.organizationId) throw notFound('payment');
  await loadClientOf(ctx.db, ctx, intent.metadata.client_id ?? '', 'payment');
  const out = await recordCardIntent(ctx.db, actorOf(ctx), ctx.now(), intent);
  if (out.state === 'declined') {
    await ctx.db.transaction().execute((trx) => recordAudit(trx, ctx, { action: 'payment.card.declined', entityType: 'booking', entityId: intent.metadata.booking_id ?? null, clientId: intent.metadata.client_id ?? null, details: { intentId: intent.id, code: intent.lastErrorCode } }));
  }
  return out;
}
