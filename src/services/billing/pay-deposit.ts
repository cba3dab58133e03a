import { z } from 'zod';
import { line, token } from '../../domain/shared/input.js';
import type { Ctx } from '../context.js';
import type { Db } from '../../db/connect.js';
import { findBookingSummary } from '../../db/repositories/bookings.repository.js';
import { actorOf, recordAudit } from '../audit/record-audit-event.js';
import { callerKey } from '../idempotency.js';
import { AppError, notFound } from '../errors.js';
import { loadClientOf } from '../clients/load-client.js';
import { paymentView } from './invoice-store.js';
import { assertSameIntent, insertPayment, oncePerKey, STAFF_METHODS, type PaymentRow } from './payment-store.js';

export const depositPaymentInput = z.strictObject({
  method: z.enum(STAFF_METHODS),
  idempotencyKey: token({ min: 8, max: 100 }),
  reference: line({ min: 0, max: 100 }).optional(),
});

/** The desk takes the deposit a booking asks for; it is applied to the visit's invoice later. */
export async function payDeposit(ctx: Ctx, bookingId: string, input: z.infer<typeof depositPaymentInput>) {
  const org = ctx.principal.organizationId;
  const booking = (db: Db) => findBookingSummary(db, org, bookingId);
  // authorised before the key is looked up: the booking is in this clinic and its client the caller's
  const found = await booking(ctx.db);
  if (!found) throw notFound('booking');
  await loadClientOf(ctx.db, ctx, found.client_id, 'booking');
  const key = callerKey(ctx, input.idempotencyKey);
  const answer = (existing: PaymentRow) => {
    assertSameIntent(existing, { amountCents: existing.amount_cents, bookingId, kind: 'payment' });
    return { payment: paymentView(existing), replayed: true };
  };
  return oncePerKey(ctx.db, actorOf(ctx), ctx.now(), key, { action: 'deposit.pay.replay', answer }, () =>
    ctx.db.transaction().execute(async (trx) => {
      const b = await booking(trx);
      if (!b) throw notFound('booking');
      const d = await trx.selectFrom('booking_deposits').selectAll().where('organization_id', '=', org).where('booking_id', '=', bookingId).forUpdate().executeTakeFirst();
      if (!d) throw new AppError('conflict', 'this booking asks for no deposit', [{ path: 'bookingId', message: 'no deposit' }]);
      if (d.status !== 'due') throw new AppError('conflict', `the deposit is already ${d.status}`, [{ path: 'bookingId', message: d.status }]);
      const p = await insertPayment(trx, {
        organization_id: org, client_id: b.client_id, location_id: b.location_id, invoice_id: null, booking_id: b.id, kind: 'payment', purpose: 'deposit',
        method: input.method, amount_cents: d.amount_cents, currency: d.currency, external_ref: input.reference ?? null, idempotency_key: key, recorded_by: ctx.principal.userId,
      });
      await trx.updateTable('booking_deposits').set({ status: 'paid', updated_at: ctx.now() }).where('organization_id', '=', org).where('booking_id', '=', bookingId).execute();
      await recordAudit(trx, ctx, { action: 'deposit.pay', entityType: 'payment', entityId: p.id, clientId: b.client_id, details: { bookingId, amountCents: p.amount_cents, method: p.method } });
      return { payment: paymentView(p), replayed: false };
    }),
  );
}
