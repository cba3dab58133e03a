// FROZEN once shipped. Refused attempts (a role or ownership refusal, or an id not found in the
// caller's clinic), counted per organization, user, route and hour, so that an attack shows in the
// audit screen without flooding the audit trail.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table access_refusals (
      organization_id uuid not null references organizations(id),
      window_start timestamptz not null,
      user_id text not null references users(id),
      role text not null,
      method text not null check (length(method) <= 10),
      route text not null check (length(route) <= 300),
      status smallint not null check (status in (403, 404)),
      count integer not null default 1 check (count > 0),
      first_at timestamptz not null,
      last_at timestamptz not null,
      last_ip text,
      primary key (organization_id, window_start, user_id, method, route, status)
    )`.execute(db);
  await sql`create index access_refusals_recent_idx on access_refusals(organization_id, last_at desc)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table access_refusals`.execute(db);
}
