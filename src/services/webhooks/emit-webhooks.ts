// Writes one delivery per subscribed endpoint, in the caller's transaction (called by the audit trail
// for the actions of events.ts): a change that rolls back announces nothing.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { eventOfAction } from './events.js';

export interface AuditedChange {
  organizationId: string;
  action: string;
  entityType: string;
  entityId: string | null;
  clientId: string | null;
  at: Date;
}

/** The Standard Webhooks body: type, timestamp and data (ids only). */
export function webhookBody(type: string, at: Date, data: Record<string, string | null>) {
  return { type, timestamp: at.toISOString(), data };
}

/** adverse_event -> adverseEventId */
const idKey = (entityType: string) => `${entityType.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())}Id`;

export async function emitWebhooks(trx: Db, change: AuditedChange): Promise<void> {
  const type = eventOfAction(change.action);
  if (!type) return;
  const body = webhookBody(type, change.at, { organizationId: change.organizationId, [idKey(change.entityType)]: change.entityId, clientId: change.clientId });
  // one statement: nothing is written when no endpoint listens
  await sql`
    insert into webhook_deliveries (organization_id, endpoint_id, event_type, payload, next_attempt_at)
    select e.organization_id, e.id, ${type}, ${JSON.stringify(body)}::jsonb, ${change.at.toISOString()}::timestamptz
      from webhook_endpoints e
     where e.organization_id = ${change.organizationId} and e.active and ${type} = any(e.events)`.execute(trx);
}
