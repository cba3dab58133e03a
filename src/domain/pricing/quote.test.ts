import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildQuote, priceOn, type PriceEntry } from './quote.js';
import { formatMoney, money } from './money.js';

const pen: PriceEntry = { serviceCode: 'pen_face', name: 'Microneedling, full face', price: money(35000), effectiveFrom: '2026-01-01' };

describe('quote', () => {
  it('prices each session from the price list and totals the series', () => {
    const q = buildQuote({ price: pen, sessions: 3, packages: [] });
    expect(q.total).toEqual(money(105000));
    expect(q.lines).toEqual([{ label: 'Microneedling, full face (per session)', quantity: 3, unit: money(35000), total: money(105000) }]);
  });

  it('offers packages with their saving, cheapest first, topping up a smaller package per session', () => {
    const q = buildQuote({
      price: pen,
      sessions: 4,
      packages: [
        { id: 'p3', name: 'Series of 3', serviceCode: 'pen_face', sessions: 3, price: money(90000), validDays: 365 },
        { id: 'p6', name: 'Series of 6', serviceCode: 'pen_face', sessions: 6, price: money(170000), validDays: 540 },
        { id: 'rf', name: 'RF series', serviceCode: 'rf_face', sessions: 3, price: money(200000), validDays: 365 },
      ],
    });
    expect(q.packages.map((p) => [p.packageId, p.total.cents, p.saving.cents, p.extraSessions])).toEqual([
      ['p3', 125000, 15000, 1],
      ['p6', 170000, -30000, 0],
    ]);
  });

  it('uses the price in force on the date; a later change does not alter an earlier quote', () => {
    const entries = [pen, { ...pen, price: money(40000), effectiveFrom: '2027-01-01' }];
    expect(priceOn(entries, 'pen_face', '2026-12-31')!.price).toEqual(money(35000));
    expect(priceOn(entries, 'pen_face', '2027-01-01')!.price).toEqual(money(40000));
    expect(priceOn(entries, 'pen_face', '2025-12-31')).toBeNull();
  });

  it('formats money', () => {
    expect(formatMoney(money(123450))).toBe('$1,234.50');
    expect(formatMoney(money(-5))).toBe('-$0.05');
  });

  it('totals always reconcile: lines sum to the total and every package saving is total minus option', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500_000 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2, max: 12 }), fc.integer({ min: 0, max: 2_000_000 }), (cents, sessions, pkgSessions, pkgCents) => {
        const q = buildQuote({ price: { ...pen, price: money(cents) }, sessions, packages: [{ id: 'p', name: 'P', serviceCode: 'pen_face', sessions: pkgSessions, price: money(pkgCents), validDays: 365 }] });
        expect(q.lines.reduce((s, l) => s + l.total.cents, 0)).toBe(q.total.cents);
        for (const p of q.packages) expect(p.saving.cents).toBe(q.total.cents - p.total.cents);
      }),
    );
  });
});
