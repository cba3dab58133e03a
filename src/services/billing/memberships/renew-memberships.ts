// The membership worker's pass (jobs/membership-renewal.ts): ends memberships whose cancellation date
// has come, resumes pauses whose date has come, and bills each period that has come. A card member's
// saved card is charged off-session (one key per membership, period and attempt); a failure is
// retried two days later with a notice to the client, and the third pauses the membership. A desk
// member's period gets a due charge and invoice for the desk. A membership is claimed by a guarded
// UPDATE (a lease on next_attempt_at), so several processes never bill it twice.
import { Temporal } from 'temporal-polyfill';
import type { Db } from '../../../db/connect.js';
import { findClient } from '../../../db/repositories/clients.repository.js';
import { listLocations } from '../../../db/repositories/organizations.repository.js';
import { formatMoney, money } from '../../../domain/pricing/money.js';
import { humanDate } from '../../../domain/shared/human-date.js';
import { appendAudit, type AuditActor } from '../../audit/record-audit-event.js';
import { enqueueMessage } from '../../outbox/enqueue-message.js';
import type { CardPaymentsPort } from '../../ports.js';
import { findPaymentProfile } from '../card-profile.js';
import { issueInvoice, refreshInvoiceStatus } from '../invoice-store.js';
import { insertPayment } from '../payment-store.js';
import { nextPeriodEnd, periodLines } from './membership-periods.js';
import { resumeIn } from './change-membership.js';
import { settleCharge } from './pay-membership-charge.js';
import type { MembershipRow, PlanRow } from './membership-view.js';

export const MAX_ATTEMPTS = 3;
const RETRY_MS = 2 * 86_400_000;
const LEASE_MS = 10 * 60_000;

export interface RenewDeps { db: Db; cards: CardPaymentsPort | null; now: Date; publicUrl: string }
const system = (organizationId: string): AuditActor => ({ organizationId, userId: null, role: null, requestId: null, ip: null });

async function todayAt(db: Db, m: MembershipRow, now: Date) {
  const zone = (await listLocations(db, m.organization_id)).find((l) => l.id === m.location_id)?.time_zone ?? 'UTC';
  return Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(zone).toPlainDate().toString();
}

async function notify(trx: Db, deps: RenewDeps, m: MembershipRow, key: string, subject: string, text: string) {
  const client = await findClient(trx, m.organization_id, m.client_id);
  if (!client?.email) return;
  await enqueueMessage(trx, { organizationId: m.organization_id, channel: 'email', kind: 'membership.payment', to: client.email, subject, text: `${text}\n\n${deps.publicUrl}/portal/care`, idempotencyKey: key, clientId: m.client_id });
}

/** Bills the period that starts at the membership's period_end. */
async function bill(deps: RenewDeps, m: MembershipRow, plan: PlanRow) {
  const { db, now } = deps;
  const org = m.organization_id;
  const start = m.period_end;
  const end = nextPeriodEnd(plan, start);
  const issuer = m.sold_by;
  if (!issuer) return 'skipped';
  const profile = m.billing === 'card' && deps.cards ? await findPaymentProfile(db, org, m.client_id) : undefined;
  const attempt = m.failed_attempts + 1;
  const charge = profile?.payment_method_id && deps.cards
    ? await deps.cards.chargeSavedCard({
        customerId: profile.customer_id, paymentMethodId: profile.payment_method_id, amountCents: plan.fee_cents, currency: plan.currency, description: `${plan.name} membership`,
        idempotencyKey: `membership:${org}:${m.id}:${start}:${attempt}:${profile.payment_method_id}`, metadata: { organization_id: org, client_id: m.client_id, membership_id: m.id, purpose: 'membership' },
      })
    : null;
  return db.transaction().execute(async (trx) => {
    let c = await trx.selectFrom('membership_charges').selectAll().where('organization_id', '=', org).where('membership_id', '=', m.id).where('period_start', '=', start).forUpdate().executeTakeFirst();
    if (!c) {
      const inv = await issueInvoice(trx, { organizationId: org, issuedBy: issuer, issuedAt: now, locationId: m.location_id, clientId: m.client_id, bookingId: null, currency: plan.currency, taxRateBp: 0, lines: periodLines(plan, start, end, false) });
      c = await trx.insertInto('membership_charges').values({ organization_id: org, membership_id: m.id, client_id: m.client_id, location_id: m.location_id, period_start: start, period_end: end, amount_cents: plan.fee_cents, currency: plan.currency, status: 'due', invoice_id: inv.id, payment_id: null, last_error: null, paid_at: null }).returningAll().executeTakeFirstOrThrow();
    }
    const fee = formatMoney(money(plan.fee_cents, plan.currency));
    if (!charge) {
      // the desk takes this period's payment; the member keeps their membership meanwhile
      await trx.updateTable('client_memberships').set((eb) => ({ period_start: start, period_end: end, periods_started: eb('periods_started', '+', 1), next_attempt_at: null, updated_at: now })).where('organization_id', '=', org).where('id', '=', m.id).execute();
      await appendAudit(trx, system(org), { action: 'membership.period.due', entityType: 'membership', entityId: m.id, clientId: m.client_id, details: { chargeId: c.id, amountCents: plan.fee_cents } }, now);
      return 'due';
    }
    if (charge.ok) {
      const p = await insertPayment(trx, {
        organization_id: org, client_id: m.client_id, location_id: m.location_id, invoice_id: c.invoice_id, booking_id: null, kind: 'payment', purpose: 'invoice', method: 'card_online',
        amount_cents: plan.fee_cents, currency: plan.currency, external_ref: charge.intent.id, idempotency_key: `membership:${m.id}:${start}`, recorded_by: issuer,
      });
      if (c.invoice_id) await refreshInvoiceStatus(trx, org, c.invoice_id);
      await settleCharge(trx, c, p.id, now);
      await trx.updateTable('membership_charges').set({ attempts: attempt }).where('organization_id', '=', org).where('id', '=', c.id).execute();
      await appendAudit(trx, system(org), { action: 'membership.period.paid', entityType: 'membership', entityId: m.id, clientId: m.client_id, details: { chargeId: c.id, amountCents: plan.fee_cents, intentId: charge.intent.id } }, now);
      return 'paid';
    }
    const last = attempt >= MAX_ATTEMPTS;
    const today = await todayAt(trx, m, now);
    await trx.updateTable('membership_charges').set({ status: 'failed', attempts: attempt, last_error: charge.code, updated_at: now }).where('organization_id', '=', org).where('id', '=', c.id).execute();
    await trx
      .updateTable('client_memberships')
      .set(last ? { status: 'paused', paused_on: today, resume_on: null, pause_reason: 'payment_failed', failed_attempts: attempt, next_attempt_at: null, updated_at: now } : { status: 'past_due', failed_attempts: attempt, next_attempt_at: new Date(now.getTime() + RETRY_MS), updated_at: now })
      .where('organization_id', '=', org)
      .where('id', '=', m.id)
      .execute();
    const retryOn = humanDate(Temporal.PlainDate.from(today).add({ days: 2 }).toString());
    await notify(trx, deps, m, `membership-failed:${m.id}:${start}:${attempt}`,
      last ? `Your ${plan.name} membership is paused` : `Your ${plan.name} membership payment did not go through`,
      last
        ? `We tried ${MAX_ATTEMPTS} times to charge ${fee} for your ${plan.name} membership and the card was declined each time, so the membership is paused. Pay at the front desk, or save another card in the portal, and it starts again.`
        : `We could not charge ${fee} for your ${plan.name} membership to your saved card. We will try again on ${retryOn}. To use another card, sign in to the portal, or pay at the front desk.`);
    await appendAudit(trx, system(org), { action: last ? 'membership.paused.payment_failed' : 'membership.period.failed', entityType: 'membership', entityId: m.id, clientId: m.client_id, details: { chargeId: c.id, attempt, code: charge.code } }, now);
    return last ? 'paused' : 'failed';
  });
}

export async function renewMemberships(deps: RenewDeps) {
  const { db, now } = deps;
  const out = { ended: 0, resumed: 0, paid: 0, due: 0, failed: 0, paused: 0 };
  // dates are compared per location later; a day's margin catches every zone
  const horizon = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO('Pacific/Kiritimati').toPlainDate().toString();
  const candidates = await db
    .selectFrom('client_memberships')
    .selectAll()
    .where((eb) => eb.or([
      eb.and([eb('status', 'in', ['active', 'past_due']), eb('period_end', '<=', horizon)]),
      eb.and([eb('status', '=', 'active'), eb('cancel_requested_on', '<=', horizon)]),
      eb.and([eb('status', '=', 'paused'), eb('resume_on', '<=', horizon)]),
    ]))
    .orderBy('period_end')
    .limit(500)
    .execute();
  for (const m of candidates) {
    const today = await todayAt(db, m, now);
    if (m.status === 'paused') {
      if (m.resume_on && m.resume_on <= today && m.pause_reason !== 'payment_failed') {
        await db.transaction().execute(async (trx) => {
          const row = await resumeIn(trx, m, today, now);
          if (row) await appendAudit(trx, system(m.organization_id), { action: 'membership.resume', entityType: 'membership', entityId: m.id, clientId: m.client_id, details: { automatic: true } }, now);
          if (row) out.resumed++;
        });
      }
      continue;
    }
    if (m.cancel_requested_on && m.cancel_requested_on <= today && m.cancel_requested_on <= m.period_end) {
      const ended = await db.updateTable('client_memberships').set({ status: 'cancelled', cancelled_on: m.cancel_requested_on, updated_at: now }).where('organization_id', '=', m.organization_id).where('id', '=', m.id).where('status', '=', 'active').returning('id').executeTakeFirst();
      if (ended) {
        await db.transaction().execute((trx) => appendAudit(trx, system(m.organization_id), { action: 'membership.cancel', entityType: 'membership', entityId: m.id, clientId: m.client_id, details: { endOfTerm: true } }, now));
        out.ended++;
      }
      continue;
    }
    if (m.period_end > today) continue;
    // the claim: one process takes the membership for this attempt
    const claimed = await db
      .updateTable('client_memberships')
      .set({ next_attempt_at: new Date(now.getTime() + LEASE_MS) })
      .where('organization_id', '=', m.organization_id)
      .where('id', '=', m.id)
      .where('status', 'in', ['active', 'past_due'])
      .where('period_end', '=', m.period_end)
      .where('failed_attempts', '=', m.failed_attempts)
      .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
      .returningAll()
      .executeTakeFirst();
    if (!claimed) continue;
    const plan = await db.selectFrom('membership_plans').selectAll().where('organization_id', '=', m.organization_id).where('id', '=', m.plan_id).executeTakeFirstOrThrow();
    const r = await bill(deps, claimed, plan);
    if (r !== 'skipped') out[r]++;
  }
  return out;
}
