// Card payments in the booking flow: the deposit step after booking, the intent the Payment Element
// finishes, the confirmation that asks Stripe, and fees charged by staff to the saved card.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../route.js';
import { ctxOf } from '../context.js';
import { errorResponses, json, jsonBody, UuidParam } from '../schemas/common.schema.js';
import { cardIntentInput, confirmCardIntent, depositStep, startCardIntent, type CardDeps } from '../../services/billing/card-payments.js';
import { bookingFeeInput, chargeBookingFee } from '../../services/billing/booking-fee.js';
import { BookingFee, CardIntent, CardIntentResult, DepositStep } from '../../services/billing/card.schema.js';

const tags = ['Billing'];
const DESK = ['owner', 'front_desk', 'medical_director'] as const;
const conflict = { 409: errorResponses[404] };
const bookingParam = z.object({ bookingId: UuidParam('bookingId') });
const intentParam = z.object({ intentId: z.string().regex(/^(pi|seti)_[A-Za-z0-9_]{4,200}$/).openapi({ param: { name: 'intentId', in: 'path' }, example: 'pi_3ExAmple' }) });

const r = {
  step: defineRoute([...DESK, 'client'], { operationId: 'getBookingDepositStep', method: 'get', path: '/api/bookings/{bookingId}/deposit-step', tags, summary: 'After booking: the deposit or card on file the booking asks for, where it is paid, and the cancellation policy', request: { params: bookingParam }, responses: { 200: json(DepositStep, 'Step'), ...errorResponses } }),
  intent: defineRoute([...DESK, 'client'], { operationId: 'createBookingPaymentIntent', method: 'post', path: '/api/bookings/{bookingId}/payment-intent', tags, summary: "Accept the cancellation policy and start paying the deposit (or saving a card) with Stripe's Payment Element (off without payment keys)", request: { params: bookingParam, body: jsonBody(cardIntentInput) }, responses: { 201: json(CardIntent, 'Finish in the browser'), ...conflict, ...errorResponses } }),
  confirm: defineRoute([...DESK, 'client'], { operationId: 'confirmCardIntent', method: 'post', path: '/api/card-intents/{intentId}/confirm', tags, summary: 'After the Payment Element: record the deposit or saved card once Stripe says it succeeded', request: { params: intentParam }, responses: { 200: json(CardIntentResult, 'State'), ...conflict, ...errorResponses } }),
  fee: defineRoute(['owner', 'front_desk', 'medical_director'], { operationId: 'chargeBookingFee', method: 'post', path: '/api/bookings/{bookingId}/fees', tags, summary: "Charge the late cancellation or missed appointment fee to the client's saved card (once per booking and kind)", request: { params: bookingParam, body: jsonBody(bookingFeeInput) }, responses: { 201: json(BookingFee, 'Charged'), 200: json(BookingFee, 'Already charged'), ...conflict, ...errorResponses } }),
};

export function cardPaymentRoutes(app: OpenAPIHono<AppEnv>) {
  const deps = (c: { get(k: 'deps'): AppEnv['Variables']['deps'] }): CardDeps => ({ cards: c.get('deps').payments?.cards, stripe: c.get('deps').stripeClient, checkout: Boolean(c.get('deps').payments) });
  app.openapi(r.step, async (c) => c.json(await depositStep(ctxOf(c), deps(c), c.req.valid('param').bookingId), 200));
  app.openapi(r.intent, async (c) => c.json(await startCardIntent(ctxOf(c), deps(c), c.req.valid('param').bookingId, c.req.valid('json')), 201));
  app.openapi(r.confirm, async (c) => c.json(await confirmCardIntent(ctxOf(c), deps(c), c.req.valid('param').intentId), 200));
  app.openapi(r.fee, async (c) => {
    const out = await chargeBookingFee(ctxOf(c), c.get('deps').payments?.cards, c.req.valid('param').bookingId, c.req.valid('json'));
    return c.json(out, out.replayed ? 200 : 201);
  });
}
