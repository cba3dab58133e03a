import { findBookingSummary } from '../../db/repositories/bookings.repository.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { notFound } from '../errors.js';
import { loadClientOf } from '../clients/load-client.js';
import { bookingMoney } from './booking-billing.js';
import { invoiceView, loadInvoice } from './invoice-store.js';

/** The money side of one booking: its package session or deposit, and the visit's invoice. */
export async function bookingBilling(ctx: Ctx, bookingId: string) {
  const org = ctx.principal.organizationId;
  const b = await findBookingSummary(ctx.db, org, bookingId);
  if (!b) throw notFound('booking');
  await loadClientOf(ctx.db, ctx, b.client_id, 'booking');
  const inv = await ctx.db.selectFrom('invoices').select('id').where('organization_id', '=', org).where('booking_id', '=', b.id).where('status', '<>', 'void').orderBy('issued_at', 'desc').executeTakeFirst();
  await ctx.db.transaction().execute((trx) => recordAudit(trx, ctx, { action: 'billing.booking', entityType: 'booking', entityId: b.id, clientId: b.client_id }));
  return { bookingId: b.id, ...(await bookingMoney(ctx.db, org, b.id)), invoice: inv ? invoiceView(await loadInvoice(ctx.db, org, inv.id)) : null };
}
