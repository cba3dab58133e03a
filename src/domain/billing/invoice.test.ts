import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocate, computeInvoice, invoiceBalance, type LineInput } from './invoice.js';

const line = fc.record({
  kind: fc.constantFrom('service' as const, 'package' as const, 'fee' as const, 'product' as const, 'package_draw' as const),
  description: fc.constant('x'),
  quantity: fc.integer({ min: 1, max: 12 }),
  unitCents: fc.integer({ min: 0, max: 500_000 }),
  taxable: fc.boolean(),
});
const discount = fc.option(fc.oneof(fc.record({ kind: fc.constant('percent' as const), bp: fc.integer({ min: 0, max: 10_000 }) }), fc.record({ kind: fc.constant('amount' as const), cents: fc.integer({ min: 0, max: 3_000_000 }) })), { nil: undefined });

describe('invoice arithmetic', () => {
  it('a worked example: 3 sessions at $350, 10% off, 8.25% tax on a $40 taxable product', () => {
    const lines: LineInput[] = [
      { kind: 'service', description: 'Microneedling (pen), face', quantity: 3, unitCents: 35_000, taxable: false },
      { kind: 'product', description: 'Mineral sunscreen SPF 50', quantity: 1, unitCents: 4_000, taxable: true },
    ];
    const inv = computeInvoice(lines, 825, { kind: 'percent', bp: 1000 });
    expect(inv.subtotalCents).toBe(109_000);
    expect(inv.discountCents).toBe(10_900);
    expect(inv.lines.map((l) => l.discountCents)).toEqual([10_500, 400]);
    // tax on $36.00 at 8.25% = $2.97
    expect(inv.taxCents).toBe(297);
    expect(inv.totalCents).toBe(109_000 - 10_900 + 297);
  });

  it('rounds half up: 8.25% of $0.06 is 0.495 cents, charged as 0; of $0.07 is 0.5775, charged as 1', () => {
    expect(computeInvoice([{ kind: 'product', description: 'x', quantity: 1, unitCents: 6, taxable: true }], 825).taxCents).toBe(0);
    expect(computeInvoice([{ kind: 'product', description: 'x', quantity: 1, unitCents: 7, taxable: true }], 825).taxCents).toBe(1);
  });

  it('totals always reconcile: lines add up, discount parts add up and never exceed the subtotal, tax only on taxable lines', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.integer({ min: 0, max: 3000 }), discount, (lines, rate, d) => {
        const inv = computeInvoice(lines, rate, d);
        expect(inv.subtotalCents).toBe(inv.lines.reduce((s, l) => s + l.totalCents, 0));
        expect(inv.discountCents).toBe(inv.lines.reduce((s, l) => s + l.discountCents, 0));
        expect(inv.discountCents).toBeLessThanOrEqual(inv.subtotalCents);
        expect(inv.taxCents).toBe(inv.lines.reduce((s, l) => s + l.taxCents, 0));
        expect(inv.totalCents).toBe(inv.subtotalCents - inv.discountCents + inv.taxCents);
        expect(inv.totalCents).toBeGreaterThanOrEqual(0);
        for (const l of inv.lines) {
          expect(l.discountCents).toBeLessThanOrEqual(l.totalCents);
          if (!l.taxable) expect(l.taxCents).toBe(0);
          expect(Number.isInteger(l.taxCents)).toBe(true);
        }
      }),
    );
  });

  it('allocation is proportional within a cent and exact in sum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 10 }), (amount, weights) => {
        const parts = allocate(amount, weights);
        const sum = weights.reduce((s, w) => s + w, 0);
        expect(parts.reduce((s, p) => s + p, 0)).toBe(sum === 0 ? 0 : amount);
        if (sum > 0) parts.forEach((p, i) => expect(Math.abs(p - (amount * weights[i]!) / sum)).toBeLessThan(1));
      }),
    );
  });

  it('a deposit and payments reduce what is due; overpayment is a credit, never a negative due', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.record({ kind: fc.constantFrom('payment' as const, 'refund' as const), amountCents: fc.integer({ min: 1, max: 400_000 }) }), { maxLength: 6 }), (total, payments) => {
        const b = invoiceBalance(total, payments);
        expect(b.dueCents).toBeGreaterThanOrEqual(0);
        expect(b.creditCents).toBeGreaterThanOrEqual(0);
        expect(b.dueCents === 0 || b.creditCents === 0).toBe(true);
        expect(b.paidCents - b.refundedCents + b.dueCents - b.creditCents).toBe(total);
      }),
    );
  });

  it('refuses fractional cents and zero quantities', () => {
    expect(() => computeInvoice([{ kind: 'fee', description: 'x', quantity: 0, unitCents: 100, taxable: false }], 0)).toThrow(/quantity/);
    expect(() => computeInvoice([{ kind: 'fee', description: 'x', quantity: 1, unitCents: 10.5, taxable: false }], 0)).toThrow(/cents/);
  });
});
