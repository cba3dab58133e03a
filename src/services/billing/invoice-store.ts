// Issuing and reading invoices. An issued invoice is never edited: it is paid, refunded or voided.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { computeInvoice, invoiceBalance, type Discount, type LineInput } from '../../domain/billing/invoice.js';
import { notFound } from '../errors.js';
import type { PaymentMethod } from '../../db/schema-money.js';
import type { InvoiceView, PaymentView } from './billing.schema.js';

export interface IssueInput {
  organizationId: string;
  issuedBy: string;
  locationId: string;
  clientId: string;
  bookingId: string | null;
  currency: string;
  taxRateBp: number;
  lines: LineInput[];
  discount?: Discount;
  discountReason?: string | null;
  /** the app clock's now (the database's own clock would ignore an injected clock) */
  issuedAt: Date;
}

/** Numbers run per organization without gaps: the organization row is locked while one is taken. */
export async function issueInvoice(trx: Db, input: IssueInput) {
  const totals = computeInvoice(input.lines, input.taxRateBp, input.discount);
  await sql`select id from organizations where id = ${input.organizationId} for no key update`.execute(trx);
  const last = await trx.selectFrom('invoices').select((eb) => eb.fn.max('number').as('n')).where('organization_id', '=', input.organizationId).executeTakeFirst();
  const number = Number(last?.n ?? 1000) + 1;
  const inv = await trx
    .insertInto('invoices')
    .values({
      organization_id: input.organizationId, number, location_id: input.locationId, client_id: input.clientId, booking_id: input.bookingId,
      status: totals.totalCents === 0 ? 'paid' : 'issued', currency: input.currency, subtotal_cents: totals.subtotalCents, discount_cents: totals.discountCents,
      tax_cents: totals.taxCents, total_cents: totals.totalCents, tax_rate_bp: input.taxRateBp, discount_reason: input.discountReason ?? null, issued_by: input.issuedBy, issued_at: input.issuedAt,
    })
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('invoice_lines')
    .values(totals.lines.map((l, i) => ({
      organization_id: input.organizationId, invoice_id: inv.id, position: i + 1, kind: l.kind, description: l.description, service_code: l.serviceCode ?? null,
      quantity: l.quantity, unit_cents: l.unitCents, total_cents: l.totalCents, discount_cents: l.discountCents, taxable: l.taxable, tax_cents: l.taxCents,
    })))
    .execute();
  return inv;
}

/** The invoice, its lines, its payments and refunds, and what is still due. */
export async function loadInvoice(db: Db, organizationId: string, invoiceId: string) {
  const inv = await db.selectFrom('invoices').selectAll().where('organization_id', '=', organizationId).where('id', '=', invoiceId).executeTakeFirst();
  if (!inv) throw notFound('invoice');
  const lines = await db.selectFrom('invoice_lines').selectAll().where('organization_id', '=', organizationId).where('invoice_id', '=', inv.id).orderBy('position').execute();
  const payments = await db.selectFrom('payments').selectAll().where('organization_id', '=', organizationId).where('invoice_id', '=', inv.id).orderBy('created_at').execute();
  return { inv, lines, payments };
}

export type LoadedInvoice = Awaited<ReturnType<typeof loadInvoice>>;

export function invoiceView({ inv, lines, payments }: LoadedInvoice): InvoiceView {
  // what is owed is the total less credits; a void invoice owes nothing
  const raw = invoiceBalance(inv.total_cents - inv.credited_cents, payments.map((p) => ({ kind: p.kind, amountCents: p.amount_cents })));
  const balance = { ...raw, totalCents: inv.total_cents, creditedCents: inv.credited_cents, ...(inv.status === 'void' ? { dueCents: 0, creditCents: 0 } : {}) };
  return {
    id: inv.id, number: inv.number, clientId: inv.client_id, locationId: inv.location_id, bookingId: inv.booking_id, status: inv.status, currency: inv.currency,
    issuedAt: new Date(inv.issued_at).toISOString(), subtotalCents: inv.subtotal_cents, discountCents: inv.discount_cents, discountReason: inv.discount_reason,
    taxCents: inv.tax_cents, taxRateBp: inv.tax_rate_bp, voidReason: inv.void_reason, ...balance,
    lines: lines.map((l) => ({ position: l.position, kind: l.kind, description: l.description, serviceCode: l.service_code, quantity: l.quantity, unitCents: l.unit_cents, totalCents: l.total_cents, discountCents: l.discount_cents, taxable: l.taxable, taxCents: l.tax_cents })),
    payments: payments.map(paymentView),
  };
}

export const paymentView = (p: { id: string; kind: 'payment' | 'refund'; purpose: 'invoice' | 'deposit'; method: PaymentMethod; amount_cents: number; currency: string; refund_of: string | null; reason: string | null; created_at: Date; invoice_id: string | null; booking_id: string | null }): PaymentView => ({
  id: p.id, kind: p.kind, purpose: p.purpose, method: p.method, amountCents: p.amount_cents, currency: p.currency, refundOf: p.refund_of, reason: p.reason,
  invoiceId: p.invoice_id, bookingId: p.booking_id, at: new Date(p.created_at).toISOString(), receiptUrl: p.kind === 'payment' ? `/api/payments/${p.id}/receipt.pdf` : null,
});

/** After money moves: paid when nothing is due, issued again when a refund reopens it. */
export async function refreshInvoiceStatus(trx: Db, organizationId: string, invoiceId: string) {
  const loaded = await loadInvoice(trx, organizationId, invoiceId);
  if (loaded.inv.status === 'void') return loaded;
  const due = invoiceView(loaded).dueCents;
  const status: 'paid' | 'issued' = due === 0 ? 'paid' : 'issued';
  if (status !== loaded.inv.status) await trx.updateTable('invoices').set({ status }).where('organization_id', '=', organizationId).where('id', '=', invoiceId).execute();
  return { ...loaded, inv: { ...loaded.inv, status } };
}
