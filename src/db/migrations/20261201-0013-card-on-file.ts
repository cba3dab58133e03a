// FROZEN once shipped. Card payments in the booking flow (issue 12, item 3; docs/money.md, "Card
// payments at booking"): what a location holds for a booking (a paid deposit or a card on file) and
// its late-cancel and no-show fees; the processor's customer and saved card of each client; and the
// cancellation policy a client accepted for a booking, word for word, as evidence.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table billing_policies add column hold_policy text not null default 'deposit' check (hold_policy in ('deposit', 'card_on_file'))`.execute(db);
  await sql`alter table billing_policies add column late_cancel_fee_cents integer not null default 0 check (late_cancel_fee_cents >= 0)`.execute(db);
  await sql`alter table billing_policies add column no_show_fee_cents integer not null default 0 check (no_show_fee_cents >= 0)`.execute(db);

  // one processor customer per client per clinic, and the card saved for charges without the client
  await sql`
    create table client_payment_profiles (
      organization_id uuid not null,
      client_id uuid not null,
      customer_id text not null,
      payment_method_id text,
      card_brand text,
      card_last4 text,
      card_saved_at timestamptz,
      updated_at timestamptz not null default now(),
      primary key (organization_id, client_id),
      unique (organization_id, customer_id),
      foreign key (organization_id, client_id) references clients(organization_id, id)
    )`.execute(db);

  // the exact policy text a client accepted for a booking: when, by whom, from which address
  await sql`
    create table booking_policy_acceptances (
      organization_id uuid not null,
      booking_id uuid not null,
      policy_version text not null,
      policy_text text not null,
      accepted_by text not null references users(id),
      accepted_at timestamptz not null default now(),
      ip text,
      primary key (organization_id, booking_id, policy_version),
      foreign key (organization_id, booking_id) references bookings(organization_id, id)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table booking_policy_acceptances`.execute(db);
  await sql`drop table client_payment_profiles`.execute(db);
  await sql`alter table billing_policies drop column no_show_fee_cents`.execute(db);
  await sql`alter table billing_policies drop column late_cancel_fee_cents`.execute(db);
  await sql`alter table billing_policies drop column hold_policy`.execute(db);
}
