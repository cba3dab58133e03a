import { findLocationOrThrow, findOrganizationOrThrow } from '../../db/repositories/organizations.repository.js';
import { formatMoney, money } from '../../domain/pricing/money.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { AppError, notFound } from '../errors.js';
import { loadClientOf } from '../clients/load-client.js';
import { enqueueMessage } from '../outbox/enqueue-message.js';
import { invoiceView, loadInvoice } from './invoice-store.js';

const METHOD: Record<string, string> = { cash: 'Cash', card_terminal: 'Card (in clinic)', card_online: 'Card (online)', check: 'Check', other: 'Other' };

async function receiptData(ctx: Ctx, paymentId: string) {
  const org = ctx.principal.organizationId;
  const p = await ctx.db.selectFrom('payments').selectAll().where('organization_id', '=', org).where('id', '=', paymentId).where('kind', '=', 'payment').executeTakeFirst();
  if (!p) throw notFound('payment');
  const client = await loadClientOf(ctx.db, ctx, p.client_id, 'payment');
  const orgRow = await findOrganizationOrThrow(ctx.db, org);
  const loc = await findLocationOrThrow(ctx.db, org, p.location_id);
  const inv = p.invoice_id ? invoiceView(await loadInvoice(ctx.db, org, p.invoice_id)) : null;
  const m = (c: number) => formatMoney(money(c, p.currency));
  return {
    p, client, inv,
    pdf: {
      organizationName: orgRow.name,
      locationName: loc.name,
      clientName: `${client.first_name} ${client.last_name}`,
      receiptNumber: `R-${p.id.slice(0, 8).toUpperCase()}`,
      paidAt: new Date(p.created_at).toLocaleString('en-US', { timeZone: loc.time_zone, dateStyle: 'medium', timeStyle: 'short' }),
      method: METHOD[p.method] ?? p.method,
      amount: m(p.amount_cents),
      invoiceNumber: inv?.number ?? null,
      lines: inv ? inv.lines.map((l) => ({ description: l.description, quantity: l.quantity, total: m(l.totalCents) })) : [{ description: p.purpose === 'deposit' ? 'Booking deposit' : 'Payment', quantity: 1, total: m(p.amount_cents) }],
      totals: inv
        ? [
            { label: 'Subtotal', value: m(inv.subtotalCents) },
            ...(inv.discountCents ? [{ label: `Discount${inv.discountReason ? ` (${inv.discountReason})` : ''}`, value: `-${m(inv.discountCents)}` }] : []),
            ...(inv.taxCents ? [{ label: `Tax ${(inv.taxRateBp / 100).toFixed(2)}%`, value: m(inv.taxCents) }] : []),
            { label: 'Total', value: m(inv.totalCents) },
            { label: 'Paid to date', value: m(inv.paidCents - inv.refundedCents) },
            { label: 'Still due', value: m(inv.dueCents) },
          ]
        : [],
    },
  };
}

/** What the receipt PDF shows (the HTTP layer renders it with the PDF adapter); the read is audited. */
export async function receiptForPdf(ctx: Ctx, paymentId: string) {
  const d = await receiptData(ctx, paymentId);
  await ctx.db.transaction().execute((trx) => recordAudit(trx, ctx, { action: 'receipt.view', entityType: 'payment', entityId: d.p.id, clientId: d.p.client_id }));
  return d.pdf;
}

/**
 * Emails a short receipt: amount, method, date and number. What was bought stays behind sign-in in
 * the portal, because a line such as "Microneedling" would put treatment details in an email.
 */
export async function emailReceipt(ctx: Ctx, paymentId: string) {
  const d = await receiptData(ctx, paymentId);
  if (!d.client.email) throw new AppError('conflict', 'the client has no email address on file', [{ path: 'email', message: 'missing' }]);
  const r = d.pdf;
  const text = [
    `Thank you. ${r.organizationName} received ${r.amount} (${r.method}) on ${r.paidAt}.`,
    '',
    `Receipt ${r.receiptNumber}. The itemised receipt (PDF) and your statement are in your Dermis portal.`,
  ].join('\n');
  await ctx.db.transaction().execute(async (trx) => {
    await enqueueMessage(trx, { organizationId: ctx.principal.organizationId, channel: 'email', kind: 'billing.receipt', to: d.client.email!, subject: `Your receipt from ${r.organizationName}`, text, idempotencyKey: `receipt:${d.p.id}:${ctx.now().toISOString().slice(0, 13)}`, clientId: d.p.client_id });
    await recordAudit(trx, ctx, { action: 'receipt.email', entityType: 'payment', entityId: d.p.id, clientId: d.p.client_id });
  });
  return { sent: true };
}
