import type { z } from 'zod';
import type { Db } from '../../db/connect.js';
import { findBooking } from '../../db/repositories/bookings.repository.js';
import { findClientOrThrow } from '../../db/repositories/clients.repository.js';
import { listActiveMemberEmails } from '../../db/repositories/memberships.repository.js';
import { parseTriageReport, triage } from '../../domain/treatment/triage/index.js';
import type { Area } from '../../domain/screening/engine/contract.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { AppError, notFound } from '../errors.js';
import { loadClientOf } from '../clients/load-client.js';
import { enqueueMessage } from '../outbox/enqueue-message.js';
import { escalateAfterMin } from './aftercare.js';
import type { SymptomReportView, symptomReportInput } from './aftercare.schema.js';

/** An alert goes to the medical director and the treating provider. */
const staffToAlert = (trx: Db, organizationId: string, providerUserId: string | null) => listActiveMemberEmails(trx, organizationId, ['medical_director'], providerUserId);

const SUBJECT = { emergency: 'EMERGENCY', urgent: 'Urgent', routine: 'Routine' } as const;

/** The areas treated, from the signed chart the journey started with. */
async function treatedAreas(trx: Db, organizationId: string, chartId: string): Promise<Area[]> {
  const chart = await trx.selectFrom('charts').select('data').where('organization_id', '=', organizationId).where('id', '=', chartId).executeTakeFirst();
  const areas = ((chart?.data as { areas?: { area: Area }[] } | undefined)?.areas ?? []).map((a) => a.area);
  if (areas.length === 0) throw new Error(`chart ${chartId} of an aftercare journey has no areas`);
  return areas;
}

/**
 * A symptom check-in, triaged by the triage contract (docs/triage.md) for the time since the
 * treatment, its modality and areas. Anything but "expected" raises an alert to the treating
 * provider and the medical director (escalated if nobody acknowledges it in time); emergency signs
 * tell the client at once to call emergency services. The note is kept and never decides.
 */
export async function reportSymptoms(ctx: Ctx, journeyId: string, input: z.infer<typeof symptomReportInput>): Promise<SymptomReportView> {
  const org = ctx.principal.organizationId;
  return ctx.db.transaction().execute(async (trx) => {
    const j = await trx.selectFrom('aftercare_journeys').selectAll().where('organization_id', '=', org).where('id', '=', journeyId).executeTakeFirst();
    if (!j) throw notFound('aftercare journey');
    await loadClientOf(trx, ctx, j.client_id, 'aftercare journey');
    const now = ctx.now();
    const hoursSinceTreatment = Math.max(0, Math.round((now.getTime() - new Date(j.treated_at).getTime()) / 36_000) / 100);
    const report = parseTriageReport({
      hoursSinceTreatment,
      modality: j.modality,
      areas: await treatedAreas(trx, org, j.chart_id),
      symptoms: input.symptoms,
      ...(input.temperature ? { temperature: input.temperature } : {}),
      photoAttached: input.photoAttached ?? false,
      ...(input.note ? { note: input.note } : {}),
    });
    if (!report.ok) throw new AppError('validation', report.errors.map((e) => e.message).join(' '), report.errors);
    const result = triage(report.value);
    const answers = JSON.stringify({ symptoms: input.symptoms, temperature: input.temperature ?? null, photoAttached: input.photoAttached ?? false, note: input.note ?? null, triage: result });
    let checkInId: string;
    if (input.checkInId) {
      const c = await trx.selectFrom('aftercare_check_ins').select(['id', 'answered_at']).where('organization_id', '=', org).where('journey_id', '=', j.id).where('id', '=', input.checkInId).executeTakeFirst();
      if (!c) throw new AppError('validation', 'no such check-in on this journey', [{ path: 'checkInId', message: 'not found' }]);
      if (c.answered_at) throw new AppError('conflict', 'this check-in was already answered; report new symptoms without it', [{ path: 'checkInId', message: 'answered' }]);
      await trx.updateTable('aftercare_check_ins').set({ answered_at: now, answers, level: result.urgency }).where('organization_id', '=', org).where('id', '=', c.id).execute();
      checkInId = c.id;
    } else {
      checkInId = (await trx.insertInto('aftercare_check_ins').values({ organization_id: org, journey_id: j.id, day: Math.floor(hoursSinceTreatment / 24), due_at: now, answered_at: now, answers, level: result.urgency, scheduled: false }).returning('id').executeTakeFirstOrThrow()).id;
    }
    let alertId: string | null = null;
    const level = result.urgency;
    if (level !== 'expected') {
      const alert = await trx
        .insertInto('clinical_alerts')
        .values({ organization_id: org, client_id: j.client_id, journey_id: j.id, check_in_id: checkInId, level, flags: JSON.stringify(result.findings), escalate_after: new Date(now.getTime() + escalateAfterMin(level) * 60_000) })
        .returning('id')
        .executeTakeFirstOrThrow();
      alertId = alert.id;
      const booking = await findBooking(trx, org, j.booking_id);
      const client = await findClientOrThrow(trx, org, j.client_id);
      for (const s of await staffToAlert(trx, org, booking?.provider_user_id ?? null)) {
        await enqueueMessage(trx, {
          organizationId: org, channel: 'email', kind: `alert.${level}`, to: s.email, idempotencyKey: `alert:${alert.id}:${s.email}`,
          subject: `${SUBJECT[level]}: aftercare report from ${client.first_name} ${client.last_name.slice(0, 1)}.`,
          // no symptoms in the email: staff read them in the console, behind sign-in
          text: `A client sent an aftercare report ${Math.round(hoursSinceTreatment)} hours after treatment, triaged ${level}. Open Dermis, Reviews queue, to read and acknowledge it.`,
        });
      }
    }
    await recordAudit(trx, ctx, { action: 'aftercare.report', entityType: 'aftercare_check_in', entityId: checkInId, clientId: j.client_id, details: { level, flags: result.findings.map((f) => f.ruleId), protocol: result.protocol } });
    return { checkInId, alertId, triage: result };
  });
}
