// In-clinic signing: staff start a hand-off of one consent document; the clinic tablet then talks only
// to the token-scoped routes below, which need no session and ignore any session cookie.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../route.js';
import { ctxOf, metaOf } from '../context.js';
import { errorResponses, json, jsonBody, UuidParam } from '../schemas/common.schema.js';
import { checkInStatus, consentSummary, startConsentHandoff, startHandoffInput } from '../../services/consent/consent-handoff.js';
import { handoffDocument, signHandoff, signHandoffInput } from '../../services/consent/handoff-sign.js';
import { CheckInStatus, ConsentHandoff, ConsentSummary, HandoffDocument, HandoffSigned } from '../../services/consent/handoff.schema.js';

const tags = ['Consent'];
const STAFF = ['owner', 'medical_director', 'provider', 'front_desk'] as const;
const clientParams = z.object({ clientId: UuidParam('clientId') });
const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'This signing link is not complete; ask the staff for a new one.').openapi({ param: { name: 'token', in: 'path' }, example: 'q3Jx0v1mVt3lqz3Q6m3e2b0o1a9Yk8Xw7Zr6Ts5Ud4c' }) });

const start = defineRoute(STAFF, {
  operationId: 'startConsentHandoff', method: 'post', path: '/api/clients/{clientId}/consent-handoffs', tags,
  summary: 'Hand the clinic tablet to the client for one consent document: a single-use link valid for 15 minutes (audited)',
  request: { params: clientParams, body: jsonBody(startHandoffInput.openapi('StartConsentHandoff')) },
  responses: { 201: json(ConsentHandoff, 'Hand-off started'), 409: errorResponses[404], ...errorResponses },
});
const summary = defineRoute(STAFF, {
  operationId: 'getConsentSummary', method: 'get', path: '/api/clients/{clientId}/consent-summary', tags,
  summary: 'Which consents the client has signed: the treatment consent for a modality and the consent to clinical photographs',
  request: { params: clientParams, query: z.object({ modality: z.enum(['roller', 'pen', 'rf']).optional() }) },
  responses: { 200: json(ConsentSummary, 'Signed and missing consents'), ...errorResponses },
});
const status = defineRoute(STAFF, {
  operationId: 'getCheckInStatus', method: 'get', path: '/api/bookings/{bookingId}/check-in-status', tags: ['Bookings'],
  summary: "Before check-in: whether today is the visit's day (clinic time) and which consents the client still has to sign",
  request: { params: z.object({ bookingId: UuidParam('bookingId') }) },
  responses: { 200: json(CheckInStatus, 'Check-in status'), ...errorResponses },
});
const document = defineRoute('public', {
  operationId: 'getHandoffDocument', method: 'get', path: '/api/consent-handoffs/{token}', tags,
  summary: 'The one document a hand-off opens, for the clinic tablet (the token is the only key)',
  request: { params: tokenParams },
  responses: { 200: json(HandoffDocument, 'Document'), 409: errorResponses[404], ...errorResponses },
});
const sign = defineRoute('public', {
  operationId: 'signHandoffConsent', method: 'post', path: '/api/consent-handoffs/{token}/sign', tags,
  summary: 'The client signs on the clinic tablet: typed full name and drawn signature; the hand-off is spent',
  request: { params: tokenParams, body: jsonBody(signHandoffInput.openapi('SignHandoffConsent')) },
  responses: { 201: json(HandoffSigned, 'Signed'), 409: errorResponses[404], ...errorResponses },
});

const tokenCtx = (c: Parameters<typeof metaOf>[0]) => ({ db: c.get('deps').db, meta: metaOf(c), now: c.get('deps').now });

export function consentHandoffRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(start, async (c) => c.json(await startConsentHandoff(ctxOf(c), c.req.valid('param').clientId, c.req.valid('json')), 201));
  app.openapi(summary, async (c) => c.json(await consentSummary(ctxOf(c), c.req.valid('param').clientId, c.req.valid('query').modality), 200));
  app.openapi(status, async (c) => c.json(await checkInStatus(ctxOf(c), c.req.valid('param').bookingId), 200));
  app.openapi(document, async (c) => c.json(await handoffDocument(tokenCtx(c), c.req.valid('param').token), 200));
  app.openapi(sign, async (c) => c.json(await signHandoff(tokenCtx(c), c.req.valid('param').token, c.req.valid('json')), 201));
}
