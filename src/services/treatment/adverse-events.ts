import { z } from 'zod';
import { isoDate, line, text } from '../../domain/shared/input.js';
import type { Selectable } from 'kysely';
import type { AdverseEventsTable } from '../../db/schema-treatment.js';
import { findClientOrThrow } from '../../db/repositories/clients.repository.js';
import { AE_CATALOGUE, AE_GRADES } from '../../domain/protocols/microneedling/aftercare.js';
import { adverseEventIssues, RELATEDNESS, reportingChecklist } from '../../domain/treatment/adverse-events.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { AppError, notFound } from '../errors.js';
import { loadClient } from '../clients/load-client.js';

export const adverseEventInput = z.strictObject({
  clientId: z.uuid(),
  bookingId: z.uuid().optional(),
  alertId: z.uuid().optional(),
  code: line({ min: 2, max: 60 }),
  expectedResponse: z.boolean(),
  grade: z.number().int().nullable(),
  serious: z.boolean(),
  relatedness: z.enum(RELATEDNESS),
  deviceId: z.uuid().optional(),
  lotId: z.uuid().optional(),
  onsetOn: isoDate(),
  description: text({ min: 3, max: 5000 }),
});

const day = z.iso.date();
const EVENT_ID = '4c3b2a1f-0e9d-4c8b-a7f6-e5d4c3b2a1f0';
const CLIENT_ID = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

export const AdverseEvent = z
  .object({
    id: z.uuid(),
    clientId: z.uuid(),
    clientName: z.string(),
    bookingId: z.uuid().nullable(),
    alertId: z.uuid().nullable().describe('The red-flag alert it came from'),
    code: z.string().describe('A code of the adverse-event catalogue'),
    label: z.string(),
    expectedResponse: z.boolean().describe('An expected treatment response rather than an adverse event'),
    grade: z.number().int().nullable().describe('CTCAE grade 1 to 5; null for an expected response'),
    serious: z.boolean(),
    relatedness: z.enum(RELATEDNESS),
    deviceId: z.uuid().nullable(),
    lotId: z.uuid().nullable(),
    onsetOn: day.describe('ISO date'),
    description: z.string(),
    status: z.enum(['open', 'resolved']),
    resolvedOn: day.nullable(),
    medwatchReportedOn: day.nullable(),
    manufacturerReportedOn: day.nullable(),
    createdAt: z.iso.datetime(),
    reporting: z
      .object({ medwatch: z.boolean(), manufacturer: z.boolean(), reasons: z.array(z.string()) })
      .describe('Whether the event is reported to FDA MedWatch and to the manufacturer, and why'),
  })
  .meta({
    id: 'AdverseEvent',
    description: 'A recorded adverse event',
    example: {
      id: EVENT_ID, clientId: CLIENT_ID, clientName: 'Ana Lopez', bookingId: null, alertId: null, code: 'bacterial_infection', label: 'Bacterial infection', expectedResponse: false, grade: 2,
      serious: false, relatedness: 'probable', deviceId: null, lotId: null, onsetOn: '2026-11-05', description: 'Pustules on both cheeks, day 3', status: 'open', resolvedOn: null,
      medwatchReportedOn: null, manufacturerReportedOn: null, createdAt: '2026-11-05T16:00:00.000Z', reporting: { medwatch: false, manufacturer: true, reasons: ['related to the device'] },
    },
  });
export type AdverseEventView = z.output<typeof AdverseEvent>;

export const AdverseEventList = z
  .object({
    items: z.array(AdverseEvent).describe('Newest onset first, at most 1000'),
    catalogue: z.array(
      z.object({
        code: z.string(),
        label: z.string(),
        onset: z.string(),
        course: z.string(),
        gradeHint: z.tuple([z.number().int(), z.number().int()]).describe('Usual grade range; 0 is an expected response'),
        expectedResponse: z.boolean(),
      }),
    ),
    grades: z.array(z.object({ grade: z.number().int(), label: z.string(), definition: z.string() })).describe('CTCAE v5.0 general grades'),
  })
  .meta({
    id: 'AdverseEventList',
    description: 'Adverse events with the catalogue and the CTCAE grades',
    example: {
      items: [],
      catalogue: [{ code: 'bacterial_infection', label: 'Bacterial infection', onset: '2 to 5 days', course: 'Treated', gradeHint: [2, 3], expectedResponse: false }],
      grades: [{ grade: 1, label: 'Mild', definition: 'No or mild symptoms; observation only; no intervention needed' }],
    },
  });
export type AdverseEventListView = z.output<typeof AdverseEventList>;

const view = (e: Selectable<AdverseEventsTable> & { client_name: string }): AdverseEventView => ({
  id: e.id, clientId: e.client_id, clientName: e.client_name, bookingId: e.booking_id, alertId: e.alert_id, code: e.code,
  label: AE_CATALOGUE.find((t) => t.code === e.code)?.label ?? e.code, expectedResponse: e.expected_response, grade: e.grade, serious: e.serious, relatedness: e.relatedness,
  deviceId: e.device_id, lotId: e.lot_id, onsetOn: e.onset_on, description: e.description, status: e.status, resolvedOn: e.resolved_on,
  medwatchReportedOn: e.medwatch_reported_on, manufacturerReportedOn: e.manufacturer_reported_on, createdAt: new Date(e.created_at).toISOString(),
  reporting: reportingChecklist({ code: e.code, expectedResponse: e.expected_response, grade: e.grade, serious: e.serious, relatedness: e.relatedness }),
});

/** Records an adverse event (from an alert, a visit or a call); the grading rules name the field. */
export async function recordAdverseEvent(ctx: Ctx, input: z.infer<typeof adverseEventInput>): Promise<AdverseEventView> {
  const issues = adverseEventIssues({ code: input.code, expectedResponse: input.expectedResponse, grade: input.grade, serious: input.serious, relatedness: input.relatedness });
  if (issues.length) throw new AppError('validation', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
  const org = ctx.principal.organizationId;
  return ctx.db.transaction().execute(async (trx) => {
    const client = await loadClient(trx, ctx, input.clientId);
    const row = await trx
      .insertInto('adverse_events')
      .values({
        organization_id: org, client_id: client.id, booking_id: input.bookingId ?? null, alert_id: input.alertId ?? null, code: input.code, expected_response: input.expectedResponse,
        grade: input.grade, serious: input.serious, relatedness: input.relatedness, device_id: input.deviceId ?? null, lot_id: input.lotId ?? null, onset_on: input.onsetOn,
        description: input.description, created_by: ctx.principal.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'adverse_event.record', entityType: 'adverse_event', entityId: row.id, clientId: client.id, details: { code: input.code, grade: input.grade, serious: input.serious } });
    return view({ ...row, client_name: `${client.first_name} ${client.last_name}` });
  });
}

export const followUpInput = z.strictObject({
  note: text({ min: 2, max: 5000 }),
  resolvedOn: isoDate().optional(),
  medwatchReportedOn: isoDate().optional(),
  manufacturerReportedOn: isoDate().optional(),
});

/** Follow-up until resolved: a note each time, and the dates it was resolved and reported. */
export async function followUpAdverseEvent(ctx: Ctx, id: string, input: z.infer<typeof followUpInput>): Promise<AdverseEventView> {
  const org = ctx.principal.organizationId;
  return ctx.db.transaction().execute(async (trx) => {
    const e = await trx.selectFrom('adverse_events').selectAll().where('organization_id', '=', org).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!e) throw notFound('adverse event');
    await trx.insertInto('adverse_event_notes').values({ organization_id: org, event_id: id, body: input.note, created_by: ctx.principal.userId }).execute();
    const patch = {
      ...(input.resolvedOn ? { status: 'resolved' as const, resolved_on: input.resolvedOn } : {}),
      ...(input.medwatchReportedOn ? { medwatch_reported_on: input.medwatchReportedOn } : {}),
      ...(input.manufacturerReportedOn ? { manufacturer_reported_on: input.manufacturerReportedOn } : {}),
    };
    if (Object.keys(patch).length) await trx.updateTable('adverse_events').set(patch).where('organization_id', '=', org).where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'adverse_event.follow_up', entityType: 'adverse_event', entityId: id, clientId: e.client_id, details: { resolved: Boolean(input.resolvedOn) } });
    const c = await findClientOrThrow(trx, org, e.client_id);
    const updated = (await trx.selectFrom('adverse_events').selectAll().where('organization_id', '=', org).where('id', '=', id).executeTakeFirstOrThrow());
    return view({ ...updated, client_name: `${c.first_name} ${c.last_name}` });
  });
}

async function allEvents(ctx: Ctx) {
  return ctx.db
    .selectFrom('adverse_events as e')
    .innerJoin('clients as c', (j) => j.onRef('c.organization_id', '=', 'e.organization_id').onRef('c.id', '=', 'e.client_id'))
    .selectAll('e')
    .select(['c.first_name', 'c.last_name'])
    .where('e.organization_id', '=', ctx.principal.organizationId)
    .orderBy('e.onset_on', 'desc')
    .limit(1000)
    .execute();
}

export async function listAdverseEvents(ctx: Ctx): Promise<AdverseEventListView> {
  const rows = await allEvents(ctx);
  await ctx.db.transaction().execute((trx) => recordAudit(trx, ctx, { action: 'adverse_event.list', entityType: 'adverse_event', details: { count: rows.length, clientIds: [...new Set(rows.map((r) => r.client_id))] } }));
  return { items: rows.map((r) => view({ ...r, client_name: `${r.first_name} ${r.last_name}` })), catalogue: AE_CATALOGUE.map((t) => ({ ...t, gradeHint: [...t.gradeHint] })), grades: AE_GRADES.map((g) => ({ ...g })) };
}

const csvCell = (v: string | number | boolean | null | undefined) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The adverse-event log as CSV (client ids, not names: the log leaves the system). */
export async function adverseEventsCsv(ctx: Ctx) {
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await allEvents({ ...ctx, db: trx });
    await recordAudit(trx, ctx, { action: 'adverse_event.export', entityType: 'organization', entityId: ctx.principal.organizationId, details: { rows: rows.length } });
    const header = ['id', 'client_id', 'onset_on', 'code', 'expected_response', 'grade', 'serious', 'relatedness', 'device_id', 'lot_id', 'status', 'resolved_on', 'medwatch_reported_on', 'manufacturer_reported_on'];
    const lines = rows.map((r) => [r.id, r.client_id, r.onset_on, r.code, r.expected_response, r.grade, r.serious, r.relatedness, r.device_id, r.lot_id, r.status, r.resolved_on, r.medwatch_reported_on, r.manufacturer_reported_on].map(csvCell).join(','));
    return [header.join(','), ...lines].join('\n') + '\n';
  });
}
