// Tables of money and reputation (migration 0007): billing policy, deposits, invoices, payments,
// package purchases and draws, reviews and provider profiles. Money is integer cents.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface BillingPoliciesTable {
  organization_id: string;
  location_id: string;
  tax_rate_bp: Generated<number>;
  tax_services: Generated<boolean>;
  late_cancel_keeps_deposit: Generated<boolean>;
  no_show_keeps_deposit: Generated<boolean>;
  late_cancel_forfeits_session: Generated<boolean>;
  no_show_forfeits_session: Generated<boolean>;
  package_refund_fee_bp: Generated<number>;
  updated_at: Generated<Date>;
  /** migration 0013: a paid deposit or a card on file holds a booking; fees charged to that card */
  hold_policy: Generated<'deposit' | 'card_on_file'>;
  late_cancel_fee_cents: Generated<number>;
  no_show_fee_cents: Generated<number>;
}

/** migration 0013: the processor's customer of a client and the card saved for later charges */
export interface ClientPaymentProfilesTable {
  organization_id: string;
  client_id: string;
  customer_id: string;
  payment_method_id: string | null;
  card_brand: string | null;
  card_last4: string | null;
  card_saved_at: Date | null;
  updated_at: Generated<Date>;
}

/** migration 0013: the cancellation policy a client accepted for a booking, word for word */
export interface BookingPolicyAcceptancesTable {
  organization_id: string;
  booking_id: string;
  policy_version: string;
  policy_text: string;
  accepted_by: string;
  accepted_at: Generated<Date>;
  ip: string | null;
}

export interface ServiceDepositsTable {
  organization_id: string;
  service_id: string;
  kind: 'amount' | 'percent';
  /** cents for an amount, basis points for a percent */
  value: number;
}

export type InvoiceStatus = 'issued' | 'paid' | 'void';
export interface InvoicesTable {
  organization_id: string;
  id: Generated<string>;
  number: number;
  location_id: string;
  client_id: string;
  booking_id: string | null;
  status: InvoiceStatus;
  currency: string;
  subtotal_cents: number;
  discount_cents: number;
  tax_cents: number;
  total_cents: number;
  credited_cents: Generated<number>;
  tax_rate_bp: number;
  discount_reason: string | null;
  void_reason: string | null;
  issued_by: string;
  issued_at: CreatedAt;
}

export type InvoiceLineKind = 'service' | 'package' | 'package_draw' | 'fee' | 'product' | 'membership' | 'membership_credit';
export interface InvoiceLinesTable {
  organization_id: string;
  invoice_id: string;
  position: number;
  kind: InvoiceLineKind;
  description: string;
  service_code: string | null;
  quantity: number;
  unit_cents: number;
  total_cents: number;
  discount_cents: Generated<number>;
  taxable: boolean;
  tax_cents: Generated<number>;
}

export interface PackagePurchasesTable {
  organization_id: string;
  id: Generated<string>;
  client_id: string;
  location_id: string;
  package_id: string;
  invoice_id: string;
  name: string;
  service_code: string;
  sessions_total: number;
  sessions_used: Generated<number>;
  sessions_refunded: Generated<number>;
  price_cents: number;
  currency: string;
  expires_on: string;
  purchased_at: CreatedAt;
}

export interface PackageDrawsTable {
  organization_id: string;
  booking_id: string;
  purchase_id: string;
  drawn_at: CreatedAt;
}

export type DepositStatus = 'due' | 'paid' | 'applied' | 'refunded' | 'kept' | 'waived';
export interface BookingDepositsTable {
  organization_id: string;
  booking_id: string;
  amount_cents: number;
  currency: string;
  status: Generated<DepositStatus>;
  updated_at: Generated<Date>;
}

export type PaymentMethod = 'cash' | 'card_terminal' | 'card_online' | 'check' | 'other' | 'gift_card';
export interface PaymentsTable {
  organization_id: string;
  id: Generated<string>;
  client_id: string;
  location_id: string;
  invoice_id: string | null;
  booking_id: string | null;
  kind: 'payment' | 'refund';
  purpose: 'invoice' | 'deposit';
  method: PaymentMethod;
  amount_cents: number;
  currency: string;
  refund_of: string | null;
  reason: string | null;
  external_ref: string | null;
  idempotency_key: string;
  recorded_by: string;
  created_at: CreatedAt;
}

export interface ReviewsTable {
  organization_id: string;
  id: Generated<string>;
  client_id: string;
  booking_id: string;
  location_id: string;
  provider_user_id: string;
  rating: number;
  body: Generated<string>;
  display_name: string;
  status: Generated<'pending' | 'published' | 'hidden'>;
  hidden_reason: string | null;
  reply: string | null;
  replied_at: Timestamp | null;
  moderated_by: string | null;
  moderated_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface ProviderProfilesTable {
  organization_id: string;
  user_id: string;
  bio: Generated<string>;
  practising_since: number | null;
  published: Generated<boolean>;
  updated_at: Generated<Date>;
}

export interface MoneyTables {
  billing_policies: BillingPoliciesTable;
  service_deposits: ServiceDepositsTable;
  invoices: InvoicesTable;
  invoice_lines: InvoiceLinesTable;
  package_purchases: PackagePurchasesTable;
  package_draws: PackageDrawsTable;
  booking_deposits: BookingDepositsTable;
  payments: PaymentsTable;
  client_payment_profiles: ClientPaymentProfilesTable;
  booking_policy_acceptances: BookingPolicyAcceptancesTable;
  reviews: ReviewsTable;
  provider_profiles: ProviderProfilesTable;
}
