import { sql } from 'kysely';
import { dollarsOf } from '../../domain/shared/messages.js';
import { z } from 'zod';
import { text, token } from '../../domain/shared/input.js';
import type { Db } from '../../db/connect.js';
import type { Ctx } from '../context.js';
import { actorOf, recordAudit } from '../audit/record-audit-event.js';
import { callerKey } from '../idempotency.js';
import { AppError, notFound } from '../errors.js';
import { loadClientOf } from '../clients/load-client.js';
import { paymentView, refreshInvoiceStatus } from './invoice-store.js';
import { assertSameIntent, insertPayment, oncePerKey } from './payment-store.js';
import { returnToCard } from './gift-card-store.js';

export const refundInput = z.strictObject({
  amountCents: z.number().int().min(1).max(10_000_000),
  reason: text({ min: 3, max: 500 }),
  idempotencyKey: token({ min: 8, max: 100 }),
});

/**
 * Returns money of one payment, in the payment's own method. The payment row is locked while the
 * refunds so far are added up, so concurrent refunds can never return more than was paid.
 */
export async function refundIn(trx: Db, ctx: Ctx, paymentId: string, input: z.infer<typeof refundInput>) {
  const org = ctx.principal.organizationId;
  const locked = await sql<{ id: string }>`select id from payments where organization_id = ${org} and id = ${paymentId} and kind = 'payment' for update`.execute(trx);
  if (!locked.rows.length) throw notFound('payment');
  const p = await trx.selectFrom('payments').selectAll().where('organization_id', '=', org).where('id', '=', paymentId).executeTakeFirstOrThrow();
  await loadClientOf(trx, ctx, p.client_id, 'payment');
  const refunded = await trx.selectFrom('payments').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_cents'), eb.val(0)).as('s')).where('organization_id', '=', org).where('refund_of', '=', p.id).executeTakeFirstOrThrow();
  const left = p.amount_cents - Number(refunded.s);
  if (input.amountCents > left) throw new AppError('conflict', `At most ${dollarsOf(left)} of this payment can still be refunded.`, [{ path: 'amountCents', message: `The refund can be at most ${dollarsOf(left)}` }]);
  const r = await insertPayment(trx, {
    organization_id: org, client_id: p.client_id, location_id: p.location_id, invoice_id: p.invoice_id, booking_id: p.booking_id, kind: 'refund', purpose: p.purpose,
    method: p.method, amount_cents: input.amountCents, currency: p.currency, refund_of: p.id, reason: input.reason, idempotency_key: input.idempotencyKey, recorded_by: ctx.principal.userId,
  });
  // a gift card payment is refunded onto the card it came from
  if (p.method === 'gift_card') await returnToCard(trx, org, p.id, input.amountCents, { refundId: r.id, invoiceId: p.invoice_id, reason: input.reason, recordedBy: ctx.principal.userId, at: ctx.now() });
  if (p.invoice_id) await refreshInvoiceStatus(trx, org, p.invoice_id);
  await recordAudit(trx, ctx, { action: 'payment.refund', entityType: 'payment', entityId: r.id, clientId: p.client_id, details: { refundOf: p.id, amountCents: r.amount_cents } });
  return r;
}

export async function refundPayment(ctx: Ctx, paymentId: string, input: z.infer<typeof refundInput>) {
  const org = ctx.principal.organizationId;
  // authorised before the key is looked up: the payment is in this clinic and its client the caller's
  const p = await ctx.db.selectFrom('payments').select(['client_id']).where('organization_id', '=', org).where('id', '=', paymentId).where('kind', '=', 'payment').executeTakeFirst();
  if (!p) throw notFound('payment');
  await loadClientOf(ctx.db, ctx, p.client_id, 'payment');
  const key = callerKey(ctx, input.idempotencyKey);
  return oncePerKey(
    ctx.db,
    actorOf(ctx),
    ctx.now(),
    key,
    {
      action: 'payment.refund.replay',
      answer: (existing) => {
        assertSameIntent(existing, { amountCents: input.amountCents, kind: 'refund', refundOf: paymentId });
        return { refund: paymentView(existing), replayed: true };
      },
    },
    async () => ({ refund: paymentView(await ctx.db.transaction().execute((trx) => refundIn(trx, ctx, paymentId, { ...input, idempotencyKey: key }))), replayed: false }),
  );
}
