import { sql } from 'kysely';
import { z } from 'zod';
import { text, token } from '../../domain/shared/input.js';
import { mulDivRound } from '../../domain/billing/invoice.js';
import { packageCredit, refundAfterCredit } from '../../domain/billing/policy.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { AppError, notFound } from '../errors.js';
import { loadClientOf } from '../clients/load-client.js';
import { todayIn } from '../clinical/today.js';
import { paymentView, refreshInvoiceStatus } from './invoice-store.js';
import { loadBillingPolicy } from './policy-store.js';
import { purchaseView } from './package-view.js';
import { refundIn } from './refund-payment.js';

export const packageRefundInput = z.strictObject({
  reason: text({ min: 3, max: 500 }),
  idempotencyKey: token({ min: 8, max: 100 }),
});

/**
 * Refunds the unused sessions of a package under the location's policy: their value at the package
 * rate, less the fee, is credited off the package's invoice, and whatever the client paid beyond
 * what the invoice still asks for goes back, spread over its payments, newest first.
 */
export async function refundPackage(ctx: Ctx, purchaseId: string, input: z.infer<typeof packageRefundInput>) {
  const org = ctx.principal.organizationId;
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await sql<{ id: string }>`select id from package_purchases where organization_id = ${org} and id = ${purchaseId} for update`.execute(trx);
    if (!locked.rows.length) throw notFound('package');
    const p = await trx.selectFrom('package_purchases').selectAll().where('organization_id', '=', org).where('id', '=', purchaseId).executeTakeFirstOrThrow();
    await loadClientOf(trx, ctx, p.client_id, 'package');
    const unused = p.sessions_total - p.sessions_used - p.sessions_refunded;
    if (unused <= 0) throw new AppError('conflict', 'no unused sessions left to refund', [{ path: 'purchaseId', message: 'nothing unused' }]);
    const payments = await trx.selectFrom('payments').selectAll().where('organization_id', '=', org).where('invoice_id', '=', p.invoice_id).orderBy('created_at', 'desc').execute();
    const refundedOf = (id: string) => payments.filter((r) => r.refund_of === id).reduce((s, r) => s + r.amount_cents, 0);
    const paidNet = payments.filter((r) => r.kind === 'payment').reduce((s, r) => s + r.amount_cents - refundedOf(r.id), 0);
    const billing = await loadBillingPolicy(trx, org, p.location_id);
    const inv = await trx.selectFrom('invoices').selectAll().where('organization_id', '=', org).where('id', '=', p.invoice_id).forUpdate().executeTakeFirstOrThrow();
    // the credit carries its share of any tax charged on the package
    const base = packageCredit({ priceCents: p.price_cents, sessionsTotal: p.sessions_total, sessionsUnused: unused, feeBp: billing.packageRefundFeeBp });
    const net = inv.subtotal_cents - inv.discount_cents;
    const credit = Math.min(inv.total_cents - inv.credited_cents, base + (net > 0 ? mulDivRound(base, inv.tax_cents, net) : 0));
    const credited = inv.credited_cents + credit;
    const amount = refundAfterCredit({ totalCents: inv.total_cents, creditedCents: credited, paidNetCents: paidNet });
    await trx.updateTable('invoices').set({ credited_cents: credited }).where('organization_id', '=', org).where('id', '=', inv.id).execute();
    await trx.updateTable('package_purchases').set({ sessions_refunded: p.sessions_refunded + unused }).where('organization_id', '=', org).where('id', '=', p.id).execute();
    const refunds = [];
    let left = amount;
    for (const pay of payments.filter((r) => r.kind === 'payment')) {
      const room = pay.amount_cents - refundedOf(pay.id);
      const part = Math.min(room, left);
      if (part <= 0) continue;
      refunds.push(await refundIn(trx, ctx, pay.id, { amountCents: part, reason: `${unused} unused sessions of ${p.name}: ${input.reason}`, idempotencyKey: `${input.idempotencyKey}:${pay.id}` }));
      left -= part;
    }
    await refreshInvoiceStatus(trx, org, inv.id);
    await recordAudit(trx, ctx, { action: 'package.refund', entityType: 'package_purchase', entityId: p.id, clientId: p.client_id, details: { sessions: unused, creditedCents: credit, amountCents: amount } });
    const after = await trx.selectFrom('package_purchases').selectAll().where('organization_id', '=', org).where('id', '=', p.id).executeTakeFirstOrThrow();
    return { purchase: purchaseView(after, await todayIn(trx, ctx, p.location_id)), creditedCents: credit, refundedCents: amount, sessionsRefunded: unused, refunds: refunds.map(paymentView) };
  });
}
