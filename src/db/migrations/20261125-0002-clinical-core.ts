// FROZEN once shipped. The clinical core: settings with history, versioned intakes, stored
// screenings and their clinician reviews, price lists and packages, treatment plans, risk
// acknowledgements and signed consents. Clinical records are append-only: a change is a new row.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Each change of the configurable windows is a new version; the newest is in force.
  await sql`
    create table clinical_settings (
      organization_id uuid not null references organizations(id),
      version integer not null check (version >= 1),
      settings jsonb not null,
      reason text not null default '',
      changed_by text references users(id),
      changed_at timestamptz not null default now(),
      primary key (organization_id, version)
    )`.execute(db);

  await sql`
    create table intakes (
      organization_id uuid not null,
      client_id uuid not null,
      version integer not null check (version >= 1),
      data jsonb not null,
      answered_on date not null,
      source text not null check (source in ('client','staff','import')),
      recorded_by text not null references users(id),
      created_at timestamptz not null default now(),
      primary key (organization_id, client_id, version),
      foreign key (organization_id, client_id) references clients(organization_id, id)
    )`.execute(db);

  // A questionnaire in progress (saved after every step), not yet a record.
  await sql`
    create table intake_drafts (
      organization_id uuid not null,
      client_id uuid not null,
      data jsonb not null,
      step integer not null default 0,
      updated_by text not null references users(id),
      updated_at timestamptz not null default now(),
      primary key (organization_id, client_id),
      foreign key (organization_id, client_id) references clients(organization_id, id)
    )`.execute(db);

  await sql`
    create table screenings (
      organization_id uuid not null,
      id uuid not null default gen_random_uuid(),
      client_id uuid not null,
      intake_version integer not null,
      plan jsonb not null,
      plan_date date not null,
      modality text not null,
      result jsonb not null,
      decision text not null check (decision in ('eligible','eligible_with_precautions','needs_review','deferred','contraindicated')),
      earliest_date date,
      protocol text not null,
      settings jsonb not null,
      settings_version integer not null,
      valid_until date not null,
      created_by text not null references users(id),
      created_at timestamptz not null default now(),
      primary key (organization_id, id),
      foreign key (organization_id, client_id, intake_version) references intakes(organization_id, client_id, version)
    )`.execute(db);
  await sql`create index screenings_client_idx on screenings(organization_id, client_id, created_at desc)`.execute(db);
  await sql`create index screenings_review_idx on screenings(organization_id, decision, created_at)`.execute(db);

  // One signed decision per needs_review screening.
  await sql`
    create table screening_reviews (
      organization_id uuid not null,
      id uuid not null default gen_random_uuid(),
      screening_id uuid not null,
      outcome text not null check (outcome in ('approved','declined')),
      note text not null check (length(note) between 1 and 5000),
      adjustments jsonb not null default '[]'::jsonb,
      rule_ids text[] not null,
      reviewer_user_id text not null references users(id),
      reviewer_role text not null,
      reviewer_licence_type text,
      signed_name text not null,
      signature_hash text not null,
      created_at timestamptz not null default now(),
      primary key (organization_id, id),
      unique (organization_id, screening_id),
      foreign key (organization_id, screening_id) references screenings(organization_id, id)
    )`.execute(db);

  // Prices in integer cents. A price never changes: a new row with a later effective date does.
  await sql`
    create table price_list_items (
      organization_id uuid not null,
      id uuid not null default gen_random_uuid(),
      location_id uuid not null,
      service_code text not null,
      name text not null,
      modality text check (modality in ('roller','pen','rf')),
      price_cents integer not null check (price_cents >= 0),
      currency char(3) not null default 'USD',
      effective_from date not null,
      created_at timestamptz not null default now(),
      primary key (organization_id, id),
      unique (organization_id, location_id, service_code, effective_from),
      foreign key (organization_id, location_id) references locations(organization_id, id)
    )`.execute(db);

  await sql`
    create table packages (
      organization_id uuid not null,
      id uuid not null default gen_random_uuid(),
      location_id uuid not null,
      service_code text not null,
      name text not null,
      sessions integer not null check (sessions between 2 and 24),
      price_cents integer not null check (price_cents >= 0),
      currency char(3) not null default 'USD',
      valid_days integer not null default 365 check (valid_days between 30 and 1095),
      active boolean not null default true,
      created_at timestamptz not null default now(),
      primary key (organization_id, id),
      foreign key (organization_id, location_id) references locations(organization_id, id)
    )`.execute(db);

  // Plans are versioned: an adjustment is a new row that supersedes the previous one.
  await sql`
    create table treatment_plans (
      organization_id uuid not null,
      id uuid not null default gen_random_uuid(),
      client_id uuid not null,
      supersedes uuid,
      status text not null check (status in ('proposed','awaiting_director','active','superseded')),
      location_id uuid not null,
      screening_id uuid,
      plan jsonb not null,
      quote jsonb not null,
      outside_caps boolean not null default false,
      director_approved_by text references users(id),
      created_by text not null references users(id),
      created_at timestamptz not null default now(),
      primary key (organization_id, id),
      foreign key (organization_id, client_id) references clients(organization_id, id),
      foreign key (organization_id, location_id) references locations(organization_id, id)
    )`.execute(db);
  await sql`create index treatment_plans_client_idx on treatment_plans(organization_id, client_id, created_at desc)`.execute(db);

  await sql`
    create table risk_acknowledgements (
      organization_id uuid not null,
      id uuid not null default gen_random_uuid(),
      client_id uuid not null,
      summary_id text not null,
      summary_version text not null,
      modality text not null,
      acknowledged_by text not null references users(id),
      ip text,
      created_at timestamptz not null default now(),
      primary key (organization_id, id),
      foreign key (organization_id, client_id) references clients(organization_id, id)
    )`.execute(db);

  await sql`
    create table consents (
      organization_id uuid not null,
      id uuid not null default gen_random_uuid(),
      client_id uuid not null,
      kind text not null check (kind in ('treatment','photo_clinical','photo_marketing')),
      modality text check (modality in ('roller','pen','rf')),
      template_id text not null,
      template_version text not null,
      plan_id uuid,
      signed_name text not null,
      signature_png bytea,
      signed_by text not null references users(id),
      signed_at timestamptz not null,
      ip text,
      document_hash text not null,
      -- exactly what was signed, so the PDF and the hash never depend on later edits
      document_text text not null,
      document_canonical text not null,
      withdrawn_at timestamptz,
      withdrawn_by text references users(id),
      created_at timestamptz not null default now(),
      primary key (organization_id, id),
      foreign key (organization_id, client_id) references clients(organization_id, id)
    )`.execute(db);
  await sql`create index consents_client_idx on consents(organization_id, client_id, kind, signed_at desc)`.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('irreversible'));
}
