// The plan contract (docs/plans.md) as named API components: the request and the result. The
// shapes are the contract's own (src/domain/plans/contract.ts).
import { PlanRequestSchema, PlanResultSchema } from '../../domain/plans/index.js';

const requestExample = {
  screening: {
    decision: 'eligible', earliestDate: null, findings: [], areas: { forehead: 'eligible', cheeks: 'eligible' }, protocol: 'microneedling@2026.12.1',
  },
  startDate: '2026-12-01', concerns: ['fine_lines'], fitzpatrick: 2, areas: ['forehead', 'cheeks'],
} as const;

const resultExample = {
  status: 'ready', modality: 'pen', indication: 'rejuvenation', concerns: ['fine_lines'], sessions: 4, sessionRange: { min: 3, max: 4 }, intervalDays: { min: 28, max: 42 },
  startDate: '2026-12-01', assessFrom: '2027-05-24',
  areas: [
    { area: 'forehead', depthMm: 0.5, capMm: 0.5, capRuleId: 'DEP-forehead', sources: ['S25', 'S26', 'S46', 'S29'] },
    { area: 'cheeks', depthMm: 1, capMm: 1, capRuleId: 'DEP-cheeks', sources: ['S25', 'S26', 'S46', 'S29'] },
  ],
  excludedAreas: [],
  numbing: { use: true, minutes: 20, ruleId: 'LOG-1', reason: null },
  downtime: { rednessDays: { min: 1, max: 3 }, flakingDays: { min: 2, max: 5 }, fullRecoveryDays: 14 },
  minutesPerSession: 50,
  precautions: [{ ruleId: 'LOG-5', text: 'Only products labelled or approved for use with the device (granuloma risk).', sources: ['S15', 'S16', 'S26'] }],
  findings: [
    { ruleId: 'REG-4', message: 'Automated pen: the FDA-authorised device class for these concerns.', sources: ['S24', 'S25'] },
    { ruleId: 'SES-fine_lines', message: 'Fine lines: 3 to 4 sessions (usually 4), 28 to 42 days apart. Four sessions 30 days apart; judged at day 90 and day 150.', sources: ['S7'] },
    { ruleId: 'OUT-9', message: 'Results are judged from 2027-05-24, at least 90 days after the last session.', sources: ['S3', 'S5'] },
  ],
  protocol: 'microneedling@2026.12.1',
} as const;

export const PlanRequestBody = PlanRequestSchema.meta({ id: 'PlanRequest', description: 'Plan request v1 (docs/plans.md)', example: requestExample });
export const PlanResult = PlanResultSchema.meta({ id: 'PlanResult', description: 'Plan result v1 (docs/plans.md): a ready or provisional plan, or why none can be made', example: resultExample });
