// A period paid: by the desk for a due (or failed) charge, or by the saved card in the renewal job.
// The charge is paid once (idempotency key and a guarded UPDATE), the membership becomes active
// again, its period moves on if it had not, and the period's credits are granted.
import type { z } from 'zod';
import type { Db } from '../../../db/connect.js';
import type { Ctx } from '../../context.js';
import { actorOf, recordAudit } from '../../audit/record-audit-event.js';
import { callerKey } from '../../idempotency.js';
import { AppError, notFound } from '../../errors.js';
import { loadClientOf } from '../../clients/load-client.js';
import { loadInvoice, refreshInvoiceStatus } from '../invoice-store.js';
import { insertPayment, oncePerKey } from '../payment-store.js';
import type { chargePaymentInput } from './membership.schema.js';
import { grantCredits } from './membership-periods.js';
import type { MembershipChargesTable } from '../../../db/schema-memberships.js';
import type { Selectable } from 'kysely';

type ChargeRow = Selectable<MembershipChargesTable>;

export const chargeView = (c: ChargeRow) => ({ id: c.id, periodStart: c.period_start, periodEnd: c.period_end, amountCents: c.amount_cents, currency: c.currency.trim(), status: c.status, invoiceId: c.invoice_id, attempts: c.attempts, lastError: c.last_error });

/** Marks the charge paid and brings the membership up to date; false when it was already paid. */
export async function settleCharge(trx: Db, c: ChargeRow, paymentId: string, now: Date) {
  const paid = await trx.updateTable('membership_charges').set({ status: 'paid', payment_id: paymentId, paid_at: now, updated_at: now }).where('organization_id', '=', c.organization_id).where('id', '=', c.id).where('status', 'in', ['due', 'failed']).returningAll().executeTakeFirst();
  if (!paid) return false;
  const m = await trx.selectFrom('client_memberships').selectAll().where('organization_id', '=', c.organization_id).where('id', '=', c.membership_id).forUpdate().executeTakeFirstOrThrow();
  const plan = await trx.selectFrom('membership_plans').selectAll().where('organization_id', '=', c.organization_id).where('id', '=', m.plan_id).executeTakeFirstOrThrow();
  // a card that failed left the period where it was; paying it starts the period
  const advance = m.period_end === c.period_start;
  const back = m.status === 'past_due' || (m.status === 'paused' && m.pause_reason === 'payment_failed');
  await trx
    .updateTable('client_memberships')
    .set((eb) => ({
      ...(advance ? { period_start: c.period_start, period_end: c.period_end, periods_started: eb('periods_started', '+', 1) } : {}),
      ...(back ? { status: 'active' as const, paused_on: null, resume_on: null, pause_reason: null } : {}),
      failed_attempts: 0, next_attempt_at: null, updated_at: now,
    }))
    .where('organization_id', '=', m.organization_id)
    .where('id', '=', m.id)
    .execute();
  const before = await trx.selectFrom('membership_charges').select((eb) => eb.fn.countAll<string>().as('n')).where('organization_id', '=', c.organization_id).where('membership_id', '=', m.id).where('period_start', '<', c.period_start).executeTakeFirstOrThrow();
  await grantCredits(trx, m, plan, Number(before.n), c.period_start);
  return true;
}

export async function payMembershipCharge(ctx: Ctx, chargeId: string, input: z.infer<typeof chargePaymentInput>) {
  const org = ctx.principal.organizationId;
  const c = await ctx.db.selectFrom('membership_charges').selectAll().where('organization_id', '=', org).where('id', '=', chargeId).executeTakeFirst();
  if (!c) throw notFound('membership charge');
  await loadClientOf(ctx.db, ctx, c.client_id, 'membership charge');
  const key = callerKey(ctx, input.idempotencyKey);
  const reread = async () => chargeView((await ctx.db.selectFrom('membership_charges').selectAll().where('organization_id', '=', org).where('id', '=', chargeId).executeTakeFirstOrThrow()));
  return oncePerKey(ctx.db, actorOf(ctx), ctx.now(), key, { action: 'membership.charge.replay', answer: reread }, () =>
    ctx.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('membership_charges').selectAll().where('organization_id', '=', org).where('id', '=', chargeId).forUpdate().executeTakeFirstOrThrow();
      if (row.status === 'paid' || row.status === 'waived' || !row.invoice_id) throw new AppError('conflict', 'This period is already paid.', [{ path: 'chargeId', message: row.status }]);
      const inv = await loadInvoice(trx, org, row.invoice_id);
      const due = inv.inv.total_cents - inv.payments.reduce((s, p) => s + (p.kind === 'payment' ? p.amount_cents : -p.amount_cents), 0);
      if (due <= 0) throw new AppError('conflict', 'The invoice of this period is already paid.', [{ path: 'chargeId', message: 'paid' }]);
      const p = await insertPayment(trx, {
        organization_id: org, client_id: row.client_id, location_id: row.location_id, invoice_id: row.invoice_id, booking_id: null, kind: 'payment', purpose: 'invoice',
        method: input.method, amount_cents: due, currency: row.currency, external_ref: input.reference ?? null, idempotency_key: key, recorded_by: ctx.principal.userId,
      });
      await refreshInvoiceStatus(trx, org, row.invoice_id);
      await settleCharge(trx, row, p.id, ctx.now());
      await recordAudit(trx, ctx, { action: 'membership.charge.pay', entityType: 'membership', entityId: row.membership_id, clientId: row.client_id, details: { chargeId, amountCents: p.amount_cents, method: input.method } });
      return chargeView((await trx.selectFrom('membership_charges').selectAll().where('organization_id', '=', org).where('id', '=', chargeId).executeTakeFirstOrThrow()));
    }),
  );
}
