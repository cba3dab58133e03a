// The answer of every treatment-plan route: one plan version with the quote stored with it.
import { z } from 'zod';
import { AREAS, CONCERN_CODES, MODALITIES } from '../../domain/screening/engine/contract.js';

const isoDate = () => z.string().describe('YYYY-MM-DD');
const range = () => z.object({ min: z.number().int(), max: z.number().int() });
const Money = z.object({ cents: z.number().int().describe('integer cents'), currency: z.string().describe('ISO 4217, e.g. USD') });

export const PlanQuote = z
  .object({
    serviceCode: z.string(),
    serviceName: z.string(),
    sessions: z.number().int(),
    perSession: Money,
    lines: z.array(z.object({ label: z.string(), quantity: z.number().int(), unit: Money, total: Money })),
    total: Money.describe('the plan priced per session, in integer cents'),
    packages: z.array(
      z.object({
        packageId: z.string(),
        name: z.string(),
        sessions: z.number().int(),
        price: Money,
        extraSessions: z.number().int().describe('sessions of the plan not covered by the package, priced per session'),
        total: Money,
        saving: Money,
        validDays: z.number().int(),
      }),
    ),
    priceEffectiveFrom: isoDate(),
    priceLineId: z
      .string()
      .nullable()
      .optional()
      .describe('the price list line the quote is built on; bookings for the plan carry it and their deposit and invoice use it (absent on older quotes)'),
  })
  .meta({ id: 'PlanQuote', description: "The plan's price from the location's price list on its start date; amounts in integer cents" });

const issue = z.object({ path: z.string(), ruleId: z.string(), message: z.string() });

export const TreatmentPlanDetails = z
  .object({
    modality: z.enum(MODALITIES),
    indication: z.enum(['rejuvenation', 'scars']),
    concerns: z.array(z.enum(CONCERN_CODES)),
    areas: z.array(
      z.object({
        area: z.enum(AREAS),
        depthMm: z.number(),
        check: z.object({
          area: z.enum(AREAS),
          depthMm: z.number(),
          capMm: z.number(),
          status: z.enum(['ok', 'warn', 'needs_director', 'refused']),
          ruleIds: z.array(z.string()),
          messages: z.array(z.string()),
        }),
      }),
    ),
    excludedAreas: z.array(z.object({ area: z.enum(AREAS), reason: z.string(), ruleIds: z.array(z.string()).optional().describe('the rules that left it out (absent on older plans)') })),
    sessions: z.number().int(),
    sessionRange: range(),
    intervalDays: range().describe('days between sessions'),
    startDate: isoDate(),
    assessFrom: isoDate().describe('the earliest date results are judged'),
    downtime: z.object({ rednessDays: range(), flakingDays: range(), fullRecoveryDays: z.number().int() }),
    numbing: z.object({ use: z.boolean(), minutes: z.number().int(), reason: z.string().nullable() }),
    minutesPerSession: z.number().int(),
    precautions: z.array(z.object({ id: z.string(), text: z.string() })),
    protocolIds: z.array(z.string()),
    findings: z
      .array(z.object({ ruleId: z.string(), message: z.string(), sources: z.array(z.string()) }))
      .optional()
      .describe('why the plan was recommended as it is, each with its rule id and sources (plan contract v1; absent on older plans)'),
    protocol: z.string().optional().describe('the protocol pack and version of the recommendation (absent on older plans)'),
    outsideCapsIssues: z.array(issue).optional().describe('on an adjusted version: the protocol caps it goes beyond'),
    changeReason: z.string().nullable().optional().describe('on an adjusted version: why it changed'),
  })
  .meta({ id: 'TreatmentPlanDetails', description: 'Modality, depth per area within caps, sessions, interval, downtime and numbing, each with its protocol ids' });

const planFields = {
  id: z.uuid(),
  clientId: z.uuid(),
  locationId: z.uuid(),
  screeningId: z.uuid().nullable(),
  supersedes: z.uuid().nullable().describe('the version this one replaced'),
  status: z.enum(['proposed', 'awaiting_director', 'active', 'superseded']),
  outsideCaps: z.boolean(),
  plan: TreatmentPlanDetails,
  quote: PlanQuote.nullable().describe('null when the location does not price the service'),
  createdBy: z.string().describe('name of whoever made this version'),
  directorApprovedBy: z.string().nullable().describe('name of the medical director who approved it'),
  createdAt: z.string().describe('ISO date-time'),
};

const money = (cents: number) => ({ cents, currency: 'USD' });
const example = {
  id: '3f6c1a2b-8d4e-4f5a-9b6c-7d8e9f0a1b2c', clientId: '0e8f5a8e-3c1b-4f57-9a0d-2b9d7c6f1a22', locationId: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d',
  screeningId: '5b0c2f0e-6f6e-4a59-9d7e-0d3f1c1e2a10', supersedes: null, status: 'proposed', outsideCaps: false,
  plan: {
    modality: 'pen', indication: 'scars', concerns: ['acne_scars'],
    areas: [{ area: 'cheeks', depthMm: 1.5, check: { area: 'cheeks', depthMm: 1.5, capMm: 2, status: 'ok', ruleIds: [], messages: [] } }],
    excludedAreas: [], sessions: 4, sessionRange: { min: 3, max: 6 }, intervalDays: { min: 28, max: 42 }, startDate: '2026-12-10', assessFrom: '2027-06-14',
    downtime: { rednessDays: { min: 1, max: 3 }, flakingDays: { min: 2, max: 5 }, fullRecoveryDays: 14 },
    numbing: { use: true, minutes: 20, reason: null }, minutesPerSession: 60, precautions: [], protocolIds: ['DEPTH-2', 'SES-1'],
    findings: [{ ruleId: 'SES-acne_scars', message: 'Acne scars: 3 to 6 sessions (usually 4), 28 to 42 days apart.', sources: ['S3', 'S4', 'S5', 'S25'] }], protocol: 'microneedling@2026.12.1',
  },
  quote: {
    serviceCode: 'MN-PEN-FACE', serviceName: 'Microneedling, face', sessions: 4, perSession: money(30000),
    lines: [{ label: 'Microneedling, face', quantity: 4, unit: money(30000), total: money(120000) }], total: money(120000),
    packages: [], priceEffectiveFrom: '2026-01-01', priceLineId: '7c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
  },
  createdBy: 'Dana Provider', directorApprovedBy: null, createdAt: '2026-11-28T10:00:00.000Z',
} as const;

export const TreatmentPlan = z.object(planFields).meta({ id: 'TreatmentPlan', description: 'One version of a treatment plan with its quote', example });
export const TreatmentPlanList = z.object({ items: z.array(TreatmentPlan) }).meta({ id: 'TreatmentPlanList', description: 'Plans, newest first', example: { items: [example] } });

const awaitingExample = { ...example, status: 'awaiting_director', outsideCaps: true, clientName: 'Maya Chen' } as const;
export const AwaitingDirectorPlan = z
  .object({ ...planFields, clientName: z.string() })
  .meta({ id: 'AwaitingDirectorPlan', description: 'A plan adjusted outside the caps, waiting for the medical director', example: awaitingExample });
export const AwaitingDirectorPlanList = z
  .object({ items: z.array(AwaitingDirectorPlan) })
  .meta({ id: 'AwaitingDirectorPlanList', description: 'Plans waiting for the medical director, oldest first', example: { items: [awaitingExample] } });

export type PlanView = z.output<typeof TreatmentPlan>;
export type AwaitingDirectorPlanView = z.output<typeof AwaitingDirectorPlan>;
