// Response schemas of card payments in the booking flow (Stripe's Payment Element, saved cards and
// fees charged to them); the one description of these answers, for the API and the web app.
import { z } from 'zod';
import { Payment } from './billing.schema.js';

const BOOKING_ID = '8f3c2a1e-4b5d-4c6e-9f70-a1b2c3d4e5f6';
const PAYMENT_ID = '2b7e4c9a-1d3f-4a5b-8c6d-7e8f9a0b1c2d';
const cents = (what: string) => z.number().int().describe(`${what}, in integer cents`);
const POLICY = ['Cancel at least 24 hours ahead and any deposit is refunded.', 'Cancelling later: the deposit is kept.', 'Not coming without cancelling: the deposit is kept.'];

export const SavedCard = z
  .object({ brand: z.string().nullable().describe('e.g. visa; null when the processor did not say'), last4: z.string().nullable() })
  .meta({ id: 'SavedCard', description: 'The card kept on file (brand and last four digits only)', example: { brand: 'visa', last4: '4242' } });

export const StripeBrowserKeys = z
  .object({ publishableKey: z.string(), jsUrl: z.string().describe('where the browser loads Stripe.js from') })
  .meta({ id: 'StripeBrowserKeys', description: "What the browser needs to draw Stripe's Payment Element", example: { publishableKey: 'pk_test_51Example', jsUrl: 'https://js.stripe.com/v3/' } });

export const DepositStep = z
  .object({
    bookingId: z.uuid(),
    mode: z.enum(['pay_deposit', 'save_card', 'at_desk', 'done', 'none']).describe('pay the deposit by card, save a card, settle at the desk (no online payment), nothing left to do, nothing asked'),
    amountCents: cents('The deposit (0 when none)'),
    currency: z.string(),
    message: z.string().describe('what is owed and where, in a sentence: "Deposit of $50.00 due at the desk."'),
    policy: z.array(z.string()).describe('the cancellation policy the client accepts, in plain sentences'),
    policyVersion: z.string().describe('names this exact policy text; sent back when accepting it'),
    policyAcceptedAt: z.iso.datetime().nullable().describe('when this policy text was accepted for the booking'),
    card: z.union([SavedCard, z.null()]),
    lateCancelFeeCents: cents("The location's late cancellation fee, charged to the saved card by staff (0 when none)"),
    noShowFeeCents: cents("The location's missed appointment fee, charged to the saved card by staff (0 when none)"),
    stripe: z.union([StripeBrowserKeys, z.null()]).describe("null when the Payment Element is off: a deposit is then paid on Stripe's hosted Checkout page (when set up) or at the desk"),
  })
  .meta({
    id: 'DepositStep',
    description: 'After booking: what the booking still asks for (a deposit or a card on file), and the cancellation policy',
    example: {
      bookingId: BOOKING_ID, mode: 'pay_deposit', amountCents: 5000, currency: 'USD', message: 'Deposit of $50.00, paid by card now.', policy: POLICY, policyVersion: 'p1-3f2a9c1d0b7e',
      policyAcceptedAt: null, card: null, lateCancelFeeCents: 0, noShowFeeCents: 5000, stripe: { publishableKey: 'pk_test_51Example', jsUrl: 'https://js.stripe.com/v3/' },
    },
  });

export const CardIntent = z
  .object({
    intentId: z.string(),
    kind: z.enum(['payment', 'setup']).describe('payment: the deposit is charged and the card saved; setup: the card is saved, nothing charged'),
    clientSecret: z.string().describe("for Stripe.js only; never stored"),
    amountCents: cents('Charged now (0 when only saving a card)'),
    currency: z.string(),
    policy: z.array(z.string()),
    policyVersion: z.string(),
    stripe: StripeBrowserKeys,
  })
  .meta({
    id: 'CardIntent',
    description: "A payment (or card saving) to finish in the browser with Stripe's Payment Element",
    example: { intentId: 'pi_3ExAmple', kind: 'payment', clientSecret: 'pi_3ExAmple_secret_abc', amountCents: 5000, currency: 'USD', policy: POLICY, policyVersion: 'p1-3f2a9c1d0b7e', stripe: { publishableKey: 'pk_test_51Example', jsUrl: 'https://js.stripe.com/v3/' } },
  });

export const CardIntentResult = z
  .object({
    state: z.enum(['paid', 'card_saved', 'pending', 'declined']),
    paymentId: z.uuid().nullable().describe('the deposit payment recorded, once paid'),
    message: z.string().describe('what happened, in a sentence the client reads'),
  })
  .meta({ id: 'CardIntentResult', description: 'What the processor says of a card payment or a saved card, as recorded', example: { state: 'paid', paymentId: PAYMENT_ID, message: 'Deposit paid. Thank you.' } });
export type CardIntentResultView = z.output<typeof CardIntentResult>;

export const BookingFee = z
  .object({ payment: Payment, invoiceId: z.uuid(), replayed: z.boolean(), receiptQueued: z.boolean().describe('a receipt email was queued for the client') })
  .meta({
    id: 'BookingFee',
    description: 'A late cancellation or missed appointment fee charged to the saved card',
    example: {
      payment: { id: PAYMENT_ID, kind: 'payment', purpose: 'invoice', method: 'card_online', amountCents: 5000, currency: 'USD', refundOf: null, reason: null, at: '2027-03-01T14:00:00.000Z', invoiceId: '5d6e7f80-9a1b-4c2d-8e3f-405162738495', bookingId: BOOKING_ID, receiptUrl: `/api/payments/${PAYMENT_ID}/receipt.pdf` },
      invoiceId: '5d6e7f80-9a1b-4c2d-8e3f-405162738495', replayed: false, receiptQueued: true,
    },
  });
