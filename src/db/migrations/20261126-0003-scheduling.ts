// FROZEN once shipped. Scheduling: location and provider hours, time off, credentials, device
// maintenance, services, scope-of-practice rules, and bookings whose resources can never overlap:
// an exclusion constraint on (organization, resource, time range) holds even under concurrency.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table location_schedules (
      organization_id uuid not null,
      location_id uuid not null,
      weekly jsonb not null,
      grid_min integer not null default 15 check (grid_min in (5, 10, 15, 20, 30, 60)),
      min_notice_min integer not null default 120 check (min_notice_min between 0 and 10080),
      horizon_days integer not null default 90 check (horizon_days between 1 and 365),
      hold_min integer not null default 10 check (hold_min between 1 and 60),
      late_cancel_hours integer not null default 24 check (late_cancel_hours between 0 and 168),
      updated_at timestamptz not null default now(),
      primary key (organization_id, location_id),
      foreign key (organization_id, location_id) references locations(organization_id, id)
    )`.execute(db);

  await sql`
    create table location_closures (
      organization_id uuid not null,
      location_id uuid not null,
      date date not null,
      reason text not null default '',
      primary key (organization_id, location_id, date),
      foreign key (organization_id, location_id) references locations(organization_id, id)
    )`.execute(db);

  // Weekly hours per provider and location (a provider may work at several locations).
  await sql`
    create table provider_schedules (
      organization_id uuid not null,
      user_id text not null,
      location_id uuid not null,
      weekly jsonb not null,
      primary key (organization_id, user_id, location_id),
      foreign key (organization_id, user_id) references memberships(organization_id, user_id),
      foreign key (organization_id, location_id) references locations(organization_id, id)
    )`.execute(db);

  // A date override replaces that day's weekly hours at the location (empty ranges: day off).
  await sql`
    create table provider_overrides (
      organization_id uuid not null,
      user_id text not null,
      location_id uuid not null,
      date date not null,
      ranges jsonb not null,
      primary key (organization_id, user_id, location_id, date),
      foreign key (organization_id, user_id, location_id) references provider_schedules(organization_id, user_id, location_id)
    )`.execute(db);

  await sql`
    create table provider_time_off (
      organization_id uuid not null,
      id uuid not null default gen_random_uuid(),
      user_id text not null,
      during tstzrange not null check (not isempty(during)),
      reason text not null default '',
      primary key (organization_id, id),
      foreign key (organization_id, user_id) references memberships(organization_id, user_id)
    )`.execute(db);
  await sql`create index provider_time_off_idx on provider_time_off using gist (organization_id, user_id, during)`.execute(db);

  await sql`
    create table provider_credentials (
      organization_id uuid not null,
      user_id text not null,
      credential text not null check (credential ~ '^[a-z0-9_]{2,40}$'),
      expires_on date,
      primary key (organization_id, user_id, credential),
      foreign key (organization_id, user_id) references memberships(organization_id, user_id)
    )`.execute(db);

  await sql`
    create table device_maintenance (
      organization_id uuid not null,
      id uuid not null default gen_random_uuid(),
      device_id uuid not null,
      during tstzrange not null check (not isempty(during)),
      reason text not null default '',
      primary key (organization_id, id),
      foreign key (organization_id, device_id) references devices(organization_id, id)
    )`.execute(db);

  await sql`
    create table services (
      organization_id uuid not null references organizations(id),
      id uuid not null default gen_random_uuid(),
      code text not null check (code ~ '^[a-z0-9_]{2,60}$'),
      name text not null,
      kind text not null check (kind in ('consultation', 'treatment')),
      modality text check (modality in ('roller', 'pen', 'rf')),
      areas text[] not null default '{}',
      treatment_min integer not null check (treatment_min between 5 and 480),
      numbing_min integer not null default 0 check (numbing_min between 0 and 120),
      needs_room boolean not null default true,
      needs_device boolean not null default false,
      credential text,
      provider_before_min integer not null default 0,
      provider_after_min integer not null default 0,
      room_before_min integer not null default 0,
      room_after_min integer not null default 0,
      device_before_min integer not null default 0,
      device_after_min integer not null default 0,
      active boolean not null default true,
      primary key (organization_id, id),
      unique (organization_id, code),
      check ((kind = 'treatment') = (modality is not null)),
      check (not needs_device or modality is not null)
    )`.execute(db);

  // Per-state scope of practice: a state with no rule for a licence type and modality denies.
  await sql`
    create table scope_rules (
      organization_id uuid not null references organizations(id),
      state char(2) not null,
      licence_type text not null,
      modality text not null check (modality in ('roller', 'pen', 'rf')),
      max_depth_mm numeric(3, 2),
      outcome text not null check (outcome in ('allowed', 'supervised', 'not_allowed')),
      note text not null default '',
      primary key (organization_id, state, licence_type, modality)
    )`.execute(db);

  await sql`
    create table bookings (
      organization_id uuid not null,
      id uuid not null default gen_random_uuid(),
      location_id uuid not null,
      client_id uuid not null,
      service_id uuid not null,
      status text not null check (status in ('held', 'confirmed', 'checked_in', 'completed', 'cancelled', 'late_cancelled', 'no_show')),
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      provider_user_id text not null,
      room_id uuid,
      device_id uuid,
      hold_expires_at timestamptz,
      idempotency_key text,
      series_id uuid,
      series_index integer,
      plan_id uuid,
      override_reason text,
      cancel_reason text,
      created_by text not null references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (organization_id, id),
      unique (organization_id, idempotency_key),
      check (ends_at > starts_at),
      check ((status = 'held') = (hold_expires_at is not null)),
      foreign key (organization_id, location_id) references locations(organization_id, id),
      foreign key (organization_id, client_id) references clients(organization_id, id),
      foreign key (organization_id, service_id) references services(organization_id, id),
      foreign key (organization_id, provider_user_id) references memberships(organization_id, user_id),
      foreign key (organization_id, room_id) references rooms(organization_id, id),
      foreign key (organization_id, device_id) references devices(organization_id, id)
    )`.execute(db);
  await sql`create index bookings_client_idx on bookings(organization_id, client_id, starts_at)`.execute(db);
  await sql`create index bookings_location_idx on bookings(organization_id, location_id, starts_at)`.execute(db);

  // One row per resource a booking holds, with that resource's buffers included in its range.
  // The exclusion constraint is what makes double booking impossible: two active rows for the same
  // resource can never overlap, whatever the application does or how many requests race.
  await sql`
    create table booking_resources (
      organization_id uuid not null,
      booking_id uuid not null,
      resource_kind text not null check (resource_kind in ('provider', 'room', 'device')),
      resource_id text not null,
      during tstzrange not null check (not isempty(during)),
      active boolean not null default true,
      primary key (organization_id, booking_id, resource_kind),
      foreign key (organization_id, booking_id) references bookings(organization_id, id),
      exclude using gist (organization_id with =, resource_kind with =, resource_id with =, during with &&) where (active)
    )`.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('migrations are forward-only'));
}
