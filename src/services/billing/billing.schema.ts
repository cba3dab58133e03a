// The shapes the billing routes answer with. The views in invoice-store.ts and package-view.ts
// return these types, so what the OpenAPI document promises cannot drift from what is sent.
import { z } from 'zod';

const cents = (what: string) => z.number().int().describe(`${what}, in integer cents`);
const isoDateTime = (what: string) => z.iso.datetime().describe(`${what} (ISO 8601 date-time, UTC)`);
const isoDay = (what: string) => z.iso.date().describe(`${what} (ISO 8601 date)`);

const PAYMENT_ID = '6a7c1e52-2f0e-4c59-9d3b-0d6f4f1b2a10';
const INVOICE_ID = '3f1e9a4b-7c2d-4e8f-a1b0-5c6d7e8f9a01';
const CLIENT_ID = '0b5c2d7e-1f3a-4b6c-8d9e-a0b1c2d3e4f5';
const LOCATION_ID = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';
const BOOKING_ID = 'c4d5e6f7-0819-4a2b-9c3d-4e5f60718293';
const PURCHASE_ID = '5d6e7f80-9a1b-4c2d-8e3f-405162738495';
const REFUND_ID = 'e1f2a3b4-c5d6-4e7f-8091-a2b3c4d5e6f7';

// examples shared by the schemas that nest one another
const PAYMENT_EXAMPLE = {
  id: PAYMENT_ID, kind: 'payment', purpose: 'invoice', method: 'card_terminal', amountCents: 25_000, currency: 'USD', refundOf: null, reason: null,
  invoiceId: INVOICE_ID, bookingId: BOOKING_ID, at: '2026-11-20T16:05:00.000Z', receiptUrl: `/api/payments/${PAYMENT_ID}/receipt.pdf`,
} as const;
const LINE_EXAMPLE = { position: 1, kind: 'service', description: 'Botox, forehead', serviceCode: 'BOTOX', quantity: 1, unitCents: 25_000, totalCents: 25_000, discountCents: 0, taxable: false, taxCents: 0 };
const INVOICE_EXAMPLE = {
  id: INVOICE_ID, number: 1001, clientId: CLIENT_ID, locationId: LOCATION_ID, bookingId: BOOKING_ID, status: 'paid', currency: 'USD', issuedAt: '2026-11-20T16:00:00.000Z',
  subtotalCents: 25_000, discountCents: 0, discountReason: null, taxCents: 0, taxRateBp: 0, voidReason: null, totalCents: 25_000, paidCents: 25_000, refundedCents: 0,
  dueCents: 0, creditCents: 0, creditedCents: 0, lines: [LINE_EXAMPLE], payments: [PAYMENT_EXAMPLE],
} as const;
const PURCHASE_EXAMPLE = {
  id: PURCHASE_ID, clientId: CLIENT_ID, locationId: LOCATION_ID, packageId: '7f8e9d0c-1b2a-4394-8576-a5b4c3d2e1f0', invoiceId: INVOICE_ID, name: 'Laser hair removal x6',
  serviceCode: 'LHR', sessionsTotal: 6, sessionsUsed: 1, sessionsRefunded: 0, sessionsRemaining: 5, priceCents: 90_000, currency: 'USD', expiresOn: '2027-11-20',
  purchasedAt: '2026-11-20T16:00:00.000Z', status: 'active',
} as const;

export const Payment = z
  .object({
    id: z.uuid(),
    kind: z.enum(['payment', 'refund']).describe('a payment in, or a refund of one'),
    purpose: z.enum(['invoice', 'deposit']),
    method: z.enum(['cash', 'card_terminal', 'card_online', 'check', 'other', 'gift_card']),
    amountCents: cents('The amount'),
    currency: z.string().describe('ISO 4217 code'),
    refundOf: z.uuid().nullable().describe('for a refund: the payment it returns money of'),
    reason: z.string().nullable().describe('why a refund was given'),
    invoiceId: z.uuid().nullable(),
    bookingId: z.uuid().nullable(),
    at: isoDateTime('When it was recorded'),
    receiptUrl: z.string().nullable().describe('the PDF receipt of a payment; null for a refund'),
  })
  .meta({
    id: 'Payment',
    description: 'A payment taken or a refund given',
    example: PAYMENT_EXAMPLE,
  });
export type PaymentView = z.output<typeof Payment>;

export const InvoiceLine = z
  .object({
    position: z.number().int(),
    kind: z.enum(['service', 'package', 'package_draw', 'fee', 'product', 'membership', 'membership_credit']),
    description: z.string(),
    serviceCode: z.string().nullable(),
    quantity: z.number().int(),
    unitCents: cents('Price of one'),
    totalCents: cents('Line total before tax'),
    discountCents: cents('Share of the invoice discount'),
    taxable: z.boolean(),
    taxCents: cents('Tax on the line'),
  })
  .meta({ id: 'InvoiceLine', description: 'One line of an invoice', example: LINE_EXAMPLE });

export const Invoice = z
  .object({
    id: z.uuid(),
    number: z.number().int().describe('runs per organization without gaps'),
    clientId: z.uuid(),
    locationId: z.uuid(),
    bookingId: z.uuid().nullable().describe('the visit invoiced; null for a package sale'),
    status: z.enum(['issued', 'paid', 'void']),
    currency: z.string(),
    issuedAt: isoDateTime('When it was issued'),
    subtotalCents: cents('Lines before discount and tax'),
    discountCents: cents('Discount'),
    discountReason: z.string().nullable(),
    taxCents: cents('Tax'),
    taxRateBp: z.number().int().describe('tax rate in basis points (825 = 8.25%)'),
    voidReason: z.string().nullable(),
    totalCents: cents('Total'),
    paidCents: cents('Paid so far'),
    refundedCents: cents('Refunded so far'),
    dueCents: cents('Still to pay (0 once void)'),
    creditCents: cents('Paid beyond what is owed'),
    creditedCents: cents('Credited off the total (package refunds)'),
    lines: z.array(InvoiceLine),
    payments: z.array(Payment),
  })
  .meta({
    id: 'Invoice',
    description: 'An invoice with its lines, payments and refunds, and what is due',
    example: INVOICE_EXAMPLE,
  });
export type InvoiceView = z.output<typeof Invoice>;

export const PackagePurchase = z
  .object({
    id: z.uuid(),
    clientId: z.uuid(),
    locationId: z.uuid(),
    packageId: z.uuid(),
    invoiceId: z.uuid(),
    name: z.string(),
    serviceCode: z.string(),
    sessionsTotal: z.number().int(),
    sessionsUsed: z.number().int(),
    sessionsRefunded: z.number().int(),
    sessionsRemaining: z.number().int(),
    priceCents: cents('Package price'),
    currency: z.string(),
    expiresOn: isoDay('Last day a session can be used'),
    purchasedAt: isoDateTime('When it was sold'),
    status: z.enum(['active', 'used', 'expired', 'refunded']),
  })
  .meta({
    id: 'PackagePurchase',
    description: 'A package of sessions a client holds: what remains, until when',
    example: PURCHASE_EXAMPLE,
  });
export type PackagePurchaseView = z.output<typeof PackagePurchase>;

const DepositStatus = z.enum(['due', 'paid', 'applied', 'refunded', 'kept', 'waived']);

export const Deposit = z
  .object({ bookingId: z.uuid(), amountCents: cents('The deposit'), currency: z.string(), status: DepositStatus, startsAt: isoDateTime('When the visit starts') })
  .meta({ id: 'Deposit', description: 'A deposit a booking asks for, and its state', example: { bookingId: BOOKING_ID, amountCents: 5000, currency: 'USD', status: 'due', startsAt: '2026-12-03T15:00:00.000Z' } });

export const ClientBilling = z
  .object({
    clientId: z.uuid(),
    packages: z.array(PackagePurchase),
    invoices: z.array(Invoice).describe('newest first, at most 100'),
    payments: z.array(Payment).describe('newest first, at most 200'),
    deposits: z.array(Deposit),
    balanceDueCents: cents('Due over all invoices not void'),
    creditCents: cents('Paid beyond what is owed, over all invoices not void'),
    onlinePayments: z.boolean().describe('whether card payment online is set up'),
  })
  .meta({
    id: 'ClientBilling',
    description: "A client's statement: packages remaining, invoices, payments, refunds and deposits",
    example: { clientId: CLIENT_ID, packages: [], invoices: [], payments: [], deposits: [], balanceDueCents: 0, creditCents: 0, onlinePayments: false },
  });

export const BookingBilling = z
  .object({
    bookingId: z.uuid(),
    packageDraw: z.object({ purchaseId: z.uuid(), name: z.string(), sessionsRemaining: z.number().int() }).nullable().describe('the package session this visit uses'),
    deposit: z.object({ amountCents: cents('The deposit'), currency: z.string(), status: DepositStatus }).nullable(),
    invoice: Invoice.nullable().describe("the visit's invoice, once issued"),
  })
  .meta({
    id: 'BookingBilling',
    description: "A booking's package session or deposit, and the visit's invoice",
    example: { bookingId: BOOKING_ID, packageDraw: null, deposit: { amountCents: 5000, currency: 'USD', status: 'paid' }, invoice: null },
  });

export const BillingSettings = z
  .object({
    locationId: z.uuid(),
    taxRateBp: z.number().int().describe('sales tax in basis points (825 = 8.25%)'),
    taxServices: z.boolean().describe('whether services are taxed (products always are)'),
    lateCancelHours: z.number().int(),
    lateCancelKeepsDeposit: z.boolean(),
    noShowKeepsDeposit: z.boolean(),
    lateCancelForfeitsSession: z.boolean(),
    noShowForfeitsSession: z.boolean(),
    packageRefundFeeBp: z.number().int().describe('fee kept on refunded package sessions, in basis points'),
    holdPolicy: z.enum(['deposit', 'card_on_file']).describe("what holds a booking: the service's deposit, paid at booking, or a card kept on file (no deposit)"),
    lateCancelFeeCents: cents('Fee charged to the saved card after a late cancellation (0 when none)'),
    noShowFeeCents: cents('Fee charged to the saved card after a missed appointment (0 when none)'),
    deposits: z.array(
      z.object({
        serviceId: z.uuid(),
        serviceName: z.string(),
        kind: z.enum(['none', 'amount', 'percent']),
        value: z.number().int().describe('integer cents for an amount, basis points for a percent, 0 for none'),
      }),
    ),
  })
  .meta({
    id: 'BillingSettings',
    description: "A location's tax, cancellation policy, package refund fee and each active service's deposit",
    example: {
      locationId: LOCATION_ID, taxRateBp: 825, taxServices: false, lateCancelHours: 24, lateCancelKeepsDeposit: true, noShowKeepsDeposit: true, lateCancelForfeitsSession: false,
      noShowForfeitsSession: true, packageRefundFeeBp: 1000, holdPolicy: 'deposit', lateCancelFeeCents: 0, noShowFeeCents: 5000, deposits: [{ serviceId: '1a2b3c4d-5e6f-4701-8293-a4b5c6d7e8f9', serviceName: 'Botox', kind: 'amount', value: 5000 }],
    },
  });
export type BillingSettingsView = z.output<typeof BillingSettings>;

export const BookingTerms = z
  .object({
    serviceCode: z.string(),
    priceCents: cents('Price in force that day').nullable().describe('price in force that day, in integer cents; null when the service has no price'),
    currency: z.string(),
    coveredBy: z
      .object({ purchaseId: z.uuid(), name: z.string(), sessionsRemaining: z.number().int(), expiresOn: isoDay('Last day of the package') })
      .nullable()
      .describe('the package that would pay for this visit'),
    depositCents: cents('Deposit asked for (0 when none)'),
    lateCancelHours: z.number().int(),
    policy: z.array(z.string()).describe('the cancellation policy, in plain sentences'),
    holdPolicy: z.enum(['deposit', 'card_on_file']).describe("what holds a booking at this location: the service's deposit or a card kept on file"),
    lateCancelFeeCents: cents('Fee charged to the saved card after a late cancellation (0 when none)'),
    noShowFeeCents: cents('Fee charged to the saved card after a missed appointment (0 when none)'),
    paymentNote: z.string().nullable().describe('what the client pays now and where, in a sentence: "Deposit of $50.00 due at the desk."'),
    membership: z
      .object({ planName: z.string().nullable(), basePriceCents: cents('Price for non-members').nullable(), credit: z.object({ label: z.string(), expiresOn: isoDay('Last day of the credit') }).nullable() })
      .nullable()
      .describe("the client's membership at this location: priceCents is then the member price, and a credit may cover the visit"),
  })
  .meta({
    id: 'BookingTerms',
    description: 'Before booking: the price, a package that covers it, the deposit and the cancellation policy',
    example: {
      serviceCode: 'BOTOX', priceCents: 25_000, currency: 'USD', coveredBy: null, depositCents: 5000, lateCancelHours: 24,
      policy: ['Cancel at least 24 hours ahead and any deposit is refunded.', 'Cancelling later: the deposit is kept.', 'Not coming without cancelling: the deposit is kept.'],
      holdPolicy: 'deposit', lateCancelFeeCents: 0, noShowFeeCents: 0, paymentNote: 'Deposit of $50.00 due at the desk.', membership: null,
    },
  });
export type BookingTermsView = z.output<typeof BookingTerms>;

const replayed = z.boolean().describe('true when this idempotency key was already used and the first answer is repeated');

export const PackageSale = z
  .object({ purchase: PackagePurchase, invoice: Invoice, payment: Payment, replayed })
  .meta({
    id: 'PackageSale',
    description: 'A package sold: the sessions held, the invoice and the payment taken',
    example: { purchase: { ...PURCHASE_EXAMPLE, sessionsUsed: 0, sessionsRemaining: 6 }, invoice: INVOICE_EXAMPLE, payment: PAYMENT_EXAMPLE, replayed: false },
  });

export const DepositPayment = z.object({ payment: Payment, replayed }).meta({
  id: 'DepositPayment',
  description: 'The deposit taken for a booking',
  example: { payment: { ...PAYMENT_EXAMPLE, purpose: 'deposit', amountCents: 5000, invoiceId: null, receiptUrl: `/api/payments/${PAYMENT_ID}/receipt.pdf` }, replayed: false },
});

export const PaymentResult = z
  .object({ payment: Payment, invoice: Invoice, replayed })
  .meta({ id: 'PaymentResult', description: 'A payment recorded against an invoice, and the invoice after it', example: { payment: PAYMENT_EXAMPLE, invoice: INVOICE_EXAMPLE, replayed: false } });

export const Refund = z.object({ refund: Payment, replayed }).meta({
  id: 'Refund',
  description: 'A refund of part or all of a payment',
  example: { refund: { ...PAYMENT_EXAMPLE, id: REFUND_ID, kind: 'refund', amountCents: 10_000, refundOf: PAYMENT_ID, reason: 'Client unhappy with result', receiptUrl: null }, replayed: false },
});

export const PackageRefund = z
  .object({
    purchase: PackagePurchase,
    creditedCents: cents("Credited off the package's invoice"),
    refundedCents: cents('Paid back to the client'),
    sessionsRefunded: z.number().int(),
    refunds: z.array(Payment).describe('one refund per payment money went back to'),
  })
  .meta({
    id: 'PackageRefund',
    description: "A package's unused sessions refunded under the location's policy",
    example: {
      purchase: { ...PURCHASE_EXAMPLE, sessionsRefunded: 5, sessionsRemaining: 0, status: 'refunded' }, creditedCents: 67_500, refundedCents: 52_500, sessionsRefunded: 5,
      refunds: [{ ...PAYMENT_EXAMPLE, id: REFUND_ID, kind: 'refund', amountCents: 52_500, refundOf: PAYMENT_ID, reason: '5 unused sessions of Laser hair removal x6: moving away', receiptUrl: null }],
    },
  });

export const CheckoutSession = z
  .object({ url: z.string().describe('the hosted payment page'), id: z.string().describe("the processor's session id") })
  .meta({ id: 'CheckoutSession', description: 'A hosted card checkout to send the payer to', example: { url: 'https://checkout.stripe.com/c/pay/cs_test_a1b2c3', id: 'cs_test_a1b2c3' } });

export const CheckoutConfirmation = z
  .object({ paid: z.boolean(), paymentId: z.uuid().nullable().describe('the payment recorded, once paid') })
  .meta({ id: 'CheckoutConfirmation', description: 'Whether an online checkout is paid, and the payment it recorded', example: { paid: true, paymentId: PAYMENT_ID } });

export const StripeWebhookAck = z
  .object({ received: z.boolean(), recorded: z.boolean().describe('whether a paid checkout was recorded as a payment') })
  .meta({ id: 'StripeWebhookAck', description: 'The answer to a Stripe event', example: { received: true, recorded: true } });

export const ReceiptEmail = z.object({ sent: z.boolean() }).meta({ id: 'ReceiptEmail', description: 'The receipt was queued for email', example: { sent: true } });
