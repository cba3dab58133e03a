import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { loadClientOf } from '../clients/load-client.js';
import { invoiceView, loadInvoice } from './invoice-store.js';

/** One invoice for staff or its own client; the read is audited. */
export async function getInvoice(ctx: Ctx, invoiceId: string) {
  const loaded = await loadInvoice(ctx.db, ctx.principal.organizationId, invoiceId);
  await loadClientOf(ctx.db, ctx, loaded.inv.client_id, 'invoice');
  await ctx.db.transaction().execute((trx) => recordAudit(trx, ctx, { action: 'invoice.read', entityType: 'invoice', entityId: loaded.inv.id, clientId: loaded.inv.client_id }));
  return invoiceView(loaded);
}
