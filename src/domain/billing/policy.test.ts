import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyPolicy, depositFor, packageCredit, refundAfterCredit, type CancellationPolicy } from './policy.js';

const H = 3_600_000;
const policy: CancellationPolicy = { lateCancelHours: 48, lateCancelKeepsDeposit: true, noShowKeepsDeposit: true, lateCancelForfeitsSession: true, noShowForfeitsSession: true };
// 2026-12-10T16:00:00Z
const start = 1_796_918_400_000;

describe('cancellation policy at the edges of the window', () => {
  it('exactly 48 hours ahead is on time: deposit refunded, session returned', () => {
    expect(applyPolicy(policy, { kind: 'cancel', at: start - 48 * H, start })).toMatchObject({ late: false, deposit: 'refund', packageSession: 'return' });
  });
  it('one millisecond inside the window is late: deposit kept, session used', () => {
    expect(applyPolicy(policy, { kind: 'cancel', at: start - 48 * H + 1, start })).toMatchObject({ late: true, deposit: 'keep', packageSession: 'forfeit' });
  });
  it('a no-show keeps the deposit unless the policy says otherwise', () => {
    expect(applyPolicy(policy, { kind: 'no_show' })).toMatchObject({ deposit: 'keep', packageSession: 'forfeit' });
    expect(applyPolicy({ ...policy, noShowKeepsDeposit: false, noShowForfeitsSession: false }, { kind: 'no_show' })).toMatchObject({ deposit: 'refund', packageSession: 'return' });
  });
  it('a lenient policy refunds late cancellations', () => {
    const o = applyPolicy({ ...policy, lateCancelKeepsDeposit: false, lateCancelForfeitsSession: false }, { kind: 'cancel', at: start - H, start });
    expect(o).toMatchObject({ late: true, deposit: 'refund', packageSession: 'return' });
    expect(o.explanation).toMatch(/less than 48 hours/);
  });
});

describe('deposits', () => {
  it('a percent of the price, rounded half up; an amount never more than the price', () => {
    expect(depositFor({ kind: 'percent', value: 2000 }, 35_000)).toBe(7_000);
    expect(depositFor({ kind: 'percent', value: 3333 }, 15)).toBe(5);
    expect(depositFor({ kind: 'amount', value: 10_000 }, 5_000)).toBe(5_000);
    expect(depositFor(null, 35_000)).toBe(0);
  });
});

describe('package refunds', () => {
  it('unused sessions are credited at the package rate less the fee; what was paid beyond the rest comes back', () => {
    // $900 for 3 sessions, 1 used, 10% fee: 2 x $300 = $600 less $60
    const credit = packageCredit({ priceCents: 90_000, sessionsTotal: 3, sessionsUnused: 2, feeBp: 1000 });
    expect(credit).toBe(54_000);
    expect(refundAfterCredit({ totalCents: 90_000, creditedCents: credit, paidNetCents: 90_000 })).toBe(54_000);
    // only a $300 deposit paid, nothing used: the $90 fee is kept from it, $210 comes back
    const all = packageCredit({ priceCents: 90_000, sessionsTotal: 3, sessionsUnused: 3, feeBp: 1000 });
    expect(refundAfterCredit({ totalCents: 90_000, creditedCents: all, paidNetCents: 30_000 })).toBe(21_000);
  });
  it('never more than was paid, never negative, the whole price when nothing was used, and the books balance', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 2_000_000 }), (price, total, fee, paidRaw) => {
        const paid = Math.min(paidRaw, price);
        for (let unused = 0; unused <= total; unused++) {
          const credit = packageCredit({ priceCents: price, sessionsTotal: total, sessionsUnused: unused, feeBp: fee });
          expect(credit).toBeGreaterThanOrEqual(0);
          expect(credit).toBeLessThanOrEqual(price);
          const refund = refundAfterCredit({ totalCents: price, creditedCents: credit, paidNetCents: paid });
          expect(refund).toBeGreaterThanOrEqual(0);
          expect(refund).toBeLessThanOrEqual(paid);
          // after the refund the client has paid at most what the invoice still asks for
          expect(paid - refund).toBeLessThanOrEqual(price - credit);
        }
        expect(packageCredit({ priceCents: price, sessionsTotal: total, sessionsUnused: total, feeBp: 0 })).toBe(price);
      }),
    );
  });
});
