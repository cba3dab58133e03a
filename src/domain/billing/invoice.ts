// Invoice arithmetic in integer cents. Every figure reconciles: the subtotal is the sum of the
// lines, a discount is spread over the lines (largest remainder, so the parts add up exactly), tax
// is charged per taxable line on what is left after its discount, and the deposit and payments are
// applied last. Rounding is half up, once per line.
export type InvoiceLineKind = 'service' | 'package' | 'package_draw' | 'fee' | 'product' | 'membership' | 'membership_credit';

export interface LineInput {
  kind: InvoiceLineKind;
  description: string;
  serviceCode?: string | null;
  quantity: number;
  unitCents: number;
  taxable: boolean;
}

export type Discount = { kind: 'percent'; bp: number } | { kind: 'amount'; cents: number };

export interface Line extends LineInput {
  totalCents: number;
  discountCents: number;
  taxCents: number;
}

export interface InvoiceTotals {
  lines: Line[];
  subtotalCents: number;
  discountCents: number;
  taxCents: number;
  totalCents: number;
}

/** a × b / c rounded half up, for non-negative integers */
export const mulDivRound = (a: number, b: number, c: number) => Math.floor((a * b * 2 + c) / (c * 2));

/** Splits `amount` over `weights` in proportion, the parts adding up exactly (largest remainder). */
export function allocate(amount: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum === 0 || amount === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (amount * w) / sum);
  const parts = exact.map(Math.floor);
  let left = amount - parts.reduce((s, p) => s + p, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((x, y) => y.r - x.r || x.i - y.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return parts;
}

export function computeInvoice(lines: LineInput[], taxRateBp: number, discount?: Discount): InvoiceTotals {
  for (const l of lines) {
    if (!Number.isSafeInteger(l.quantity) || l.quantity < 1) throw new RangeError('quantity must be a whole number of at least 1');
    if (!Number.isSafeInteger(l.unitCents) || l.unitCents < 0) throw new RangeError('unit price must be whole cents, not negative');
  }
  const totals = lines.map((l) => l.quantity * l.unitCents);
  const subtotal = totals.reduce((s, t) => s + t, 0);
  const wanted = !discount ? 0 : discount.kind === 'percent' ? mulDivRound(subtotal, Math.min(Math.max(discount.bp, 0), 10_000), 10_000) : Math.max(0, discount.cents);
  // a discount never takes the invoice below zero
  const discountCents = Math.min(wanted, subtotal);
  const discounts = allocate(discountCents, totals);
  const out: Line[] = lines.map((l, i) => {
    const net = totals[i]! - discounts[i]!;
    return { ...l, totalCents: totals[i]!, discountCents: discounts[i]!, taxCents: l.taxable ? mulDivRound(net, taxRateBp, 10_000) : 0 };
  });
  const taxCents = out.reduce((s, l) => s + l.taxCents, 0);
  return { lines: out, subtotalCents: subtotal, discountCents, taxCents, totalCents: subtotal - discountCents + taxCents };
}

export interface Balance {
  totalCents: number;
  paidCents: number;
  refundedCents: number;
  /** what the client still owes (never negative) */
  dueCents: number;
  /** paid beyond the total, owed back to the client */
  creditCents: number;
}

/** What is owed after payments (a deposit applied is a payment) and refunds. */
export function invoiceBalance(totalCents: number, payments: { kind: 'payment' | 'refund'; amountCents: number }[]): Balance {
  const paid = payments.filter((p) => p.kind === 'payment').reduce((s, p) => s + p.amountCents, 0);
  const refunded = payments.filter((p) => p.kind === 'refund').reduce((s, p) => s + p.amountCents, 0);
  const net = paid - refunded;
  return { totalCents, paidCents: paid, refundedCents: refunded, dueCents: Math.max(0, totalCents - net), creditCents: Math.max(0, net - totalCents) };
}
