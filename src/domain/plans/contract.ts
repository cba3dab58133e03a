// Plan contract v1 (docs/plans.md): the exact input and output shapes of a treatment-plan
// recommendation. The CLI (`dermis plan`), the API and the stored plans all go through them: change
// only with a new contract version.
import { z } from 'zod';
import { AREAS, CONCERN_CODES, DECISIONS, MODALITIES } from '../screening/engine/contract.js';
import { isoDate, line, text } from '../shared/input.js';

export const PLAN_STATUSES = ['ready', 'provisional', 'not_possible'] as const;

const shown = (v: unknown) => JSON.stringify(v) ?? String(v);
/** A code from a list; `choices` says what to use instead: "roller, pen or rf", or where the list is. */
const oneOf = <T extends readonly [string, ...string[]]>(values: T, what: string, choices: string) =>
  z.enum(values, { error: (iss) => (iss.input === undefined ? `Give the ${what}: ${choices}` : `${shown(iss.input)} is not ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} Dermis knows; ${choices}`) });

const area = oneOf(AREAS, 'area', 'docs/plans.md lists them');
const decision = oneOf(DECISIONS, 'screening decision', `use ${DECISIONS.join(', ')}`);

export const AdjustmentSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('no_numbing_cream'), note: text({ min: 0, max: 500 }).optional() }),
    z.strictObject({ kind: z.literal('max_depth'), area, maxDepthMm: z.number().min(0.1).max(3) }),
    z.strictObject({ kind: z.literal('exclude_area'), area }),
    z.strictObject({ kind: z.literal('antiviral_prophylaxis'), note: text({ min: 0, max: 500 }).optional() }),
    z.strictObject({ kind: z.literal('other'), note: text({ max: 500 }) }),
  ],
  { error: 'Give the kind of adjustment: no_numbing_cream, max_depth, exclude_area, antiviral_prophylaxis or other' },
);

/** A screening result (screening contract v1) as the plan reads it. */
export const ScreeningResultInputSchema = z
  .strictObject({
    decision,
    earliestDate: isoDate().nullable(),
    findings: z
      .array(
        z.strictObject({
          ruleId: line({ max: 40 }),
          outcome: decision,
          areas: z.array(area),
          until: isoDate().nullable(),
          message: text({ min: 0, max: 2000 }),
          sources: z.array(line({ max: 20 })).max(20),
        }),
      )
      .max(100),
    areas: z.partialRecord(area, decision),
    protocol: line({ max: 80 }),
  })
  .describe('The screening result (screening contract v1) for this modality and these areas');

export const PlanRequestSchema = z
  .strictObject({
    screening: ScreeningResultInputSchema,
    startDate: isoDate().describe('the first session, at the earliest (the screened plan date)'),
    concerns: z.array(oneOf(CONCERN_CODES, 'concern', 'docs/plans.md lists them')).max(CONCERN_CODES.length).optional().default([]).describe('what the client wants improved; none: texture'),
    fitzpatrick: z.number().int('Give the skin type as a whole number from 1 to 6').min(1, 'The skin type is 1 to 6').max(6, 'The skin type is 1 to 6').optional(),
    areas: z.array(area).min(1, 'Name at least one area').max(AREAS.length),
    modality: oneOf(MODALITIES, 'modality', 'use roller, pen or rf').optional().describe('the preference; without one, chosen from the concerns'),
    history: z
      .strictObject({
        lastSessionDate: isoDate().optional().describe('the last microneedling session'),
        review: z
          .strictObject({
            outcome: oneOf(['approved', 'declined'] as const, 'review outcome', 'use approved or declined'),
            adjustments: z.array(AdjustmentSchema).max(20).optional().default([]),
          })
          .optional()
          .describe("a licensed clinician's signed review of the screening"),
      })
      .optional()
      .default({})
      .describe('relevant history beyond the screening'),
  })
  .describe('Plan request v1');

const range = () => z.object({ min: z.number().int(), max: z.number().int() });

export const PlanFindingSchema = z.object({ ruleId: z.string(), message: z.string(), sources: z.array(z.string()) });

export const PlannedAreaSchema = z.object({
  area: z.enum(AREAS),
  depthMm: z.number().describe('needle depth (dial setting), millimetres'),
  capMm: z.number().describe('the most a provider may set without the medical director'),
  capRuleId: z.string().describe('the depth-cap entry of the protocol'),
  sources: z.array(z.string()),
});

export const PlanOutcomeSchema = z.object({
  status: z.enum(['ready', 'provisional']).describe('provisional: waits for a clinician to approve the screening'),
  modality: z.enum(MODALITIES),
  indication: z.enum(['rejuvenation', 'scars']),
  concerns: z.array(z.enum(CONCERN_CODES)),
  sessions: z.number().int(),
  sessionRange: range(),
  intervalDays: range().describe('days between sessions'),
  startDate: z.string().describe('YYYY-MM-DD'),
  assessFrom: z.string().describe('YYYY-MM-DD: the earliest date results are judged'),
  areas: z.array(PlannedAreaSchema),
  excludedAreas: z.array(z.object({ area: z.enum(AREAS), reason: z.string(), ruleIds: z.array(z.string()) })),
  numbing: z.object({ use: z.boolean(), minutes: z.number().int(), ruleId: z.string(), reason: z.string().nullable() }),
  downtime: z.object({ rednessDays: range(), flakingDays: range(), fullRecoveryDays: z.number().int() }),
  minutesPerSession: z.number().int(),
  precautions: z.array(z.object({ ruleId: z.string(), text: z.string(), sources: z.array(z.string()) })),
  findings: z.array(PlanFindingSchema),
  protocol: z.string(),
});

export const NoPlanSchema = z.object({
  status: z.literal('not_possible'),
  findings: z.array(PlanFindingSchema).describe('why no plan can be made'),
  protocol: z.string(),
});

export const PlanResultSchema = z.union([PlanOutcomeSchema, NoPlanSchema]).describe('Plan result v1');

export type Adjustment = z.output<typeof AdjustmentSchema>;
export type PlanRequestV1 = z.output<typeof PlanRequestSchema>;
export type PlanFinding = z.output<typeof PlanFindingSchema>;
export type PlanOutcome = z.output<typeof PlanOutcomeSchema>;
export type NoPlan = z.output<typeof NoPlanSchema>;
export type PlanResult = z.output<typeof PlanResultSchema>;
