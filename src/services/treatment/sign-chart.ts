import { createHash } from 'node:crypto';
import { z } from 'zod';
import { personName, text } from '../../domain/shared/input.js';
import type { Db } from '../../db/connect.js';
import { findBooking, setBookingStatus } from '../../db/repositories/bookings.repository.js';
import { findMembershipOrThrow } from '../../db/repositories/memberships.repository.js';
import { findLocationOrThrow } from '../../db/repositories/organizations.repository.js';
import { findPlan } from '../../db/repositories/plans.repository.js';
import { findDevice } from '../../db/repositories/resources.repository.js';
import { listScopeRules } from '../../db/repositories/scheduling.repository.js';
import { canonicalJson } from '../../domain/shared/canonical-json.js';
import { ChartSchema, chartIssues, type Chart } from '../../domain/treatment/chart.js';
import { lotProblem } from '../../domain/treatment/lots.js';
import { localDateOf } from '../../domain/scheduling/local-time.js';
import { providerEligibility } from '../../domain/scheduling/scope.js';
import type { TreatmentPlan } from '../../domain/plans/recommend.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { humanDate } from '../../domain/shared/human-date.js';
import { AppError, invalid, notFound } from '../errors.js';
import { startAftercare } from './start-aftercare.js';
import { chartView } from './chart-view.js';

export const signChartInput = z.strictObject({
  chart: ChartSchema,
  /** false saves a draft; true signs (a signed version is never edited) */
  sign: z.boolean(),
  signedName: personName({ min: 2, max: 200 }).optional(),
});

export const amendChartInput = z.strictObject({ chart: ChartSchema, reason: text({ min: 3, max: 1000 }), signedName: personName({ min: 2, max: 200 }) });

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** Every rule a signature depends on: device, lots, depths, products, checklist. Names the field. */
async function validateForSigning(trx: Db, ctx: Ctx, b: NonNullable<Awaited<ReturnType<typeof findBooking>>>, chart: Chart) {
  const org = ctx.principal.organizationId;
  const device = await findDevice(trx, org, chart.deviceId);
  if (!device || device.location_id !== b.location_id) throw invalid('chart.deviceId', 'no such device at this location');
  if (device.modality !== b.modality) throw invalid('chart.deviceId', `this is a ${device.modality} device; the session is ${b.modality ?? 'not a treatment'}`);
  const today = localDateOf(ctx.now().getTime(), b.time_zone);
  const lots = await trx.selectFrom('cartridge_lots').selectAll().where('organization_id', '=', org).where('id', 'in', chart.lotIds).execute();
  for (const [i, id] of chart.lotIds.entries()) {
    const lot = lots.find((l) => l.id === id);
    if (!lot || lot.location_id !== b.location_id) throw invalid(`chart.lotIds.${i}`, 'no such cartridge lot at this location');
    const problem = lotProblem({ lotNumber: lot.lot_number, expiresOn: lot.expires_on, recalled: lot.recalled_at !== null }, today);
    if (problem) throw invalid(`chart.lotIds.${i}`, `lot ${lot.lot_number}: ${problem.message}`);
  }
  // depths the medical director approved on the plan (outside caps) count as approved here
  const plan = b.plan_id ? await findPlan(trx, org, b.plan_id) : undefined;
  const p = plan?.plan as TreatmentPlan | undefined;
  const approvedDepths: Record<string, number> = plan?.director_approved_by && p ? Object.fromEntries(p.areas.map((a) => [a.area, a.depthMm])) : {};
  const issues = chartIssues(chart, { modality: b.modality, indication: p?.indication ?? 'rejuvenation', approvedDepths });
  const blocking = issues.filter((i) => !i.director || ctx.principal.role !== 'medical_director');
  if (blocking.length) {
    throw new AppError(
      'validation',
      blocking.map((i) => `${i.path}: ${i.message}${i.director ? ' (the medical director may sign this)' : ''}`).join('; '),
      blocking.map((i) => ({ path: `chart.${i.path}`, message: i.message })),
    );
  }
  return { directorApprovedAbove: issues.filter((i) => i.director).map((i) => i.path) };
}

/** Providers practising under supervision in the state get their charts co-signed (scope rules). */
async function needsCosign(trx: Db, organizationId: string, userId: string, state: string, modality: string, date: string) {
  const m = await findMembershipOrThrow(trx, organizationId, userId);
  if (m.role === 'medical_director') return false;
  const rules = await listScopeRules(trx, organizationId);
  const e = providerEligibility(
    { role: m.role, licenceType: m.licence_type, licenceExpiresOn: m.licence_expires_on, licenceState: m.licence_state, credentials: [] },
    { kind: 'treatment', modality, credential: null },
    state,
    date,
    rules.map((r) => ({ state: r.state, licenceType: r.licence_type, modality: r.modality, maxDepthMm: null, outcome: r.outcome })),
  );
  return !e.ok || e.supervised;
}

/**
 * Saves the chart of a checked-in treatment as a draft, or signs it. Signing checks every rule,
 * links the cartridge lots to the client, completes the booking and starts the aftercare journey,
 * all in one transaction; a chart of a supervised provider goes to the medical director to co-sign.
 */
export async function saveChart(ctx: Ctx, bookingId: string, input: z.infer<typeof signChartInput>) {
  const org = ctx.principal.organizationId;
  const id = await ctx.db.transaction().execute(async (trx) => {
    const b = await findBooking(trx, org, bookingId);
    if (!b) throw notFound('booking');
    if (b.service_kind !== 'treatment') throw new AppError('conflict', 'only treatments are charted here', [{ path: 'bookingId', message: 'a consultation' }]);
    const versions = await trx.selectFrom('charts').selectAll().where('organization_id', '=', org).where('booking_id', '=', b.id).orderBy('version', 'desc').execute();
    const latest = versions[0];
    if (latest?.status === 'signed') throw new AppError('conflict', 'the chart is signed; amend it with a reason instead', [{ path: 'chart', message: 'signed' }]);
    if (b.status !== 'checked_in') throw new AppError('conflict', `check the client in before charting (the booking is ${b.status.replace('_', ' ')})`, [{ path: 'bookingId', message: 'not checked in' }]);
    let signature: { signed_name: string; signed_at: Date; signature_hash: string; needs_cosign: boolean } | null = null;
    if (input.sign) {
      if (!input.signedName || norm(input.signedName) !== norm(ctx.principal.name)) throw invalid('signedName', `type "${ctx.principal.name}" to sign`);
      await validateForSigning(trx, ctx, b, input.chart);
      const loc = await findLocationOrThrow(trx, org, b.location_id);
      const signedAt = ctx.now();
      // a visit is completed on or after its day, never before (revenue and aftercare follow it)
      const visitDate = localDateOf(new Date(b.starts_at).getTime(), b.time_zone);
      if (visitDate > localDateOf(signedAt.getTime(), b.time_zone)) throw new AppError('conflict', `This visit is on ${humanDate(visitDate)}; its chart can be signed on that day, not before.`, [{ path: 'sign', message: `The visit is on ${humanDate(visitDate)}.` }], { rule: 'visit_date' });
      signature = {
        signed_name: input.signedName,
        signed_at: signedAt,
        signature_hash: createHash('sha256').update(canonicalJson({ bookingId: b.id, chart: input.chart, signer: ctx.principal.userId, signedAt: signedAt.toISOString() })).digest('hex'),
        needs_cosign: await needsCosign(trx, org, ctx.principal.userId, loc.state, b.modality!, localDateOf(signedAt.getTime(), b.time_zone)),
      };
    }
    const status: 'signed' | 'draft' = input.sign ? 'signed' : 'draft';
    const row = {
      data: JSON.stringify(input.chart),
      status,
      provider_user_id: ctx.principal.userId,
      ...(signature ?? {}),
    };
    let chartId: string;
    if (latest?.status === 'draft') {
      await trx.updateTable('charts').set(row).where('organization_id', '=', org).where('id', '=', latest.id).execute();
      chartId = latest.id;
    } else {
      chartId = (await trx.insertInto('charts').values({ organization_id: org, booking_id: b.id, client_id: b.client_id, version: 1, supersedes: null, ...row }).returning('id').executeTakeFirstOrThrow()).id;
    }
    if (input.sign) {
      for (const lotId of new Set(input.chart.lotIds)) await trx.insertInto('chart_lots').values({ organization_id: org, chart_id: chartId, lot_id: lotId, client_id: b.client_id }).execute();
      await setBookingStatus(trx, org, b.id, { status: 'completed' });
      await startAftercare(trx, org, { bookingId: b.id, clientId: b.client_id, chartId, modality: b.modality!, treatedAt: ctx.now(), timeZone: b.time_zone });
    }
    await recordAudit(trx, ctx, { action: input.sign ? 'chart.sign' : 'chart.draft', entityType: 'chart', entityId: chartId, clientId: b.client_id, details: { bookingId: b.id, needsCosign: signature?.needs_cosign ?? false } });
    return chartId;
  });
  return chartView(ctx.db, org, id);
}

/** A signed chart is never edited: an amendment is a new signed version with a reason. */
export async function amendChart(ctx: Ctx, chartId: string, input: z.infer<typeof amendChartInput>) {
  const org = ctx.principal.organizationId;
  const id = await ctx.db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('charts').selectAll().where('organization_id', '=', org).where('id', '=', chartId).forUpdate().executeTakeFirst();
    if (!current) throw notFound('chart');
    if (current.status !== 'signed') throw new AppError('conflict', 'only a signed chart is amended; edit the draft instead');
    const newer = await trx.selectFrom('charts').select('id').where('organization_id', '=', org).where('supersedes', '=', chartId).executeTakeFirst();
    if (newer) throw new AppError('conflict', 'a newer version exists; amend that one', [{ path: 'chartId', message: 'superseded' }]);
    if (norm(input.signedName) !== norm(ctx.principal.name)) throw invalid('signedName', `type "${ctx.principal.name}" to sign`);
    const b = (await findBooking(trx, org, current.booking_id))!;
    await validateForSigning(trx, ctx, b, input.chart);
    const signedAt = ctx.now();
    const row = await trx
      .insertInto('charts')
      .values({
        organization_id: org, booking_id: current.booking_id, client_id: current.client_id, version: current.version + 1, supersedes: current.id, status: 'signed', data: JSON.stringify(input.chart),
        provider_user_id: ctx.principal.userId, signed_name: input.signedName, signed_at: signedAt, amendment_reason: input.reason, needs_cosign: current.needs_cosign && ctx.principal.role !== 'medical_director',
        signature_hash: createHash('sha256').update(canonicalJson({ chartId: current.id, chart: input.chart, reason: input.reason, signer: ctx.principal.userId, signedAt: signedAt.toISOString() })).digest('hex'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const lotId of new Set(input.chart.lotIds)) await trx.insertInto('chart_lots').values({ organization_id: org, chart_id: row.id, lot_id: lotId, client_id: current.client_id }).execute();
    await recordAudit(trx, ctx, { action: 'chart.amend', entityType: 'chart', entityId: row.id, clientId: current.client_id, details: { supersedes: current.id, reason: input.reason } });
    return row.id;
  });
  return chartView(ctx.db, org, id);
}

export const cosignChartInput = z.strictObject({ signedName: personName({ min: 2, max: 200 }) });

/**
 * The medical director co-signs a supervised provider's chart, from the chart itself, by typing
 * their full name (it must match their user name); the audit keeps the time and the IP address.
 */
export async function cosignChart(ctx: Ctx, chartId: string, input: z.infer<typeof cosignChartInput>) {
  const org = ctx.principal.organizationId;
  await ctx.db.transaction().execute(async (trx) => {
    const c = await trx.selectFrom('charts').selectAll().where('organization_id', '=', org).where('id', '=', chartId).forUpdate().executeTakeFirst();
    if (!c) throw notFound('chart');
    if (!c.needs_cosign || c.cosigned_by) throw new AppError('conflict', 'this chart does not wait for a co-signature');
    if (norm(input.signedName) !== norm(ctx.principal.name)) throw invalid('signedName', `Type your full name, "${ctx.principal.name}", to co-sign`);
    const at = ctx.now();
    await trx.updateTable('charts').set({ cosigned_by: ctx.principal.userId, cosigned_at: at }).where('organization_id', '=', org).where('id', '=', chartId).execute();
    await recordAudit(trx, ctx, { action: 'chart.cosign', entityType: 'chart', entityId: chartId, clientId: c.client_id, details: { typedSignature: true, signedAt: at.toISOString(), ip: ctx.meta.ip } });
  });
  return chartView(ctx.db, org, chartId);
}
