// Treatment tables (migration 0005).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface CartridgeLotsTable {
  organization_id: string;
  id: Generated<string>;
  location_id: string;
  manufacturer: string;
  product: string;
  lot_number: string;
  expires_on: string;
  recalled_at: Timestamp | null;
  recall_reason: string | null;
  created_at: CreatedAt;
}

export interface ChartsTable {
  organization_id: string;
  id: Generated<string>;
  booking_id: string;
  client_id: string;
  version: number;
  supersedes: string | null;
  status: 'draft' | 'signed';
  data: Json;
  provider_user_id: string;
  signed_name: string | null;
  signed_at: Timestamp | null;
  signature_hash: string | null;
  amendment_reason: string | null;
  needs_cosign: Generated<boolean>;
  cosigned_by: string | null;
  cosigned_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface ChartLotsTable {
  organization_id: string;
  chart_id: string;
  lot_id: string;
  client_id: string;
}

export interface AftercareJourneysTable {
  organization_id: string;
  id: Generated<string>;
  booking_id: string;
  client_id: string;
  chart_id: string;
  modality: string;
  treated_at: Timestamp;
  time_zone: string;
  created_at: CreatedAt;
}

export interface AftercareCheckInsTable {
  organization_id: string;
  id: Generated<string>;
  journey_id: string;
  day: number;
  due_at: Timestamp;
  answered_at: Timestamp | null;
  answers: Json | null;
  level: 'expected' | 'routine' | 'urgent' | 'emergency' | null;
  scheduled: Generated<boolean>;
}

export interface ClinicalAlertsTable {
  organization_id: string;
  id: Generated<string>;
  client_id: string;
  journey_id: string;
  check_in_id: string;
  level: 'routine' | 'urgent' | 'emergency';
  flags: Json;
  status: Generated<'open' | 'acknowledged'>;
  escalate_after: Timestamp;
  escalated_at: Timestamp | null;
  acknowledged_by: string | null;
  acknowledged_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface AdverseEventsTable {
  organization_id: string;
  id: Generated<string>;
  client_id: string;
  booking_id: string | null;
  alert_id: string | null;
  code: string;
  expected_response: boolean;
  grade: number | null;
  serious: boolean;
  relatedness: 'unrelated' | 'possible' | 'probable' | 'definite';
  device_id: string | null;
  lot_id: string | null;
  onset_on: string;
  description: string;
  status: Generated<'open' | 'resolved'>;
  resolved_on: string | null;
  medwatch_reported_on: string | null;
  manufacturer_reported_on: string | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface AdverseEventNotesTable {
  organization_id: string;
  id: Generated<string>;
  event_id: string;
  body: string;
  created_by: string;
  created_at: CreatedAt;
}

export interface PhotosTable {
  organization_id: string;
  id: Generated<string>;
  client_id: string;
  booking_id: string | null;
  view: 'front' | 'left_45' | 'right_45' | 'left_90' | 'right_90';
  stage: 'before' | 'after' | 'follow_up';
  storage_key: string;
  thumb_key: string;
  width: number;
  height: number;
  sha256: string;
  uploaded_by: string;
  created_at: CreatedAt;
  /** a photo the client sent with this symptom check-in */
  check_in_id: string | null;
  /** chosen for marketing; shown only while the client's photo_marketing consent is current */
  marketing_at: Timestamp | null;
  marketing_by: string | null;
}

export interface OutcomesTable {
  organization_id: string;
  id: Generated<string>;
  client_id: string;
  booking_id: string | null;
  measure: 'gais' | 'satisfaction' | 'goodman_baron_qualitative' | 'goodman_baron_quantitative';
  timepoint: 'baseline' | 'session' | 'follow_up';
  value: number;
  label: string | null;
  components: Json | null;
  assessed_on: string;
  assessed_by: string;
  created_at: CreatedAt;
}

export interface TreatmentTables {
  outcomes: OutcomesTable;
  photos: PhotosTable;
  adverse_events: AdverseEventsTable;
  adverse_event_notes: AdverseEventNotesTable;
  cartridge_lots: CartridgeLotsTable;
  charts: ChartsTable;
  chart_lots: ChartLotsTable;
  aftercare_journeys: AftercareJourneysTable;
  aftercare_check_ins: AftercareCheckInsTable;
  clinical_alerts: ClinicalAlertsTable;
}
