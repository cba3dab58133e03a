import { sql } from 'kysely';
import { atMostMessage, dollarsOf } from '../../domain/shared/messages.js';
import { z } from 'zod';
import { line, token } from '../../domain/shared/input.js';
import type { Ctx } from '../context.js';
import { actorOf, recordAudit } from '../audit/record-audit-event.js';
import { callerKey } from '../idempotency.js';
import { AppError, notFound } from '../errors.js';
import { loadClientOf } from '../clients/load-client.js';
import { invoiceView, loadInvoice, paymentView, refreshInvoiceStatus } from './invoice-store.js';
import { assertSameIntent, insertPayment, oncePerKey, STAFF_METHODS, type PaymentRow } from './payment-store.js';

export const paymentInput = z.strictObject({
  amountCents: z.number().int().min(1).max(10_000_000),
  method: z.enum(STAFF_METHODS),
  idempotencyKey: token({ min: 8, max: 100 }),
  /** the terminal's approval code, a check number */
  reference: line({ min: 0, max: 100 }).optional(),
});

/**
 * Staff record a payment taken in the clinic against an invoice: never more than is due, once per
 * idempotency key. Partial payments are fine; the invoice is paid when nothing is due.
 */
export async function recordPayment(ctx: Ctx, invoiceId: string, input: z.infer<typeof paymentInput>) {
  const org = ctx.principal.organizationId;
  // authorised before the key is looked up: the invoice is in this clinic and its client the caller's
  await loadClientOf(ctx.db, ctx, (await loadInvoice(ctx.db, org, invoiceId)).inv.client_id, 'invoice');
  const key = callerKey(ctx, input.idempotencyKey);
  const answer = async (existing: PaymentRow) => {
    assertSameIntent(existing, { amountCents: input.amountCents, invoiceId, kind: 'payment' });
    return { payment: paymentView(existing), invoice: invoiceView(await loadInvoice(ctx.db, org, invoiceId)), replayed: true };
  };
  return oncePerKey(ctx.db, actorOf(ctx), ctx.now(), key, { action: 'payment.record.replay', answer }, () =>
    ctx.db.transaction().execute(async (trx) => {
      // one payment at a time per invoice, so two desks cannot both take the last balance
      const locked = await sql<{ id: string }>`select id from invoices where organization_id = ${org} and id = ${invoiceId} for update`.execute(trx);
      if (!locked.rows.length) throw notFound('invoice');
      const loaded = await loadInvoice(trx, org, invoiceId);
      await loadClientOf(trx, ctx, loaded.inv.client_id, 'invoice');
      if (loaded.inv.status === 'void') throw new AppError('conflict', 'This invoice was voided, so it cannot be paid.', [{ path: 'invoiceId', message: 'This invoice was voided' }]);
      const due = invoiceView(loaded).dueCents;
      if (input.amountCents > due) throw new AppError('conflict', `Only ${dollarsOf(due)} is due on this invoice.`, [{ path: 'amountCents', message: atMostMessage('amountCents', due) }]);
      const p = await insertPayment(trx, {
        organization_id: org, client_id: loaded.inv.client_id, location_id: loaded.inv.location_id, invoice_id: invoiceId, booking_id: loaded.inv.booking_id, kind: 'payment', purpose: 'invoice',
        method: input.method, amount_cents: input.amountCents, currency: loaded.inv.currency, external_ref: input.reference ?? null, idempotency_key: key, recorded_by: ctx.principal.userId,
      });
      const after = await refreshInvoiceStatus(trx, org, invoiceId);
      await recordAudit(trx, ctx, { action: 'payment.record', entityType: 'payment', entityId: p.id, clientId: p.client_id, details: { invoiceId, amountCents: p.amount_cents, method: p.method } });
      return { payment: paymentView(p), invoice: invoiceView(after), replayed: false };
    }),
  );
}
