// Kysely table types. Generated<> marks columns the database fills in.
import type { ColumnType, Generated } from 'kysely';

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

export interface SignInFailuresTable {
  email: string;
  failures: number;
  window_started_at: Timestamp;
  locked_until: Timestamp | null;
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

export interface OutboxMessagesTable {
  organization_id: string;
  id: Generated<string>;
  channel: 'email' | 'sms';
  kind: string;
  to_address: string;
  subject: Generated<string>;
  body_text: string;
  status: Generated<'pending' | 'sent' | 'failed' | 'held'>;
  attempts: Generated<number>;
  last_error: string | null;
  idempotency_key: string | null;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
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

export interface Database {
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
  memberships: MembershipsTable;
  clients: ClientsTable;
  clinical_notes: ClinicalNotesTable;
  invitations: InvitationsTable;
  audit_events: AuditEventsTable;
  audit_heads: AuditHeadsTable;
  outbox_messages: OutboxMessagesTable;
  jobs: JobsTable;
}
