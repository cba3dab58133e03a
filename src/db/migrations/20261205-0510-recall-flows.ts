// FROZEN once shipped. Recall and rebooking flows (issue 16, item 3; docs/recall.md, decision 0027):
// the owner's settings per flow (recall_flows), one row per recall sent (recall_sends: its unique key
// means a client never gets the same recall twice, even with several processes), and the client's
// marketing opt-in kept apart from care messages on message_preferences.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table recall_flows (
      organization_id uuid not null references organizations(id),
      flow text not null check (flow in ('series_next', 'consult_no_treatment', 'lapsed', 'credits_expiring')),
      enabled boolean not null default false,
      delay_days integer not null check (delay_days between 0 and 730),
      channel text not null default 'email' check (channel in ('email', 'sms', 'both')),
      subject text not null,
      body text not null,
      purpose text not null check (purpose in ('care', 'marketing')),
      updated_by text references users(id),
      updated_at timestamptz not null default now(),
      primary key (organization_id, flow)
    )`.execute(db);
  await sql`
    create table recall_sends (
      organization_id uuid not null references organizations(id),
      id uuid not null default gen_random_uuid(),
      flow text not null,
      client_id uuid not null,
      -- what the recall is about: a series and its next session, a consultation, a last visit
      subject_ref text not null,
      service_id uuid,
      location_id uuid,
      message_id uuid,
      -- SHA-256 of the unsubscribe token; the token itself travels only sealed in the outbox
      unsubscribe_hash text not null,
      sent_at timestamptz not null default now(),
      booked_booking_id uuid,
      booked_at timestamptz,
      primary key (organization_id, id),
      unique (organization_id, flow, client_id, subject_ref),
      foreign key (organization_id, flow) references recall_flows(organization_id, flow),
      foreign key (organization_id, client_id) references clients(organization_id, id)
    )`.execute(db);
  await sql`create index recall_sends_sent_idx on recall_sends(organization_id, sent_at)`.execute(db);
  await sql`create index recall_sends_unsubscribe_idx on recall_sends(unsubscribe_hash)`.execute(db);
  await sql`alter table message_preferences add column marketing boolean not null default false`.execute(db);
  await sql`alter table message_preferences add column marketing_changed_at timestamptz`.execute(db);
  await sql`alter table message_preferences add column marketing_source text check (marketing_source in ('portal', 'desk', 'unsubscribe_link'))`.execute(db);
  // care recalls (the next session of a series) go to everyone unless the client asks them to stop
  await sql`alter table message_preferences add column care_recalls boolean not null default true`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table recall_sends`.execute(db);
  await sql`drop table recall_flows`.execute(db);
  for (const c of ['marketing', 'marketing_changed_at', 'marketing_source', 'care_recalls']) await sql`alter table message_preferences drop column ${sql.ref(c)}`.execute(db);
}
