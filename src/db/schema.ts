// Kysely table types. Generated<> marks columns the database fills in.
import type { ColumnType, Generated } from 'kysely';
import type { SchedulingTables } from './schema-scheduling.js';
import type { TreatmentTables } from './schema-treatment.js';
import type { MoneyTables } from './schema-money.js';
import type { BackupTables } from './schema-backups.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type Role = 'owner' | 'medical_director' | 'provider' | 'front_desk' | 'client';
export type StaffRole = Exclude<Role, 'client'>;
export type LicenceType = 'md' | 'do' | 'np' | 'pa' | 'rn' | 'lvn' | 'esthetician' | 'master_esthetician';

export interface OrganizationsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  created_at: CreatedAt;
  /** every staff member must use two-step sign-in, not only owners and medical directors (0011) */
  require_staff_two_factor: Generated<boolean>;
}

export interface LocationsTable {
  organization_id: string;
  id: Generated<string>;
  name: string;
  time_zone: string;
  state: string;
  address: Generated<string>;
  phone: Generated<string>;
  created_at: CreatedAt;
}

export type Modality = 'roller' | 'pen' | 'rf';

export interface RoomsTable {
  organization_id: string;
  id: Generated<string>;
  location_id: string;
  name: string;
  active: Generated<boolean>;
}

export interface DevicesTable {
  organization_id: string;
  id: Generated<string>;
  location_id: string;
  modality: Modality;
  manufacturer: string;
  model: string;
  serial: string;
  active: Generated<boolean>;
}

export interface UsersTable {
  id: string;
  name: string;
  email: string;
  email_verified: Generated<boolean>;
  image: string | null;
  two_factor_enabled: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  token: string;
  user_id: string;
  expires_at: Timestamp;
  ip_address: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** last authenticated request (staff idle limit); migration 0008 */
  last_seen_at: Timestamp | null;
}

export interface AccountsTable {
  id: string;
  account_id: string;
  provider_id: string;
  user_id: string;
  access_token: string | null;
  refresh_token: string | null;
  id_token: string | null;
  access_token_expires_at: Timestamp | null;
  refresh_token_expires_at: Timestamp | null;
  scope: string | null;
  password: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface VerificationsTable {
  id: string;
  identifier: string;
  value: string;
  expires_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TwoFactorsTable {
  id: string;
  secret: string;
  backup_codes: string;
  user_id: string;
  verified: Generated<boolean>;
  failed_verification_count: Generated<number>;
  locked_until: Timestamp | null;
}

/** failed sign-ins per account and source address (migration 0008) */
export interface SignInFailuresTable {
  email: string;
  source: string;
  failures: Generated<number>;
  window_started_at: Timestamp;
  locked_until: Timestamp | null;
  /** how many times this source was locked out of this account; each lock is longer */
  locks: Generated<number>;
}

/** a client's registration, waiting until they open the link sent to their email (migration 0008) */
export interface ClientSignupsTable {
  organization_id: string;
  id: Generated<string>;
  user_id: string;
  email: string;
  first_name: string;
  last_name: string;
  phone: string | null;
  date_of_birth: string | null;
  token_hash: string;
  expires_at: Timestamp;
  verified_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface MembershipsTable {
  organization_id: string;
  user_id: string;
  role: Role;
  title: Generated<string>;
  licence_type: LicenceType | null;
  licence_number: string | null;
  licence_state: string | null;
  licence_expires_on: string | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface ClientsTable {
  organization_id: string;
  id: Generated<string>;
  user_id: string | null;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  date_of_birth: string | null;
  preferred_location_id: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ClinicalNotesTable {
  organization_id: string;
  id: Generated<string>;
  client_id: string;
  author_user_id: string;
  body: string;
  created_at: CreatedAt;
}

export interface InvitationsTable {
  organization_id: string;
  id: Generated<string>;
  email: string;
  role: StaffRole;
  token_hash: string;
  invited_by: string;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface AuditEventsTable {
  organization_id: string;
  seq: number;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  client_id: string | null;
  ip: string | null;
  request_id: string | null;
  details: ColumnType<Record<string, unknown>, string, string>;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadsTable {
  organization_id: string;
  last_seq: number;
  last_hash: string;
}

/** refused attempts counted per organization, user, route, status and hour (migration 0010) */
export interface AccessRefusalsTable {
  organization_id: string;
  window_start: Timestamp;
  user_id: string;
  role: string;
  method: string;
  /** the route pattern as declared, e.g. /api/clients/{clientId}: never the concrete URL */
  route: string;
  status: number;
  count: Generated<number>;
  first_at: Timestamp;
  last_at: Timestamp;
  last_ip: string | null;
}

export interface OutboxMessagesTable {
  organization_id: string;
  id: Generated<string>;
  channel: 'email' | 'sms';
  kind: string;
  to_address: string;
  subject: Generated<string>;
  body_text: string;
  status: Generated<'pending' | 'sent' | 'failed' | 'held' | 'cancelled'>;
  attempts: Generated<number>;
  last_error: string | null;
  idempotency_key: string | null;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
  /** not delivered before this time (reminders) */
  send_after: Generated<Date>;
  booking_id: string | null;
  attachment_ics: string | null;
  client_id: string | null;
  /** a secret link (reset, invitation, verification) sealed apart from the body; dropped once sent */
  secret_sealed: string | null;
}

export interface JobsTable {
  id: Generated<number>;
  organization_id: string | null;
  type: string;
  payload: ColumnType<unknown, string, string>;
  run_at: Timestamp;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  status: Generated<'queued' | 'running' | 'done' | 'dead'>;
  last_error: string | null;
  idempotency_key: string | null;
  created_at: CreatedAt;
  finished_at: Timestamp | null;
}

export interface Database extends ClinicalTables, SchedulingTables, TreatmentTables, MoneyTables, BackupTables {
  organizations: OrganizationsTable;
  locations: LocationsTable;
  rooms: RoomsTable;
  devices: DevicesTable;
  users: UsersTable;
  sessions: SessionsTable;
  accounts: AccountsTable;
  verifications: VerificationsTable;
  two_factors: TwoFactorsTable;
  sign_in_failures: SignInFailuresTable;
  client_signups: ClientSignupsTable;
  memberships: MembershipsTable;
  clients: ClientsTable;
  clinical_notes: ClinicalNotesTable;
  invitations: InvitationsTable;
  audit_events: AuditEventsTable;
  audit_heads: AuditHeadsTable;
  access_refusals: AccessRefusalsTable;
  outbox_messages: OutboxMessagesTable;
  jobs: JobsTable;
}

// ---- clinical core (migration 0002) ----
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
}
