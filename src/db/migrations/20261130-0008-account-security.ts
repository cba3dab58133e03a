// FROZEN once shipped. Account security (issue 10):
// - outbox messages keep any secret link (reset, invitation, verification) sealed apart from the
//   body, so no stored body or staff screen ever shows it; the worker opens it at delivery and drops it;
// - a client's registration waits in client_signups until they prove the mailbox is theirs;
// - failed sign-ins are counted per account and source (address), so nobody can lock another
//   person out from elsewhere; locks grow with each repeat;
// - sessions record when they were last used, for the staff idle limit.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table outbox_messages add column secret_sealed text`.execute(db);
  await sql`
    create table client_signups (
      organization_id uuid not null references organizations(id),
      id uuid not null default gen_random_uuid(),
      user_id text not null references users(id) on delete cascade,
      email text not null,
      first_name text not null,
      last_name text not null,
      phone text,
      date_of_birth date,
      token_hash text not null,
      expires_at timestamptz not null,
      verified_at timestamptz,
      created_at timestamptz not null default now(),
      primary key (organization_id, id),
      unique (token_hash)
    )`.execute(db);
  await sql`create index client_signups_user_idx on client_signups(user_id)`.execute(db);
  await sql`drop table sign_in_failures`.execute(db);
  await sql`
    create table sign_in_failures (
      email text not null,
      source text not null,
      failures integer not null default 0,
      window_started_at timestamptz not null default now(),
      locked_until timestamptz,
      locks integer not null default 0,
      primary key (email, source)
    )`.execute(db);
  await sql`alter table sessions add column last_seen_at timestamptz`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table sessions drop column last_seen_at`.execute(db);
  await sql`drop table sign_in_failures`.execute(db);
  await sql`
    create table sign_in_failures (
      email text primary key,
      failures integer not null default 0,
      window_started_at timestamptz not null default now(),
      locked_until timestamptz
    )`.execute(db);
  await sql`drop table client_signups`.execute(db);
  await sql`alter table outbox_messages drop column secret_sealed`.execute(db);
}
