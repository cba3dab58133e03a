// Member prices and included credits, computed once for the three places a price is shown or
// charged: the booking terms (before booking), the booking (a credit drawn, or the deposit's base)
// and the visit's invoice. Staff do nothing: a client with a membership at the location gets it.
import type { Db } from '../../db/connect.js';
import type { MemberPrice, PlanCredit } from '../../db/schema-memberships.js';
import { memberPrice } from '../../domain/billing/membership.js';

export interface MemberTerms { membershipId: string; planName: string; percentOffBp: number; memberPrices: MemberPrice[]; credits: PlanCredit[] }

/** The client's membership at the location that gives member prices now: active, or retrying a payment (not paused or cancelled). */
export async function memberTermsFor(db: Db, organizationId: string, clientId: string, locationId: string): Promise<MemberTerms | null> {
  const row = await db
    .selectFrom('client_memberships as m')
    .innerJoin('membership_plans as p', (j) => j.onRef('p.organization_id', '=', 'm.organization_id').onRef('p.id', '=', 'm.plan_id'))
    .select(['m.id', 'p.name', 'p.percent_off_bp', 'p.member_prices', 'p.credits'])
    .where('m.organization_id', '=', organizationId)
    .where('m.client_id', '=', clientId)
    .where('m.location_id', '=', locationId)
    .where('m.status', 'in', ['active', 'past_due'])
    .executeTakeFirst();
  return row ? { membershipId: row.id, planName: row.name, percentOffBp: row.percent_off_bp, memberPrices: row.member_prices, credits: row.credits } : null;
}

/** Unused credits for a service at a location, usable on `date`, soonest to expire first (kept through a pause). */
export async function usableCredits(db: Db, organizationId: string, args: { clientId: string; locationId: string; serviceCode: string; date: string }) {
  return db
    .selectFrom('membership_credits as c')
    .innerJoin('client_memberships as m', (j) => j.onRef('m.organization_id', '=', 'c.organization_id').onRef('m.id', '=', 'c.membership_id'))
    .select(['c.id', 'c.label', 'c.expires_on'])
    .where('c.organization_id', '=', organizationId)
    .where('c.client_id', '=', args.clientId)
    .where('m.location_id', '=', args.locationId)
    .where('c.service_code', '=', args.serviceCode)
    .where('c.used_booking_id', 'is', null)
    .where('c.granted_on', '<=', args.date)
    .where('c.expires_on', '>=', args.date)
    .orderBy('c.expires_on')
    .orderBy('c.id')
    .execute();
}

/** What a member pays for the service before booking: their price and the credit that would cover it. */
export async function memberQuote(db: Db, organizationId: string, args: { clientId: string; locationId: string; serviceCode: string; date: string; baseCents: number | null }) {
  const terms = await memberTermsFor(db, organizationId, args.clientId, args.locationId);
  const credit = (await usableCredits(db, organizationId, args))[0];
  if (!terms && !credit) return null;
  const priceCents = terms && args.baseCents !== null ? memberPrice(terms, args.serviceCode, args.baseCents) : args.baseCents;
  return { planName: terms?.planName ?? null, basePriceCents: args.baseCents, priceCents, credit: credit ? { id: credit.id, label: credit.label, expiresOn: credit.expires_on } : null };
}

/**
 * Draws a credit for a confirmed booking: one guarded UPDATE per candidate, so two bookings at once
 * can never both take the last credit (the loser's UPDATE finds it used and moves on).
 */
export async function drawMemberCredit(trx: Db, organizationId: string, args: { bookingId: string; clientId: string; locationId: string; serviceCode: string; date: string; now: Date }) {
  for (const c of await usableCredits(trx, organizationId, args)) {
    const drawn = await trx
      .updateTable('membership_credits')
      .set({ used_booking_id: args.bookingId, used_at: args.now })
      .where('organization_id', '=', organizationId)
      .where('id', '=', c.id)
      .where('used_booking_id', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (drawn) return true;
  }
  return false;
}

/** Puts a drawn credit back (a cancellation within the policy), with its expiry unchanged. */
export async function returnMemberCredit(trx: Db, organizationId: string, bookingId: string) {
  await trx.updateTable('membership_credits').set({ used_booking_id: null, used_at: null }).where('organization_id', '=', organizationId).where('used_booking_id', '=', bookingId).execute();
}

export async function creditOfBooking(db: Db, organizationId: string, bookingId: string) {
  return db.selectFrom('membership_credits').select(['id', 'label', 'expires_on']).where('organization_id', '=', organizationId).where('used_booking_id', '=', bookingId).executeTakeFirst();
}
