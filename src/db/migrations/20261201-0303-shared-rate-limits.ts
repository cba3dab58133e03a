// FROZEN once shipped. Rate limits shared by every process (issue 14, item 4; decision 0016): with
// several processes an in-memory count would let each process grant the full allowance. Both are
// server-level tables (a caller's address is counted before any clinic is known): local to the
// coordinator in docs/runbooks/scale-out.md.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // our own per-address limits (registration): one row per limit and address, a fixed window
  await sql`
    create table address_rate_limits (
      bucket text not null,
      address text not null,
      window_started_at timestamptz not null,
      hits integer not null,
      primary key (bucket, address)
    )`.execute(db);
  await sql`create index address_rate_limits_window_idx on address_rate_limits(window_started_at)`.execute(db);
  // better-auth's limits on its own endpoints (rateLimit.storage 'database'); it prunes old rows itself
  await sql`
    create table auth_rate_limits (
      id text primary key,
      key text not null unique,
      count integer not null,
      last_request bigint not null
    )`.execute(db);
  await sql`create index auth_rate_limits_last_request_idx on auth_rate_limits(last_request)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table auth_rate_limits`.execute(db);
  await sql`drop table address_rate_limits`.execute(db);
}
