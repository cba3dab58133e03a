import { z } from 'zod';
import { line } from '../../domain/shared/input.js';
import { WEBHOOK_EVENT_TYPES } from './events.js';

export const createEndpointInput = z.strictObject({
  url: line({ max: 500 }).describe('Where the events are POSTed: https://, or http:// to this machine (localhost) for testing'),
  description: line({ min: 0, max: 120 }).optional().describe('What the endpoint is for, e.g. "Accounting sync"'),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1).max(WEBHOOK_EVENT_TYPES.length).describe('The events sent to this endpoint'),
});
export type CreateEndpointInput = z.infer<typeof createEndpointInput>;
