// Kysely table types. Generated<> marks columns the database fills in.
import type { ColumnType, Generated } from 'kysely';
import type { SchedulingTables } from './schema-scheduling.js';
import type { TreatmentTables } from './schema-treatment.js';
import type { MoneyTables } from './schema-money.js';
import type { BackupTables } from './schema-backups.js';
import type { ExportTables } from './schema-exports.js';
import type { WebhookTables } from './schema-webhooks.js';
import type { ImportTables } from './schema-import.js';
import type { ClinicalTables } from './schema-clinical.js';
import type { GiftCardTables } from './schema-gift-cards.js';
import type { MembershipTables } from './schema-memberships.js';
import type { RecallTables } from './schema-recall.js';

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
  /** clients may find the clinic's public pages, register and book in the portal (migration 0330) */
  online_booking: Generated<boolean>;
  /** when the owner or medical director read the consent documents clients will sign; null: not yet */
  consents_reviewed_at: Timestamp | null;
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
/** Per-address request counts shared by all processes (fixed window; decision 0016). */
export interface AddressRateLimitsTable {
  bucket: string;
  address: string;
  window_started_at: Timestamp;
  hits: number;
}

/** better-auth's own rate-limit rows (rateLimit.storage 'database'). */
export interface AuthRateLimitsTable {
  id: string;
  key: string;
  count: number;
  last_request: number;
}

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

/** a new clinic's owner confirming their email, until the link sent to it is opened (migration 0330) */
export interface ClinicSignupsTable {
  organization_id: string;
  id: Generated<string>;
  user_id: string;
  email: string;
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
  /** order of appending (a global sequence); the chain order is seq, given when sealed */
  position: Generated<number>;
  seq: number | null;
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
  prev_hash: string | null;
  hash: string | null;
  sealed_at: Timestamp | null;
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

export interface Database extends ClinicalTables, SchedulingTables, TreatmentTables, MoneyTables, BackupTables, ExportTables, WebhookTables, GiftCardTables, ImportTables, MembershipTables, RecallTables {
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
  address_rate_limits: AddressRateLimitsTable;
  auth_rate_limits: AuthRateLimitsTable;
  client_signups: ClientSignupsTable;
  clinic_signups: ClinicSignupsTable;
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
