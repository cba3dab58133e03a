// FROZEN once shipped. Treatment day and recovery: cartridge lots (traceable to every client), the
// procedure chart (signed versions, amendments, co-signature), aftercare journeys with check-ins,
// and clinical alerts raised by red flags, with escalation.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table cartridge_lots (
      organization_id uuid not null,
      id uuid not null default gen_random_uuid(),
      location_id uuid not null,
      manufacturer text not null,
      product text not null,
      lot_number text not null,
      expires_on date not null,
      recalled_at timestamptz,
      recall_reason text,
      created_at timestamptz not null default now(),
      primary key (organization_id, id),
      unique (organization_id, product, lot_number),
      foreign key (organization_id, location_id) references locations(organization_id, id)
    )`.execute(db);

  // A chart is versioned: a signed version is never edited; an amendment is a new version.
  await sql`
    create table charts (
      organization_id uuid not null,
      id uuid not null default gen_random_uuid(),
      booking_id uuid not null,
      client_id uuid not null,
      version integer not null check (version >= 1),
      supersedes uuid,
      status text not null check (status in ('draft', 'signed')),
      data jsonb not null,
      provider_user_id text not null references users(id),
      signed_name text,
      signed_at timestamptz,
      signature_hash text,
      amendment_reason text,
      needs_cosign boolean not null default false,
      cosigned_by text references users(id),
      cosigned_at timestamptz,
      created_at timestamptz not null default now(),
      primary key (organization_id, id),
      unique (organization_id, booking_id, version),
      foreign key (organization_id, booking_id) references bookings(organization_id, id),
      foreign key (organization_id, client_id) references clients(organization_id, id)
    )`.execute(db);

  // Which lot touched which client: a recall lists every one of them.
  await sql`
    create table chart_lots (
      organization_id uuid not null,
      chart_id uuid not null,
      lot_id uuid not null,
      client_id uuid not null,
      primary key (organization_id, chart_id, lot_id),
      foreign key (organization_id, chart_id) references charts(organization_id, id),
      foreign key (organization_id, lot_id) references cartridge_lots(organization_id, id)
    )`.execute(db);
  await sql`create index chart_lots_lot_idx on chart_lots(organization_id, lot_id)`.execute(db);

  await sql`
    create table aftercare_journeys (
      organization_id uuid not null,
      id uuid not null default gen_random_uuid(),
      booking_id uuid not null,
      client_id uuid not null,
      chart_id uuid not null,
      modality text not null,
      treated_at timestamptz not null,
      time_zone text not null,
      created_at timestamptz not null default now(),
      primary key (organization_id, id),
      unique (organization_id, booking_id),
      foreign key (organization_id, client_id) references clients(organization_id, id)
    )`.execute(db);

  await sql`
    create table aftercare_check_ins (
      organization_id uuid not null,
      id uuid not null default gen_random_uuid(),
      journey_id uuid not null,
      day integer not null,
      due_at timestamptz not null,
      answered_at timestamptz,
      answers jsonb,
      level text check (level in ('none', 'urgent', 'emergency')),
      -- false for a report the client makes between the scheduled check-ins
      scheduled boolean not null default true,
      primary key (organization_id, id),
      foreign key (organization_id, journey_id) references aftercare_journeys(organization_id, id)
    )`.execute(db);

  await sql`
    create table clinical_alerts (
      organization_id uuid not null,
      id uuid not null default gen_random_uuid(),
      client_id uuid not null,
      journey_id uuid not null,
      check_in_id uuid not null,
      level text not null check (level in ('urgent', 'emergency')),
      flags jsonb not null,
      status text not null default 'open' check (status in ('open', 'acknowledged')),
      escalate_after timestamptz not null,
      escalated_at timestamptz,
      acknowledged_by text references users(id),
      acknowledged_at timestamptz,
      created_at timestamptz not null default now(),
      primary key (organization_id, id),
      foreign key (organization_id, client_id) references clients(organization_id, id)
    )`.execute(db);
  // Adverse events: graded (CTCAE v5), a separate serious flag, relatedness, the device and lot,
  // follow-up notes until resolved, and what was reported to FDA MedWatch and the manufacturer.
  await sql`
    create table adverse_events (
      organization_id uuid not null,
      id uuid not null default gen_random_uuid(),
      client_id uuid not null,
      booking_id uuid,
      alert_id uuid,
      code text not null,
      expected_response boolean not null,
      grade integer check (grade between 1 and 5),
      serious boolean not null,
      relatedness text not null check (relatedness in ('unrelated', 'possible', 'probable', 'definite')),
      device_id uuid,
      lot_id uuid,
      onset_on date not null,
      description text not null,
      status text not null default 'open' check (status in ('open', 'resolved')),
      resolved_on date,
      medwatch_reported_on date,
      manufacturer_reported_on date,
      created_by text not null references users(id),
      created_at timestamptz not null default now(),
      primary key (organization_id, id),
      foreign key (organization_id, client_id) references clients(organization_id, id)
    )`.execute(db);
  await sql`
    create table adverse_event_notes (
      organization_id uuid not null,
      id uuid not null default gen_random_uuid(),
      event_id uuid not null,
      body text not null,
      created_by text not null references users(id),
      created_at timestamptz not null default now(),
      primary key (organization_id, id),
      foreign key (organization_id, event_id) references adverse_events(organization_id, id)
    )`.execute(db);

  // Photos: standard views, metadata stripped on upload, stored through the storage adapter.
  await sql`
    create table photos (
      organization_id uuid not null,
      id uuid not null default gen_random_uuid(),
      client_id uuid not null,
      booking_id uuid,
      view text not null check (view in ('front', 'left_45', 'right_45', 'left_90', 'right_90')),
      stage text not null check (stage in ('before', 'after', 'follow_up')),
      storage_key text not null,
      thumb_key text not null,
      width integer not null,
      height integer not null,
      sha256 text not null,
      uploaded_by text not null references users(id),
      created_at timestamptz not null default now(),
      primary key (organization_id, id),
      foreign key (organization_id, client_id) references clients(organization_id, id)
    )`.execute(db);
  await sql`create index photos_client_idx on photos(organization_id, client_id, view, created_at)`.execute(db);

  // Outcomes at baseline, at each session and at follow-up: the label is kept with the value, and
  // the Goodman and Baron quantitative component counts with the score.
  await sql`
    create table outcomes (
      organization_id uuid not null,
      id uuid not null default gen_random_uuid(),
      client_id uuid not null,
      booking_id uuid,
      measure text not null check (measure in ('gais', 'satisfaction', 'goodman_baron_qualitative', 'goodman_baron_quantitative')),
      timepoint text not null check (timepoint in ('baseline', 'session', 'follow_up')),
      value integer not null,
      label text,
      components jsonb,
      assessed_on date not null,
      assessed_by text not null references users(id),
      created_at timestamptz not null default now(),
      primary key (organization_id, id),
      foreign key (organization_id, client_id) references clients(organization_id, id)
    )`.execute(db);

  await sql`create index clinical_alerts_open_idx on clinical_alerts(status, escalate_after) where status = 'open'`.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('migrations are forward-only'));
}
