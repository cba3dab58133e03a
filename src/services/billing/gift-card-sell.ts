// Selling a gift card at the desk: the money is taken now (cash, terminal, check), the card is made
// with a new code, and the code goes to the recipient by email, sealed in the outbox until delivery.
// Staff see only the last four characters.
import type { z } from 'zod';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { callerKey } from '../idempotency.js';
import { AppError } from '../errors.js';
import { loadClient } from '../clients/load-client.js';
import { loadLocation } from '../organization/load-location.js';
import type { SecretBox } from '../ports.js';
import { todayIn } from '../clinical/today.js';
import { addEntry, giftCardView, issueCode } from './gift-card-store.js';
import { GIFT_CURRENCY, type sellGiftCardInput } from './gift-card.schema.js';

export async function sellGiftCard(ctx: Ctx, input: z.infer<typeof sellGiftCardInput>, out: { publicUrl: string; secrets: SecretBox }) {
  const org = ctx.principal.organizationId;
  const key = callerKey(ctx, input.idempotencyKey);
  const first = await ctx.db.selectFrom('gift_cards').selectAll().where('organization_id', '=', org).where('idempotency_key', '=', key).executeTakeFirst();
  if (first) {
    if (first.initial_cents !== input.amountCents || first.recipient_email !== input.recipientEmail.toLowerCase()) throw new AppError('conflict', 'this idempotency key was already used for a different gift card', [{ path: 'idempotencyKey', message: 'already used' }]);
    return { giftCard: giftCardView(first), emailQueued: true, replayed: true };
  }
  return ctx.db.transaction().execute(async (trx) => {
    const location = await loadLocation(trx, org, input.locationId, 'locationId');
    if (input.purchaserClientId) await loadClient(trx, ctx, input.purchaserClientId);
    if (input.expiresOn && input.expiresOn <= (await todayIn(trx, ctx, location.id))) throw new AppError('validation', 'The expiry date must be after today.', [{ path: 'expiresOn', message: 'The expiry date must be after today' }]);
    const pending = await trx
      .insertInto('gift_cards')
      .values({
        organization_id: org, status: 'pending', initial_cents: input.amountCents, balance_cents: input.amountCents, currency: GIFT_CURRENCY, location_id: location.id, channel: 'desk',
        purchaser_name: input.purchaserName, purchaser_email: input.purchaserEmail?.toLowerCase() ?? null, purchaser_client_id: input.purchaserClientId ?? null,
        recipient_name: input.recipientName, recipient_email: input.recipientEmail.toLowerCase(), message: input.message || null, expires_on: input.expiresOn ?? null,
        sale_method: input.payment.method, sale_ref: input.payment.reference || null, idempotency_key: key, sold_by: ctx.principal.userId, created_at: ctx.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const card = await issueCode(trx, pending, out, ctx.now());
    await addEntry(trx, { organizationId: org, cardId: card.id, kind: 'issue', amountCents: card.initial_cents, balanceAfterCents: card.balance_cents, method: input.payment.method, recordedBy: ctx.principal.userId, at: ctx.now() });
    await recordAudit(trx, ctx, { action: 'gift_card.sell', entityType: 'gift_card', entityId: card.id, clientId: card.purchaser_client_id, details: { amountCents: card.initial_cents, method: input.payment.method, expires: Boolean(card.expires_on) } });
    return { giftCard: giftCardView(card), emailQueued: true, replayed: false };
  });
}
