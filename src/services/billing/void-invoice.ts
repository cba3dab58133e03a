import { sql } from 'kysely';
import { dollarsOf } from '../../domain/shared/messages.js';
import { z } from 'zod';
import { text } from '../../domain/shared/input.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { AppError, notFound } from '../errors.js';
import { loadClientOf } from '../clients/load-client.js';
import { invoiceView, loadInvoice } from './invoice-store.js';

export const voidInput = z.strictObject({ reason: text({ min: 3, max: 500 }) });

/**
 * Voids an invoice issued in error. Money already taken must be refunded first, so a void never hides
 * a payment; a package sold on it must be unused, and its sessions are withdrawn.
 */
export async function voidInvoice(ctx: Ctx, invoiceId: string, input: z.infer<typeof voidInput>) {
  const org = ctx.principal.organizationId;
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await sql<{ id: string }>`select id from invoices where organization_id = ${org} and id = ${invoiceId} for update`.execute(trx);
    if (!locked.rows.length) throw notFound('invoice');
    const loaded = await loadInvoice(trx, org, invoiceId);
    await loadClientOf(trx, ctx, loaded.inv.client_id, 'invoice');
    if (loaded.inv.status === 'void') throw new AppError('conflict', 'this invoice is already void');
    const v = invoiceView(loaded);
    if (v.paidCents - v.refundedCents > 0) throw new AppError('conflict', `Refund the payments on this invoice (${dollarsOf(v.paidCents - v.refundedCents)}) before voiding it.`, [{ path: 'invoiceId', message: `${dollarsOf(v.paidCents - v.refundedCents)} has been paid on this invoice` }]);
    const purchase = await trx.selectFrom('package_purchases').selectAll().where('organization_id', '=', org).where('invoice_id', '=', invoiceId).forUpdate().executeTakeFirst();
    if (purchase) {
      if (purchase.sessions_used > 0) throw new AppError('conflict', 'sessions of this package were already booked or used; refund the unused sessions instead', [{ path: 'invoiceId', message: 'package in use' }]);
      await trx.updateTable('package_purchases').set({ sessions_refunded: purchase.sessions_total }).where('organization_id', '=', org).where('id', '=', purchase.id).execute();
    }
    await trx.updateTable('invoices').set({ status: 'void', void_reason: input.reason }).where('organization_id', '=', org).where('id', '=', invoiceId).execute();
    await recordAudit(trx, ctx, { action: 'invoice.void', entityType: 'invoice', entityId: invoiceId, clientId: loaded.inv.client_id, details: { number: loaded.inv.number } });
    return invoiceView(await loadInvoice(trx, org, invoiceId));
  });
}
