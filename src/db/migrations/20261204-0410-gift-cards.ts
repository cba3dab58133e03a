// FROZEN once shipped. Gift cards (issue 16, docs/gift-cards.md): a card holds a balance in cents; its
// code is stored only as a SHA-256 hash and its last four characters. Every movement of a balance is a
// row of gift_card_entries (sold, redeemed on an invoice, returned by a refund, refunded, voided), and
// a redemption is also a payment with method gift_card in the payments ledger. An online purchase is
// a pending card (no code yet) until the processor says it is paid.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table payments drop constraint payments_method_check`.execute(db);
  await sql`alter table payments add constraint payments_method_check check (method in ('cash', 'card_terminal', 'card_online', 'check', 'other', 'gift_card'))`.execute(db);
  await sql`
    create table gift_cards (
      organization_id uuid not null references organizations(id),
      id uuid not null default gen_random_uuid(),
      status text not null check (status in ('pending', 'active', 'void', 'refunded')),
      code_hash text,
      code_last4 text,
      initial_cents integer not null check (initial_cents > 0),
      balance_cents integer not null check (balance_cents >= 0 and balance_cents <= initial_cents),
      currency char(3) not null,
      location_id uuid,
      channel text not null check (channel in ('desk', 'online')),
      purchaser_name text not null,
      purchaser_email text,
      purchaser_client_id uuid,
      recipient_name text not null,
      recipient_email text not null,
      message text,
      expires_on date,
      sale_method text not null check (sale_method in ('cash', 'card_terminal', 'card_online', 'check', 'other')),
      sale_ref text,
      idempotency_key text not null,
      sold_by text references users(id),
      created_at timestamptz not null default now(),
      activated_at timestamptz,
      closed_at timestamptz,
      closed_by text references users(id),
      close_reason text,
      primary key (organization_id, id),
      unique (organization_id, code_hash),
      unique (organization_id, idempotency_key),
      check ((status = 'pending') = (code_hash is null)),
      foreign key (organization_id, location_id) references locations(organization_id, id),
      foreign key (organization_id, purchaser_client_id) references clients(organization_id, id)
    )`.execute(db);
  await sql`create index gift_cards_created_idx on gift_cards(organization_id, created_at)`.execute(db);
  await sql`
    create table gift_card_entries (
      organization_id uuid not null,
      id uuid not null default gen_random_uuid(),
      -- the order entries were written in (several can share an instant)
      seq bigserial not null,
      gift_card_id uuid not null,
      kind text not null check (kind in ('issue', 'redeem', 'return', 'refund', 'void', 'expiry')),
      amount_cents integer not null check (amount_cents >= 0),
      balance_after_cents integer not null check (balance_after_cents >= 0),
      method text,
      payment_id uuid,
      invoice_id uuid,
      reason text,
      recorded_by text references users(id),
      created_at timestamptz not null default now(),
      primary key (organization_id, id),
      foreign key (organization_id, gift_card_id) references gift_cards(organization_id, id)
    )`.execute(db);
  await sql`create index gift_card_entries_card_idx on gift_card_entries(organization_id, gift_card_id, created_at)`.execute(db);
  await sql`create index gift_card_entries_payment_idx on gift_card_entries(organization_id, payment_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table gift_card_entries`.execute(db);
  await sql`drop table gift_cards`.execute(db);
  await sql`delete from payments where method = 'gift_card'`.execute(db);
  await sql`alter table payments drop constraint payments_method_check`.execute(db);
  await sql`alter table payments add constraint payments_method_check check (method in ('cash', 'card_terminal', 'card_online', 'check', 'other'))`.execute(db);
}
