import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { loadClient } from '../clients/load-client.js';
import { todayIn } from '../clinical/today.js';
import { invoiceView, loadInvoice, paymentView } from './invoice-store.js';
import { purchaseView } from './package-view.js';

/**
 * A client's statement: packages and what remains, invoices with what is due, every payment and
 * refund, and deposits still to pay. The client sees their own; staff see any client's.
 */
export async function clientStatement(ctx: Ctx, clientId: string) {
  const org = ctx.principal.organizationId;
  return ctx.db.transaction().execute(async (trx) => {
    const client = await loadClient(trx, ctx, clientId);
    const today = await todayIn(trx, ctx, client.preferred_location_id ?? undefined);
    const purchases = await trx.selectFrom('package_purchases').selectAll().where('organization_id', '=', org).where('client_id', '=', client.id).orderBy('purchased_at', 'desc').execute();
    const ids = await trx.selectFrom('invoices').select('id').where('organization_id', '=', org).where('client_id', '=', client.id).orderBy('issued_at', 'desc').limit(100).execute();
    const invoices = [];
    for (const { id } of ids) invoices.push(invoiceView(await loadInvoice(trx, org, id)));
    const payments = await trx.selectFrom('payments').selectAll().where('organization_id', '=', org).where('client_id', '=', client.id).orderBy('created_at', 'desc').limit(200).execute();
    const deposits = await trx
      .selectFrom('booking_deposits as d')
      .innerJoin('bookings as b', (j) => j.onRef('b.organization_id', '=', 'd.organization_id').onRef('b.id', '=', 'd.booking_id'))
      .select(['d.booking_id', 'd.amount_cents', 'd.currency', 'd.status', 'b.starts_at'])
      .where('d.organization_id', '=', org)
      .where('b.client_id', '=', client.id)
      .orderBy('b.starts_at')
      .execute();
    await recordAudit(trx, ctx, { action: 'billing.statement', entityType: 'client', entityId: client.id, clientId: client.id });
    const open = invoices.filter((i) => i.status !== 'void');
    return {
      clientId: client.id,
      packages: purchases.map((p) => purchaseView(p, today)),
      invoices,
      payments: payments.map(paymentView),
      deposits: deposits.map((d) => ({ bookingId: d.booking_id, amountCents: d.amount_cents, currency: d.currency, status: d.status, startsAt: new Date(d.starts_at).toISOString() })),
      balanceDueCents: open.reduce((s, i) => s + i.dueCents, 0),
      creditCents: open.reduce((s, i) => s + i.creditCents, 0),
    };
  });
}
