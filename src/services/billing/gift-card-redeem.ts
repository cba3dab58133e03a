// Paying an invoice with a gift card, partly or in full, and with several cards one after another.
// The invoice and the card are both locked (invoice first, then card, always in that order), so two
// desks redeeming the same card at once cannot overdraw it: the second waits, then sees what is left.
// The redemption is a payment (method gift_card) in the payments ledger and an entry on the card.
import { sql } from 'kysely';
import type { z } from 'zod';
import { dollarsOf } from '../../domain/shared/messages.js';
import type { Ctx } from '../context.js';
import { actorOf, recordAudit } from '../audit/record-audit-event.js';
import { callerKey } from '../idempotency.js';
import { AppError, notFound } from '../errors.js';
import { loadClientOf } from '../clients/load-client.js';
import { todayIn } from '../clinical/today.js';
import { invoiceView, loadInvoice, paymentView, refreshInvoiceStatus } from './invoice-store.js';
import { assertSameIntent, insertPayment, oncePerKey, type PaymentRow } from './payment-store.js';
import { findByCode, lockGiftCard, refusalToPay, takeFromCard } from './gift-card-store.js';
import type { redeemGiftCardInput } from './gift-card.schema.js';

export async function redeemGiftCard(ctx: Ctx, invoiceId: string, input: z.infer<typeof redeemGiftCardInput>) {
  const org = ctx.principal.organizationId;
  await loadClientOf(ctx.db, ctx, (await loadInvoice(ctx.db, org, invoiceId)).inv.client_id, 'invoice');
  const key = callerKey(ctx, input.idempotencyKey);
  const answer = async (existing: PaymentRow) => {
    assertSameIntent(existing, { amountCents: input.amountCents ?? existing.amount_cents, invoiceId, kind: 'payment' });
    const card = await ctx.db.selectFrom('gift_card_entries as e').innerJoin('gift_cards as g', (j) => j.onRef('g.organization_id', '=', 'e.organization_id').onRef('g.id', '=', 'e.gift_card_id')).select(['g.code_last4', 'g.balance_cents']).where('e.organization_id', '=', org).where('e.payment_id', '=', existing.id).executeTakeFirst();
    return { payment: paymentView(existing), invoice: invoiceView(await loadInvoice(ctx.db, org, invoiceId)), giftCard: { last4: card?.code_last4 ?? '', balanceCents: card?.balance_cents ?? 0 }, replayed: true };
  };
  return oncePerKey(ctx.db, actorOf(ctx), ctx.now(), key, { action: 'gift_card.redeem.replay', answer }, () =>
    ctx.db.transaction().execute(async (trx) => {
      const locked = await sql<{ id: string }>`select id from invoices where organization_id = ${org} and id = ${invoiceId} for update`.execute(trx);
      if (!locked.rows.length) throw notFound('invoice');
      const loaded = await loadInvoice(trx, org, invoiceId);
      if (loaded.inv.status === 'void') throw new AppError('conflict', 'This invoice was voided, so it cannot be paid.', [{ path: 'invoiceId', message: 'This invoice was voided' }]);
      const due = invoiceView(loaded).dueCents;
      if (due === 0) throw new AppError('conflict', 'Nothing is due on this invoice.', [{ path: 'invoiceId', message: 'Nothing is due' }]);
      const found = await findByCode(trx, org, input.code);
      const card = await lockGiftCard(trx, org, found.id);
      const refusal = refusalToPay(card, await todayIn(trx, ctx, loaded.inv.location_id));
      if (refusal) throw new AppError('conflict', refusal, [{ path: 'code', message: refusal.replace(/\.$/, '') }]);
      const amount = input.amountCents ?? Math.min(card.balance_cents, due);
      if (amount > due) throw new AppError('conflict', `Only ${dollarsOf(due)} is due on this invoice.`, [{ path: 'amountCents', message: `The amount can be at most ${dollarsOf(due)}` }]);
      if (amount > card.balance_cents) throw new AppError('conflict', `This gift card has ${dollarsOf(card.balance_cents)} left.`, [{ path: 'amountCents', message: `The gift card has ${dollarsOf(card.balance_cents)} left` }]);
      const p = await insertPayment(trx, {
        organization_id: org, client_id: loaded.inv.client_id, location_id: loaded.inv.location_id, invoice_id: invoiceId, booking_id: loaded.inv.booking_id, kind: 'payment', purpose: 'invoice',
        method: 'gift_card', amount_cents: amount, currency: loaded.inv.currency, external_ref: `gift card ending ${card.code_last4}`, idempotency_key: key, recorded_by: ctx.principal.userId,
      });
      const left = await takeFromCard(trx, card, amount, { paymentId: p.id, invoiceId, recordedBy: ctx.principal.userId, at: ctx.now() });
      const after = await refreshInvoiceStatus(trx, org, invoiceId);
      await recordAudit(trx, ctx, { action: 'gift_card.redeem', entityType: 'gift_card', entityId: card.id, clientId: loaded.inv.client_id, details: { invoiceId, paymentId: p.id, amountCents: amount } });
      return { payment: paymentView(p), invoice: invoiceView(after), giftCard: { last4: card.code_last4 ?? '', balanceCents: left }, replayed: false };
    }),
  );
}
