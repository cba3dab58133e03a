// Tables of memberships (migration 20261205-0500, docs/memberships.md). Money is integer cents; dates
// are `YYYY-MM-DD` strings in the location's time zone.
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T> = ColumnType<T, string, string>;

export type MembershipPeriod = 'month' | 'year';
export interface MemberPrice { serviceCode: string; priceCents: number }
export interface PlanCredit { serviceCode: string; count: number; everyPeriods: number; validDays: number; label: string }

export interface MembershipPlansTable {
  organization_id: string;
  id: Generated<string>;
  location_id: string;
  name: string;
  description: Generated<string>;
  period: MembershipPeriod;
  fee_cents: number;
  signup_fee_cents: Generated<number>;
  min_term_periods: Generated<number>;
  max_pause_days: Generated<number>;
  percent_off_bp: Generated<number>;
  member_prices: Json<MemberPrice[]>;
  credits: Json<PlanCredit[]>;
  active: Generated<boolean>;
  currency: string;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export type MembershipStatus = 'active' | 'past_due' | 'paused' | 'cancelled';
export interface ClientMembershipsTable {
  organization_id: string;
  id: Generated<string>;
  client_id: string;
  plan_id: string;
  location_id: string;
  status: MembershipStatus;
  billing: 'card' | 'desk';
  started_on: string;
  period_start: string;
  period_end: string;
  periods_started: Generated<number>;
  term_ends_on: string;
  paused_on: string | null;
  resume_on: string | null;
  pause_reason: string | null;
  cancel_requested_on: string | null;
  cancelled_on: string | null;
  cancel_reason: string | null;
  failed_attempts: Generated<number>;
  next_attempt_at: Date | null;
  idempotency_key: string;
  sold_by: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export interface MembershipCreditsTable {
  organization_id: string;
  id: Generated<string>;
  membership_id: string;
  client_id: string;
  service_code: string;
  label: string;
  granted_on: string;
  expires_on: string;
  period_start: string;
  used_booking_id: string | null;
  used_at: Date | null;
}

export type MembershipChargeStatus = 'due' | 'paid' | 'failed' | 'waived';
export interface MembershipChargesTable {
  organization_id: string;
  id: Generated<string>;
  membership_id: string;
  client_id: string;
  location_id: string;
  period_start: string;
  period_end: string;
  amount_cents: number;
  currency: string;
  status: MembershipChargeStatus;
  invoice_id: string | null;
  payment_id: string | null;
  attempts: Generated<number>;
  last_error: string | null;
  paid_at: Date | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export interface MembershipTables {
  membership_plans: MembershipPlansTable;
  client_memberships: ClientMembershipsTable;
  membership_credits: MembershipCreditsTable;
  membership_charges: MembershipChargesTable;
}
