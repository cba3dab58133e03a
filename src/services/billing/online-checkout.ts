// Paying online by card: a hosted checkout page for a deposit or what is due on an invoice, then a
// confirmation that asks the processor (never the browser) whether it was paid before recording it.
import { z } from 'zod';
import type { Ctx } from '../context.js';
import type { CheckoutState, PaymentsPort } from '../ports.js';
import type { Db } from '../../db/connect.js';
import { findBookingSummary } from '../../db/repositories/bookings.repository.js';
import { actorOf, appendAudit, type AuditActor } from '../audit/record-audit-event.js';
import { AppError, notFound } from '../errors.js';
import { loadClientOf } from '../clients/load-client.js';
import { invoiceView, loadInvoice, refreshInvoiceStatus } from './invoice-store.js';
import { findByKey, insertPayment, oncePerKey } from './payment-store.js';

export const checkoutInput = z.union([z.strictObject({ kind: z.literal('deposit'), bookingId: z.uuid() }), z.strictObject({ kind: z.literal('invoice'), invoiceId: z.uuid() })]);

const off = () => new AppError('conflict', 'online card payments are not set up at this clinic; pay at the front desk', [{ path: 'payments', message: 'not configured' }]);

export async function startCheckout(ctx: Ctx, payments: PaymentsPort | null | undefined, publicUrl: string, input: z.infer<typeof checkoutInput>) {
  if (!payments) throw off();
  const org = ctx.principal.organizationId;
  let amount: number;
  let currency: string;
  let clientId: string;
  let ref: string;
  if (input.kind === 'deposit') {
    const d = await ctx.db.selectFrom('booking_deposits as d').innerJoin('bookings as b', (j) => j.onRef('b.organization_id', '=', 'd.organization_id').onRef('b.id', '=', 'd.booking_id')).select(['d.amount_cents', 'd.currency', 'd.status', 'b.client_id']).where('d.organization_id', '=', org).where('d.booking_id', '=', input.bookingId).executeTakeFirst();
    if (!d) throw notFound('deposit');
    await loadClientOf(ctx.db, ctx, d.client_id, 'deposit');
    if (d.status !== 'due') throw new AppError('conflict', `the deposit is already ${d.status}`, [{ path: 'bookingId', message: d.status }]);
    [amount, currency, clientId, ref] = [d.amount_cents, d.currency, d.client_id, input.bookingId];
  } else {
    const loaded = await loadInvoice(ctx.db, org, input.invoiceId);
    await loadClientOf(ctx.db, ctx, loaded.inv.client_id, 'invoice');
    const due = invoiceView(loaded).dueCents;
    if (loaded.inv.status === 'void' || due === 0) throw new AppError('conflict', 'nothing is due on this invoice', [{ path: 'invoiceId', message: 'nothing due' }]);
    [amount, currency, clientId, ref] = [due, loaded.inv.currency, loaded.inv.client_id, input.invoiceId];
  }
  const session = await payments.createCheckout({
    amountCents: amount, currency, description: input.kind === 'deposit' ? 'Booking deposit' : 'Invoice payment',
    successUrl: `${publicUrl}/portal/care?checkout={CHECKOUT_SESSION_ID}`, cancelUrl: `${publicUrl}/portal/care`,
    // the caller's own key: the client and the desk starting a checkout for the same deposit get their own sessions
    idempotencyKey: `checkout:${ctx.principal.userId}:${input.kind}:${ref}:${amount}`,
    metadata: { organization_id: org, client_id: clientId, purpose: input.kind, ref, initiated_by: ctx.principal.userId },
  });
  return { url: session.url, id: session.id };
}

/**
 * Records a paid checkout once: the session id is the idempotency key, so the client coming back,
 * staff confirming and Stripe's webhook can all arrive, in any order, and one payment is written.
 */
export async function recordPaidCheckout(db: Db, actor: AuditActor, now: Date, s: CheckoutState) {
  const org = actor.organizationId;
  // the processor's session id is the key (not a caller's): whoever arrives first records it
  return oncePerKey(db, actor, now, `stripe:${s.id}`, { action: 'payment.online.replay', answer: (done) => ({ paid: true, paymentId: done.id }) }, () =>
    db.transaction().execute(async (trx) => {
      const purpose = s.metadata.purpose === 'deposit' ? 'deposit' : 'invoice';
      const ref = s.metadata.ref ?? '';
      const where = purpose === 'deposit'
        ? await findBookingSummary(trx, org, ref)
        : await trx.selectFrom('invoices').select(['client_id', 'location_id']).where('organization_id', '=', org).where('id', '=', ref).executeTakeFirst();
      if (!where || where.client_id !== s.metadata.client_id) throw notFound('checkout');
      const p = await insertPayment(trx, {
        organization_id: org, client_id: where.client_id, location_id: where.location_id, invoice_id: purpose === 'invoice' ? ref : null, booking_id: purpose === 'deposit' ? ref : null,
        kind: 'payment', purpose, method: 'card_online', amount_cents: s.amountCents, currency: s.currency, external_ref: s.paymentRef, idempotency_key: `stripe:${s.id}`,
        recorded_by: actor.userId ?? s.metadata.initiated_by ?? '',
      });
      if (purpose === 'deposit') await trx.updateTable('booking_deposits').set({ status: 'paid', updated_at: now }).where('organization_id', '=', org).where('booking_id', '=', ref).where('status', '=', 'due').execute();
      else await refreshInvoiceStatus(trx, org, ref);
      await appendAudit(trx, actor, { action: 'payment.online', entityType: 'payment', entityId: p.id, clientId: p.client_id, details: { purpose, amountCents: p.amount_cents } }, now);
      return { paid: true, paymentId: p.id };
    }),
  );
}

/** The client (or staff) back from the hosted page: ask the processor, never the browser. */
export async function confirmCheckout(ctx: Ctx, payments: PaymentsPort | null | undefined, sessionId: string) {
  if (!payments) throw off();
  const org = ctx.principal.organizationId;
  // authorised first, by the processor's record of the session: this clinic, and a client the caller
  // may see; only then is a payment already recorded for it looked up
  const s = await payments.getCheckout(sessionId);
  if (s.metadata.organization_id !== org) throw notFound('checkout');
  await loadClientOf(ctx.db, ctx, s.metadata.client_id ?? '', 'checkout');
  if (!s.paid && !(await findByKey(ctx.db, org, `stripe:${sessionId}`))) return { paid: false, paymentId: null };
  return recordPaidCheckout(ctx.db, actorOf(ctx), ctx.now(), s);
}
