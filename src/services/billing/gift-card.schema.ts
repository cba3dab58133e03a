// Gift cards: the inputs the routes take and the shapes they answer with (docs/gift-cards.md).
import { z } from 'zod';
import { isoDate, line, personName, text, token } from '../../domain/shared/input.js';
import { Invoice, Payment } from './billing.schema.js';
import { STAFF_METHODS } from './payment-store.js';

const cents = (what: string) => z.number().int().describe(`${what}, in integer cents`);
const isoDateTime = (what: string) => z.iso.datetime().describe(`${what} (ISO 8601 date-time, UTC)`);

/** $5 to $2,000: what clinics usually sell; more is a cheque, not a card */
export const GIFT_MIN_CENTS = 500;
export const GIFT_MAX_CENTS = 200_000;
export const GIFT_CURRENCY = 'USD';

const amount = z.number().int().min(GIFT_MIN_CENTS).max(GIFT_MAX_CENTS);
const people = {
  purchaserName: personName({ min: 1, max: 120 }),
  recipientName: personName({ min: 1, max: 120 }),
  recipientEmail: z.email().max(254),
  message: text({ min: 0, max: 500 }).optional(),
};

export const sellGiftCardInput = z.strictObject({
  locationId: z.uuid(),
  amountCents: amount,
  ...people,
  purchaserEmail: z.email().max(254).optional(),
  /** the purchaser when they are a client of the clinic */
  purchaserClientId: z.uuid().optional(),
  /** none by default; many US states forbid gift cards that expire */
  expiresOn: isoDate().optional(),
  payment: z.strictObject({ method: z.enum(STAFF_METHODS), reference: line({ min: 0, max: 100 }).optional() }),
  idempotencyKey: token({ min: 8, max: 100 }),
});

export const buyGiftCardInput = z.strictObject({
  amountCents: amount,
  ...people,
  purchaserEmail: z.email().max(254),
  /** where the buyer comes back to after paying */
  returnTo: z.enum(['clinic', 'portal']).default('clinic'),
});

export const giftCardCodeInput = z.strictObject({ code: z.string().min(1).max(40) });

export const redeemGiftCardInput = z.strictObject({
  code: z.string().min(1).max(40),
  /** what to take from the card; by default as much as the card holds, up to what is due */
  amountCents: z.number().int().min(1).max(10_000_000).optional(),
  idempotencyKey: token({ min: 8, max: 100 }),
});

export const closeGiftCardInput = z.strictObject({ reason: text({ min: 3, max: 500 }) });
export const refundGiftCardInput = z.strictObject({ reason: text({ min: 3, max: 500 }), method: z.enum(STAFF_METHODS), reference: line({ min: 0, max: 100 }).optional() });
export const giftCardExpiryInput = z.strictObject({ expiresOn: isoDate().nullable() });
export const listGiftCardsQuery = z.object({
  q: line({ min: 0, max: 100 }).optional().describe('search: last four characters of the code, or a purchaser or recipient name or email'),
  status: z.enum(['active', 'void', 'refunded', 'pending', 'all']).default('all'),
});

const CARD_ID = '2b3c4d5e-6f70-4819-a2b3-c4d5e6f70819';
const CARD_EXAMPLE = {
  id: CARD_ID, status: 'active', last4: 'K7QZ', initialCents: 10_000, balanceCents: 6_500, currency: 'USD', channel: 'desk', locationId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
  purchaserName: 'Maya Lopez', purchaserEmail: 'maya@example.com', purchaserClientId: null, recipientName: 'Ana Lopez', recipientEmail: 'ana@example.com', message: 'Happy birthday!',
  expiresOn: null, saleMethod: 'card_terminal', soldAt: '2026-12-01T17:00:00.000Z', closedAt: null, closeReason: null,
} as const;

export const GiftCard = z
  .object({
    id: z.uuid(),
    status: z.enum(['pending', 'active', 'void', 'refunded']).describe('pending: bought online and not paid yet'),
    last4: z.string().nullable().describe('the last four characters of the code (the code itself is never stored)'),
    initialCents: cents('The value sold'),
    balanceCents: cents('What is left on the card'),
    currency: z.string(),
    channel: z.enum(['desk', 'online']),
    locationId: z.uuid().nullable(),
    purchaserName: z.string(),
    purchaserEmail: z.string().nullable(),
    purchaserClientId: z.uuid().nullable(),
    recipientName: z.string(),
    recipientEmail: z.string(),
    message: z.string().nullable(),
    expiresOn: z.iso.date().nullable().describe('none by default'),
    saleMethod: z.enum(['cash', 'card_terminal', 'card_online', 'check', 'other']),
    soldAt: isoDateTime('When it was sold'),
    closedAt: isoDateTime('When it was voided or refunded').nullable(),
    closeReason: z.string().nullable(),
  })
  .meta({ id: 'GiftCard', description: 'A gift card: its value, what is left, who bought it for whom', example: CARD_EXAMPLE });
export type GiftCardView = z.output<typeof GiftCard>;

const ENTRY_EXAMPLE = { id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', kind: 'redeem', amountCents: 3_500, balanceAfterCents: 6_500, method: null, paymentId: '6a7c1e52-2f0e-4c59-9d3b-0d6f4f1b2a10', invoiceId: '3f1e9a4b-7c2d-4e8f-a1b0-5c6d7e8f9a01', reason: null, recordedBy: 'Sam Desk', at: '2026-12-02T15:00:00.000Z' } as const;
export const GiftCardEntry = z
  .object({
    id: z.uuid(),
    kind: z.enum(['issue', 'redeem', 'return', 'refund', 'void', 'expiry']).describe('issue: sold; redeem: paid an invoice; return: an invoice refund put back on the card; refund: money given back; void: balance cancelled; expiry: the expiry date changed'),
    amountCents: cents('How much moved'),
    balanceAfterCents: cents('The balance after it'),
    method: z.string().nullable().describe('how the sale was paid, or how a refund was given'),
    paymentId: z.uuid().nullable(),
    invoiceId: z.uuid().nullable(),
    reason: z.string().nullable(),
    recordedBy: z.string().nullable().describe('the staff member; null when bought online'),
    at: isoDateTime('When'),
  })
  .meta({ id: 'GiftCardEntry', description: 'One movement of a gift card balance', example: ENTRY_EXAMPLE });
export type GiftCardEntryView = z.output<typeof GiftCardEntry>;

export const GiftCardDetail = z.object({ giftCard: GiftCard, entries: z.array(GiftCardEntry) }).meta({ id: 'GiftCardDetail', description: 'A gift card with its ledger', example: { giftCard: CARD_EXAMPLE, entries: [ENTRY_EXAMPLE] } });
export const GiftCardList = z
  .object({ giftCards: z.array(GiftCard).describe('newest first, at most 200'), outstandingCents: cents('What all active cards still hold (the liability)') })
  .meta({ id: 'GiftCardList', description: 'Gift cards and what they still hold', example: { giftCards: [CARD_EXAMPLE], outstandingCents: 6_500 } });
export const GiftCardSale = z
  .object({ giftCard: GiftCard, emailQueued: z.boolean().describe('the code went to the recipient by email'), replayed: z.boolean() })
  .meta({ id: 'GiftCardSale', description: 'A gift card sold; the code goes only to the recipient by email', example: { giftCard: CARD_EXAMPLE, emailQueued: true, replayed: false } });
export const GiftCardOffer = z
  .object({ clinicName: z.string(), onlinePurchase: z.boolean().describe('false when the clinic takes no card payments online: buy at the desk'), currency: z.string(), minCents: cents('Smallest card'), maxCents: cents('Largest card') })
  .meta({ id: 'GiftCardOffer', description: 'Whether gift cards can be bought online at this clinic', example: { clinicName: 'Glow MedSpa', onlinePurchase: true, currency: 'USD', minCents: GIFT_MIN_CENTS, maxCents: GIFT_MAX_CENTS } });
export const GiftCardCheckout = z.object({ id: z.string(), url: z.string() }).meta({ id: 'GiftCardCheckout', description: 'Go to this page to pay', example: { id: 'cs_test_a1B2c3D4', url: 'https://checkout.stripe.com/c/pay/cs_test_a1B2c3D4' } });
export const GiftCardPurchase = z
  .object({ paid: z.boolean(), amountCents: cents('The value'), recipientName: z.string(), last4: z.string().nullable().describe('once paid') })
  .meta({ id: 'GiftCardPurchase', description: 'An online purchase: paid yet, and the card sent', example: { paid: true, amountCents: 10_000, recipientName: 'Ana Lopez', last4: 'K7QZ' } });
export const GiftCardBalance = z
  .object({ balanceCents: cents('What is left'), currency: z.string(), usable: z.boolean().describe('false once voided, refunded or expired'), expiresOn: z.iso.date().nullable() })
  .meta({ id: 'GiftCardBalance', description: 'The balance of a gift card, and nothing else about it', example: { balanceCents: 6_500, currency: 'USD', usable: true, expiresOn: null } });
const INVOICE_ID = '3f1e9a4b-7c2d-4e8f-a1b0-5c6d7e8f9a01';
const GIFT_PAYMENT = {
  id: '6a7c1e52-2f0e-4c59-9d3b-0d6f4f1b2a10', kind: 'payment', purpose: 'invoice', method: 'gift_card', amountCents: 3_500, currency: 'USD', refundOf: null, reason: null,
  invoiceId: INVOICE_ID, bookingId: null, at: '2026-12-02T15:00:00.000Z', receiptUrl: '/api/payments/6a7c1e52-2f0e-4c59-9d3b-0d6f4f1b2a10/receipt.pdf',
} as const;
const REDEMPTION_EXAMPLE = {
  payment: GIFT_PAYMENT,
  invoice: {
    id: INVOICE_ID, number: 1002, clientId: '0b5c2d7e-1f3a-4b6c-8d9e-a0b1c2d3e4f5', locationId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b', bookingId: null, status: 'paid', currency: 'USD',
    issuedAt: '2026-12-02T14:55:00.000Z', subtotalCents: 3_500, discountCents: 0, discountReason: null, taxCents: 0, taxRateBp: 0, voidReason: null, totalCents: 3_500, paidCents: 3_500,
    refundedCents: 0, dueCents: 0, creditCents: 0, creditedCents: 0,
    lines: [{ position: 1, kind: 'product', description: 'Recovery balm', serviceCode: null, quantity: 1, unitCents: 3_500, totalCents: 3_500, discountCents: 0, taxable: false, taxCents: 0 }],
    payments: [GIFT_PAYMENT],
  },
  giftCard: { last4: 'K7QZ', balanceCents: 6_500 },
  replayed: false,
} as const;
export const GiftCardRedemption = z
  .object({ payment: Payment, invoice: Invoice, giftCard: z.object({ last4: z.string(), balanceCents: cents('Left on the card') }), replayed: z.boolean() })
  .meta({ id: 'GiftCardRedemption', description: 'A gift card paid part or all of an invoice', example: REDEMPTION_EXAMPLE });
