// FROZEN once shipped. Webhooks (issue 15, item 6): endpoints an owner registers for events, and one
// delivery row per event and endpoint, written in the transaction of the change itself (an outbox)
// and sent by the worker with retries and backoff. The signing secret is sealed with the server
// secret: staff never read it back after it is shown once. Tenant tables: organization_id leads
// every key (scale-out runbook).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table webhook_endpoints (
      organization_id uuid not null references organizations(id),
      id uuid not null default gen_random_uuid(),
      url text not null,
      description text not null default '',
      events text[] not null,
      secret_sealed text not null,
      active boolean not null default true,
      created_by text references users(id),
      created_at timestamptz not null default now(),
      primary key (organization_id, id)
    )`.execute(db);
  await sql`
    create table webhook_deliveries (
      organization_id uuid not null references organizations(id),
      id uuid not null default gen_random_uuid(),
      endpoint_id uuid not null,
      event_type text not null,
      payload jsonb not null,
      status text not null default 'pending' check (status in ('pending','delivered','failed')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null default now(),
      last_status integer,
      last_error text,
      created_at timestamptz not null default now(),
      delivered_at timestamptz,
      replay_of uuid,
      primary key (organization_id, id),
      foreign key (organization_id, endpoint_id) references webhook_endpoints (organization_id, id) on delete cascade
    )`.execute(db);
  await sql`create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending'`.execute(db);
  await sql`create index webhook_deliveries_by_endpoint on webhook_deliveries (organization_id, endpoint_id, created_at desc)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table webhook_deliveries`.execute(db);
  await sql`drop table webhook_endpoints`.execute(db);
}
