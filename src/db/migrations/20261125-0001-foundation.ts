// FROZEN: never edit a migration that has shipped; add a new one.
// Tenancy: every tenant-owned table leads its keys and constraints with organization_id. Sign-in
// identities (users, sessions, accounts) are global: one person, one email, one password.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists btree_gist`.execute(db);

  await sql`
    create table organizations (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
      name text not null check (length(name) between 1 and 200),
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table locations (
      organization_id uuid not null references organizations(id),
      id uuid not null default gen_random_uuid(),
      name text not null,
      time_zone text not null,
      state char(2) not null check (state ~ '^[A-Z]{2}$'),
      address text not null default '',
      phone text not null default '',
      created_at timestamptz not null default now(),
      primary key (organization_id, id),
      unique (organization_id, name)
    )`.execute(db);

  // Rooms and devices are bookable resources (the scheduling migration adds hours and maintenance).
  await sql`
    create table rooms (
      organization_id uuid not null,
      id uuid not null default gen_random_uuid(),
      location_id uuid not null,
      name text not null,
      active boolean not null default true,
      primary key (organization_id, id),
      unique (organization_id, location_id, name),
      foreign key (organization_id, location_id) references locations(organization_id, id)
    )`.execute(db);
  await sql`
    create table devices (
      organization_id uuid not null,
      id uuid not null default gen_random_uuid(),
      location_id uuid not null,
      modality text not null check (modality in ('roller','pen','rf')),
      manufacturer text not null,
      model text not null,
      serial text not null,
      active boolean not null default true,
      primary key (organization_id, id),
      unique (organization_id, serial),
      foreign key (organization_id, location_id) references locations(organization_id, id)
    )`.execute(db);

  await sql`
    create table users (
      id text primary key,
      name text not null,
      email text not null unique,
      email_verified boolean not null default false,
      image text,
      two_factor_enabled boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table sessions (
      id text primary key,
      token text not null unique,
      user_id text not null references users(id) on delete cascade,
      expires_at timestamptz not null,
      ip_address text,
      user_agent text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index sessions_user_idx on sessions(user_id)`.execute(db);

  await sql`
    create table accounts (
      id text primary key,
      account_id text not null,
      provider_id text not null,
      user_id text not null references users(id) on delete cascade,
      access_token text, refresh_token text, id_token text,
      access_token_expires_at timestamptz, refresh_token_expires_at timestamptz,
      scope text,
      password text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index accounts_user_idx on accounts(user_id)`.execute(db);

  await sql`
    create table verifications (
      id text primary key,
      identifier text not null,
      value text not null,
      expires_at timestamptz not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index verifications_identifier_idx on verifications(identifier)`.execute(db);

  await sql`
    create table two_factors (
      id text primary key,
      secret text not null,
      backup_codes text not null,
      user_id text not null references users(id) on delete cascade,
      verified boolean not null default true,
      failed_verification_count integer not null default 0,
      locked_until timestamptz
    )`.execute(db);
  await sql`create index two_factors_user_idx on two_factors(user_id)`.execute(db);

  // Temporary lockout after repeated failed sign-ins, keyed by the normalised email.
  await sql`
    create table sign_in_failures (
      email text primary key,
      failures integer not null default 0,
      window_started_at timestamptz not null default now(),
      locked_until timestamptz
    )`.execute(db);

  await sql`
    create table memberships (
      organization_id uuid not null references organizations(id),
      user_id text not null references users(id),
      role text not null check (role in ('owner','medical_director','provider','front_desk','client')),
      title text not null default '',
      licence_type text check (licence_type in ('md','do','np','pa','rn','lvn','esthetician','master_esthetician')),
      licence_number text,
      licence_state char(2),
      licence_expires_on date,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      primary key (organization_id, user_id)
    )`.execute(db);
  await sql`create index memberships_user_idx on memberships(user_id)`.execute(db);

  await sql`
    create table clients (
      organization_id uuid not null references organizations(id),
      id uuid not null default gen_random_uuid(),
      user_id text references users(id),
      first_name text not null,
      last_name text not null,
      email text,
      phone text,
      date_of_birth date,
      preferred_location_id uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (organization_id, id),
      unique (organization_id, user_id),
      foreign key (organization_id, preferred_location_id) references locations(organization_id, id)
    )`.execute(db);
  await sql`create unique index clients_email_uq on clients(organization_id, lower(email))`.execute(db);
  await sql`create index clients_name_idx on clients(organization_id, lower(last_name), lower(first_name))`.execute(db);

  // Clinical notes are append-only; front desk never sees them.
  await sql`
    create table clinical_notes (
      organization_id uuid not null,
      id uuid not null default gen_random_uuid(),
      client_id uuid not null,
      author_user_id text not null references users(id),
      body text not null check (length(body) between 1 and 20000),
      created_at timestamptz not null default now(),
      primary key (organization_id, id),
      foreign key (organization_id, client_id) references clients(organization_id, id)
    )`.execute(db);

  await sql`
    create table invitations (
      organization_id uuid not null references organizations(id),
      id uuid not null default gen_random_uuid(),
      email text not null,
      role text not null check (role in ('owner','medical_director','provider','front_desk')),
      token_hash text not null unique,
      invited_by text not null references users(id),
      expires_at timestamptz not null,
      accepted_at timestamptz,
      created_at timestamptz not null default now(),
      primary key (organization_id, id)
    )`.execute(db);

  // Audit trail: a hash chain per organization. Each event stores the hash of the previous one; the
  // head row holds the newest, so deleting the last event is detected too.
  await sql`
    create table audit_events (
      organization_id uuid not null references organizations(id),
      seq bigint not null,
      occurred_at timestamptz not null,
      actor_user_id text,
      actor_role text,
      action text not null,
      entity_type text not null,
      entity_id text,
      client_id uuid,
      ip text,
      request_id text,
      details jsonb not null default '{}'::jsonb,
      prev_hash text not null,
      hash text not null,
      primary key (organization_id, seq)
    )`.execute(db);
  await sql`create index audit_events_client_idx on audit_events(organization_id, client_id, seq)`.execute(db);
  await sql`create index audit_events_time_idx on audit_events(organization_id, occurred_at)`.execute(db);
  await sql`
    create table audit_heads (
      organization_id uuid primary key references organizations(id),
      last_seq bigint not null,
      last_hash text not null
    )`.execute(db);
  await sql`
    create function audit_events_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_events is append-only';
    end $$`.execute(db);
  await sql`
    create trigger audit_events_no_change before update or delete on audit_events
    for each row execute function audit_events_append_only()`.execute(db);

  // Message outbox: every email or SMS is written here first; the worker delivers it when delivery
  // is configured, otherwise it stays visible to staff.
  await sql`
    create table outbox_messages (
      organization_id uuid not null references organizations(id),
      id uuid not null default gen_random_uuid(),
      channel text not null check (channel in ('email','sms')),
      kind text not null,
      to_address text not null,
      subject text not null default '',
      body_text text not null,
      status text not null default 'pending' check (status in ('pending','sent','failed','held')),
      attempts integer not null default 0,
      last_error text,
      idempotency_key text,
      created_at timestamptz not null default now(),
      sent_at timestamptz,
      primary key (organization_id, id),
      unique (organization_id, idempotency_key)
    )`.execute(db);
  await sql`create index outbox_pending_idx on outbox_messages(status, created_at) where status = 'pending'`.execute(db);

  // Jobs: claimed with FOR UPDATE SKIP LOCKED; idempotency key per organization.
  await sql`
    create table jobs (
      id bigint generated always as identity primary key,
      organization_id uuid references organizations(id),
      type text not null,
      payload jsonb not null,
      run_at timestamptz not null default now(),
      attempts integer not null default 0,
      max_attempts integer not null default 5,
      status text not null default 'queued' check (status in ('queued','running','done','dead')),
      last_error text,
      idempotency_key text,
      created_at timestamptz not null default now(),
      finished_at timestamptz,
      unique (organization_id, type, idempotency_key)
    )`.execute(db);
  await sql`create index jobs_due_idx on jobs(run_at) where status = 'queued'`.execute(db);
}

export function down(): Promise<void> {
  // Migrations go forward only; restore a backup to go back.
  return Promise.reject(new Error('irreversible'));
}
