// Pausing, resuming and cancelling a membership, by the client in the portal within the plan's terms
// or by the desk with a reason; every change is audited. A pause stops billing and member prices: the
// paid period is lengthened by the days paused, and credits already granted keep their expiry.
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { recordAudit } from '../../audit/record-audit-event.js';
import { AppError, invalid, notFound } from '../../errors.js';
import { loadClientOf } from '../../clients/load-client.js';
import { todayIn } from '../../clinical/today.js';
import { addDays, daysBetween } from '../../../domain/billing/membership.js';
import { humanDate } from '../../../domain/shared/human-date.js';
import type { Updateable } from 'kysely';
import type { Db } from '../../../db/connect.js';
import type { ClientMembershipsTable } from '../../../db/schema-memberships.js';
import type { cancelMembershipInput, pauseMembershipInput } from './membership.schema.js';
import { loadMembershipView, type MembershipRow } from './membership-view.js';

const refuse = (message: string, path: string) => new AppError('conflict', message, [{ path, message }]);

async function lockMembership(trx: Db, ctx: Ctx, id: string) {
  const org = ctx.principal.organizationId;
  const m = await trx.selectFrom('client_memberships').selectAll().where('organization_id', '=', org).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!m) throw notFound('membership');
  await loadClientOf(trx, ctx, m.client_id, 'membership');
  const plan = await trx.selectFrom('membership_plans').selectAll().where('organization_id', '=', org).where('id', '=', m.plan_id).executeTakeFirstOrThrow();
  return { m, plan, today: await todayIn(trx, ctx, m.location_id) };
}

async function save(trx: Db, ctx: Ctx, m: MembershipRow, set: Updateable<ClientMembershipsTable>, action: string, details: Record<string, unknown>) {
  const row = await trx.updateTable('client_memberships').set({ ...set, updated_at: ctx.now() }).where('organization_id', '=', m.organization_id).where('id', '=', m.id).returningAll().executeTakeFirstOrThrow();
  await recordAudit(trx, ctx, { action, entityType: 'membership', entityId: m.id, clientId: m.client_id, details: { byClient: ctx.principal.role === 'client', ...details } });
  return loadMembershipView(trx, m.organization_id, row);
}

export function pauseMembership(ctx: Ctx, id: string, input: z.infer<typeof pauseMembershipInput>) {
  return ctx.db.transaction().execute(async (trx) => {
    const { m, plan, today } = await lockMembership(trx, ctx, id);
    if (m.status !== 'active') throw refuse(`Only an active membership can be paused; this one is ${m.status.replace('_', ' ')}.`, 'status');
    if (plan.max_pause_days === 0) throw refuse(`The ${plan.name} plan does not allow pauses.`, 'resumeOn');
    const latest = addDays(today, plan.max_pause_days);
    if (input.resumeOn <= today || input.resumeOn > latest) throw invalid('resumeOn', `Choose a resume date after today and no later than ${humanDate(latest)}.`);
    return save(trx, ctx, m, { status: 'paused', paused_on: today, resume_on: input.resumeOn, pause_reason: ctx.principal.role === 'client' ? 'client_request' : (input.reason ?? 'desk') }, 'membership.pause', { resumeOn: input.resumeOn });
  });
}

/** Resumes a paused membership: the paid period and the minimum term move on by the days paused. */
export async function resumeIn(trx: Db, m: MembershipRow, today: string, now: Date) {
  const days = Math.max(0, daysBetween(m.paused_on ?? today, today));
  return trx
    .updateTable('client_memberships')
    .set({ status: 'active', paused_on: null, resume_on: null, pause_reason: null, period_end: addDays(m.period_end, days), term_ends_on: addDays(m.term_ends_on, days), updated_at: now })
    .where('organization_id', '=', m.organization_id)
    .where('id', '=', m.id)
    .where('status', '=', 'paused')
    .returningAll()
    .executeTakeFirst();
}

export function resumeMembership(ctx: Ctx, id: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const { m, today } = await lockMembership(trx, ctx, id);
    if (m.status !== 'paused') throw refuse('This membership is not paused.', 'status');
    if (m.pause_reason === 'payment_failed') throw refuse('This membership was paused because a payment did not go through. It resumes when the amount due is paid at the desk.', 'status');
    const row = (await resumeIn(trx, m, today, ctx.now()))!;
    await recordAudit(trx, ctx, { action: 'membership.resume', entityType: 'membership', entityId: m.id, clientId: m.client_id, details: { byClient: ctx.principal.role === 'client' } });
    return loadMembershipView(trx, m.organization_id, row);
  });
}

export function cancelMembership(ctx: Ctx, id: string, input: z.infer<typeof cancelMembershipInput>) {
  return ctx.db.transaction().execute(async (trx) => {
    const { m, today } = await lockMembership(trx, ctx, id);
    if (m.status === 'cancelled') throw refuse('This membership is already cancelled.', 'status');
    if (input.when === 'now') {
      if (today < m.term_ends_on) throw refuse(`The minimum term runs until ${humanDate(m.term_ends_on)}, so the membership can be cancelled from then. You can ask for it to end at the end of the term instead.`, 'when');
      return save(trx, ctx, m, { status: 'cancelled', cancelled_on: today, cancel_reason: input.reason }, 'membership.cancel', { when: 'now' });
    }
    // it ends when both the minimum term and the period already paid are over
    const endsOn = m.term_ends_on > m.period_end ? m.term_ends_on : m.period_end;
    return save(trx, ctx, m, { cancel_requested_on: endsOn, cancel_reason: input.reason }, 'membership.cancel.scheduled', { endsOn });
  });
}
