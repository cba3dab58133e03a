// FROZEN once shipped. The owner's full export from the console (issue 15, item 3): one row per
// export, with its progress while it runs and the packed archive's size and SHA-256 once it is
// ready. The archive itself lives in the data folder and is deleted when the row expires (7 days).
// A tenant table: organization_id leads every key, so it stays distributable (scale-out runbook).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table data_exports (
      organization_id uuid not null references organizations(id),
      id uuid not null default gen_random_uuid(),
      requested_by text references users(id),
      status text not null check (status in ('running','ready','failed','expired')),
      progress_done integer not null default 0,
      progress_total integer not null default 0,
      progress_step text not null default '',
      -- last sign of life of a running export: one that stops moving was cut off (a server stopped)
      progress_at timestamptz not null default now(),
      bytes bigint,
      sha256 text,
      error text,
      created_at timestamptz not null default now(),
      finished_at timestamptz,
      expires_at timestamptz not null,
      primary key (organization_id, id)
    )`.execute(db);
  // one running export per clinic, kept by the database as well as by the start use case
  await sql`create unique index data_exports_one_running on data_exports (organization_id) where status = 'running'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table data_exports`.execute(db);
}
