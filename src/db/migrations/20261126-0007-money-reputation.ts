// FROZEN once shipped. Money and reputation: billing policy per location, deposits per service,
// package purchases drawn down by bookings, invoices with lines, payments and refunds (idempotent),
// reviews with moderation, and provider profiles for the public pages. All money is integer cents.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Tax and the cancellation policy of a location. Late-cancel hours stay on location_schedules.
  await sql`
    create table billing_policies (
      organization_id uuid not null,
      location_id uuid not null,
      tax_rate_bp integer not null default 0 check (tax_rate_bp between 0 and 3000),
      tax_services boolean not null default false,
      late_cancel_keeps_deposit boolean not null default true,
      no_show_keeps_deposit boolean not null default true,
      late_cancel_forfeits_session boolean not null default true,
      no_show_forfeits_session boolean not null default true,
      package_refund_fee_bp integer not null default 0 check (package_refund_fee_bp between 0 and 10000),
      updated_at timestamptz not null default now(),
      primary key (organization_id, location_id),
      foreign key (organization_id, location_id) references locations(organization_id, id)
    )`.execute(db);

  await sql`
    create table service_deposits (
      organization_id uuid not null,
      service_id uuid not null,
      kind text not null check (kind in ('amount', 'percent')),
      value integer not null check (value > 0),
      primary key (organization_id, service_id),
      foreign key (organization_id, service_id) references services(organization_id, id)
    )`.execute(db);

  await sql`
    create table invoices (
      organization_id uuid not null,
      id uuid not null default gen_random_uuid(),
      number integer not null,
      location_id uuid not null,
      client_id uuid not null,
      booking_id uuid,
      status text not null check (status in ('issued', 'paid', 'void')),
      currency char(3) not null,
      subtotal_cents integer not null,
      discount_cents integer not null check (discount_cents >= 0),
      tax_cents integer not null check (tax_cents >= 0),
      total_cents integer not null check (total_cents >= 0),
      -- written off the total later: the value of package sessions withdrawn by a refund
      credited_cents integer not null default 0 check (credited_cents >= 0 and credited_cents <= total_cents),
      tax_rate_bp integer not null,
      discount_reason text,
      void_reason text,
      issued_by text not null references users(id),
      issued_at timestamptz not null default now(),
      primary key (organization_id, id),
      unique (organization_id, number),
      foreign key (organization_id, client_id) references clients(organization_id, id),
      foreign key (organization_id, location_id) references locations(organization_id, id)
    )`.execute(db);
  // one invoice per visit (a void one may be replaced)
  await sql`create unique index invoices_booking_idx on invoices(organization_id, booking_id) where booking_id is not null and status <> 'void'`.execute(db);
  await sql`create index invoices_client_idx on invoices(organization_id, client_id, issued_at)`.execute(db);

  await sql`
    create table invoice_lines (
      organization_id uuid not null,
      invoice_id uuid not null,
      position integer not null,
      kind text not null check (kind in ('service', 'package', 'package_draw', 'fee', 'product')),
      description text not null,
      service_code text,
      quantity integer not null check (quantity >= 1),
      unit_cents integer not null check (unit_cents >= 0),
      total_cents integer not null check (total_cents >= 0),
      discount_cents integer not null default 0,
      taxable boolean not null,
      tax_cents integer not null default 0,
      primary key (organization_id, invoice_id, position),
      foreign key (organization_id, invoice_id) references invoices(organization_id, id)
    )`.execute(db);

  await sql`
    create table package_purchases (
      organization_id uuid not null,
      id uuid not null default gen_random_uuid(),
      client_id uuid not null,
      location_id uuid not null,
      package_id uuid not null,
      invoice_id uuid not null,
      name text not null,
      service_code text not null,
      sessions_total integer not null check (sessions_total >= 1),
      sessions_used integer not null default 0,
      sessions_refunded integer not null default 0,
      price_cents integer not null check (price_cents >= 0),
      currency char(3) not null,
      expires_on date not null,
      purchased_at timestamptz not null default now(),
      -- never below zero sessions: the database refuses any draw past the balance
      check (sessions_used >= 0 and sessions_refunded >= 0 and sessions_used + sessions_refunded <= sessions_total),
      primary key (organization_id, id),
      foreign key (organization_id, client_id) references clients(organization_id, id),
      foreign key (organization_id, package_id) references packages(organization_id, id),
      foreign key (organization_id, invoice_id) references invoices(organization_id, id)
    )`.execute(db);
  await sql`create index package_purchases_client_idx on package_purchases(organization_id, client_id, service_code)`.execute(db);

  await sql`
    create table package_draws (
      organization_id uuid not null,
      booking_id uuid not null,
      purchase_id uuid not null,
      drawn_at timestamptz not null default now(),
      primary key (organization_id, booking_id),
      foreign key (organization_id, purchase_id) references package_purchases(organization_id, id)
    )`.execute(db);

  // A deposit asked for at booking: paid, then applied to the visit's invoice, refunded or kept.
  await sql`
    create table booking_deposits (
      organization_id uuid not null,
      booking_id uuid not null,
      amount_cents integer not null check (amount_cents > 0),
      currency char(3) not null,
      status text not null default 'due' check (status in ('due', 'paid', 'applied', 'refunded', 'kept', 'waived')),
      updated_at timestamptz not null default now(),
      primary key (organization_id, booking_id)
    )`.execute(db);

  // Money in (payment) and out (refund). A refund names the payment it returns; idempotency keys
  // make a double submit a single record.
  await sql`
    create table payments (
      organization_id uuid not null,
      id uuid not null default gen_random_uuid(),
      client_id uuid not null,
      location_id uuid not null,
      invoice_id uuid,
      booking_id uuid,
      kind text not null check (kind in ('payment', 'refund')),
      purpose text not null check (purpose in ('invoice', 'deposit')),
      method text not null check (method in ('cash', 'card_terminal', 'card_online', 'check', 'other')),
      amount_cents integer not null check (amount_cents > 0),
      currency char(3) not null,
      refund_of uuid,
      reason text,
      external_ref text,
      idempotency_key text not null,
      recorded_by text not null references users(id),
      created_at timestamptz not null default now(),
      primary key (organization_id, id),
      unique (organization_id, idempotency_key),
      check ((kind = 'refund') = (refund_of is not null)),
      foreign key (organization_id, client_id) references clients(organization_id, id)
    )`.execute(db);
  await sql`create index payments_invoice_idx on payments(organization_id, invoice_id)`.execute(db);
  await sql`create index payments_client_idx on payments(organization_id, client_id, created_at)`.execute(db);
  await sql`create index payments_created_idx on payments(organization_id, created_at)`.execute(db);

  await sql`
    create table reviews (
      organization_id uuid not null,
      id uuid not null default gen_random_uuid(),
      client_id uuid not null,
      booking_id uuid not null,
      location_id uuid not null,
      provider_user_id text not null references users(id),
      rating integer not null check (rating between 1 and 5),
      body text not null default '',
      display_name text not null,
      status text not null default 'pending' check (status in ('pending', 'published', 'hidden')),
      hidden_reason text,
      reply text,
      replied_at timestamptz,
      moderated_by text references users(id),
      moderated_at timestamptz,
      created_at timestamptz not null default now(),
      primary key (organization_id, id),
      unique (organization_id, booking_id),
      foreign key (organization_id, client_id) references clients(organization_id, id)
    )`.execute(db);
  await sql`create index reviews_provider_idx on reviews(organization_id, provider_user_id, status)`.execute(db);

  await sql`
    create table provider_profiles (
      organization_id uuid not null,
      user_id text not null references users(id),
      bio text not null default '',
      practising_since integer check (practising_since between 1950 and 2100),
      published boolean not null default true,
      updated_at timestamptz not null default now(),
      primary key (organization_id, user_id)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['provider_profiles', 'reviews', 'payments', 'booking_deposits', 'package_draws', 'package_purchases', 'invoice_lines', 'invoices', 'service_deposits', 'billing_policies']) {
    await sql`drop table ${sql.table(t)}`.execute(db);
  }
}
