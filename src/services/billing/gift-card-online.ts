// Buying a gift card online, signed in or not: a pending card and a hosted checkout page for its
// value; the card gets its code (and the recipient their email) only once the processor says the
// checkout is paid, whether the buyer comes back or Stripe's signed webhook arrives first. Without
// payment keys the clinic's offer says so and the purchase is refused: it is never offered.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Db } from '../../db/connect.js';
import { appendAudit, type AuditActor } from '../audit/record-audit-event.js';
import { AppError, notFound } from '../errors.js';
import type { CheckoutState, PaymentsPort, SecretBox } from '../ports.js';
import type { Principal } from '../context.js';
import { findPublicOrganization } from '../reviews/public-directory.js';
import { addEntry, findGiftCard, issueCode } from './gift-card-store.js';
import { GIFT_CURRENCY, GIFT_MAX_CENTS, GIFT_MIN_CENTS, type buyGiftCardInput } from './gift-card.schema.js';

export interface GiftCardShopDeps {
  db: Db;
  now: () => Date;
  payments: PaymentsPort | null | undefined;
  publicUrl: string;
  secrets: SecretBox;
}

const off = () => new AppError('conflict', 'This clinic does not sell gift cards online. Buy one at the front desk.', [{ path: 'payments', message: 'Online payment is not set up' }]);

export async function getGiftCardOffer(deps: GiftCardShopDeps, slug: string) {
  const org = await findPublicOrganization(deps.db, slug);
  return { clinicName: org.name, onlinePurchase: Boolean(deps.payments), currency: GIFT_CURRENCY, minCents: GIFT_MIN_CENTS, maxCents: GIFT_MAX_CENTS };
}

const visitor = (organizationId: string, principal: Principal | undefined, meta: { requestId: string | null; ip: string | null }): AuditActor =>
  principal?.organizationId === organizationId ? { organizationId, userId: principal.userId, role: principal.role, ...meta } : { organizationId, userId: null, role: 'visitor', ...meta };

export async function startGiftCardCheckout(deps: GiftCardShopDeps, slug: string, input: z.infer<typeof buyGiftCardInput>, principal: Principal | undefined, meta: { requestId: string | null; ip: string | null }) {
  if (!deps.payments) throw off();
  const org = await findPublicOrganization(deps.db, slug);
  // a signed-in client of this clinic buys as themself; anyone else as a visitor
  const clientId = principal?.organizationId === org.id && principal.role === 'client' ? principal.clientId : null;
  const card = await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('gift_cards')
      .values({
        organization_id: org.id, status: 'pending', initial_cents: input.amountCents, balance_cents: input.amountCents, currency: GIFT_CURRENCY, location_id: null, channel: 'online',
        purchaser_name: input.purchaserName, purchaser_email: input.purchaserEmail.toLowerCase(), purchaser_client_id: clientId, recipient_name: input.recipientName,
        recipient_email: input.recipientEmail.toLowerCase(), message: input.message || null, sale_method: 'card_online', idempotency_key: `online:${randomUUID()}`, sold_by: null, created_at: deps.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, visitor(org.id, principal, meta), { action: 'gift_card.checkout', entityType: 'gift_card', entityId: row.id, clientId, details: { amountCents: row.initial_cents } }, deps.now());
    return row;
  });
  const back = input.returnTo === 'portal' ? `${deps.publicUrl}/portal/gift-cards` : `${deps.publicUrl}/clinics/${org.slug}/gift-cards`;
  const session = await deps.payments.createCheckout({
    amountCents: card.initial_cents, currency: card.currency, description: `Gift card for ${org.name}`,
    successUrl: `${back}?checkout={CHECKOUT_SESSION_ID}`, cancelUrl: back,
    idempotencyKey: `gift-card:${card.id}`,
    // ids only: the names and message stay here
    metadata: { organization_id: org.id, purpose: 'gift_card', ref: card.id },
  });
  await deps.db.updateTable('gift_cards').set({ sale_ref: session.id }).where('organization_id', '=', org.id).where('id', '=', card.id).execute();
  return { id: session.id, url: session.url };
}

/**
 * Activates the card a paid checkout bought, once: the conditional update from pending to active
 * lets only the first of the return, a second return and the webhook issue the code.
 */
export async function recordPaidGiftCard(db: Db, actor: AuditActor, now: Date, s: CheckoutState, out: { publicUrl: string; secrets: SecretBox }) {
  const org = actor.organizationId;
  return db.transaction().execute(async (trx) => {
    const card = await trx.selectFrom('gift_cards').selectAll().where('organization_id', '=', org).where('id', '=', s.metadata.ref ?? '').forUpdate().executeTakeFirst();
    if (!card) throw notFound('checkout');
    if (card.status !== 'pending') return card;
    if (s.amountCents !== card.initial_cents) throw new AppError('conflict', 'the amount paid does not match the gift card', [{ path: 'checkout', message: 'amount differs' }]);
    await trx.updateTable('gift_cards').set({ sale_ref: s.paymentRef ?? s.id }).where('organization_id', '=', org).where('id', '=', card.id).execute();
    const active = await issueCode(trx, card, out, now);
    await addEntry(trx, { organizationId: org, cardId: card.id, kind: 'issue', amountCents: card.initial_cents, balanceAfterCents: card.initial_cents, method: 'card_online', recordedBy: null, at: now });
    await appendAudit(trx, actor, { action: 'gift_card.sell', entityType: 'gift_card', entityId: card.id, clientId: card.purchaser_client_id, details: { amountCents: card.initial_cents, method: 'card_online' } }, now);
    return active;
  });
}

/** The buyer back from the hosted page: ask the processor, never the browser. */
export async function confirmGiftCardCheckout(deps: GiftCardShopDeps, slug: string, sessionId: string, meta: { requestId: string | null; ip: string | null }) {
  if (!deps.payments) throw off();
  const org = await findPublicOrganization(deps.db, slug);
  const s = await deps.payments.getCheckout(sessionId);
  if (s.metadata.organization_id !== org.id || s.metadata.purpose !== 'gift_card') throw notFound('checkout');
  const card = await findGiftCard(deps.db, org.id, s.metadata.ref ?? '');
  if (!card) throw notFound('checkout');
  if (!s.paid) return { paid: card.status !== 'pending', amountCents: card.initial_cents, recipientName: card.recipient_name, last4: card.code_last4 };
  const active = await recordPaidGiftCard(deps.db, { organizationId: org.id, userId: null, role: 'visitor', ...meta }, deps.now(), s, deps);
  return { paid: true, amountCents: active.initial_cents, recipientName: active.recipient_name, last4: active.code_last4 };
}
