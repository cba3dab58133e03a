// FROZEN once shipped. Backups of the embedded database (issue 10): one row per backup the server
// makes (scheduled or asked for in the console), so the owner sees what ran, when, and why one
// failed. The table is global, like users: a backup holds the whole installation.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table backup_runs (
      id uuid primary key default gen_random_uuid(),
      trigger text not null check (trigger in ('schedule', 'owner')),
      requested_by text references users(id),
      file_name text not null unique,
      status text not null check (status in ('running', 'succeeded', 'failed')),
      started_at timestamptz not null default now(),
      finished_at timestamptz,
      bytes bigint,
      secret_included boolean not null default false,
      error text,
      removed_at timestamptz
    )`.execute(db);
  // one backup at a time, enforced by the database rather than by timing
  await sql`create unique index backup_runs_one_running on backup_runs ((status)) where status = 'running'`.execute(db);
  await sql`create index backup_runs_started_idx on backup_runs (started_at desc)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table backup_runs`.execute(db);
}
