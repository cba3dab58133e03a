// Reading and moving gift card balances. Every change of a balance writes an entry with the balance
// after it, in the same transaction; the card row itself carries the current balance, guarded by a
// check constraint (never below zero) and changed only under a row lock.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { GiftCardEntryKind } from '../../db/schema-gift-cards.js';
import { findOrganization } from '../../db/repositories/organizations.repository.js';
import { dollarsOf } from '../../domain/shared/messages.js';
import { AppError, notFound } from '../errors.js';
import { enqueueMessage, SECRET_LINK, sealLink } from '../outbox/enqueue-message.js';
import type { SecretBox } from '../ports.js';
import { hashCode, newGiftCardCode, normaliseCode } from './gift-card-code.js';
import type { GiftCardEntryView, GiftCardView } from './gift-card.schema.js';

export type GiftCardRow = NonNullable<Awaited<ReturnType<typeof findGiftCard>>>;

export const findGiftCard = (db: Db, organizationId: string, id: string) =>
  db.selectFrom('gift_cards').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();

export async function loadGiftCard(db: Db, organizationId: string, id: string) {
  const card = await findGiftCard(db, organizationId, id);
  if (!card) throw notFound('gift card');
  return card;
}

/** Locks the card for a change of balance: a second change waits and then sees the first one's result. */
export async function lockGiftCard(trx: Db, organizationId: string, id: string) {
  const locked = await sql<{ id: string }>`select id from gift_cards where organization_id = ${organizationId} and id = ${id} for update`.execute(trx);
  if (!locked.rows.length) throw notFound('gift card');
  return loadGiftCard(trx, organizationId, id);
}

/** The card a typed code names, or a plain refusal that does not tell a wrong code from a closed card's. */
export async function findByCode(db: Db, organizationId: string, typed: string, path = 'code') {
  const normal = normaliseCode(typed);
  const card = normal ? await db.selectFrom('gift_cards').selectAll().where('organization_id', '=', organizationId).where('code_hash', '=', hashCode(normal)).executeTakeFirst() : undefined;
  if (!card) throw new AppError('not_found', 'No gift card has this code. Check the 16 characters and try again.', [{ path, message: 'No gift card has this code' }]);
  return card;
}

/** Whether a card can pay today (date in the clinic's time zone, YYYY-MM-DD). */
export function refusalToPay(card: GiftCardRow, today: string): string | null {
  if (card.status === 'void') return 'This gift card was voided.';
  if (card.status === 'refunded') return 'This gift card was refunded.';
  if (card.status !== 'active') return 'This gift card is not paid for yet.';
  if (card.expires_on && card.expires_on < today) return `This gift card expired on ${card.expires_on}.`;
  if (card.balance_cents === 0) return 'This gift card has nothing left on it.';
  return null;
}

export async function addEntry(trx: Db, e: { organizationId: string; cardId: string; kind: GiftCardEntryKind; amountCents: number; balanceAfterCents: number; method?: string | null; paymentId?: string | null; invoiceId?: string | null; reason?: string | null; recordedBy: string | null; at: Date }) {
  await trx
    .insertInto('gift_card_entries')
    .values({
      organization_id: e.organizationId, gift_card_id: e.cardId, kind: e.kind, amount_cents: e.amountCents, balance_after_cents: e.balanceAfterCents, method: e.method ?? null,
      payment_id: e.paymentId ?? null, invoice_id: e.invoiceId ?? null, reason: e.reason ?? null, recorded_by: e.recordedBy, created_at: e.at,
    })
    .execute();
}

/**
 * Takes `amountCents` off a locked card with a guarded update (the balance may not go below zero
 * even if a caller forgot the lock) and writes the entry.
 */
export async function takeFromCard(trx: Db, card: GiftCardRow, amountCents: number, e: { paymentId: string; invoiceId: string; recordedBy: string; at: Date }) {
  const after = await trx
    .updateTable('gift_cards')
    .set((eb) => ({ balance_cents: eb('balance_cents', '-', amountCents) }))
    .where('organization_id', '=', card.organization_id)
    .where('id', '=', card.id)
    .where('status', '=', 'active')
    .where('balance_cents', '>=', amountCents)
    .returning(['balance_cents'])
    .executeTakeFirst();
  if (!after) throw new AppError('conflict', `This gift card holds less than ${dollarsOf(amountCents)}.`, [{ path: 'amountCents', message: `The gift card holds less than ${dollarsOf(amountCents)}` }]);
  await addEntry(trx, { organizationId: card.organization_id, cardId: card.id, kind: 'redeem', amountCents, balanceAfterCents: after.balance_cents, paymentId: e.paymentId, invoiceId: e.invoiceId, recordedBy: e.recordedBy, at: e.at });
  return after.balance_cents;
}

/**
 * An invoice payment made with a gift card was refunded: the money goes back on the card it came from
 * (found by the entry of that payment). Refused for a card that was voided or refunded since.
 */
export async function returnToCard(trx: Db, organizationId: string, paymentId: string, amountCents: number, e: { refundId: string; invoiceId: string | null; reason: string; recordedBy: string; at: Date }) {
  const redeemed = await trx.selectFrom('gift_card_entries').select(['gift_card_id']).where('organization_id', '=', organizationId).where('payment_id', '=', paymentId).where('kind', '=', 'redeem').executeTakeFirst();
  if (!redeemed) throw notFound('gift card of this payment');
  // the invoice before the card, in the order a redemption takes them, so the two cannot deadlock
  if (e.invoiceId) await sql`select id from invoices where organization_id = ${organizationId} and id = ${e.invoiceId} for update`.execute(trx);
  const card = await lockGiftCard(trx, organizationId, redeemed.gift_card_id);
  if (card.status !== 'active') throw new AppError('conflict', `The gift card ending ${card.code_last4} was ${card.status === 'void' ? 'voided' : 'refunded'}, so nothing can go back on it.`, [{ path: 'amountCents', message: 'The gift card is closed' }]);
  const balance = card.balance_cents + amountCents;
  await trx.updateTable('gift_cards').set({ balance_cents: balance }).where('organization_id', '=', organizationId).where('id', '=', card.id).execute();
  await addEntry(trx, { organizationId, cardId: card.id, kind: 'return', amountCents, balanceAfterCents: balance, paymentId: e.refundId, invoiceId: e.invoiceId, reason: e.reason, recordedBy: e.recordedBy, at: e.at });
}

/**
 * Gives a card its code and sends it: a new random code whose hash and last four are stored, and an
 * email to the recipient with the code sealed in the outbox until the worker delivers it.
 */
export async function issueCode(trx: Db, card: GiftCardRow, out: { publicUrl: string; secrets: SecretBox }, now: Date) {
  // a clash of 79 random bits is never expected; the unique index would refuse it, so draw again
  let code = newGiftCardCode();
  for (let i = 0; i < 3 && (await trx.selectFrom('gift_cards').select('id').where('organization_id', '=', card.organization_id).where('code_hash', '=', hashCode(normaliseCode(code)!)).executeTakeFirst()); i++) code = newGiftCardCode();
  const raw = normaliseCode(code)!;
  const updated = await trx
    .updateTable('gift_cards')
    .set({ status: 'active', code_hash: hashCode(raw), code_last4: raw.slice(-4), activated_at: now })
    .where('organization_id', '=', card.organization_id)
    .where('id', '=', card.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const org = await findOrganization(trx, card.organization_id);
  const clinic = org?.name ?? 'your MedSpa';
  const amount = dollarsOf(card.initial_cents);
  await enqueueMessage(trx, {
    organizationId: card.organization_id,
    channel: 'email',
    kind: 'gift_card',
    to: card.recipient_email,
    subject: `${card.purchaser_name} sent you a ${amount} gift card for ${clinic}`,
    text:
      `Hello ${card.recipient_name},\n\n${card.purchaser_name} sent you a gift card of ${amount} for ${clinic}.\n\n` +
      (card.message ? `Their message: ${card.message}\n\n` : '') +
      `Your gift card code: ${SECRET_LINK}\n\nShow or read this code at the front desk to pay for a visit. ` +
      (card.expires_on ? `It can be used until ${card.expires_on}.` : 'It does not expire.') +
      `\nCheck what is left on it at ${out.publicUrl}/clinics/${org?.slug ?? ''}/gift-cards\n\nKeep this code private: anyone who has it can spend the card.\n`,
    ...sealLink(out.secrets, code),
  });
  if (card.purchaser_email && card.purchaser_email.toLowerCase() !== card.recipient_email.toLowerCase()) {
    await enqueueMessage(trx, {
      organizationId: card.organization_id,
      channel: 'email',
      kind: 'gift_card_receipt',
      to: card.purchaser_email,
      subject: `Your ${amount} gift card for ${card.recipient_name}`,
      text: `Thank you, ${card.purchaser_name}. Your gift card of ${amount} for ${clinic} (ending ${updated.code_last4}) was sent to ${card.recipient_name} at ${card.recipient_email}.\n`,
    });
  }
  return updated;
}

export function giftCardView(c: GiftCardRow): GiftCardView {
  return {
    id: c.id, status: c.status, last4: c.code_last4, initialCents: c.initial_cents, balanceCents: c.balance_cents, currency: c.currency, channel: c.channel, locationId: c.location_id,
    purchaserName: c.purchaser_name, purchaserEmail: c.purchaser_email, purchaserClientId: c.purchaser_client_id, recipientName: c.recipient_name, recipientEmail: c.recipient_email,
    message: c.message, expiresOn: c.expires_on, saleMethod: c.sale_method, soldAt: new Date(c.activated_at ?? c.created_at).toISOString(),
    closedAt: c.closed_at ? new Date(c.closed_at).toISOString() : null, closeReason: c.close_reason,
  };
}

export async function entriesOf(db: Db, organizationId: string, cardId: string): Promise<GiftCardEntryView[]> {
  const rows = await db
    .selectFrom('gift_card_entries as e')
    .leftJoin('users as u', 'u.id', 'e.recorded_by')
    .select(['e.id', 'e.kind', 'e.amount_cents', 'e.balance_after_cents', 'e.method', 'e.payment_id', 'e.invoice_id', 'e.reason', 'e.created_at', 'u.name as recorded_by_name'])
    .where('e.organization_id', '=', organizationId)
    .where('e.gift_card_id', '=', cardId)
    .orderBy('e.seq')
    .execute();
  return rows.map((r) => ({
    id: r.id, kind: r.kind, amountCents: r.amount_cents, balanceAfterCents: r.balance_after_cents, method: r.method, paymentId: r.payment_id, invoiceId: r.invoice_id, reason: r.reason,
    recordedBy: r.recorded_by_name ?? null, at: new Date(r.created_at).toISOString(),
  }));
}
