// What the console shows of endpoints and deliveries: never the signing secret (shown once, at
// creation) and never more than ids of what happened.
import type { Selectable } from 'kysely';
import type { Database } from '../../db/schema.js';

type EndpointRow = Selectable<Database['webhook_endpoints']>;
type DeliveryRow = Selectable<Database['webhook_deliveries']>;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export const endpointView = (e: EndpointRow) => ({
  id: e.id,
  url: e.url,
  description: e.description,
  events: e.events,
  active: e.active,
  createdAt: iso(e.created_at)!,
});
export type EndpointView = ReturnType<typeof endpointView>;

export const deliveryView = (d: DeliveryRow & { url: string }) => ({
  id: d.id,
  endpointId: d.endpoint_id,
  url: d.url,
  eventType: d.event_type,
  status: d.status,
  attempts: d.attempts,
  lastStatus: d.last_status,
  lastError: d.last_error,
  createdAt: iso(d.created_at)!,
  deliveredAt: iso(d.delivered_at),
  nextAttemptAt: d.status === 'pending' ? iso(d.next_attempt_at) : null,
  replayOf: d.replay_of,
  payload: d.payload as { type: string; timestamp: string; data: Record<string, string | null> },
});
export type DeliveryView = ReturnType<typeof deliveryView>;
