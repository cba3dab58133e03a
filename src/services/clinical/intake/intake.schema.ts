// The answers of the intake routes. The stored intake itself is the Intake v1 contract
// (../shared/spec/screening.md), so it reuses the contract schema unchanged.
import { z } from 'zod';
import { IntakeSchema } from '../engine.js';

const example = {
  answeredOn: '2026-11-20', dateOfBirth: '1990-04-02', fitzpatrick: 2, pregnant: false, breastfeeding: false,
  conditions: [], medications: [], procedures: [{ code: 'neurotoxin', date: '2026-09-01' }], implants: [], allergies: [], clearances: [], concerns: ['acne_scars'],
};

/** The Intake v1 contract as a named component (the contract itself is not changed). */
export const IntakeV1 = IntakeSchema.meta({ id: 'IntakeV1', description: 'Intake v1: the health questionnaire (screening contract)', example });

export const IntakeVersion = z
  .object({
    version: z.number().int(),
    answeredOn: z.string().describe('YYYY-MM-DD'),
    source: z.enum(['client', 'staff', 'import']),
    recordedAt: z.string().describe('ISO date-time'),
    recordedBy: z.string().describe('name of whoever recorded it'),
  })
  .meta({ id: 'IntakeVersion', description: 'One recorded version of the health questionnaire' });

export const Intake = z
  .object({
    version: z.number().int(),
    latestVersion: z.number().int(),
    source: z.enum(['client', 'staff', 'import']),
    answeredOn: z.string().describe('YYYY-MM-DD'),
    recordedAt: z.string().describe('ISO date-time'),
    intake: IntakeV1,
    versions: z.array(IntakeVersion).describe('every version, newest first'),
  })
  .meta({
    id: 'Intake',
    description: 'A recorded intake (the latest, or the version asked for) with the version history',
    example: {
      version: 2, latestVersion: 2, source: 'client', answeredOn: '2026-11-20', recordedAt: '2026-11-20T10:00:00.000Z', intake: example,
      versions: [{ version: 2, answeredOn: '2026-11-20', source: 'client', recordedAt: '2026-11-20T10:00:00.000Z', recordedBy: 'Ana Client' }],
    },
  });
export type IntakeView = z.output<typeof Intake>;

// A draft is the form's own state, unfinished by nature and checked in full only when submitted:
// JSON nested at most five levels (answers > picks > item > field > list), which the form never
// exceeds. A bounded shape rather than a recursive one, because generated clients cannot type a
// schema that refers to itself.
const DraftScalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const level = (inner: z.ZodType) => z.union([inner, z.array(inner), z.record(z.string(), inner)]);
const DraftValue1 = level(DraftScalar).meta({ id: 'IntakeDraftValue1' });
const DraftValue2 = level(DraftValue1).meta({ id: 'IntakeDraftValue2' });
const DraftValue3 = level(DraftValue2).meta({ id: 'IntakeDraftValue3' });
export const IntakeDraftValue = level(DraftValue3).meta({ id: 'IntakeDraftValue', description: 'A JSON value of a questionnaire in progress (as the form saved it)' });
/** what a saved draft may hold: checked when saved, so every draft read back matches it */
export const IntakeDraftData = z.record(z.string(), IntakeDraftValue);

export const IntakeDraft = z
  .object({
    data: IntakeDraftData.describe('the form state as saved'),
    step: z.number().int(),
    savedAt: z.string().describe('ISO date-time'),
  })
  .nullable()
  .meta({ id: 'IntakeDraft', description: 'The questionnaire in progress, or null when there is none', example: { data: { answers: { pregnant: false } }, step: 2, savedAt: '2026-11-20T10:00:00.000Z' } });

export const IntakeDraftSaved = z
  .object({ step: z.number().int(), savedAt: z.string().describe('ISO date-time') })
  .meta({ id: 'IntakeDraftSaved', description: 'Progress saved', example: { step: 2, savedAt: '2026-11-20T10:00:00.000Z' } });

export const IntakeRecorded = z
  .object({
    version: z.number().int(),
    answeredOn: z.string().describe('YYYY-MM-DD'),
    today: z.string().describe("YYYY-MM-DD: the clinic's today (its location's time zone), the plan date for screening straight away"),
  })
  .meta({ id: 'IntakeRecorded', description: 'The version number the intake was recorded as', example: { version: 3, answeredOn: '2026-11-20', today: '2026-11-20' } });

