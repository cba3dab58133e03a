import { z } from 'zod';
import { lockBookingWithService } from '../../db/repositories/bookings.repository.js';
import { line, text } from '../../domain/shared/input.js';
import { localDateOf } from '../../domain/scheduling/local-time.js';
import { priceOn } from '../../domain/pricing/quote.js';
import type { LineInput } from '../../domain/billing/invoice.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { AppError, notFound } from '../errors.js';
import { loadClientOf } from '../clients/load-client.js';
import { priceBook, priceLine } from '../pricing/price-list.js';
import { invoiceView, issueInvoice, loadInvoice, refreshInvoiceStatus } from './invoice-store.js';
import { loadBillingPolicy } from './policy-store.js';
import { creditOfBooking, memberTermsFor } from './member-pricing.js';
import { memberPrice } from '../../domain/billing/membership.js';

export const visitInvoiceInput = z.strictObject({
  discount: z.union([z.strictObject({ kind: z.literal('percent'), bp: z.number().int().min(1).max(10_000) }), z.strictObject({ kind: z.literal('amount'), cents: z.number().int().min(1).max(10_000_000) })]).optional(),
  discountReason: text({ min: 3, max: 200 }).optional(),
  /** retail products sold with the visit (taxed where the location charges sales tax) */
  products: z.array(z.strictObject({ description: line({ min: 2, max: 120 }), unitCents: z.number().int().min(0).max(1_000_000), quantity: z.number().int().min(1).max(50) })).max(20).default([]),
});

/**
 * The invoice of a visit: the service at the price of the plan's quoted line (a booking for a plan)
 * or at the price in force on the visit's date, or a session drawn from a package at no charge;
 * products; a discount with its reason; tax; the deposit applied.
 */
export async function invoiceVisit(ctx: Ctx, bookingId: string, input: z.infer<typeof visitInvoiceInput>) {
  const org = ctx.principal.organizationId;
  if (input.discount && !input.discountReason) throw new AppError('validation', 'say why the discount is given', [{ path: 'discountReason', message: 'required with a discount' }]);
  return ctx.db.transaction().execute(async (trx) => {
    const b = await lockBookingWithService(trx, org, bookingId);
    if (!b) throw notFound('booking');
    await loadClientOf(trx, ctx, b.client_id, 'booking');
    if (!['checked_in', 'completed'].includes(b.status)) throw new AppError('conflict', `a ${b.status.replace('_', ' ')} visit is not invoiced; check the client in first`, [{ path: 'bookingId', message: b.status }]);
    const existing = await trx.selectFrom('invoices').select('id').where('organization_id', '=', org).where('booking_id', '=', b.id).where('status', '<>', 'void').executeTakeFirst();
    if (existing) throw new AppError('conflict', 'this visit already has an invoice', [{ path: 'bookingId', message: `invoice ${existing.id}` }]);
    const date = localDateOf(new Date(b.starts_at).getTime(), b.time_zone);
    const billing = await loadBillingPolicy(trx, org, b.location_id);
    const draw = await trx
      .selectFrom('package_draws as d')
      .innerJoin('package_purchases as p', (j) => j.onRef('p.organization_id', '=', 'd.organization_id').onRef('p.id', '=', 'd.purchase_id'))
      .select(['p.name', 'p.sessions_total', 'p.sessions_used'])
      .where('d.organization_id', '=', org)
      .where('d.booking_id', '=', b.id)
      .executeTakeFirst();
    const lines: LineInput[] = [];
    const credit = await creditOfBooking(trx, org, b.id);
    const member = await memberTermsFor(trx, org, b.client_id, b.location_id);
    if (credit) {
      lines.push({ kind: 'membership_credit', description: `${b.name}: membership credit (${credit.label})`, serviceCode: b.code, quantity: 1, unitCents: 0, taxable: false });
    } else if (draw) {
      lines.push({ kind: 'package_draw', description: `${b.name}: session from ${draw.name}`, serviceCode: b.code, quantity: 1, unitCents: 0, taxable: false });
    } else {
      // a booking for a plan is invoiced from the price line the plan was quoted from (the same line
      // its deposit came from), so the series is invoiced what was quoted; otherwise the day's price
      const quoted = b.price_line_id ? await priceLine(trx, org, b.price_line_id) : null;
      const price = quoted ?? priceOn((await priceBook(trx, org, b.location_id)).prices, b.code, date);
      if (!price) throw new AppError('conflict', `no price for ${b.name} on ${date}; add one to the price list`, [{ path: 'bookingId', message: 'no price' }]);
      // a member pays the member price, without staff doing anything
      const cents = member ? memberPrice(member, b.code, price.price.cents) : price.price.cents;
      lines.push({ kind: 'service', description: cents < price.price.cents ? `${b.name} (member price)` : b.name, serviceCode: b.code, quantity: 1, unitCents: cents, taxable: billing.taxServices });
    }
    for (const p of input.products) {
      const cents = member ? memberPrice(member, null, p.unitCents) : p.unitCents;
      lines.push({ kind: 'product', description: cents < p.unitCents ? `${p.description} (member price)` : p.description, quantity: p.quantity, unitCents: cents, taxable: true });
    }
    const inv = await issueInvoice(trx, {
      organizationId: org, issuedBy: ctx.principal.userId, issuedAt: ctx.now(), locationId: b.location_id, clientId: b.client_id, bookingId: b.id, currency: 'USD', taxRateBp: billing.taxRateBp,
      lines, ...(input.discount ? { discount: input.discount } : {}), discountReason: input.discountReason ?? null,
    });
    // the deposit paid at booking counts toward the visit
    const deposit = await trx.selectFrom('booking_deposits').select('status').where('organization_id', '=', org).where('booking_id', '=', b.id).executeTakeFirst();
    if (deposit?.status === 'paid') {
      await trx.updateTable('payments').set({ invoice_id: inv.id }).where('organization_id', '=', org).where('booking_id', '=', b.id).where('purpose', '=', 'deposit').where('invoice_id', 'is', null).execute();
      await trx.updateTable('booking_deposits').set({ status: 'applied', updated_at: ctx.now() }).where('organization_id', '=', org).where('booking_id', '=', b.id).execute();
    }
    await refreshInvoiceStatus(trx, org, inv.id);
    await recordAudit(trx, ctx, { action: 'invoice.issue', entityType: 'invoice', entityId: inv.id, clientId: b.client_id, details: { number: inv.number, bookingId: b.id } });
    return invoiceView(await loadInvoice(trx, org, inv.id));
  });
}
