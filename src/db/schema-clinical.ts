// Tables of the clinical core (migration 0002): settings, intakes, screenings and reviews, prices and
// packages, treatment plans, risk acknowledgements and consents.
import type { ColumnType, Generated } from 'kysely';
import type { Modality } from './schema.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface ClinicalSettingsTable {
  organization_id: string;
  version: number;
  settings: Json<Record<string, unknown>>;
  reason: Generated<string>;
  changed_by: string | null;
  changed_at: CreatedAt;
}

export interface IntakesTable {
  organization_id: string;
  client_id: string;
  version: number;
  data: Json;
  answered_on: string;
  source: 'client' | 'staff' | 'import';
  recorded_by: string;
  created_at: CreatedAt;
}

export interface IntakeDraftsTable {
  organization_id: string;
  client_id: string;
  data: Json;
  step: Generated<number>;
  updated_by: string;
  updated_at: Timestamp;
}

export interface ScreeningsTable {
  organization_id: string;
  id: Generated<string>;
  client_id: string;
  intake_version: number;
  plan: Json;
  plan_date: string;
  modality: string;
  result: Json;
  decision: 'eligible' | 'eligible_with_precautions' | 'needs_review' | 'deferred' | 'contraindicated';
  earliest_date: string | null;
  /** deferred only: the date from which the same answers clear treatment (migration 0014) */
  clears_from: Generated<string | null>;
  protocol: string;
  settings: Json<Record<string, unknown>>;
  settings_version: number;
  valid_until: string;
  created_by: string;
  created_at: CreatedAt;
}

export interface ScreeningReviewsTable {
  organization_id: string;
  id: Generated<string>;
  screening_id: string;
  outcome: 'approved' | 'declined';
  note: string;
  adjustments: Json<unknown[]>;
  rule_ids: string[];
  reviewer_user_id: string;
  reviewer_role: string;
  reviewer_licence_type: string | null;
  signed_name: string;
  signature_hash: string;
  created_at: CreatedAt;
}

export interface PriceListItemsTable {
  organization_id: string;
  id: Generated<string>;
  location_id: string;
  service_code: string;
  name: string;
  modality: Modality | null;
  price_cents: number;
  currency: Generated<string>;
  effective_from: string;
  created_at: CreatedAt;
}

export interface PackagesTable {
  organization_id: string;
  id: Generated<string>;
  location_id: string;
  service_code: string;
  name: string;
  sessions: number;
  price_cents: number;
  currency: Generated<string>;
  valid_days: Generated<number>;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface TreatmentPlansTable {
  organization_id: string;
  id: Generated<string>;
  client_id: string;
  supersedes: string | null;
  status: 'proposed' | 'awaiting_director' | 'active' | 'superseded';
  location_id: string;
  screening_id: string | null;
  plan: Json;
  quote: Json;
  outside_caps: Generated<boolean>;
  director_approved_by: string | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface RiskAcknowledgementsTable {
  organization_id: string;
  id: Generated<string>;
  client_id: string;
  summary_id: string;
  summary_version: string;
  modality: string;
  acknowledged_by: string;
  ip: string | null;
  created_at: CreatedAt;
}

export interface ConsentsTable {
  organization_id: string;
  id: Generated<string>;
  client_id: string;
  kind: 'treatment' | 'photo_clinical' | 'photo_marketing';
  modality: Modality | null;
  template_id: string;
  template_version: string;
  plan_id: string | null;
  signed_name: string;
  signature_png: Buffer | null;
  signed_by: string;
  signed_at: Timestamp;
  ip: string | null;
  document_hash: string;
  document_text: string;
  document_canonical: string;
  withdrawn_at: Timestamp | null;
  withdrawn_by: string | null;
  created_at: CreatedAt;
  /** remote: on the client's own device; in_clinic: on the clinic's tablet, witnessed by staff */
  method: Generated<'remote' | 'in_clinic'>;
  witnessed_by: string | null;
}

/** A short-lived, single-use hand-off of one consent document to a clinic tablet (only the token's hash is kept). */
export interface ConsentHandoffsTable {
  organization_id: string;
  id: Generated<string>;
  client_id: string;
  kind: 'treatment' | 'photo_clinical' | 'photo_marketing';
  modality: Modality | null;
  plan_id: string | null;
  token_hash: string;
  started_by: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  consent_id: string | null;
  created_at: CreatedAt;
}

export interface ClinicalTables {
  clinical_settings: ClinicalSettingsTable;
  intakes: IntakesTable;
  intake_drafts: IntakeDraftsTable;
  screenings: ScreeningsTable;
  screening_reviews: ScreeningReviewsTable;
  price_list_items: PriceListItemsTable;
  packages: PackagesTable;
  treatment_plans: TreatmentPlansTable;
  risk_acknowledgements: RiskAcknowledgementsTable;
  consents: ConsentsTable;
  consent_handoffs: ConsentHandoffsTable;
}
