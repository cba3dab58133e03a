// FROZEN once shipped. Import from the system a clinic uses today (issue 15, item 2; docs/import.md):
// one row per uploaded CSV file (its kind, the preset or the owner's mapping, the rows while it is
// being imported, the progress of its run) and one row per imported row with its outcome, keyed by
// import and row number, so an interrupted run resumes where it stopped and a re-run creates nothing
// twice. Tenant tables: organization_id leads every key.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table csv_imports (
      organization_id uuid not null references organizations(id),
      id uuid not null default gen_random_uuid(),
      kind text not null check (kind in ('clients','appointments','packages','notes')),
      preset text not null,
      file_name text not null,
      location_id uuid not null,
      headers jsonb not null,
      mapping jsonb not null,
      -- the file's rows (arrays of cells) until the run finishes; then dropped (the outcomes stay)
      rows jsonb,
      total_rows integer not null,
      status text not null check (status in ('uploaded','running','finished')),
      created_by text references users(id),
      created_at timestamptz not null default now(),
      started_at timestamptz,
      -- last sign of life of a running import: one that stops moving was cut off and may be resumed
      progress_at timestamptz,
      finished_at timestamptz,
      primary key (organization_id, id),
      foreign key (organization_id, location_id) references locations(organization_id, id)
    )`.execute(db);
  await sql`
    create table csv_import_rows (
      organization_id uuid not null,
      import_id uuid not null,
      row_number integer not null,
      outcome text not null check (outcome in ('created','existing','error','conflict')),
      -- what the row is about, across imports: a second file with the same package balance or note finds it
      row_key text,
      client_id uuid,
      entity_id uuid,
      message text,
      created_at timestamptz not null default now(),
      primary key (organization_id, import_id, row_number),
      foreign key (organization_id, import_id) references csv_imports(organization_id, id) on delete cascade
    )`.execute(db);
  await sql`create index csv_import_rows_key on csv_import_rows (organization_id, row_key) where outcome = 'created'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table csv_import_rows`.execute(db);
  await sql`drop table csv_imports`.execute(db);
}
