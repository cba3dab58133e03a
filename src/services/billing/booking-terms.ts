// What a visit costs and what the client holds toward it, shown before they book: the price in
// force that day, a package session that covers it, or the deposit asked for, and the policy.
import type { Db } from '../../db/connect.js';
import { findServiceOrThrow } from '../../db/repositories/scheduling.repository.js';
import { depositFor } from '../../domain/billing/policy.js';
import { priceOn } from '../../domain/pricing/quote.js';
import { formatMoney, money } from '../../domain/pricing/money.js';
import { priceBook, priceLine } from '../pricing/price-list.js';
import { loadBillingPolicy, loadDepositRule } from './policy-store.js';
import type { BookingTermsView } from './billing.schema.js';
import { memberQuote } from './member-pricing.js';

/** The schema (BookingTerms in billing.schema.ts) is the one description of these terms. */
export type BookingTerms = BookingTermsView;

/** Active packages of the client for a service, soonest to expire first, usable on `date`. */
export async function usablePurchases(db: Db, organizationId: string, clientId: string, serviceCode: string, date: string) {
  const rows = await db
    .selectFrom('package_purchases')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('client_id', '=', clientId)
    .where('service_code', '=', serviceCode)
    .where('expires_on', '>=', date)
    .whereRef('sessions_used', '<', (eb) => eb('sessions_total', '-', eb.ref('sessions_refunded')))
    .orderBy('expires_on')
    .orderBy('purchased_at')
    .execute();
  return rows;
}

/**
 * The terms of a visit. With `priceLineId` (a booking for a plan, or the plan the client books for)
 * the price is that line's, the one the plan was quoted from, whatever the day's price; otherwise
 * the price in force on the visit's date. The deposit is computed from that same price.
 */
export async function bookingTerms(db: Db, organizationId: string, args: { locationId: string; serviceId: string; clientId: string | null; date: string; priceLineId?: string | null; online?: boolean; /** the client whose member price is the base (at booking, where packages were already tried) */ memberOf?: string | null }): Promise<BookingTerms> {
  const service = await findServiceOrThrow(db, organizationId, args.serviceId);
  const quoted = args.priceLineId ? await priceLine(db, organizationId, args.priceLineId) : null;
  const price = quoted ?? priceOn((await priceBook(db, organizationId, args.locationId)).prices, service.code, args.date);
  const billing = await loadBillingPolicy(db, organizationId, args.locationId);
  const purchase = args.clientId ? (await usablePurchases(db, organizationId, args.clientId, service.code, args.date))[0] : undefined;
  const memberId = args.memberOf ?? args.clientId;
  const member = memberId ? await memberQuote(db, organizationId, { clientId: memberId, locationId: args.locationId, serviceCode: service.code, date: args.date, baseCents: price?.price.cents ?? null }) : null;
  const priceCents = member ? member.priceCents : (price?.price.cents ?? null);
  const rule = await loadDepositRule(db, organizationId, service.id);
  // a location that keeps a card on file asks no deposit: the card answers for late cancels and no-shows;
  // a member's deposit is taken on the member price, and none when a credit covers the visit
  const depositCents = purchase || member?.credit || priceCents === null || billing.holdPolicy === 'card_on_file' ? 0 : depositFor(rule, priceCents);
  const p = billing.policy;
  const currency = price?.price.currency ?? 'USD';
  const m = (cents: number) => formatMoney(money(cents, currency));
  const policy = [
    `Cancel at least ${p.lateCancelHours} hours ahead and any deposit is refunded${purchase ? ' and the package session returned' : ''}.`,
    `Cancelling later: ${p.lateCancelKeepsDeposit ? 'the deposit is kept' : 'the deposit is refunded'}${p.lateCancelForfeitsSession ? '; a package session is used' : ''}.`,
    `Not coming without cancelling: ${p.noShowKeepsDeposit ? 'the deposit is kept' : 'the deposit is refunded'}${p.noShowForfeitsSession ? '; a package session is used' : ''}.`,
    ...(billing.lateCancelFeeCents > 0 ? [`A late cancellation fee of ${m(billing.lateCancelFeeCents)} may be charged to the card on file.`] : []),
    ...(billing.noShowFeeCents > 0 ? [`A missed appointment fee of ${m(billing.noShowFeeCents)} may be charged to the card on file.`] : []),
  ];
  const paymentNote = depositCents > 0
    ? args.online ? `Deposit of ${m(depositCents)}, paid by card when you book.` : `Deposit of ${m(depositCents)} due at the desk.`
    : billing.holdPolicy === 'card_on_file' && !purchase
      ? args.online ? 'No deposit: a card is kept on file and nothing is charged now.' : 'No deposit: the desk will ask for a card to keep on file.'
      : null;
  return {
    serviceCode: service.code,
    priceCents,
    currency,
    coveredBy: purchase ? { purchaseId: purchase.id, name: purchase.name, sessionsRemaining: purchase.sessions_total - purchase.sessions_used - purchase.sessions_refunded, expiresOn: purchase.expires_on } : null,
    depositCents,
    lateCancelHours: p.lateCancelHours,
    policy,
    holdPolicy: billing.holdPolicy,
    lateCancelFeeCents: billing.lateCancelFeeCents,
    noShowFeeCents: billing.noShowFeeCents,
    paymentNote: member?.credit ? `Included in your membership: ${member.credit.label}.` : paymentNote,
    membership: member ? { planName: member.planName, basePriceCents: member.basePriceCents, credit: member.credit ? { label: member.credit.label, expiresOn: member.credit.expiresOn } : null } : null,
  };
}
