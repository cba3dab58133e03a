import { Temporal } from 'temporal-polyfill';
import { atMostMessage, dollarsOf } from '../../domain/shared/messages.js';
import { z } from 'zod';
import { findPackageAt } from '../../db/repositories/pricing.repository.js';
import { line, token } from '../../domain/shared/input.js';
import type { Ctx } from '../context.js';
import { actorOf, recordAudit } from '../audit/record-audit-event.js';
import { callerKey } from '../idempotency.js';
import { AppError, invalid } from '../errors.js';
import { loadClient } from '../clients/load-client.js';
import { loadLocation } from '../organization/load-location.js';
import { todayIn } from '../clinical/today.js';
import { invoiceView, issueInvoice, loadInvoice, paymentView, refreshInvoiceStatus } from './invoice-store.js';
import { assertSameIntent, insertPayment, oncePerKey, STAFF_METHODS, type PaymentRow } from './payment-store.js';
import { loadBillingPolicy } from './policy-store.js';
import { purchaseView } from './package-view.js';

export const sellPackageInput = z.strictObject({
  locationId: z.uuid(),
  packageId: z.uuid(),
  /** taken now: the whole price, or a deposit toward it; the rest is due on the invoice */
  payment: z.strictObject({ amountCents: z.number().int().min(1).max(10_000_000), method: z.enum(STAFF_METHODS), reference: line({ min: 0, max: 100 }).optional() }),
  idempotencyKey: token({ min: 8, max: 100 }),
});

/**
 * Sells a package of sessions: an invoice for the package price (tax where the location taxes
 * services), a balance of sessions valid for the package's days, and the payment taken now.
 */
export async function sellPackage(ctx: Ctx, clientId: string, input: z.infer<typeof sellPackageInput>) {
  const org = ctx.principal.organizationId;
  // authorised before the key is looked up: the client is in this clinic and the caller's to serve
  await loadClient(ctx.db, ctx, clientId);
  const key = callerKey(ctx, input.idempotencyKey);
  const answer = async (existing: PaymentRow) => {
    const purchase = existing.invoice_id ? await ctx.db.selectFrom('package_purchases').selectAll().where('organization_id', '=', org).where('invoice_id', '=', existing.invoice_id).executeTakeFirst() : undefined;
    if (!purchase || purchase.client_id !== clientId || purchase.package_id !== input.packageId) throw new AppError('conflict', 'this idempotency key was already used for a different payment', [{ path: 'idempotencyKey', message: 'already used' }]);
    assertSameIntent(existing, { amountCents: input.payment.amountCents, kind: 'payment' });
    const today = await todayIn(ctx.db, ctx, purchase.location_id);
    return { purchase: purchaseView(purchase, today), invoice: invoiceView(await loadInvoice(ctx.db, org, purchase.invoice_id)), payment: paymentView(existing), replayed: true };
  };
  return oncePerKey(ctx.db, actorOf(ctx), ctx.now(), key, { action: 'package.sell.replay', answer }, () =>
    ctx.db.transaction().execute(async (trx) => {
      const client = await loadClient(trx, ctx, clientId);
      const location = await loadLocation(trx, org, input.locationId, 'locationId');
      const pkg = await findPackageAt(trx, org, input.packageId, location.id);
      if (!pkg || !pkg.active) throw invalid('packageId', 'no such package on sale at this location');
      const billing = await loadBillingPolicy(trx, org, location.id);
      const today = await todayIn(trx, ctx, location.id);
      const inv = await issueInvoice(trx, {
        organizationId: org, issuedBy: ctx.principal.userId, issuedAt: ctx.now(), locationId: location.id, clientId: client.id, bookingId: null, currency: pkg.currency, taxRateBp: billing.taxRateBp,
        lines: [{ kind: 'package', description: `${pkg.name} (${pkg.sessions} sessions)`, serviceCode: pkg.service_code, quantity: 1, unitCents: pkg.price_cents, taxable: billing.taxServices }],
      });
      const loaded = await loadInvoice(trx, org, inv.id);
      const total = loaded.inv.total_cents;
      if (input.payment.amountCents > total) throw new AppError('conflict', `The package costs ${dollarsOf(total)}.`, [{ path: 'payment.amountCents', message: atMostMessage('payment.amountCents', total) }]);
      const purchase = await trx
        .insertInto('package_purchases')
        .values({
          organization_id: org, client_id: client.id, location_id: location.id, package_id: pkg.id, invoice_id: inv.id, name: pkg.name, service_code: pkg.service_code,
          sessions_total: pkg.sessions, price_cents: pkg.price_cents, currency: pkg.currency, expires_on: Temporal.PlainDate.from(today).add({ days: pkg.valid_days }).toString(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const p = await insertPayment(trx, {
        organization_id: org, client_id: client.id, location_id: location.id, invoice_id: inv.id, booking_id: null, kind: 'payment', purpose: 'invoice',
        method: input.payment.method, amount_cents: input.payment.amountCents, currency: pkg.currency, external_ref: input.payment.reference ?? null, idempotency_key: key, recorded_by: ctx.principal.userId,
      });
      const after = await refreshInvoiceStatus(trx, org, inv.id);
      await recordAudit(trx, ctx, { action: 'package.sell', entityType: 'package_purchase', entityId: purchase.id, clientId: client.id, details: { packageId: pkg.id, invoiceNumber: inv.number, paidCents: p.amount_cents } });
      return { purchase: purchaseView(purchase, today), invoice: invoiceView(after), payment: paymentView(p), replayed: false };
    }),
  );
}
