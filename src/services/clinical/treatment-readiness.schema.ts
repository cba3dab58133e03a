// The answer of the treatment-readiness route (booking and check-in ask the same question).
import { z } from 'zod';
import { MODALITIES } from '../../domain/screening/engine/contract.js';

export const ReadinessCheck = z
  .object({
    id: z.enum(['screening', 'treatment_consent', 'risk_acknowledgement']),
    ok: z.boolean(),
    message: z.string().describe('the desk and the owner get a plain message without clinical reasons'),
  })
  .meta({ id: 'ReadinessCheck', description: 'One condition of treatment and whether it is met' });

export const TreatmentReadiness = z
  .object({
    modality: z.enum(MODALITIES),
    date: z.string().describe('YYYY-MM-DD: the day asked about (today by default)'),
    ready: z.boolean().describe('every check is met'),
    checks: z.array(ReadinessCheck),
  })
  .meta({
    id: 'TreatmentReadiness',
    description: 'May the client be treated with a modality on a date',
    example: {
      modality: 'pen', date: '2026-12-10', ready: false,
      checks: [
        { id: 'screening', ok: true, message: 'screening of 2026-12-10 clears pen until 2027-01-09' },
        { id: 'treatment_consent', ok: false, message: 'no current signed pen treatment consent' },
        { id: 'risk_acknowledgement', ok: true, message: 'risk summary acknowledged' },
      ],
    },
  });

export type ReadinessCheckView = z.output<typeof ReadinessCheck>;
export type TreatmentReadinessView = z.output<typeof TreatmentReadiness>;
