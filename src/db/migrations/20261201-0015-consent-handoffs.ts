// FROZEN once shipped. In-clinic signing (issue 13, item 4): staff hand a clinic tablet to the client
// for one consent document. A hand-off is short-lived and single-use; only the sha256 of its token is
// kept. A consent records how it was signed (remote: on the client's own device; in_clinic: on the
// clinic's tablet) and which staff member witnessed an in-clinic signature.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table consent_handoffs (
      organization_id uuid not null,
      id uuid not null default gen_random_uuid(),
      client_id uuid not null,
      kind text not null check (kind in ('treatment','photo_clinical','photo_marketing')),
      modality text check (modality in ('roller','pen','rf')),
      plan_id uuid,
      token_hash text not null,
      started_by text not null references users(id),
      expires_at timestamptz not null,
      used_at timestamptz,
      consent_id uuid,
      created_at timestamptz not null default now(),
      primary key (organization_id, id),
      -- unique per organization, looked up by hash (distributable, docs/runbooks/scale-out.md)
      unique (organization_id, token_hash),
      foreign key (organization_id, client_id) references clients(organization_id, id)
    )`.execute(db);
  await sql`create index consent_handoffs_token_hash_idx on consent_handoffs (token_hash)`.execute(db);
  await sql`alter table consents add column method text not null default 'remote' check (method in ('remote','in_clinic'))`.execute(db);
  await sql`alter table consents add column witnessed_by text references users(id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table consents drop column witnessed_by`.execute(db);
  await sql`alter table consents drop column method`.execute(db);
  await sql`drop table consent_handoffs`.execute(db);
}
