// Names for the billing shapes of the generated contract (client.ts), plus the labels the screens
// share. Money is integer cents throughout.
import type { paths } from './generated/schema.js';
import type { Schemas } from './client.js';
import { formatMoney, money } from '../../domain/pricing/money.js';

export type PaymentMethod = Schemas['Payment']['method'];
export type StaffMethod = Exclude<PaymentMethod, 'card_online' | 'gift_card'>;
export type InvoiceStatus = Schemas['Invoice']['status'];
export type DepositStatus = Schemas['Deposit']['status'];
export type PackageStatus = Schemas['PackagePurchase']['status'];

export type PaymentView = Schemas['Payment'];

export type InvoiceLineView = Schemas['InvoiceLine'];

export type InvoiceView = Schemas['Invoice'];

export type PurchaseView = Schemas['PackagePurchase'];

export type DepositView = Schemas['Deposit'];

export type Statement = Schemas['ClientBilling'];

export type BookingBilling = Schemas['BookingBilling'];

export type BookingTerms = Schemas['BookingTerms'];

export type DepositKind = BillingSettings['deposits'][number]['kind'];

export type BillingSettings = Schemas['BillingSettings'];

/** PUT body: billingSettingsInput (value is cents for an amount, basis points for a percent) */
export type BillingSettingsInput = NonNullable<
  paths['/api/locations/{locationId}/billing-settings']['put']['requestBody']
>['content']['application/json'];

export type PriceItem = PriceList['items'][number];
export type PackageOffer = PriceList['packages'][number];
export type PriceList = Schemas['PriceList'];

export type PackageSale = Schemas['PackageSale'];
export type PackageRefund = Schemas['PackageRefund'];

// ---------- labels and formatting ----------

export const cents = (amountCents: number, currency = 'USD') => formatMoney(money(amountCents, currency));

/** dollars typed in a NumberInput to whole cents (never floats on the wire) */
export const toCents = (dollars: number | string) => Math.round(Number(dollars || 0) * 100);

export const METHOD_LABEL: Record<PaymentMethod, string> = {
  cash: 'Cash',
  card_terminal: 'Card (terminal)',
  card_online: 'Card (online)',
  check: 'Check',
  other: 'Other',
  gift_card: 'Gift card',
};
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
export const DEPOSIT_STATUS: Record<DepositStatus, string> = {
  due: 'due',
  paid: 'paid',
  applied: 'applied',
  refunded: 'refunded',
  kept: 'kept',
  waived: 'waived',
};

export const remainingText = (p: { sessionsRemaining: number; sessionsTotal: number }) =>
  `${p.sessionsRemaining} of ${p.sessionsTotal} sessions remaining`;

/** a calendar date (YYYY-MM-DD) shown without a zone shift */
