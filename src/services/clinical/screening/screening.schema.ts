// The answers of the screening and review routes. A stored screening keeps the contract's plan and
// result (../shared/spec/screening.md) unchanged: those parts reuse the contract schemas.
import { z } from 'zod';
import { DECISIONS, MODALITIES } from '../../../domain/screening/engine/contract.js';
import { PlanSchema, ScreeningResultSchema, screeningSettingsSchema } from '../engine.js';

const isoDate = () => z.string().describe('YYYY-MM-DD');
const isoDateTime = () => z.string().describe('ISO date-time');

export const SCREENING_STATUSES = ['current', 'stale', 'expired', 'not_yet_valid'] as const;
const status = z.enum(SCREENING_STATUSES).describe('current; stale when the intake changed since; expired after validUntil');

const planExample = { modality: 'pen', areas: ['forehead', 'cheeks'], date: '2026-12-10' } as const;
const resultExample = {
  decision: 'deferred', earliestDate: '2026-12-12',
  findings: [{ ruleId: 'DEF-13', outcome: 'deferred', areas: ['forehead'], until: '2026-12-12', message: 'Neurotoxin within 14 days', sources: ['pack:microneedling'] }],
  areas: { forehead: 'deferred', cheeks: 'eligible' }, protocol: 'microneedling@2026.12.1',
} as const;
const explanationExample = { decision: 'deferred', summary: 'This treatment needs to wait for now.', earliest: 'The earliest date you can be treated is December 12, 2026.', reasons: ['Wait two weeks after a neurotoxin.'] } as const;

/** The screening contract's plan and result as named components (the contract is not changed). */
export const ScreeningPlan = PlanSchema.meta({ id: 'ScreeningPlan', description: 'The planned treatment (screening contract v1)', example: planExample });
export const ScreeningOutcome = ScreeningResultSchema.meta({ id: 'ScreeningOutcome', description: 'Screening result (screening contract v1)', example: resultExample });
export const ScreeningSettingsUsed = screeningSettingsSchema.meta({ id: 'ScreeningSettings', description: 'The configurable screening windows (days, weeks or months as each name says)' });

export const ScreeningExplanation = z
  .object({
    decision: z.enum(DECISIONS),
    summary: z.string(),
    earliest: z.string().nullable().describe('the earliest treatment date in words, if any'),
    reasons: z.array(z.string()),
  })
  .meta({ id: 'ScreeningExplanation', description: 'The result in plain language, without rule ids', example: explanationExample });

export const ReviewAdjustment = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('no_numbing_cream'), note: z.string().optional() }),
    z.object({ kind: z.literal('max_depth'), area: z.string(), maxDepthMm: z.number() }),
    z.object({ kind: z.literal('exclude_area'), area: z.string() }),
    z.object({ kind: z.literal('antiviral_prophylaxis'), note: z.string().optional() }),
    z.object({ kind: z.literal('other'), note: z.string() }),
  ])
  .meta({ id: 'ReviewAdjustment', description: 'A change to the treatment the reviewer made a condition of approval' });

const reviewOutcome = z.enum(['approved', 'declined']);

export const ScreeningReview = z
  .object({
    outcome: reviewOutcome,
    note: z.string(),
    adjustments: z.array(ReviewAdjustment),
    ruleIds: z.array(z.string()).describe('the needs-review findings the decision resolves'),
    signedName: z.string(),
    reviewerRole: z.string().describe('role of the reviewer (medical_director or provider)'),
    reviewerLicenceType: z.string().nullable(),
    signatureHash: z.string().describe('sha256 of the signed decision'),
    reviewedAt: isoDateTime(),
  })
  .meta({ id: 'ScreeningReview', description: "A clinician's signed decision on a needs-review screening (staff view)" });

const staffScreeningExample = {
  id: '5b0c2f0e-6f6e-4a59-9d7e-0d3f1c1e2a10', clientId: '0e8f5a8e-3c1b-4f57-9a0d-2b9d7c6f1a22', intakeVersion: 2, plan: planExample, planDate: '2026-12-10', validUntil: '2027-01-09',
  status: 'current', clearsTreatment: false, result: resultExample, settingsVersion: 0,
  settingsUsed: { isotretinoinMonths: 6, tanningDays: 14, selfTannerDays: 2, topicalRetinoidDays: 3, deepPeelMonths: 3, nonAblativeLaserDays: 21, ablativeLaserWeeks: 12, facialSurgeryMonths: 12, neurotoxinDays: 14, fillerDays: 14, radiationMonths: 3, microneedlingIntervalDays: 28, resultValidityDays: 30 },
  createdAt: '2026-11-28T10:00:00.000Z', review: null, explanation: explanationExample,
} as const;

export const StaffScreening = z
  .object({
    id: z.uuid(),
    clientId: z.uuid(),
    intakeVersion: z.number().int(),
    plan: ScreeningPlan,
    planDate: isoDate(),
    validUntil: isoDate(),
    status,
    clearsTreatment: z.boolean().describe('current, and eligible, with precautions or approved on review'),
    result: ScreeningOutcome,
    settingsVersion: z.number().int().describe('0: the protocol defaults, never changed'),
    settingsUsed: ScreeningSettingsUsed,
    createdAt: isoDateTime(),
    review: z.union([ScreeningReview, z.null()]),
    explanation: ScreeningExplanation,
  })
  .meta({
    id: 'StaffScreening',
    description: 'A stored screening as clinicians see it: rule ids, sources, settings used',
    example: staffScreeningExample,
  });

export const ClientScreening = z
  .object({
    id: z.uuid(),
    planDate: isoDate(),
    validUntil: isoDate(),
    status,
    clearsTreatment: z.boolean(),
    decision: z.enum(DECISIONS),
    earliestDate: isoDate().nullable(),
    explanation: ScreeningExplanation,
    plan: ScreeningPlan,
    createdAt: isoDateTime(),
    review: z.object({ outcome: reviewOutcome, reviewedAt: isoDateTime(), note: z.string().describe('plain-language outcome') }).nullable(),
  })
  .meta({
    id: 'ClientScreening',
    description: 'A stored screening as the client sees it: plain language only',
    example: {
      id: '5b0c2f0e-6f6e-4a59-9d7e-0d3f1c1e2a10', planDate: '2026-12-10', validUntil: '2027-01-09', status: 'current', clearsTreatment: false, decision: 'deferred',
      earliestDate: '2026-12-12', explanation: explanationExample, plan: planExample, createdAt: '2026-11-28T10:00:00.000Z', review: null,
    },
  });

/** Clinicians get the staff view, the client the plain one. */
export const StoredScreening = z
  .union([StaffScreening, ClientScreening])
  .meta({ id: 'StoredScreening', description: 'A stored screening: StaffScreening for clinicians, ClientScreening for the client', example: staffScreeningExample });
export const StoredScreeningList = z
  .object({ items: z.array(StoredScreening) })
  .meta({ id: 'StoredScreeningList', description: "A client's screenings, newest first", example: { items: [staffScreeningExample] } });

export const ReviewQueueItem = z
  .object({
    screeningId: z.uuid(),
    clientId: z.uuid(),
    clientName: z.string(),
    planDate: isoDate(),
    modality: z.enum(MODALITIES),
    findings: z.array(z.object({ ruleId: z.string(), message: z.string() })).describe('the needs-review findings only'),
    createdAt: isoDateTime(),
  })
  .meta({ id: 'ReviewQueueItem', description: 'A current screening waiting for a clinician review' });

export const ReviewQueue = z
  .object({ items: z.array(ReviewQueueItem), canDecide: z.boolean().describe('whether the caller may sign a decision') })
  .meta({
    id: 'ReviewQueue',
    description: 'Screenings waiting for a clinician review, oldest first',
    example: {
      items: [{ screeningId: '5b0c2f0e-6f6e-4a59-9d7e-0d3f1c1e2a10', clientId: '0e8f5a8e-3c1b-4f57-9a0d-2b9d7c6f1a22', clientName: 'Ana Client', planDate: '2026-12-10', modality: 'pen', findings: [{ ruleId: 'REV-3', message: 'Fitzpatrick V-VI: review' }], createdAt: '2026-11-28T10:00:00.000Z' }],
      canDecide: true,
    },
  });

export const ReviewDecision = z
  .object({
    id: z.uuid(),
    screeningId: z.uuid(),
    outcome: reviewOutcome,
    ruleIds: z.array(z.string()),
    signatureHash: z.string().describe('sha256 of the signed decision'),
    signedAt: isoDateTime(),
  })
  .meta({
    id: 'ReviewDecision',
    description: "A clinician's signed review decision",
    example: { id: '9a1d3c55-1f0e-4c8b-8f3e-6a7b5c4d3e2f', screeningId: '5b0c2f0e-6f6e-4a59-9d7e-0d3f1c1e2a10', outcome: 'approved', ruleIds: ['REV-3'], signatureHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', signedAt: '2026-11-28T11:00:00.000Z' },
  });

export type StaffScreeningView = z.output<typeof StaffScreening>;
export type ClientScreeningView = z.output<typeof ClientScreening>;
export type ReviewQueueView = z.output<typeof ReviewQueue>;
export type ReviewAdjustmentView = z.output<typeof ReviewAdjustment>;
export type ReviewDecisionView = z.output<typeof ReviewDecision>;
