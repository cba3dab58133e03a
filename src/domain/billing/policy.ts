// What a cancellation or a no-show costs, under the location's policy. A cancellation at least
// `lateCancelHours` before the start is on time: the deposit comes back and a package session is
// returned. Later, or a no-show, the policy says whether the deposit is kept and the session used.

export interface CancellationPolicy {
  lateCancelHours: number;
  lateCancelKeepsDeposit: boolean;
  noShowKeepsDeposit: boolean;
  lateCancelForfeitsSession: boolean;
  noShowForfeitsSession: boolean;
}

export type AttendanceEvent = { kind: 'cancel'; at: number; start: number } | { kind: 'no_show' };

export interface PolicyOutcome {
  late: boolean;
  deposit: 'refund' | 'keep';
  packageSession: 'return' | 'forfeit';
  /** the rule applied, for the client and the audit trail */
  explanation: string;
}

export function applyPolicy(policy: CancellationPolicy, event: AttendanceEvent): PolicyOutcome {
  if (event.kind === 'no_show') {
    return {
      late: true,
      deposit: policy.noShowKeepsDeposit ? 'keep' : 'refund',
      packageSession: policy.noShowForfeitsSession ? 'forfeit' : 'return',
      explanation: `A missed appointment: ${policy.noShowKeepsDeposit ? 'the deposit is kept' : 'the deposit is refunded'}${policy.noShowForfeitsSession ? ' and the package session is used' : ''}.`,
    };
  }
  const late = event.start - event.at < policy.lateCancelHours * 3_600_000;
  if (!late) return { late: false, deposit: 'refund', packageSession: 'return', explanation: `Cancelled at least ${policy.lateCancelHours} hours ahead: the deposit is refunded and any package session returned.` };
  return {
    late: true,
    deposit: policy.lateCancelKeepsDeposit ? 'keep' : 'refund',
    packageSession: policy.lateCancelForfeitsSession ? 'forfeit' : 'return',
    explanation: `Cancelled less than ${policy.lateCancelHours} hours ahead: ${policy.lateCancelKeepsDeposit ? 'the deposit is kept' : 'the deposit is refunded'}${policy.lateCancelForfeitsSession ? ' and the package session is used' : ''}.`,
  };
}

/** The deposit a service asks for at booking: a fixed amount, or a percent of the price (rounded half up). */
export function depositFor(rule: { kind: 'amount' | 'percent'; value: number } | null, priceCents: number): number {
  if (!rule) return 0;
  if (rule.kind === 'amount') return Math.min(rule.value, priceCents);
  return Math.floor((priceCents * rule.value * 2 + 10_000) / 20_000);
}

/**
 * What withdrawing the unused sessions of a package takes off its invoice: the package price spread
 * evenly over its sessions (the last session takes the remainder), less the location's fee.
 */
export function packageCredit(input: { priceCents: number; sessionsTotal: number; sessionsUnused: number; feeBp: number }): number {
  const { priceCents, sessionsTotal, sessionsUnused, feeBp } = input;
  if (sessionsUnused <= 0) return 0;
  const perSession = Math.floor(priceCents / sessionsTotal);
  // the remainder belongs to the last session, so withdrawing every session credits the whole price
  const value = perSession * sessionsUnused + (sessionsUnused === sessionsTotal ? priceCents - perSession * sessionsTotal : 0);
  const fee = Math.floor((value * feeBp * 2 + 10_000) / 20_000);
  return value - fee;
}

/**
 * The money that goes back after a credit: whatever the client has paid beyond what the invoice
 * still asks for. A client who paid less than the credited total owes the difference instead.
 */
export function refundAfterCredit(input: { totalCents: number; creditedCents: number; paidNetCents: number }): number {
  return Math.max(0, input.paidNetCents - (input.totalCents - input.creditedCents));
}
