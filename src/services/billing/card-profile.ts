// The processor's customer of each client (one per client per clinic) and the card saved on it for
// charges without the client (late-cancel and no-show fees). Only ids, the brand and the last four
// digits are kept: card numbers never reach Dermis.
import type { Db } from '../../db/connect.js';
import type { AuditActor } from '../audit/record-audit-event.js';
import { appendAudit } from '../audit/record-audit-event.js';
import type { CardPaymentsPort, IntentState } from '../ports.js';

export async function findPaymentProfile(db: Db, organizationId: string, clientId: string) {
  return db.selectFrom('client_payment_profiles').selectAll().where('organization_id', '=', organizationId).where('client_id', '=', clientId).executeTakeFirst();
}

/** The client's customer at the processor, made once: our key makes a retried creation the same customer. */
export async function ensureCustomer(db: Db, cards: CardPaymentsPort, organizationId: string, clientId: string) {
  const found = await findPaymentProfile(db, organizationId, clientId);
  if (found) return found.customer_id;
  const c = await cards.createCustomer({ idempotencyKey: `customer:${organizationId}:${clientId}`, metadata: { organization_id: organizationId, client_id: clientId } });
  await db.insertInto('client_payment_profiles').values({ organization_id: organizationId, client_id: clientId, customer_id: c.id }).onConflict((oc) => oc.columns(['organization_id', 'client_id']).doNothing()).execute();
  return (await findPaymentProfile(db, organizationId, clientId))!.customer_id;
}

/**
 * Keeps the card of a succeeded intent as the client's card on file, when it was made on the
 * client's own customer; the same card again changes nothing (a replayed webhook audits nothing).
 */
export async function keepCard(trx: Db, actor: AuditActor, now: Date, clientId: string, intent: IntentState) {
  const org = actor.organizationId;
  const profile = await findPaymentProfile(trx, org, clientId);
  if (!profile || !intent.paymentMethodId || intent.customerId !== profile.customer_id) return false;
  if (profile.payment_method_id === intent.paymentMethodId) {
    // the return path may know the brand and digits the webhook did not
    if (intent.card && !profile.card_last4) await trx.updateTable('client_payment_profiles').set({ card_brand: intent.card.brand, card_last4: intent.card.last4, updated_at: now }).where('organization_id', '=', org).where('client_id', '=', clientId).execute();
    return false;
  }
  await trx
    .updateTable('client_payment_profiles')
    .set({ payment_method_id: intent.paymentMethodId, card_brand: intent.card?.brand ?? null, card_last4: intent.card?.last4 ?? null, card_saved_at: now, updated_at: now })
    .where('organization_id', '=', org)
    .where('client_id', '=', clientId)
    .execute();
  await appendAudit(trx, actor, { action: 'card.saved', entityType: 'client', entityId: clientId, clientId, details: { intentId: intent.id, last4: intent.card?.last4 ?? null } }, now);
  return true;
}

export const cardView = (p: { payment_method_id: string | null; card_brand: string | null; card_last4: string | null } | undefined) =>
  p?.payment_method_id ? { brand: p.card_brand, last4: p.card_last4 } : null;
