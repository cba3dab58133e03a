// FROZEN once shipped. Clinic sign-up (issue 15, item 1): a new owner creates a clinic from the
// public page, and the clinic works through a set-up checklist.
// - organizations.online_booking: clients may find the clinic on the public pages, register and
//   book in the portal. Clinics that exist already keep doing so (default true); a signed-up clinic
//   starts with it off until its owner switches it on.
// - organizations.consents_reviewed_at: when the owner or medical director read the consent
//   documents the clinic will have clients sign. Clinics that exist already have been using them.
// - clinic_signups: the owner's email confirmation, until the link sent to it is opened (the token
//   only as a hash; a tenant table, keyed by organization like client_signups).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table organizations add column online_booking boolean not null default true`.execute(db);
  await sql`alter table organizations add column consents_reviewed_at timestamptz`.execute(db);
  await sql`update organizations set consents_reviewed_at = created_at`.execute(db);
  await sql`
    create table clinic_signups (
      organization_id uuid not null references organizations(id),
      id uuid not null default gen_random_uuid(),
      user_id text not null references users(id) on delete cascade,
      email text not null,
      token_hash text not null,
      expires_at timestamptz not null,
      verified_at timestamptz,
      created_at timestamptz not null default now(),
      primary key (organization_id, id),
      unique (organization_id, token_hash)
    )`.execute(db);
  await sql`create index clinic_signups_token_hash_idx on clinic_signups (token_hash)`.execute(db);
  await sql`create index clinic_signups_user_idx on clinic_signups (user_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table clinic_signups`.execute(db);
  await sql`alter table organizations drop column consents_reviewed_at`.execute(db);
  await sql`alter table organizations drop column online_booking`.execute(db);
}
