import { z } from 'zod';
import { isoDate } from '../../domain/shared/input.js';
import { goodmanBaronScore, labelFor, MEASURES, type ScarCounts } from '../../domain/treatment/outcomes.js';
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

const scarCount = z.number().int();
const ScarCountsSchema = z
  .object({ macular: scarCount, mild: scarCount, moderate: scarCount, severe: scarCount, papular: scarCount, keloidal: scarCount })
  .meta({ id: 'ScarCounts', description: 'Goodman and Baron quantitative counts per scar type, as recorded', example: { macular: 4, mild: 6, moderate: 2, severe: 0, papular: 1, keloidal: 0 } });

const OUTCOME_EXAMPLE = { id: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', measure: 'gais', timepoint: 'follow_up', value: 2, label: 'Much improved', components: null, assessedOn: '2026-12-01', bookingId: null } as const;
const BASELINE_EXAMPLE = {
  id: '8e9f0a1b-2c3d-4e5f-9a6b-7c8d9e0f1a2b', measure: 'goodman_baron_qualitative', timepoint: 'baseline', value: 3, label: 'Grade 3: moderate', components: null, assessedOn: '2026-08-04',
  bookingId: '3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9',
} as const;

export const Outcome = z
  .object({
    id: z.uuid(),
    measure: z.enum(MEASURES),
    timepoint: z.enum(['baseline', 'session', 'follow_up']),
    value: z.number().int().describe('The scale value, or the quantitative scar score'),
    label: z.string().nullable().describe("The scale value's label; null for the quantitative scar score"),
    // a union rather than .nullable(): the generator would otherwise mark the named component itself nullable
    components: z.union([ScarCountsSchema, z.null()]).describe('The scar counts of a quantitative grade; null otherwise'),
    assessedOn: z.iso.date().describe('ISO date'),
    bookingId: z.uuid().nullable().optional().describe('The session assessed; given in lists, absent in the answer to recording'),
  })
  .meta({
    id: 'Outcome',
    description: 'An outcome assessment (GAIS, satisfaction, Goodman and Baron)',
    example: OUTCOME_EXAMPLE,
  });
export type OutcomeView = z.output<typeof Outcome>;
export const OutcomeList = z
  .object({ items: z.array(Outcome) })
  .meta({ id: 'OutcomeList', description: "A client's outcomes, oldest assessment first", example: { items: [BASELINE_EXAMPLE, OUTCOME_EXAMPLE] } });

/** Records an outcome; scales keep their label, the quantitative scar grade its component counts. */
export async function recordOutcome(ctx: Ctx, clientId: string, input: z.infer<typeof outcomeInput>): Promise<OutcomeView> {
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

export async function listOutcomes(ctx: Ctx, clientId: string): Promise<OutcomeView[]> {
  return ctx.db.transaction().execute(async (trx) => {
    const client = await loadClient(trx, ctx, clientId);
    const rows = await trx.selectFrom('outcomes').selectAll().where('organization_id', '=', ctx.principal.organizationId).where('client_id', '=', client.id).orderBy('assessed_on').execute();
    await recordAudit(trx, ctx, { action: 'outcome.list', entityType: 'client', entityId: client.id, clientId: client.id });
    return rows.map((r) => ({ id: r.id, measure: r.measure, timepoint: r.timepoint, value: r.value, label: r.label, components: r.components as ScarCounts | null, assessedOn: r.assessed_on, bookingId: r.booking_id }));
  });
}
