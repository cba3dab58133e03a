import type { Db } from '../../db/connect.js';
import { listActiveMemberEmails } from '../../db/repositories/memberships.repository.js';
import { aftercareNow, buildAftercarePlan } from '../../domain/treatment/aftercare-plan.js';
import { SYMPTOM_DEFS, TRIAGE_RULES, URGENCY_RANK, type TriageFinding } from '../../domain/treatment/triage/index.js';
import type { Ctx } from '../context.js';
import { appendAudit, recordAudit } from '../audit/record-audit-event.js';
import { AppError, notFound } from '../errors.js';
import { loadClient } from '../clients/load-client.js';
import { enqueueMessage } from '../outbox/enqueue-message.js';
import type { AftercareView, AlertAcknowledgedView, AlertView } from './aftercare.schema.js';

/** Minutes an alert may stay unacknowledged before it is escalated to the owner and director again. */
export const ESCALATE_AFTER_MIN = 30;
/** A routine report is looked at within a working day; unacknowledged after that, it is escalated too. */
export const ROUTINE_ESCALATE_AFTER_MIN = 24 * 60;
export const escalateAfterMin = (level: 'routine' | 'urgent' | 'emergency') => (level === 'routine' ? ROUTINE_ESCALATE_AFTER_MIN : ESCALATE_AFTER_MIN);

const iso = (ms: number) => new Date(ms).toISOString();

/** Alerts raised before triage (issue 17) stored the red flags; read them as triage findings. */
function storedFindings(stored: unknown): TriageFinding[] {
  return ((stored as Record<string, unknown>[] | null) ?? []).map((f) =>
    'clinicianMessage' in f
      ? (f as unknown as TriageFinding)
      : {
          ruleId: String(f.ruleId),
          urgency: f.emergency ? 'emergency' : 'urgent',
          symptoms: [],
          clientMessage: '',
          clinicianMessage: String(f.message),
          sources: [...(TRIAGE_RULES.find((r) => r.id === f.ruleId)?.sources ?? [])],
        },
  );
}

/** The client's journeys: what to do and avoid now, what comes next, and the check-ins. */
export async function myAftercare(ctx: Ctx, clientId: string): Promise<AftercareView> {
  const org = ctx.principal.organizationId;
  return ctx.db.transaction().execute(async (trx) => {
    const client = await loadClient(trx, ctx, clientId);
    const journeys = await trx.selectFrom('aftercare_journeys').selectAll().where('organization_id', '=', org).where('client_id', '=', client.id).orderBy('treated_at', 'desc').limit(10).execute();
    const now = ctx.now().getTime();
    const out: AftercareView['journeys'] = [];
    for (const j of journeys) {
      const plan = buildAftercarePlan(new Date(j.treated_at).getTime(), j.time_zone);
      const state = aftercareNow(plan, now);
      const checkIns = await trx.selectFrom('aftercare_check_ins').selectAll().where('organization_id', '=', org).where('journey_id', '=', j.id).orderBy('due_at').execute();
      out.push({
        id: j.id, bookingId: j.booking_id, modality: j.modality, treatedAt: new Date(j.treated_at).toISOString(), timeZone: j.time_zone,
        now: state.now.map((i) => ({ ...i, from: iso(i.from), to: i.to === null ? null : iso(i.to) })),
        next: state.next.map((i) => ({ ...i, from: iso(i.from), to: i.to === null ? null : iso(i.to) })),
        checkIns: checkIns.map((c) => ({ id: c.id, day: c.day, scheduled: c.scheduled, dueAt: new Date(c.due_at).toISOString(), answeredAt: c.answered_at ? new Date(c.answered_at).toISOString() : null, level: c.level, due: !c.answered_at && new Date(c.due_at).getTime() <= now })),
      });
    }
    await recordAudit(trx, ctx, { action: 'aftercare.read', entityType: 'client', entityId: client.id, clientId: client.id });
    return { journeys: out, symptoms: SYMPTOM_DEFS.map((s) => ({ code: s.code, label: s.label, warning: s.kind === 'flag' })) };
  });
}

export async function listOpenAlerts(ctx: Ctx): Promise<AlertView[]> {
  const rows = await ctx.db
    .selectFrom('clinical_alerts as a')
    .innerJoin('clients as c', (j) => j.onRef('c.organization_id', '=', 'a.organization_id').onRef('c.id', '=', 'a.client_id'))
    .select(['a.id', 'a.client_id', 'a.check_in_id', 'a.level', 'a.flags', 'a.created_at', 'a.escalated_at', 'c.first_name', 'c.last_name', 'c.phone'])
    .where('a.organization_id', '=', ctx.principal.organizationId)
    .where('a.status', '=', 'open')
    .orderBy('a.created_at')
    .execute();
  const photos = rows.length
    ? await ctx.db.selectFrom('photos').select(['id', 'check_in_id']).where('organization_id', '=', ctx.principal.organizationId).where('check_in_id', 'in', rows.map((r) => r.check_in_id)).execute()
    : [];
  // reading the alerts (client names, phones, symptoms) is audited like any clinical read
  await ctx.db.transaction().execute((trx) => recordAudit(trx, ctx, { action: 'alert.list', entityType: 'clinical_alert', details: { count: rows.length, clientIds: [...new Set(rows.map((r) => r.client_id))] } }));
  const alerts = rows.map((r) => ({ id: r.id, clientId: r.client_id, photos: photos.filter((p) => p.check_in_id === r.check_in_id).map((p) => ({ id: p.id, thumbUrl: `/api/photos/${p.id}/image?size=thumb`, url: `/api/photos/${p.id}/image` })), clientName: `${r.first_name} ${r.last_name}`, phone: r.phone, level: r.level, findings: storedFindings(r.flags), createdAt: new Date(r.created_at).toISOString(), escalatedAt: r.escalated_at ? new Date(r.escalated_at).toISOString() : null }));
  // the most urgent first; within an urgency, the oldest first (the query's order, kept by a stable sort)
  return alerts.sort((a, b) => URGENCY_RANK[b.level] - URGENCY_RANK[a.level]);
}

export async function acknowledgeAlert(ctx: Ctx, alertId: string): Promise<AlertAcknowledgedView> {
  const org = ctx.principal.organizationId;
  return ctx.db.transaction().execute(async (trx) => {
    const a = await trx.updateTable('clinical_alerts').set({ status: 'acknowledged', acknowledged_by: ctx.principal.userId, acknowledged_at: ctx.now() }).where('organization_id', '=', org).where('id', '=', alertId).where('status', '=', 'open').returning(['id', 'client_id']).executeTakeFirst();
    if (!a) {
      const exists = await trx.selectFrom('clinical_alerts').select('id').where('organization_id', '=', org).where('id', '=', alertId).executeTakeFirst();
      if (!exists) throw notFound('alert');
      throw new AppError('conflict', 'this alert was already acknowledged');
    }
    await recordAudit(trx, ctx, { action: 'alert.acknowledge', entityType: 'clinical_alert', entityId: a.id, clientId: a.client_id });
    return { id: a.id, status: 'acknowledged' as const };
  });
}

/** Run by the worker: an alert nobody acknowledged in time goes to the owner and director again. */
export async function escalateAlerts(db: Db, now: Date) {
  const due = await db.selectFrom('clinical_alerts').select(['organization_id', 'id', 'client_id', 'level']).where('status', '=', 'open').where('escalated_at', 'is', null).where('escalate_after', '<=', now).execute();
  for (const a of due) {
    await db.transaction().execute(async (trx) => {
      const done = await trx.updateTable('clinical_alerts').set({ escalated_at: now }).where('organization_id', '=', a.organization_id).where('id', '=', a.id).where('escalated_at', 'is', null).returning('id').executeTakeFirst();
      if (!done) return;
      const staff = await listActiveMemberEmails(trx, a.organization_id, ['owner', 'medical_director']);
      const waited = a.level === 'routine' ? 'a working day' : `${ESCALATE_AFTER_MIN} minutes`;
      for (const s of staff) {
        await enqueueMessage(trx, { organizationId: a.organization_id, channel: 'email', kind: 'alert.escalated', to: s.email, idempotencyKey: `alert:${a.id}:escalated:${s.email}`, subject: `ESCALATED: ${a.level} aftercare alert not acknowledged`, text: `An aftercare alert (${a.level}) has waited more than ${waited}. Open Dermis, Reviews queue, and acknowledge it after contacting the client.` });
      }
      await appendAudit(trx, { organizationId: a.organization_id, userId: null, role: 'system', requestId: null, ip: null }, { action: 'alert.escalate', entityType: 'clinical_alert', entityId: a.id, clientId: a.client_id }, now);
    });
  }
  return due.length;
}
