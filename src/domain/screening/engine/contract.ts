// Screening contract v1 (../shared/spec/screening.md): the exact input and output shapes. Outside
// tools depend on them: change only with a new contract version.
import { z } from 'zod';
import { Temporal } from 'temporal-polyfill';
import { DATE_MAX, DATE_MIN } from '../../shared/input.js';

export const AREAS = ['forehead', 'glabella', 'periorbital', 'nose', 'cheeks', 'perioral', 'chin_jawline', 'neck', 'decolletage', 'scalp', 'abdomen', 'back', 'arms', 'thighs', 'hands'] as const;
export const FACE_AREAS: readonly Area[] = AREAS.slice(0, 7);
export const MODALITIES = ['roller', 'pen', 'rf'] as const;
export const CONDITION_CODES = ['skin_cancer', 'precancerous_lesion', 'atypical_mole', 'open_wound', 'skin_infection', 'acne', 'hsv_history', 'hsv_active', 'eczema', 'psoriasis', 'rosacea', 'vitiligo', 'lichen_planus', 'autoimmune', 'keloid_history', 'bleeding_disorder', 'immunosuppression', 'diabetes', 'sunburn'] as const;
export const MEDICATION_CODES = ['isotretinoin', 'anticoagulant', 'antiplatelet', 'immunosuppressant', 'chemotherapy', 'topical_retinoid', 'topical_acid', 'antiviral_prophylaxis'] as const;
export const PROCEDURE_CODES = ['microneedling', 'tanning', 'self_tanner', 'deep_chemical_peel', 'dermabrasion', 'non_ablative_laser', 'ablative_laser', 'facial_surgery', 'neurotoxin', 'dermal_filler', 'radiation_therapy', 'pdo_threads'] as const;
export const IMPLANT_CODES = ['pacemaker', 'icd', 'neurostimulator', 'metal_implant', 'gold_threads', 'tattoo', 'permanent_makeup'] as const;
export const ALLERGY_CODES = ['stainless_steel', 'nickel', 'gold', 'topical_anesthetic'] as const;
export const CLEARANCE_CODES = ['cardiology', 'oncology'] as const;
export const CONCERN_CODES = ['fine_lines', 'acne_scars', 'other_scars', 'enlarged_pores', 'texture', 'laxity', 'hyperpigmentation', 'melasma', 'stretch_marks', 'hair_loss'] as const;
export const DECISIONS = ['eligible', 'eligible_with_precautions', 'needs_review', 'deferred', 'contraindicated'] as const;

export type Area = (typeof AREAS)[number];
export type Modality = (typeof MODALITIES)[number];
export type Decision = (typeof DECISIONS)[number];

/**
 * A strict YYYY-MM-DD that is a real calendar date (2026-02-30 is refused) between 1900-01-01 and
 * 2100-12-31: a result date (an interval after a plan date) must itself stay a YYYY-MM-DD date.
 */
export const CalendarDateSchema = z
  .string()
  .refine((s) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
    try {
      Temporal.PlainDate.from(s, { overflow: 'reject' });
      return true;
    } catch {
      return false;
    }
  }, 'must be a real date written YYYY-MM-DD')
  .refine((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s) || (s >= DATE_MIN && s <= DATE_MAX), `must be between ${DATE_MIN} and ${DATE_MAX}`);

const code = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: (iss) => `unknown ${what} code ${JSON.stringify(iss.input)}; expected one of ${values.join(', ')}` });

const AreaSchema = code(AREAS, 'area');
const areaList = z.array(AreaSchema);
const list = <T extends z.ZodType>(item: T) => z.array(item).optional().default([]);

export const ConditionSchema = z.strictObject({
  code: code(CONDITION_CODES, 'condition'),
  status: z.enum(['active', 'history']).optional().default('active'),
  areas: areaList.optional(),
  controlled: z.boolean().optional(),
});
export const MedicationSchema = z.strictObject({ code: code(MEDICATION_CODES, 'medication'), current: z.boolean(), lastDose: CalendarDateSchema.optional() });
export const ProcedureSchema = z.strictObject({ code: code(PROCEDURE_CODES, 'procedure'), date: CalendarDateSchema, areas: areaList.optional() });
export const ImplantSchema = z.strictObject({ code: code(IMPLANT_CODES, 'implant'), areas: areaList.optional() });

export const IntakeSchema = z
  .strictObject({
    answeredOn: CalendarDateSchema.describe('when the client answered'),
    dateOfBirth: CalendarDateSchema,
    fitzpatrick: z.number().int().min(1).max(6).optional().describe('Fitzpatrick skin type 1..6'),
    pregnant: z.boolean(),
    breastfeeding: z.boolean(),
    conditions: list(ConditionSchema),
    medications: list(MedicationSchema),
    procedures: list(ProcedureSchema).describe('past procedures; date is the last day of the procedure or course'),
    implants: list(ImplantSchema),
    allergies: list(code(ALLERGY_CODES, 'allergy')),
    clearances: list(code(CLEARANCE_CODES, 'clearance')),
    concerns: list(code(CONCERN_CODES, 'concern')),
  })
  .describe('Intake v1: the health questionnaire');

export const PlanSchema = z
  .strictObject({
    modality: z.enum(MODALITIES, { error: (iss) => `unknown modality ${JSON.stringify(iss.input)}; expected roller, pen or rf` }),
    areas: z.array(AreaSchema).min(1, 'must name at least one area'),
    date: CalendarDateSchema.describe('the planned treatment day'),
  })
  .describe('The planned treatment');

export const ScreeningRequestSchema = z.strictObject({ intake: IntakeSchema, plan: PlanSchema }).describe('Screening request v1');

export const FindingSchema = z.object({
  ruleId: z.string(),
  outcome: z.enum(DECISIONS),
  areas: z.array(z.enum(AREAS)),
  until: z.string().nullable(),
  message: z.string(),
  sources: z.array(z.string()),
});

export const ScreeningResultSchema = z
  .object({
    decision: z.enum(DECISIONS),
    earliestDate: z.string().nullable(),
    findings: z.array(FindingSchema),
    areas: z.record(z.string(), z.enum(DECISIONS)),
    protocol: z.string(),
  })
  .describe('Screening result v1');

export type Intake = z.output<typeof IntakeSchema>;
export type Plan = z.output<typeof PlanSchema>;
export type ScreeningRequest = z.output<typeof ScreeningRequestSchema>;
export type Finding = z.output<typeof FindingSchema>;
export type ScreeningResult = z.output<typeof ScreeningResultSchema>;
