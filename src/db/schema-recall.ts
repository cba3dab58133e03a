// Tables of recall and rebooking flows (migration 20261205-0510, docs/recall.md).
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type RecallFlowName = 'series_next' | 'consult_no_treatment' | 'lapsed' | 'credits_expiring';
export type RecallChannel = 'email' | 'sms' | 'both';
export type RecallPurpose = 'care' | 'marketing';

export interface RecallFlowsTable {
  organization_id: string;
  flow: RecallFlowName;
  enabled: boolean;
  delay_days: number;
  channel: RecallChannel;
  subject: string;
  body: string;
  purpose: RecallPurpose;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface RecallSendsTable {
  organization_id: string;
  id: Generated<string>;
  flow: RecallFlowName;
  client_id: string;
  subject_ref: string;
  service_id: string | null;
  location_id: string | null;
  message_id: string | null;
  unsubscribe_hash: string;
  sent_at: CreatedAt;
  booked_booking_id: string | null;
  booked_at: Date | null;
}

export interface RecallTables {
  recall_flows: RecallFlowsTable;
  recall_sends: RecallSendsTable;
}
