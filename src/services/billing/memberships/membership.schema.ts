// Memberships: the inputs the routes take and the shapes they answer with (docs/memberships.md).
import { z } from 'zod';
import { isoDate, line, text, token } from '../../../domain/shared/input.js';
import { Invoice, Payment } from '../billing.schema.js';
import { STAFF_METHODS } from '../payment-store.js';

const cents = (what: string) => z.number().int().describe(`${what}, in integer cents`);
const isoDay = (what: string) => z.iso.date().describe(`${what} (ISO 8601 date)`);
const serviceCode = line({ min: 1, max: 60 });

export const planInput = z.strictObject({
  locationId: z.uuid(),
  name: line({ min: 2, max: 80 }),
  description: text({ min: 0, max: 500 }).default(''),
  period: z.enum(['month', 'year']),
  feeCents: z.number().int().min(100).max(10_000_000),
  signupFeeCents: z.number().int().min(0).max(10_000_000).default(0),
  /** periods a member stays before they may cancel (0: any time) */
  minTermPeriods: z.number().int().min(0).max(36).default(0),
  /** the longest pause a member may take (0: no pauses) */
  maxPauseDays: z.number().int().min(0).max(365).default(0),
  /** basis points off services and products that have no member price (1000 = 10%) */
  percentOffBp: z.number().int().min(0).max(10_000).default(0),
  memberPrices: z.array(z.strictObject({ serviceCode, priceCents: z.number().int().min(0).max(10_000_000) })).max(30).default([]),
  credits: z.array(z.strictObject({
    serviceCode,
    count: z.number().int().min(1).max(10),
    /** 1: every period; 3 on a monthly plan: once a quarter */
    everyPeriods: z.number().int().min(1).max(12),
    validDays: z.number().int().min(7).max(730),
    label: line({ min: 2, max: 80 }),
  })).max(10).default([]),
  active: z.boolean().default(true),
});

export const sellMembershipInput = z.strictObject({
  locationId: z.uuid(),
  planId: z.uuid(),
  /** how the first period and any sign-up fee are paid: at the desk, or the client's saved card */
  payment: z.strictObject({ method: z.enum([...STAFF_METHODS, 'saved_card']), reference: line({ min: 0, max: 100 }).optional() }),
  idempotencyKey: token({ min: 8, max: 100 }),
});

export const joinMembershipInput = z.strictObject({ planId: z.uuid(), idempotencyKey: token({ min: 8, max: 100 }) });
export const pauseMembershipInput = z.strictObject({ resumeOn: isoDate(), reason: text({ min: 0, max: 300 }).optional() });
export const cancelMembershipInput = z.strictObject({
  /** now (only once the minimum term is over) or at the end of the minimum term */
  when: z.enum(['now', 'end_of_term']),
  reason: text({ min: 2, max: 300 }),
});
export const chargePaymentInput = z.strictObject({ method: z.enum(STAFF_METHODS), reference: line({ min: 0, max: 100 }).optional(), idempotencyKey: token({ min: 8, max: 100 }) });

const INVOICE_ID = '3f1e9a4b-7c2d-4e8f-a1b0-5c6d7e8f9a01';
const PAYMENT_ID = '6a7c1e52-2f0e-4c59-9d3b-0d6f4f1b2a10';
const PAYMENT_EXAMPLE = {
  id: PAYMENT_ID, kind: 'payment', purpose: 'invoice', method: 'card_terminal', amountCents: 9_900, currency: 'USD', refundOf: null, reason: null,
  invoiceId: INVOICE_ID, bookingId: null, at: '2027-03-01T16:05:00.000Z', receiptUrl: `/api/payments/${PAYMENT_ID}/receipt.pdf`,
} as const;

const PLAN_EXAMPLE = {
  id: '2b0c7a4e-5d6f-4a1b-9c8d-7e6f5a4b3c2d', locationId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b', name: 'Glow Monthly', description: 'A pen session every quarter and member prices.',
  period: 'month', feeCents: 9_900, signupFeeCents: 0, minTermPeriods: 3, maxPauseDays: 60, percentOffBp: 1_000, currency: 'USD', active: true,
  memberPrices: [{ serviceCode: 'pen_face', priceCents: 30_000 }], credits: [{ serviceCode: 'pen_face', count: 1, everyPeriods: 3, validDays: 120, label: 'Quarterly pen session' }],
  summary: '$99.00 a month; 1 x Microneedling, pen every 3 months; Microneedling, pen at $300.00; 10% off other services and products; minimum 3 months.',
} as const;

export const MembershipPlan = z
  .object({
    id: z.uuid(), locationId: z.uuid(), name: z.string(), description: z.string(), period: z.enum(['month', 'year']),
    feeCents: cents('The fee each period'), signupFeeCents: cents('The one-off sign-up fee'), minTermPeriods: z.number().int(), maxPauseDays: z.number().int(),
    percentOffBp: z.number().int().describe('basis points off services and products without a member price'), currency: z.string(), active: z.boolean(),
    memberPrices: z.array(z.object({ serviceCode: z.string(), priceCents: cents('The member price') })),
    credits: z.array(z.object({ serviceCode: z.string(), count: z.number().int(), everyPeriods: z.number().int(), validDays: z.number().int(), label: z.string() })),
    summary: z.string().describe('what a member gets, in one sentence'),
  })
  .meta({ id: 'MembershipPlan', description: 'A membership plan of a location', example: PLAN_EXAMPLE });
export type MembershipPlanView = z.output<typeof MembershipPlan>;

export const MembershipPlanList = z.object({ plans: z.array(MembershipPlan) }).meta({ id: 'MembershipPlanList', description: 'Membership plans', example: { plans: [PLAN_EXAMPLE] } });

export const MembershipCredit = z.object({
  id: z.uuid(), serviceCode: z.string(), label: z.string(), grantedOn: isoDay('Granted on'), expiresOn: isoDay('Last day it can be used'),
  usedBookingId: z.uuid().nullable(), text: z.string().describe('the credit in words: "1 x Microneedling, pen — Quarterly pen session, expires 31 March 2027"'),
});
export const MembershipCharge = z.object({
  id: z.uuid(), periodStart: isoDay('First day of the period'), periodEnd: isoDay('First day after the period'), amountCents: cents('Amount'), currency: z.string(),
  status: z.enum(['due', 'paid', 'failed', 'waived']), invoiceId: z.uuid().nullable(), attempts: z.number().int(), lastError: z.string().nullable(),
}).meta({
  id: 'MembershipCharge', description: 'One billed period of a membership',
  example: { id: '8a7b6c5d-4e3f-4a1b-9c2d-3e4f5a6b7c8d', periodStart: '2027-04-01', periodEnd: '2027-05-01', amountCents: 9_900, currency: 'USD', status: 'paid', invoiceId: '3f1e9a4b-7c2d-4e8f-a1b0-5c6d7e8f9a01', attempts: 1, lastError: null },
});

const MEMBERSHIP_EXAMPLE = {
  id: '4c3b2a19-0f8e-4d7c-9b6a-5f4e3d2c1b0a', clientId: '0b5c2d7e-1f3a-4b6c-8d9e-a0b1c2d3e4f5', plan: PLAN_EXAMPLE, status: 'active', billing: 'desk', startedOn: '2027-03-01',
  periodStart: '2027-03-01', periodEnd: '2027-04-01', nextBillingOn: '2027-04-01', nextAmountCents: 9_900, termEndsOn: '2027-06-01', pausedOn: null, resumeOn: null, pauseReason: null,
  cancelRequestedOn: null, cancelledOn: null, statusText: 'Active. Next payment of $99.00 on 1 April 2027.', credits: [], charges: [],
} as const;

export const ClientMembership = z
  .object({
    id: z.uuid(), clientId: z.uuid(), plan: MembershipPlan, status: z.enum(['active', 'past_due', 'paused', 'cancelled']), billing: z.enum(['card', 'desk']).describe('card: the saved card is charged each period; desk: paid at the desk'),
    startedOn: isoDay('Joined on'), periodStart: isoDay('First day of the current period'), periodEnd: isoDay('First day after the current period'),
    nextBillingOn: isoDay('Next payment').nullable(), nextAmountCents: cents('Next payment').nullable(), termEndsOn: isoDay('End of the minimum term: from this day the member may cancel'),
    pausedOn: isoDay('Paused on').nullable(), resumeOn: isoDay('Resumes on').nullable(), pauseReason: z.string().nullable(), cancelRequestedOn: isoDay('Ends on (cancelled at the end of the term)').nullable(),
    cancelledOn: isoDay('Cancelled on').nullable(), statusText: z.string().describe('the state in a plain sentence'),
    credits: z.array(MembershipCredit), charges: z.array(MembershipCharge),
  })
  .meta({ id: 'ClientMembership', description: "A client's membership with its credits and charges", example: MEMBERSHIP_EXAMPLE });
export type ClientMembershipView = z.output<typeof ClientMembership>;

export const ClientMemberships = z
  .object({
    memberships: z.array(ClientMembership),
    plans: z.array(MembershipPlan).describe('plans on sale at the clinic'),
    canJoinOnline: z.boolean().describe('the clinic takes cards online, so the client may join in the portal'),
    joinNote: z.string().nullable().describe('what to do to join when it cannot be done online'),
  })
  .meta({ id: 'ClientMemberships', description: "A client's memberships and the plans they may join", example: { memberships: [MEMBERSHIP_EXAMPLE], plans: [PLAN_EXAMPLE], canJoinOnline: false, joinNote: 'Ask at the front desk to join.' } });

export const MembershipSale = z
  .object({ membership: ClientMembership, invoice: Invoice, payment: Payment.nullable(), replayed: z.boolean().describe('true when this idempotency key was already used and the first answer is repeated') })
  .meta({
    id: 'MembershipSale',
    description: 'A membership sold: the membership, its first invoice and the payment taken',
    example: {
      membership: MEMBERSHIP_EXAMPLE,
      invoice: {
        id: INVOICE_ID, number: 1001, clientId: MEMBERSHIP_EXAMPLE.clientId, locationId: PLAN_EXAMPLE.locationId, bookingId: null, status: 'paid', currency: 'USD', issuedAt: '2027-03-01T16:00:00.000Z',
        subtotalCents: 9_900, discountCents: 0, discountReason: null, taxCents: 0, taxRateBp: 0, voidReason: null, totalCents: 9_900, paidCents: 9_900, refundedCents: 0, dueCents: 0, creditCents: 0, creditedCents: 0,
        lines: [{ position: 1, kind: 'membership', description: 'Glow Monthly membership, March 1, 2027 to March 31, 2027', serviceCode: null, quantity: 1, unitCents: 9_900, totalCents: 9_900, discountCents: 0, taxable: false, taxCents: 0 }],
        payments: [PAYMENT_EXAMPLE],
      },
      payment: PAYMENT_EXAMPLE,
      replayed: false,
    },
  });
