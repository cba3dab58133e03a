import { z } from 'zod';
import { text } from '../../domain/shared/input.js';
import type { Db } from '../../db/connect.js';
import { findBooking } from '../../db/repositories/bookings.repository.js';
import { findClientOrThrow } from '../../db/repositories/clients.repository.js';
import { listActiveMemberEmails } from '../../db/repositories/memberships.repository.js';
import { aftercareNow, buildAftercarePlan } from '../../domain/treatment/aftercare-plan.js';
import { evaluateRedFlags, SYMPTOMS, SYMPTOM_LABEL, type RaisedFlag } from '../../domain/treatment/red-flags.js';
import type { Ctx } from '../context.js';
import { appendAudit, recordAudit } from '../audit/record-audit-event.js';
import { AppError, notFound } from '../errors.js';
import { loadClient, loadClientOf } from '../clients/load-client.js';
import { enqueueMessage } from '../outbox/enqueue-message.js';

/** Minutes an alert may stay unacknowledged before it is escalated to the owner and director again. */
export const ESCALATE_AFTER_MIN = 30;

export const symptomReportInput = z.strictObject({
  symptoms: z.array(z.enum(SYMPTOMS)).max(SYMPTOMS.length),
  note: text({ min: 0, max: 1000 }).optional(),
  /** the scheduled check-in this answers; without it, a report between check-ins */
  checkInId: z.uuid().optional(),
});

const iso = (ms: number) => new Date(ms).toISOString();

const isoDateTime = z.iso.datetime();
const JOURNEY_ID = '1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a';
const CHECK_IN_ID = '6b5a4f3e-2d1c-4b0a-9f8e-7d6c5b4a3f2e';
const ALERT_ID = '8e7d6c5b-4a3f-4e2d-9c1b-0a9f8e7d6c5b';
const CLIENT_ID = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

const AftercareItem = z
  .object({
    id: z.string().describe('The aftercare instruction code, e.g. AC-3'),
    kind: z.enum(['avoid', 'do', 'expect']),
    text: z.string(),
    from: isoDateTime.describe('When it starts to apply (ISO date-time)'),
    to: isoDateTime.nullable().describe('When it stops applying (ISO date-time); null for open-ended'),
  })
  .meta({ id: 'AftercareItem', description: 'A timed aftercare instruction or expected course', example: { id: 'AC-3', kind: 'do', text: 'Use sunscreen every day', from: '2026-11-03T17:00:00.000Z', to: null } });

const alertLevel = z.enum(['urgent', 'emergency']);
const reportLevel = z.enum(['none', 'urgent', 'emergency']);

const AftercareCheckIn = z
  .object({
    id: z.uuid(),
    day: z.number().int().describe('Days after the treatment'),
    scheduled: z.boolean().describe('false for a report the client sent between check-ins'),
    dueAt: isoDateTime,
    answeredAt: isoDateTime.nullable(),
    level: reportLevel.nullable().describe('The red-flag level of the answer; null until answered'),
    due: z.boolean().describe('Unanswered and due now'),
  })
  .meta({ id: 'AftercareCheckIn', description: 'A symptom check-in of an aftercare journey' });

export const AftercareJourney = z
  .object({
    id: z.uuid(),
    bookingId: z.uuid(),
    modality: z.string().describe('The treatment modality (roller, pen, rf)'),
    treatedAt: isoDateTime,
    timeZone: z.string().describe('IANA zone of the location'),
    now: z.array(AftercareItem).describe('What applies now'),
    next: z.array(AftercareItem).describe('What comes next, soonest first'),
    checkIns: z.array(AftercareCheckIn),
  })
  .meta({ id: 'AftercareJourney', description: 'The aftercare of one treatment' });

export const Aftercare = z
  .object({
    journeys: z.array(AftercareJourney).describe('The ten newest journeys, newest first'),
    symptoms: z.array(z.object({ code: z.enum(SYMPTOMS), label: z.string() })).describe('The symptoms a check-in may report'),
  })
  .meta({
    id: 'Aftercare',
    description: "A client's aftercare journeys and the symptoms they can report",
    example: {
      journeys: [{
        id: JOURNEY_ID, bookingId: '3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9', modality: 'pen', treatedAt: '2026-11-02T17:00:00.000Z', timeZone: 'America/Chicago',
        now: [{ id: 'AC-1', kind: 'avoid', text: 'No makeup for 24 hours', from: '2026-11-02T17:00:00.000Z', to: '2026-11-03T17:00:00.000Z' }], next: [],
        checkIns: [{ id: CHECK_IN_ID, day: 1, scheduled: true, dueAt: '2026-11-03T16:00:00.000Z', answeredAt: null, level: null, due: true }],
      }],
      symptoms: [{ code: 'pus', label: 'Pus or yellow crusting' }],
    },
  });
export type AftercareView = z.output<typeof Aftercare>;

const RedFlag = z
  .object({ ruleId: z.string(), likely: z.string().describe('The likely cause'), emergency: z.boolean(), message: z.string() })
  .meta({ id: 'RaisedRedFlag', description: 'A red-flag rule a report raised', example: { ruleId: 'RF-FLAG-1', likely: 'Infection', emergency: false, message: 'Possible infection: call the clinic today' } });

export const SymptomReport = z
  .object({
    checkInId: z.uuid(),
    alertId: z.uuid().nullable().describe('The alert raised to staff; null when nothing was flagged'),
    level: reportLevel,
    flags: z.array(RedFlag),
    message: z.string().describe('What the client should do now'),
  })
  .meta({
    id: 'SymptomReport',
    description: 'A recorded symptom check-in and what to do',
    example: { checkInId: CHECK_IN_ID, alertId: ALERT_ID, level: 'urgent', flags: [{ ruleId: 'RF-FLAG-1', likely: 'Infection', emergency: false, message: 'Possible infection: call the clinic today' }], message: 'Your provider has been told and will call you.' },
  });
export type SymptomReportView = z.output<typeof SymptomReport>;

const ALERT_EXAMPLE = {
  id: ALERT_ID, clientId: CLIENT_ID, photos: [], clientName: 'Ana Lopez', phone: '+15555550100', level: 'urgent',
  flags: [{ ruleId: 'RF-FLAG-1', likely: 'Infection', emergency: false, message: 'Possible infection: call the clinic today' }], createdAt: '2026-11-04T15:00:00.000Z', escalatedAt: null,
} as const;

export const Alert = z
  .object({
    id: z.uuid(),
    clientId: z.uuid(),
    photos: z.array(z.object({ id: z.uuid(), thumbUrl: z.string(), url: z.string() })).describe('Photos sent with the check-in'),
    clientName: z.string(),
    phone: z.string().nullable(),
    level: alertLevel,
    flags: z.array(RedFlag),
    createdAt: isoDateTime,
    escalatedAt: isoDateTime.nullable(),
  })
  .meta({
    id: 'Alert',
    description: 'An open red-flag alert',
    example: ALERT_EXAMPLE,
  });
export type AlertView = z.output<typeof Alert>;
export const AlertList = z.object({ items: z.array(Alert) }).meta({ id: 'AlertList', description: 'Open red-flag alerts, oldest first', example: { items: [ALERT_EXAMPLE] } });

export const AlertAcknowledged = z
  .object({ id: z.uuid(), status: z.literal('acknowledged') })
  .meta({ id: 'AlertAcknowledged', description: 'An acknowledged alert', example: { id: ALERT_ID, status: 'acknowledged' } });
export type AlertAcknowledgedView = z.output<typeof AlertAcknowledged>;

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
    return { journeys: out, symptoms: SYMPTOMS.map((s) => ({ code: s, label: SYMPTOM_LABEL[s] })) };
  });
}

/** A red flag goes to the medical director and the treating provider. */
const staffToAlert = (trx: Db, organizationId: string, providerUserId: string | null) => listActiveMemberEmails(trx, organizationId, ['medical_director'], providerUserId);

/**
 * A symptom check-in. Red flags raise an urgent alert to the treating provider and the medical
 * director (escalated if nobody acknowledges it in time); emergency signs tell the client at once
 * to call emergency services.
 */
export async function reportSymptoms(ctx: Ctx, journeyId: string, input: z.infer<typeof symptomReportInput>): Promise<SymptomReportView> {
  const org = ctx.principal.organizationId;
  return ctx.db.transaction().execute(async (trx) => {
    const j = await trx.selectFrom('aftercare_journeys').selectAll().where('organization_id', '=', org).where('id', '=', journeyId).executeTakeFirst();
    if (!j) throw notFound('aftercare journey');
    await loadClientOf(trx, ctx, j.client_id, 'aftercare journey');
    const now = ctx.now();
    const hoursSinceTreatment = (now.getTime() - new Date(j.treated_at).getTime()) / 3_600_000;
    const result = evaluateRedFlags({ symptoms: input.symptoms, ...(input.note ? { note: input.note } : {}) }, { hoursSinceTreatment, modality: j.modality as 'pen' });
    const answers = JSON.stringify({ symptoms: input.symptoms, note: input.note ?? null, flags: result.flags });
    let checkInId: string;
    if (input.checkInId) {
      const c = await trx.selectFrom('aftercare_check_ins').select(['id', 'answered_at']).where('organization_id', '=', org).where('journey_id', '=', j.id).where('id', '=', input.checkInId).executeTakeFirst();
      if (!c) throw new AppError('validation', 'no such check-in on this journey', [{ path: 'checkInId', message: 'not found' }]);
      if (c.answered_at) throw new AppError('conflict', 'this check-in was already answered; report new symptoms without it', [{ path: 'checkInId', message: 'answered' }]);
      await trx.updateTable('aftercare_check_ins').set({ answered_at: now, answers, level: result.level }).where('organization_id', '=', org).where('id', '=', c.id).execute();
      checkInId = c.id;
    } else {
      checkInId = (await trx.insertInto('aftercare_check_ins').values({ organization_id: org, journey_id: j.id, day: Math.floor(hoursSinceTreatment / 24), due_at: now, answered_at: now, answers, level: result.level, scheduled: false }).returning('id').executeTakeFirstOrThrow()).id;
    }
    let alertId: string | null = null;
    if (result.level !== 'none') {
      const alert = await trx
        .insertInto('clinical_alerts')
        .values({ organization_id: org, client_id: j.client_id, journey_id: j.id, check_in_id: checkInId, level: result.level, flags: JSON.stringify(result.flags), escalate_after: new Date(now.getTime() + ESCALATE_AFTER_MIN * 60_000) })
        .returning('id')
        .executeTakeFirstOrThrow();
      alertId = alert.id;
      const booking = await findBooking(trx, org, j.booking_id);
      const client = await findClientOrThrow(trx, org, j.client_id);
      for (const s of await staffToAlert(trx, org, booking?.provider_user_id ?? null)) {
        await enqueueMessage(trx, {
          organizationId: org, channel: 'email', kind: `alert.${result.level}`, to: s.email, idempotencyKey: `alert:${alert.id}:${s.email}`,
          subject: `${result.level === 'emergency' ? 'EMERGENCY' : 'Urgent'}: red flag from ${client.first_name} ${client.last_name.slice(0, 1)}.`,
          // no symptoms in the email: staff read them in the console, behind sign-in
          text: `A client reported a red-flag symptom ${Math.round(hoursSinceTreatment)} hours after treatment. Open Dermis, Reviews queue, to read and acknowledge it.`,
        });
      }
    }
    await recordAudit(trx, ctx, { action: 'aftercare.report', entityType: 'aftercare_check_in', entityId: checkInId, clientId: j.client_id, details: { level: result.level, flags: result.flags.map((f) => f.ruleId) } });
    return { checkInId, alertId, level: result.level, flags: result.flags, message: result.clientMessage };
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
  return rows.map((r) => ({ id: r.id, clientId: r.client_id, photos: photos.filter((p) => p.check_in_id === r.check_in_id).map((p) => ({ id: p.id, thumbUrl: `/api/photos/${p.id}/image?size=thumb`, url: `/api/photos/${p.id}/image` })), clientName: `${r.first_name} ${r.last_name}`, phone: r.phone, level: r.level, flags: r.flags as RaisedFlag[], createdAt: new Date(r.created_at).toISOString(), escalatedAt: r.escalated_at ? new Date(r.escalated_at).toISOString() : null }));
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
      for (const s of staff) {
        await enqueueMessage(trx, { organizationId: a.organization_id, channel: 'email', kind: 'alert.escalated', to: s.email, idempotencyKey: `alert:${a.id}:escalated:${s.email}`, subject: `ESCALATED: an ${a.level} red flag is not acknowledged`, text: `A red-flag alert has waited more than ${ESCALATE_AFTER_MIN} minutes. Open Dermis, Reviews queue, and acknowledge it after contacting the client.` });
      }
      await appendAudit(trx, { organizationId: a.organization_id, userId: null, role: 'system', requestId: null, ip: null }, { action: 'alert.escalate', entityType: 'clinical_alert', entityId: a.id, clientId: a.client_id }, now);
    });
  }
  return due.length;
}
