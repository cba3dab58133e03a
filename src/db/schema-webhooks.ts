// Webhook endpoints and their deliveries (migration 20261202-0320). Tenant tables.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookEndpointsTable {
  organization_id: string;
  id: Generated<string>;
  url: string;
  description: Generated<string>;
  events: string[];
  /** the signing secret, sealed with the server secret; shown to the owner once, at creation */
  secret_sealed: string;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface WebhookDeliveriesTable {
  organization_id: string;
  id: Generated<string>;
  endpoint_id: string;
  event_type: string;
  /** the Standard Webhooks body: { type, timestamp, data } with ids only */
  payload: ColumnType<unknown, string, string>;
  status: Generated<WebhookDeliveryStatus>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  /** the receiver's HTTP status on the last attempt */
  last_status: number | null;
  /** why the last attempt failed, in plain words */
  last_error: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  delivered_at: Timestamp | null;
  /** the delivery this one sends again, when replayed from the log */
  replay_of: string | null;
}

export interface WebhookTables {
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
