// FROZEN once shipped. Memberships (issue 16, docs/memberships.md, decision 0026): plans per location
// (a fee each month or year, member prices, credits), a client's membership of a plan, one row per
// included credit, and one charge per billed period. The table is client_memberships because
// `memberships` already ties staff to a clinic (decision 0002).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table invoice_lines drop constraint invoice_lines_kind_check`.execute(db);
  await sql`alter table invoice_lines add constraint invoice_lines_kind_check check (kind in ('service', 'package', 'package_draw', 'fee', 'product', 'membership', 'membership_credit'))`.execute(db);
  await sql`
    create table membership_plans (
      organization_id uuid not null references organizations(id),
      id uuid not null default gen_random_uuid(),
      location_id uuid not null,
      name text not null,
      description text not null default '',
      period text not null check (period in ('month', 'year')),
      fee_cents integer not null check (fee_cents > 0),
      signup_fee_cents integer not null default 0 check (signup_fee_cents >= 0),
      min_term_periods integer not null default 0 check (min_term_periods >= 0),
      max_pause_days integer not null default 0 check (max_pause_days >= 0),
      -- off services and products without a member price, in basis points
      percent_off_bp integer not null default 0 check (percent_off_bp between 0 and 10000),
      member_prices jsonb not null default '[]',
      credits jsonb not null default '[]',
      active boolean not null default true,
      currency char(3) not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (organization_id, id),
      foreign key (organization_id, location_id) references locations(organization_id, id)
    )`.execute(db);
  await sql`
    create table client_memberships (
      organization_id uuid not null,
      id uuid not null default gen_random_uuid(),
      client_id uuid not null,
      plan_id uuid not null,
      location_id uuid not null,
      status text not null check (status in ('active', 'past_due', 'paused', 'cancelled')),
      billing text not null check (billing in ('card', 'desk')),
      started_on date not null,
      -- the period paid for runs from period_start up to (not including) period_end
      period_start date not null,
      period_end date not null,
      periods_started integer not null default 1,
      term_ends_on date not null,
      paused_on date,
      resume_on date,
      pause_reason text,
      cancel_requested_on date,
      cancelled_on date,
      cancel_reason text,
      failed_attempts integer not null default 0,
      next_attempt_at timestamptz,
      idempotency_key text not null,
      sold_by text references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (organization_id, id),
      unique (organization_id, idempotency_key),
      foreign key (organization_id, client_id) references clients(organization_id, id),
      foreign key (organization_id, plan_id) references membership_plans(organization_id, id),
      foreign key (organization_id, location_id) references locations(organization_id, id)
    )`.execute(db);
  // one membership per client and location that is not cancelled
  await sql`create unique index client_memberships_one_live on client_memberships(organization_id, client_id, location_id) where status <> 'cancelled'`.execute(db);
  await sql`create index client_memberships_due_idx on client_memberships(period_end) where status in ('active', 'past_due')`.execute(db);
  await sql`
    create table membership_credits (
      organization_id uuid not null,
      id uuid not null default gen_random_uuid(),
      membership_id uuid not null,
      client_id uuid not null,
      service_code text not null,
      label text not null,
      granted_on date not null,
      expires_on date not null,
      period_start date not null,
      used_booking_id uuid,
      used_at timestamptz,
      primary key (organization_id, id),
      -- a booking draws at most one credit
      unique (organization_id, used_booking_id),
      foreign key (organization_id, membership_id) references client_memberships(organization_id, id),
      foreign key (organization_id, used_booking_id) references bookings(organization_id, id)
    )`.execute(db);
  await sql`create index membership_credits_unused_idx on membership_credits(organization_id, client_id, service_code, expires_on) where used_booking_id is null`.execute(db);
  await sql`
    create table membership_charges (
      organization_id uuid not null,
      id uuid not null default gen_random_uuid(),
      membership_id uuid not null,
      client_id uuid not null,
      location_id uuid not null,
      period_start date not null,
      period_end date not null,
      amount_cents integer not null check (amount_cents >= 0),
      currency char(3) not null,
      status text not null check (status in ('due', 'paid', 'failed', 'waived')),
      invoice_id uuid,
      payment_id uuid,
      attempts integer not null default 0,
      last_error text,
      paid_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (organization_id, id),
      -- a period is billed once
      unique (organization_id, membership_id, period_start),
      foreign key (organization_id, membership_id) references client_memberships(organization_id, id),
      foreign key (organization_id, invoice_id) references invoices(organization_id, id)
    )`.execute(db);
  await sql`create index membership_charges_paid_idx on membership_charges(organization_id, paid_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table membership_charges`.execute(db);
  await sql`drop table membership_credits`.execute(db);
  await sql`drop table client_memberships`.execute(db);
  await sql`drop table membership_plans`.execute(db);
  await sql`delete from invoice_lines where kind in ('membership', 'membership_credit')`.execute(db);
  await sql`alter table invoice_lines drop constraint invoice_lines_kind_check`.execute(db);
  await sql`alter table invoice_lines add constraint invoice_lines_kind_check check (kind in ('service', 'package', 'package_draw', 'fee', 'product'))`.execute(db);
}
