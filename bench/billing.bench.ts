// Invoice arithmetic on a busy visit (a service, six products, a discount and tax) and the refund
// arithmetic of a package: pure functions the invoice, statement and report paths call per line.
import { computeInvoice, invoiceBalance, type LineInput } from '../src/domain/billing/invoice.js';
import { packageCredit, refundAfterCredit } from '../src/domain/billing/policy.js';
import { bench, type BenchResult } from './harness.js';

export async function billingBenches(): Promise<BenchResult[]> {
  const lines: LineInput[] = [
    { kind: 'service', description: 'Pen microneedling, full face', quantity: 1, unitCents: 35_000, taxable: false },
    ...Array.from({ length: 6 }, (_, i): LineInput => ({ kind: 'product', description: `Product ${i + 1}`, quantity: 1 + (i % 3), unitCents: 1_999 + i * 317, taxable: true })),
  ];
  const payments = [{ kind: 'payment' as const, amountCents: 7_000 }, { kind: 'payment' as const, amountCents: 20_000 }, { kind: 'refund' as const, amountCents: 1_500 }];
  return [
    await bench('billing: invoice of 7 lines, discount and tax', 50_000, () => invoiceBalance(computeInvoice(lines, 825, { kind: 'percent', bp: 1000 }).totalCents, payments)),
    await bench('billing: package credit and refund', 50_000, () => refundAfterCredit({ totalCents: 90_000, creditedCents: packageCredit({ priceCents: 90_000, sessionsTotal: 3, sessionsUnused: 2, feeBp: 1000 }), paidNetCents: 90_000 })),
  ];
}
