import type { Db } from '../../db/connect.js';
import { getLocationSchedule } from '../../db/repositories/scheduling.repository.js';
import type { CancellationPolicy } from '../../domain/billing/policy.js';

export interface LocationBilling {
  taxRateBp: number;
  taxServices: boolean;
  packageRefundFeeBp: number;
  policy: CancellationPolicy;
  /** what holds a booking: the service's deposit, paid at booking, or a card kept on file (no deposit) */
  holdPolicy: 'deposit' | 'card_on_file';
  /** charged to the saved card by staff after a late cancel or a no-show; 0 when none */
  lateCancelFeeCents: number;
  noShowFeeCents: number;
}

/** A location's billing policy; a location without one charges no tax and keeps deposits on late cancels and no-shows. */
export async function loadBillingPolicy(db: Db, organizationId: string, locationId: string): Promise<LocationBilling> {
  const row = await db.selectFrom('billing_policies').selectAll().where('organization_id', '=', organizationId).where('location_id', '=', locationId).executeTakeFirst();
  const schedule = await getLocationSchedule(db, organizationId, locationId);
  return {
    taxRateBp: row?.tax_rate_bp ?? 0,
    taxServices: row?.tax_services ?? false,
    packageRefundFeeBp: row?.package_refund_fee_bp ?? 0,
    holdPolicy: row?.hold_policy ?? 'deposit',
    lateCancelFeeCents: row?.late_cancel_fee_cents ?? 0,
    noShowFeeCents: row?.no_show_fee_cents ?? 0,
    policy: {
      lateCancelHours: schedule?.late_cancel_hours ?? 24,
      lateCancelKeepsDeposit: row?.late_cancel_keeps_deposit ?? true,
      noShowKeepsDeposit: row?.no_show_keeps_deposit ?? true,
      lateCancelForfeitsSession: row?.late_cancel_forfeits_session ?? true,
      noShowForfeitsSession: row?.no_show_forfeits_session ?? true,
    },
  };
}

export async function loadDepositRule(db: Db, organizationId: string, serviceId: string) {
  const r = await db.selectFrom('service_deposits').select(['kind', 'value']).where('organization_id', '=', organizationId).where('service_id', '=', serviceId).executeTakeFirst();
  return r ?? null;
}
