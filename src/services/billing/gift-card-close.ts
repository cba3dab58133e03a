// Closing a gift card, with a record of who, when and why: a void cancels what is left (sold in
// error, reported stolen), a refund gives what is left back to the purchaser in the method named.
// Either is refused on a card already closed; what was redeemed stays on its invoices.
import type { z } from 'zod';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { AppError } from '../errors.js';
import { todayIn } from '../clinical/today.js';
import { addEntry, entriesOf, giftCardView, lockGiftCard } from './gift-card-store.js';
import type { closeGiftCardInput, giftCardExpiryInput, refundGiftCardInput } from './gift-card.schema.js';

async function close(ctx: Ctx, id: string, how: { status: 'void' | 'refunded'; reason: string; method?: string; reference?: string }) {
  const org = ctx.principal.organizationId;
  return ctx.db.transaction().execute(async (trx) => {
    const card = await lockGiftCard(trx, org, id);
    if (card.status !== 'active') throw new AppError('conflict', card.status === 'pending' ? 'This gift card is not paid for yet.' : `This gift card was already ${card.status === 'void' ? 'voided' : 'refunded'}.`, [{ path: 'giftCardId', message: `The gift card is ${card.status}` }]);
    if (how.status === 'refunded' && card.balance_cents === 0) throw new AppError('conflict', 'Nothing is left on this gift card to refund.', [{ path: 'giftCardId', message: 'Nothing is left to refund' }]);
    const now = ctx.now();
    await trx.updateTable('gift_cards').set({ status: how.status, balance_cents: 0, closed_at: now, closed_by: ctx.principal.userId, close_reason: how.reason }).where('organization_id', '=', org).where('id', '=', id).execute();
    const reason = how.reference ? `${how.reason} (reference ${how.reference})` : how.reason;
    await addEntry(trx, { organizationId: org, cardId: id, kind: how.status === 'void' ? 'void' : 'refund', amountCents: card.balance_cents, balanceAfterCents: 0, method: how.method ?? null, reason, recordedBy: ctx.principal.userId, at: now });
    await recordAudit(trx, ctx, { action: how.status === 'void' ? 'gift_card.void' : 'gift_card.refund', entityType: 'gift_card', entityId: id, clientId: card.purchaser_client_id, details: { amountCents: card.balance_cents, ...(how.method ? { method: how.method } : {}) } });
    const after = await lockGiftCard(trx, org, id);
    return { giftCard: giftCardView(after), entries: await entriesOf(trx, org, id) };
  });
}

export const voidGiftCard = (ctx: Ctx, id: string, input: z.infer<typeof closeGiftCardInput>) => close(ctx, id, { status: 'void', reason: input.reason });

export const refundGiftCard = (ctx: Ctx, id: string, input: z.infer<typeof refundGiftCardInput>) =>
  close(ctx, id, { status: 'refunded', reason: input.reason, method: input.method, ...(input.reference ? { reference: input.reference } : {}) });

/** The owner may set or clear an expiry date per card. Many US states forbid expiring gift cards: check first. */
export async function setGiftCardExpiry(ctx: Ctx, id: string, input: z.infer<typeof giftCardExpiryInput>) {
  const org = ctx.principal.organizationId;
  return ctx.db.transaction().execute(async (trx) => {
    const card = await lockGiftCard(trx, org, id);
    if (card.status !== 'active' && card.status !== 'pending') throw new AppError('conflict', 'This gift card is closed.', [{ path: 'expiresOn', message: 'The gift card is closed' }]);
    if (input.expiresOn && input.expiresOn <= (await todayIn(trx, ctx, card.location_id ?? undefined))) throw new AppError('validation', 'The expiry date must be after today.', [{ path: 'expiresOn', message: 'The expiry date must be after today' }]);
    await trx.updateTable('gift_cards').set({ expires_on: input.expiresOn }).where('organization_id', '=', org).where('id', '=', id).execute();
    await addEntry(trx, { organizationId: org, cardId: id, kind: 'expiry', amountCents: 0, balanceAfterCents: card.balance_cents, reason: input.expiresOn ? `Expires on ${input.expiresOn}` : 'No expiry', recordedBy: ctx.principal.userId, at: ctx.now() });
    await recordAudit(trx, ctx, { action: 'gift_card.expiry', entityType: 'gift_card', entityId: id, clientId: card.purchaser_client_id, details: { expires: Boolean(input.expiresOn) } });
    return { giftCard: giftCardView(await lockGiftCard(trx, org, id)), entries: await entriesOf(trx, org, id) };
  });
}
