// The shapes the client message routes answer with; the services return these types.
import { z } from 'zod';

const hhmm = (what: string) => z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).describe(`${what}, HH:MM in the location's time zone`);

export const MessagePreferences = z
  .object({
    email: z.boolean().describe('opted in to email'),
    sms: z.boolean().describe('opted in to SMS'),
    quietStart: hhmm('Start of quiet hours'),
    quietEnd: hhmm('End of quiet hours (equal to the start: no quiet hours)'),
  })
  .meta({ id: 'MessagePreferences', description: "A client's channels and quiet hours", example: { email: true, sms: false, quietStart: '21:00', quietEnd: '08:00' } });
export type MessagePreferencesView = z.output<typeof MessagePreferences>;

export const ClientMessage = z
  .object({
    id: z.uuid(),
    channel: z.enum(['email', 'sms']),
    kind: z.string().describe('what the message is about, e.g. booking_confirmation, reminder'),
    subject: z.string().describe('the subject only: bodies may hold health data'),
    status: z.enum(['pending', 'sent', 'failed', 'held', 'cancelled']),
    sendAfter: z.iso.datetime().describe('not sent before this time (ISO 8601 date-time, UTC)'),
    sentAt: z.iso.datetime().nullable().describe('when it was sent (ISO 8601 date-time, UTC)'),
  })
  .meta({
    id: 'ClientMessage',
    description: 'A message sent (or to be sent) to a client',
    example: { id: '8a9b0c1d-2e3f-4051-8627-38495a6b7c8d', channel: 'email', kind: 'reminder', subject: 'Your visit tomorrow at 3:00 PM', status: 'sent', sendAfter: '2026-12-02T15:00:00.000Z', sentAt: '2026-12-02T15:00:04.000Z' },
  });
export type ClientMessageView = z.output<typeof ClientMessage>;

export const ClientMessageList = z
  .object({ items: z.array(ClientMessage).describe('newest first, at most 200') })
  .meta({ id: 'ClientMessageList', description: 'What was sent to the client and when', example: { items: [] } });
