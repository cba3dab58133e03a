// JSON shapes of the billing API (src/http/routes/billing.routes.ts and src/services/billing/*),
// plus the labels the screens share. Money is integer cents throughout.
import { formatMoney, money } from '../../domain/pricing/money.js';

export type PaymentMethod = 'cash' | 'card_terminal' | 'card_online' | 'check' | 'other';
export type StaffMethod = Exclude<PaymentMethod, 'card_online'>;
export type InvoiceStatus = 'issued' | 'paid' | 'void';
export type DepositStatus = 'due' | 'paid' | 'applied' | 'refunded' | 'kept' | 'waived';
export type PackageStatus = 'active' | 'used' | 'expired' | 'refunded';

/** paymentView in invoice-store.ts: a payment or a refund of one */
export interface PaymentView {
  id: string;
  kind: 'payment' | 'refund';
  purpose: 'invoice' | 'deposit';
  method: PaymentMethod;
  amountCents: number;
  currency: string;
  refundOf: string | null;
  reason: string | null;
  invoiceId: string | null;
  bookingId: string | null;
  at: string;
  /** the PDF receipt of a payment; null for a refund */
  receiptUrl: string | null;
}

export interface InvoiceLineView {
  position: number;
  kind: 'service' | 'package' | 'package_draw' | 'fee' | 'product';
  description: string;
  serviceCode: string | null;
  quantity: number;
  unitCents: number;
  totalCents: number;
  discountCents: number;
  taxable: boolean;
  taxCents: number;
}

/** invoiceView in invoice-store.ts */
export interface InvoiceView {
  id: string;
  number: number;
  clientId: string;
  locationId: string;
  bookingId: string | null;
  status: InvoiceStatus;
  currency: string;
  issuedAt: string;
  subtotalCents: number;
  discountCents: number;
  discountReason: string | null;
  taxCents: number;
  taxRateBp: number;
  voidReason: string | null;
  totalCents: number;
  creditedCents: number;
  paidCents: number;
  refundedCents: number;
  dueCents: number;
  creditCents: number;
  lines: InvoiceLineView[];
  payments: PaymentView[];
}

/** purchaseView in package-view.ts */
export interface PurchaseView {
  id: string;
  clientId: string;
  locationId: string;
  packageId: string;
  invoiceId: string;
  name: string;
  serviceCode: string;
  sessionsTotal: number;
  sessionsUsed: number;
  sessionsRefunded: number;
  sessionsRemaining: number;
  priceCents: number;
  currency: string;
  expiresOn: string;
  purchasedAt: string;
  status: PackageStatus;
}

export interface DepositView {
  bookingId: string;
  amountCents: number;
  currency: string;
  status: DepositStatus;
  startsAt: string;
}

/** GET /api/clients/{clientId}/billing (statement.ts) */
export interface Statement {
  clientId: string;
  packages: PurchaseView[];
  invoices: InvoiceView[];
  payments: PaymentView[];
  deposits: DepositView[];
  /** true when the clinic takes card payments online */
  onlinePayments: boolean;
  balanceDueCents: number;
  creditCents: number;
}

/** GET /api/bookings/{bookingId}/billing (booking-billing-view.ts) */
export interface BookingBilling {
  bookingId: string;
  packageDraw: { purchaseId: string; name: string; sessionsRemaining: number } | null;
  deposit: { amountCents: number; currency: string; status: DepositStatus } | null;
  invoice: InvoiceView | null;
}

/** GET /api/locations/{locationId}/booking-terms (booking-terms.ts) */
export interface BookingTerms {
  serviceCode: string;
  priceCents: number | null;
  currency: string;
  coveredBy: { purchaseId: string; name: string; sessionsRemaining: number; expiresOn: string } | null;
  depositCents: number;
  lateCancelHours: number;
  policy: string[];
}

export type DepositKind = 'none' | 'amount' | 'percent';

/** GET /api/locations/{locationId}/billing-settings (billing-settings.ts) */
export interface BillingSettings {
  locationId: string;
  taxRateBp: number;
  taxServices: boolean;
  lateCancelHours: number;
  lateCancelKeepsDeposit: boolean;
  noShowKeepsDeposit: boolean;
  lateCancelForfeitsSession: boolean;
  noShowForfeitsSession: boolean;
  packageRefundFeeBp: number;
  deposits: { serviceId: string; serviceName: string; kind: DepositKind; value: number }[];
}

/** PUT body: billingSettingsInput (value is cents for an amount, basis points for a percent) */
export type BillingSettingsInput = Omit<BillingSettings, 'locationId' | 'lateCancelHours' | 'deposits'> & {
  deposits: { serviceId: string; kind: DepositKind; value: number }[];
};

/** GET /api/locations/{locationId}/prices (price-list.ts getPriceList) */
export interface PriceItem {
  id: string;
  serviceCode: string;
  name: string;
  modality: string | null;
  priceCents: number;
  currency: string;
  effectiveFrom: string;
}
export interface PackageOffer {
  id: string;
  serviceCode: string;
  name: string;
  sessions: number;
  priceCents: number;
  currency: string;
  validDays: number;
  active: boolean;
}
export interface PriceList {
  items: PriceItem[];
  packages: PackageOffer[];
}

/** POST results */
export interface PackageSale {
  purchase: PurchaseView;
  invoice: InvoiceView;
  payment: PaymentView;
  replayed: boolean;
}
export interface PackageRefund {
  purchase: PurchaseView;
  refundedCents: number;
  sessionsRefunded: number;
  refunds: PaymentView[];
}

// ---------- labels and formatting ----------

export const cents = (amountCents: number, currency = 'USD') => formatMoney(money(amountCents, currency));

/** dollars typed in a NumberInput to whole cents (never floats on the wire) */
export const toCents = (dollars: number | string) => Math.round(Number(dollars || 0) * 100);

export const METHOD_LABEL: Record<PaymentMethod, string> = { cash: 'Cash', card_terminal: 'Card (terminal)', card_online: 'Card (online)', check: 'Check', other: 'Other' };
export const STAFF_METHOD_OPTIONS: { value: StaffMethod; label: string }[] = [
  { value: 'cash', label: 'Cash' },
  { value: 'card_terminal', label: 'Card (terminal)' },
  { value: 'check', label: 'Check' },
  { value: 'other', label: 'Other' },
];

// light badges only: the theme's light variant keeps text contrast above WCAG AA
export const INVOICE_STATUS: Record<InvoiceStatus, { label: string; color: string }> = {
  issued: { label: 'Issued', color: 'blue' },
  paid: { label: 'Paid', color: 'teal' },
  void: { label: 'Void', color: 'gray' },
};
export const PACKAGE_STATUS: Record<PackageStatus, { label: string; color: string }> = {
  active: { label: 'Active', color: 'teal' },
  used: { label: 'Used', color: 'gray' },
  expired: { label: 'Expired', color: 'orange' },
  refunded: { label: 'Refunded', color: 'gray' },
};
export const DEPOSIT_STATUS: Record<DepositStatus, string> = { due: 'due', paid: 'paid', applied: 'applied', refunded: 'refunded', kept: 'kept', waived: 'waived' };

export const remainingText = (p: { sessionsRemaining: number; sessionsTotal: number }) => `${p.sessionsRemaining} of ${p.sessionsTotal} sessions remaining`;

/** a calendar date (YYYY-MM-DD) shown without a zone shift */
