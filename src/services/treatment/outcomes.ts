import { z } from 'zod';
import { isoDate } from '../../domain/shared/input.js';
import { goodmanBaronScore, labelFor, MEASURES } from '../../domain/treatment/outcomes.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { forbidden, invalid } from '../errors.js';
import { loadClient } from '../clients/load-client.js';

const count = z.number().int().min(0).max(500);
export const outcomeInput = z.strictObject({
  measure: z.enum(MEASURES),
  timepoint: z.enum(['baseline', 'session', 'follow_up']),
  value: z.number().int().min(0).max(100).optional(),
  components: z.strictObject({ macular: count, mild: count, moderate: count, severe: count, papular: count, keloidal: count }).optional(),
  assessedOn: isoDate(),
  bookingId: z.uuid().optional(),
});

/** Records an outcome; scales keep their label, the quantitative scar grade its component counts. */
export async function recordOutcome(ctx: Ctx, clientId: string, input: z.infer<typeof outcomeInput>) {
  // a client rates their own satisfaction; grading is for clinicians
  if (ctx.principal.role === 'client' && input.measure !== 'satisfaction') throw forbidden('clients rate their satisfaction; clinicians record grades', 'clinician_measure');
  let value: number;
  let label: string | null = null;
  if (input.measure === 'goodman_baron_quantitative') {
    if (!input.components) throw invalid('components', 'count the scars by type');
    value = goodmanBaronScore(input.components);
  } else {
    if (input.value === undefined) throw invalid('value', 'choose a value on the scale');
    label = labelFor(input.measure, input.value);
    if (!label) throw invalid('value', `not a value of the ${input.measure.replace(/_/g, ' ')} scale`);
    value = input.value;
  }
  return ctx.db.transaction().execute(async (trx) => {
    const client = await loadClient(trx, ctx, clientId);
    const row = await trx
      .insertInto('outcomes')
      .values({ organization_id: ctx.principal.organizationId, client_id: client.id, booking_id: input.bookingId ?? null, measure: input.measure, timepoint: input.timepoint, value, label, components: input.components ? JSON.stringify(input.components) : null, assessed_on: input.assessedOn, assessed_by: ctx.principal.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'outcome.record', entityType: 'outcome', entityId: row.id, clientId: client.id, details: { measure: input.measure, timepoint: input.timepoint } });
    return { id: row.id, measure: row.measure, timepoint: row.timepoint, value: row.value, label: row.label, components: input.components ?? null, assessedOn: row.assessed_on };
  });
}

export async function listOutcomes(ctx: Ctx, clientId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const client = await loadClient(trx, ctx, clientId);
    const rows = await trx.selectFrom('outcomes').selectAll().where('organization_id', '=', ctx.principal.organizationId).where('client_id', '=', client.id).orderBy('assessed_on').execute();
    await recordAudit(trx, ctx, { action: 'outcome.list', entityType: 'client', entityId: client.id, clientId: client.id });
    return rows.map((r) => ({ id: r.id, measure: r.measure, timepoint: r.timepoint, value: r.value, label: r.label, components: r.components as Record<string, number> | null, assessedOn: r.assessed_on, bookingId: r.booking_id }));
  });
}
