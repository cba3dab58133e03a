// The answers of the learn routes: the public guide, search, the risk summary and acknowledgements.
import { z } from 'zod';

const modality = z.enum(['roller', 'pen', 'rf']);

export const RiskSummary = z
  .object({
    id: z.literal('risk-summary'),
    version: z.string().describe('the risk summary version (it changes only when the summary does); an acknowledgement names it'),
    title: z.string(),
    points: z.array(z.object({ modality: z.enum(['all', 'rf']).describe('all modalities, or RF only'), text: z.string() })),
  })
  .meta({
    id: 'RiskSummary',
    description: 'The risk summary a client acknowledges before booking',
    example: { id: 'risk-summary', version: '2026.11.1', title: 'Before you book: what you need to know', points: [{ modality: 'all', text: 'Infection, breakouts and cold-sore flares can happen.' }] },
  });

export const LearnGuideSection = z
  .object({ id: z.string(), title: z.string(), summary: z.string(), paragraphs: z.array(z.string()), bullets: z.array(z.string()), sources: z.array(z.string()) })
  .meta({ id: 'LearnGuideSection', description: 'One section of the client guide' });

export const LearnGuide = z
  .object({
    version: z.string(),
    names: z.array(z.string()).describe('every name microneedling goes by'),
    sections: z.array(LearnGuideSection),
    riskSummary: RiskSummary,
  })
  .meta({
    id: 'LearnGuide',
    description: 'The microneedling guide for clients',
    example: {
      version: '2026.11.1', names: ['microneedling', 'collagen induction therapy'],
      sections: [{ id: 'what-it-is', title: 'What microneedling is', summary: 'Fine needles make tiny channels in the skin.', paragraphs: ['...'], bullets: [], sources: ['AAD'] }],
      riskSummary: { id: 'risk-summary', version: '2026.11.1', title: 'Before you book: what you need to know', points: [{ modality: 'all', text: 'Infection, breakouts and cold-sore flares can happen.' }] },
    },
  });

export const LearnSearchResults = z
  .object({
    items: z.array(z.object({ kind: z.enum(['guide', 'service']), id: z.string(), title: z.string(), snippet: z.string(), score: z.number() })),
  })
  .meta({
    id: 'LearnSearchResults',
    description: 'Guide sections and services that match, best first',
    example: { items: [{ kind: 'guide', id: 'what-it-is', title: 'What microneedling is', snippet: 'Fine needles make tiny channels in the skin.', score: 3.5 }] },
  });

const ackFields = {
  id: z.uuid(),
  modality,
  summaryVersion: z.string(),
  acknowledgedAt: z.string().describe('ISO date-time'),
};
const ackExample = { id: '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a', modality: 'pen', summaryVersion: '2026.11.1', acknowledgedAt: '2026-11-28T10:00:00.000Z' } as const;

export const RiskAcknowledgement = z.object(ackFields).meta({ id: 'RiskAcknowledgement', description: 'A recorded acknowledgement of the risk summary', example: ackExample });
export const RiskAcknowledgementRecord = z
  .object({ ...ackFields, ip: z.string().nullable() })
  .meta({ id: 'RiskAcknowledgementRecord', description: 'An acknowledgement with the address it came from', example: { ...ackExample, ip: '203.0.113.7' } });
export const RiskAcknowledgementList = z
  .object({ items: z.array(RiskAcknowledgementRecord) })
  .meta({ id: 'RiskAcknowledgementList', description: "A client's risk acknowledgements, newest first", example: { items: [{ ...ackExample, ip: '203.0.113.7' }] } });

export type LearnGuideView = z.output<typeof LearnGuide>;
export type RiskSummaryView = z.output<typeof RiskSummary>;
export type RiskAcknowledgementView = z.output<typeof RiskAcknowledgement>;
export type RiskAcknowledgementRecordView = z.output<typeof RiskAcknowledgementRecord>;
