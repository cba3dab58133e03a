// FROZEN once shipped. Scheduled messages (reminders go out at a time, with an .ics attachment and
// can be cancelled when the booking moves), the waitlist, and secret per-provider calendar feeds.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table outbox_messages add column send_after timestamptz not null default now()`.execute(db);
  await sql`alter table outbox_messages add column booking_id uuid`.execute(db);
  await sql`alter table outbox_messages add column attachment_ics text`.execute(db);
  // whose message it is: preferences apply, and the client's record lists what was sent when
  await sql`alter table outbox_messages add column client_id uuid`.execute(db);
  await sql`create index outbox_client_idx on outbox_messages(organization_id, client_id, created_at) where client_id is not null`.execute(db);

  await sql`
    create table message_preferences (
      organization_id uuid not null,
      client_id uuid not null,
      email boolean not null default true,
      sms boolean not null default false,
      quiet_start text not null default '21:00' check (quiet_start ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      quiet_end text not null default '08:00' check (quiet_end ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      updated_at timestamptz not null default now(),
      primary key (organization_id, client_id),
      foreign key (organization_id, client_id) references clients(organization_id, id)
    )`.execute(db);
  await sql`alter table outbox_messages drop constraint outbox_messages_status_check`.execute(db);
  await sql`alter table outbox_messages add constraint outbox_messages_status_check check (status in ('pending','sent','failed','held','cancelled'))`.execute(db);
  await sql`drop index outbox_pending_idx`.execute(db);
  await sql`create index outbox_pending_idx on outbox_messages(status, send_after) where status = 'pending'`.execute(db);
  await sql`create index outbox_booking_idx on outbox_messages(organization_id, booking_id) where booking_id is not null`.execute(db);

  // expired holds are looked up before every booking: keep that lookup off the whole table
  await sql`create index bookings_held_idx on bookings(organization_id, hold_expires_at) where status = 'held'`.execute(db);

  await sql`
    create table waitlist_entries (
      organization_id uuid not null,
      id uuid not null default gen_random_uuid(),
      client_id uuid not null,
      location_id uuid not null,
      service_id uuid not null,
      provider_user_id text,
      from_date date not null,
      to_date date not null,
      status text not null default 'waiting' check (status in ('waiting', 'offered', 'booked', 'cancelled')),
      offer_booking_id uuid,
      offers integer not null default 0,
      -- the queue order: an offer left to expire sends the entry to the back
      queued_at timestamptz not null default now(),
      created_by text not null references users(id),
      created_at timestamptz not null default now(),
      primary key (organization_id, id),
      check (to_date >= from_date),
      foreign key (organization_id, client_id) references clients(organization_id, id),
      foreign key (organization_id, location_id) references locations(organization_id, id),
      foreign key (organization_id, service_id) references services(organization_id, id)
    )`.execute(db);
  await sql`create index waitlist_waiting_idx on waitlist_entries(organization_id, location_id, status, queued_at)`.execute(db);

  // Only a hash of the secret is kept: the feed URL is shown once, like a password.
  await sql`
    create table calendar_feeds (
      organization_id uuid not null,
      user_id text not null,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      primary key (organization_id, user_id),
      foreign key (organization_id, user_id) references memberships(organization_id, user_id)
    )`.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('migrations are forward-only'));
}
