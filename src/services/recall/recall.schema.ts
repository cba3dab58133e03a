// Recall flows: the inputs the routes take and the shapes they answer with (docs/recall.md).
import { z } from 'zod';
import { line, text } from '../../domain/shared/input.js';
import { FLOW_NAMES } from './flow-defaults.js';

export const flowName = z.enum(FLOW_NAMES);

export const updateRecallFlowInput = z.strictObject({
  enabled: z.boolean(),
  delayDays: z.number().int().min(0).max(730),
  channel: z.enum(['email', 'sms', 'both']),
  subject: line({ min: 3, max: 150 }),
  body: text({ min: 10, max: 2000 }),
});
export type UpdateRecallFlowInput = z.infer<typeof updateRecallFlowInput>;

export const previewRecallInput = z.strictObject({ subject: line({ min: 0, max: 150 }), body: text({ min: 0, max: 2000 }) });

export const RecallFlow = z
  .object({
    flow: flowName,
    label: z.string(),
    purpose: z.enum(['care', 'marketing']).describe('care goes to every client; marketing only to clients who opted in'),
    enabled: z.boolean(),
    available: z.boolean().describe('false: this flow is not sent yet (coming with another part of Dermis)'),
    delayDays: z.number().int(),
    delayMeaning: z.string().describe('what the delay counts, in plain words'),
    channel: z.enum(['email', 'sms', 'both']),
    subject: z.string(),
    body: z.string().describe('placeholders: {firstName} {clinicName} {serviceName} {bookingLink} {unsubscribeLink}'),
    updatedAt: z.iso.datetime().describe('last saved (ISO 8601 date-time, UTC)'),
  })
  .meta({
    id: 'RecallFlow',
    description: 'One recall flow of the clinic: when it sends, on which channel, and what it says',
    example: {
      flow: 'series_next', label: 'Next session of a series', purpose: 'care', enabled: true, available: true, delayDays: 0, delayMeaning: 'days after the window for the next session opens', channel: 'email',
      subject: 'Time to book your next {serviceName} session', body: 'Hi {firstName}, ... Book here: {bookingLink} ... To stop these messages: {unsubscribeLink}', updatedAt: '2026-12-05T10:00:00.000Z',
    },
  });
export type RecallFlowView = z.output<typeof RecallFlow>;

export const RecallFlowList = z.object({ items: z.array(RecallFlow) }).meta({ id: 'RecallFlowList', description: 'Every recall flow of the clinic', example: { items: [] } });

export const RecallPreview = z
  .object({
    subject: z.string(),
    text: z.string().describe('the message as a sample client would read it'),
    problems: z.array(z.string()).describe('what would stop this text being saved, in plain sentences'),
  })
  .meta({ id: 'RecallPreview', description: 'A recall message rendered for a sample client', example: { subject: 'Time to book your next Pen microneedling session', text: 'Hi Alex, ...', problems: [] } });

export const MarketingConsent = z
  .object({
    optedIn: z.boolean().describe('the client agreed to marketing messages (recalls other than a series’ next session)'),
    changedAt: z.iso.datetime().nullable().describe('when it last changed (ISO 8601 date-time, UTC)'),
    source: z.enum(['portal', 'desk', 'unsubscribe_link']).nullable().describe('how it was given or withdrawn'),
  })
  .meta({ id: 'MarketingConsent', description: "A client's marketing opt-in, kept apart from care messages", example: { optedIn: true, changedAt: '2026-12-05T10:00:00.000Z', source: 'portal' } });
export type MarketingConsentView = z.output<typeof MarketingConsent>;

export const marketingConsentInput = z.strictObject({ optedIn: z.boolean() });

export const unsubscribeQuery = z.object({ token: z.string().min(20).max(100) });
export const unsubscribeInput = z.strictObject({ token: z.string().min(20).max(100), subscribed: z.boolean().describe('false to unsubscribe, true to undo') });

export const UnsubscribeState = z
  .object({
    clinicName: z.string(),
    purpose: z.enum(['care', 'marketing']),
    what: z.string().describe('what the link unsubscribes from, in plain words'),
    subscribed: z.boolean(),
  })
  .meta({ id: 'UnsubscribeState', description: 'What an unsubscribe link is for, and whether the person still gets those messages', example: { clinicName: 'Glow Skin Studio', purpose: 'marketing', what: 'marketing messages from Glow Skin Studio', subscribed: false } });
export type UnsubscribeStateView = z.output<typeof UnsubscribeState>;
