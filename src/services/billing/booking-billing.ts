// Money that follows a booking: on confirmation a package session is drawn (or a deposit asked for);
// on a cancellation or no-show the location's policy returns or keeps them.
import type { Db } from '../../db/connect.js';
import { findBookingTimeOrThrow } from '../../db/repositories/bookings.repository.js';
import { findServiceOrThrow } from '../../db/repositories/scheduling.repository.js';
import { applyPolicy, type AttendanceEvent } from '../../domain/billing/policy.js';
import { localDateOf } from '../../domain/scheduling/local-time.js';
import type { Ctx } from '../context.js';
import { issueInvoice, refreshInvoiceStatus } from './invoice-store.js';
import { loadBillingPolicy } from './policy-store.js';
import { refundIn } from './refund-payment.js';
import { bookingTerms, usablePurchases } from './booking-terms.js';
import { creditOfBooking, drawMemberCredit, returnMemberCredit } from './member-pricing.js';

/**
 * A confirmed booking draws one session from the client's package for its service, if they hold
 * one; otherwise the service's deposit (if any) becomes due. The draw is a single guarded UPDATE,
 * so concurrent bookings can never take a package below zero sessions.
 */
export async function drawOrAskDeposit(trx: Db, organizationId: string, bookingId: string) {
  const already = await trx.selectFrom('package_draws').select('booking_id').where('organization_id', '=', organizationId).where('booking_id', '=', bookingId).executeTakeFirst();
  if (already || (await creditOfBooking(trx, organizationId, bookingId))) return;
  const b = await findBookingTimeOrThrow(trx, organizationId, bookingId);
  const date = localDateOf(new Date(b.starts_at).getTime(), b.time_zone);
  const service = await findServiceOrThrow(trx, organizationId, b.service_id);
  // a membership credit first: credits expire with their period, packages last longer
  if (await drawMemberCredit(trx, organizationId, { bookingId: b.id, clientId: b.client_id, locationId: b.location_id, serviceCode: service.code, date, now: new Date() })) return;
  for (const p of await usablePurchases(trx, organizationId, b.client_id, service.code, date)) {
    const drawn = await trx
      .updateTable('package_purchases')
      .set((eb) => ({ sessions_used: eb('sessions_used', '+', 1) }))
      .where('organization_id', '=', organizationId)
      .where('id', '=', p.id)
      .whereRef('sessions_used', '<', (eb) => eb('sessions_total', '-', eb.ref('sessions_refunded')))
      .returning('id')
      .executeTakeFirst();
    if (drawn) {
      await trx.insertInto('package_draws').values({ organization_id: organizationId, booking_id: b.id, purchase_id: p.id }).execute();
      return;
    }
  }
  // the deposit comes from the same price line as the plan's quote and the visit's invoice
  const terms = await bookingTerms(trx, organizationId, { locationId: b.location_id, serviceId: b.service_id, clientId: null, memberOf: b.client_id, date, priceLineId: b.price_line_id });
  if (terms.depositCents > 0) {
    await trx.insertInto('booking_deposits').values({ organization_id: organizationId, booking_id: b.id, amount_cents: terms.depositCents, currency: terms.currency }).onConflict((oc) => oc.columns(['organization_id', 'booking_id']).doNothing()).execute();
  }
}

/** Puts a drawn session back on the package. */
export async function returnDraw(trx: Db, organizationId: string, bookingId: string) {
  const d = await trx.deleteFrom('package_draws').where('organization_id', '=', organizationId).where('booking_id', '=', bookingId).returning('purchase_id').executeTakeFirst();
  if (d) await trx.updateTable('package_purchases').set((eb) => ({ sessions_used: eb('sessions_used', '-', 1) })).where('organization_id', '=', organizationId).where('id', '=', d.purchase_id).execute();
}

/**
 * Applies the cancellation policy to a cancelled or missed booking: the package session is returned
 * or used; a paid deposit is refunded in full, or kept as a fee on its own invoice.
 */
export async function settleAttendance(trx: Db, ctx: Ctx, bookingId: string, event: AttendanceEvent) {
  const org = ctx.principal.organizationId;
  const b = await findBookingTimeOrThrow(trx, org, bookingId);
  const billing = await loadBillingPolicy(trx, org, b.location_id);
  const outcome = applyPolicy(billing.policy, event);
  if (outcome.packageSession === 'return') {
    await returnDraw(trx, org, bookingId);
    await returnMemberCredit(trx, org, bookingId);
  }
  const deposit = await trx.selectFrom('booking_deposits').selectAll().where('organization_id', '=', org).where('booking_id', '=', bookingId).forUpdate().executeTakeFirst();
  if (deposit?.status === 'due') {
    await trx.updateTable('booking_deposits').set({ status: 'waived', updated_at: ctx.now() }).where('organization_id', '=', org).where('booking_id', '=', bookingId).execute();
  } else if (deposit?.status === 'paid') {
    const paid = await trx.selectFrom('payments').selectAll().where('organization_id', '=', org).where('booking_id', '=', bookingId).where('purpose', '=', 'deposit').where('kind', '=', 'payment').executeTakeFirstOrThrow();
    if (outcome.deposit === 'refund') {
      await refundIn(trx, ctx, paid.id, { amountCents: paid.amount_cents, reason: outcome.explanation, idempotencyKey: `deposit-refund:${bookingId}` });
      await trx.updateTable('booking_deposits').set({ status: 'refunded', updated_at: ctx.now() }).where('organization_id', '=', org).where('booking_id', '=', bookingId).execute();
    } else {
      const inv = await issueInvoice(trx, {
        organizationId: org, issuedBy: ctx.principal.userId, issuedAt: ctx.now(), locationId: b.location_id, clientId: b.client_id, bookingId, currency: paid.currency, taxRateBp: 0,
        lines: [{ kind: 'fee', description: event.kind === 'no_show' ? 'Missed appointment fee (deposit kept)' : 'Late cancellation fee (deposit kept)', quantity: 1, unitCents: paid.amount_cents, taxable: false }],
      });
      await trx.updateTable('payments').set({ invoice_id: inv.id }).where('organization_id', '=', org).where('id', '=', paid.id).execute();
      await refreshInvoiceStatus(trx, org, inv.id);
      await trx.updateTable('booking_deposits').set({ status: 'kept', updated_at: ctx.now() }).where('organization_id', '=', org).where('booking_id', '=', bookingId).execute();
    }
  }
  return outcome;
}

/** What a booking holds: a package session or a deposit and its state. */
export async function bookingMoney(db: Db, organizationId: string, bookingId: string) {
  const draw = await db
    .selectFrom('package_draws as d')
    .innerJoin('package_purchases as p', (j) => j.onRef('p.organization_id', '=', 'd.organization_id').onRef('p.id', '=', 'd.purchase_id'))
    .select(['p.id', 'p.name', 'p.sessions_total', 'p.sessions_used', 'p.sessions_refunded'])
    .where('d.organization_id', '=', organizationId)
    .where('d.booking_id', '=', bookingId)
    .executeTakeFirst();
  const deposit = await db.selectFrom('booking_deposits').selectAll().where('organization_id', '=', organizationId).where('booking_id', '=', bookingId).executeTakeFirst();
  return {
    packageDraw: draw ? { purchaseId: draw.id, name: draw.name, sessionsRemaining: draw.sessions_total - draw.sessions_used - draw.sessions_refunded } : null,
    deposit: deposit ? { amountCents: deposit.amount_cents, currency: deposit.currency, status: deposit.status } : null,
  };
}
