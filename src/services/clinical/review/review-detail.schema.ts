// The answer of the review detail: what the clinician sees before signing a review decision.
import { z } from 'zod';
import { AREAS, DECISIONS, MODALITIES } from '../../../domain/screening/engine/contract.js';

const answer = z.object({
  kind: z.enum(['conditions', 'medications', 'procedures', 'implants', 'allergies', 'question']),
  code: z.string().describe('the questionnaire item, e.g. keloid_history'),
  text: z.string().describe('the answer in plain words'),
});

const example = {
  screeningId: '5b0c2f0e-6f6e-4a59-9d7e-0d3f1c1e2a10', clientId: '0e8f5a8e-3c1b-4f57-9a0d-2b9d7c6f1a22', clientName: 'Ana Client', decision: 'needs_review',
  requested: { modality: 'pen', areas: ['cheeks'], date: '2026-12-10' },
  findings: [{ ruleId: 'CI-R2', title: 'Keloid history', outcome: 'needs_review', message: 'History of keloid: clinician review', clinical: 'History of keloid or hypertrophic scarring: clinician review; never treat over an active keloid.', areas: ['cheeks'], until: null, answers: [{ kind: 'conditions', code: 'keloid_history', text: 'Keloid history: in the past' }] }],
  plan: { id: '7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f', status: 'proposed', modality: 'pen', sessions: 3, intervalDays: { min: 28, max: 42 }, startDate: '2026-12-10', areas: [{ area: 'cheeks', depthMm: 1 }], numbing: true, precautions: [] },
  photos: [],
} as const;

export const ReviewDetail = z
  .object({
    screeningId: z.uuid(),
    clientId: z.uuid(),
    clientName: z.string(),
    decision: z.enum(DECISIONS),
    requested: z.object({ modality: z.enum(MODALITIES), areas: z.array(z.enum(AREAS)), date: z.string().describe('YYYY-MM-DD') }).describe('the treatment the screening was asked for'),
    findings: z.array(
      z.object({
        ruleId: z.string(),
        title: z.string().describe('the rule in plain words'),
        outcome: z.enum(DECISIONS),
        message: z.string(),
        clinical: z.string().describe('the rule as the protocol states it for clinicians'),
        areas: z.array(z.enum(AREAS)),
        until: z.string().nullable(),
        answers: z.array(answer).describe("the client's answers the rule looked at"),
      }),
    ),
    plan: z
      .object({
        id: z.uuid(),
        status: z.enum(['proposed', 'awaiting_director', 'active', 'superseded']),
        modality: z.enum(MODALITIES),
        sessions: z.number().int(),
        intervalDays: z.object({ min: z.number().int(), max: z.number().int() }),
        startDate: z.string(),
        areas: z.array(z.object({ area: z.enum(AREAS), depthMm: z.number() })),
        numbing: z.boolean(),
        precautions: z.array(z.string()),
      })
      .nullable()
      .describe("the client's newest plan for this modality, if any"),
    photos: z.array(z.object({ id: z.uuid(), view: z.string(), stage: z.string(), takenAt: z.string(), thumbUrl: z.string(), url: z.string() })),
  })
  .meta({ id: 'ReviewDetail', description: 'A needs-review screening with the answers behind each finding, the requested treatment, the plan and the photos', example });

export type ReviewDetailView = z.output<typeof ReviewDetail>;
