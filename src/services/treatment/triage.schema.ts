// The triage contract (docs/triage.md) as named API components: the report, the result and its
// findings. The shapes are the contract's own (src/domain/treatment/triage/contract.ts).
import { TriageFindingSchema, TriageReportSchema, TriageResultSchema } from '../../domain/treatment/triage/index.js';

const findingExample = {
  ruleId: 'RF-FLAG-1', urgency: 'urgent', symptoms: ['pus'],
  clientMessage: 'Redness, warmth or pain that gets worse after the first two days, pus, or a fever can be a sign of infection.',
  clinicianMessage: 'Possible bacterial infection: pus (moderate, since hour 50). Reported at hour 52 after pen treatment of the cheeks.',
  sources: ['S25', 'S13'],
} as const;

export const TriageFinding = TriageFindingSchema.meta({ id: 'TriageFinding', description: 'A triage rule a report met: its urgency, the symptoms behind it, what the client and the clinician read, and the sources', example: findingExample });

export const TriageReportBody = TriageReportSchema.meta({
  id: 'TriageReport',
  description: 'Triage report v1 (docs/triage.md)',
  example: { hoursSinceTreatment: 52, modality: 'pen', areas: ['cheeks'], symptoms: [{ code: 'pus', severity: 'moderate', onsetHours: 50 }], photoAttached: false },
});

export const triageResultExample = {
  urgency: 'urgent',
  advice: 'Your provider needs to check this today. If the clinic has not called you within a few hours, call them. Do not put anything new on the area. If you get worse, develop a high fever, or have trouble breathing, call 911.',
  findings: [findingExample],
  protocol: 'microneedling@2026.12.1',
} as const;

export const TriageOutcome = TriageResultSchema.meta({ id: 'TriageResult', description: 'Triage result v1 (docs/triage.md): the urgency, what to do, and every finding with its rule and sources', example: triageResultExample });
