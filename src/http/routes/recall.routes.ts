// Recall and rebooking flows (docs/recall.md): the owner's settings with a live preview, a client's
// marketing opt-in (the client, or the desk with the client's say-so), and the public unsubscribe
// link of every recall message (rate limited per address).
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../route.js';
import { ctxOf, metaOf } from '../context.js';
import { errorResponses, json, jsonBody, UuidParam } from '../schemas/common.schema.js';
import { perAddressLimit } from '../middleware/rate-limit.js';
import {
  flowName, MarketingConsent, marketingConsentInput, previewRecallInput, RecallFlow, RecallFlowList, RecallPreview, UnsubscribeState, unsubscribeInput, unsubscribeQuery, updateRecallFlowInput,
} from '../../services/recall/recall.schema.js';
import { listRecallFlows, previewRecallFlow, updateRecallFlow } from '../../services/recall/recall-flows.js';
import { getMarketingConsent, putMarketingConsent } from '../../services/outbox/marketing-consent.js';
import { readUnsubscribe, setUnsubscribe } from '../../services/recall/unsubscribe.js';

const tags = ['Recall'];
const flow = z.object({ flow: flowName.openapi({ param: { name: 'flow', in: 'path' } }) });
const clientId = z.object({ clientId: UuidParam('clientId') });
const conflict = { 409: errorResponses[404] };
const STAFF_AND_CLIENT = ['owner', 'medical_director', 'provider', 'front_desk', 'client'] as const;

const r = {
  list: defineRoute(['owner'], { operationId: 'listRecallFlows', method: 'get', path: '/api/recall-flows', tags, summary: 'The recall flows of the clinic, each with its timing, channel and text', responses: { 200: json(RecallFlowList, 'Flows'), ...errorResponses } }),
  update: defineRoute(['owner'], { operationId: 'updateRecallFlow', method: 'put', path: '/api/recall-flows/{flow}', tags, summary: 'Turn a flow on or off and set its delay, channel and text (audited)', request: { params: flow, body: jsonBody(updateRecallFlowInput) }, responses: { 200: json(RecallFlow, 'Saved'), ...conflict, ...errorResponses } }),
  preview: defineRoute(['owner'], { operationId: 'previewRecallFlow', method: 'post', path: '/api/recall-flows/{flow}/preview', tags, summary: 'A draft text rendered for a sample client by the renderer the job uses (nothing saved)', request: { params: flow, body: jsonBody(previewRecallInput) }, responses: { 200: json(RecallPreview, 'Preview'), ...errorResponses } }),
  consent: defineRoute(STAFF_AND_CLIENT, { operationId: 'getMarketingConsent', method: 'get', path: '/api/clients/{clientId}/marketing-consent', tags, summary: "A client's marketing opt-in, with when and how it was given", request: { params: clientId }, responses: { 200: json(MarketingConsent, 'Consent'), ...errorResponses } }),
  setConsent: defineRoute(['owner', 'front_desk', 'client'], { operationId: 'updateMarketingConsent', method: 'put', path: '/api/clients/{clientId}/marketing-consent', tags, summary: 'Opt in to or out of marketing messages (the client, or the desk with the client’s say-so; audited)', request: { params: clientId, body: jsonBody(marketingConsentInput) }, responses: { 200: json(MarketingConsent, 'Saved'), ...errorResponses } }),
  unsubscribeRead: defineRoute('public', { operationId: 'readUnsubscribe', method: 'get', path: '/api/public/unsubscribe', tags, summary: 'What an unsubscribe link stops, and whether the person still gets those messages', request: { query: unsubscribeQuery }, responses: { 200: json(UnsubscribeState, 'State'), ...errorResponses } }),
  unsubscribe: defineRoute('public', { operationId: 'unsubscribe', method: 'post', path: '/api/public/unsubscribe', tags, summary: 'Unsubscribe with the link of a recall message, or undo it (rate limited per address)', request: { body: jsonBody(unsubscribeInput) }, responses: { 200: json(UnsubscribeState, 'Saved'), ...errorResponses } }),
};

/** People click a link once or twice; a script trying tokens gets nowhere fast. */
const unsubscribeLimiter = perAddressLimit({ bucket: 'unsubscribe', max: 20, windowMs: 10 * 60_000, what: 'unsubscribe requests' });

export function recallRoutes(app: OpenAPIHono<AppEnv>) {
  app.use('/api/public/unsubscribe', unsubscribeLimiter);
  app.openapi(r.list, async (c) => c.json({ items: await listRecallFlows(ctxOf(c)) }, 200));
  app.openapi(r.update, async (c) => c.json(await updateRecallFlow(ctxOf(c), c.req.valid('param').flow, c.req.valid('json')), 200));
  app.openapi(r.preview, async (c) => c.json(await previewRecallFlow(ctxOf(c), c.get('deps').publicUrl, c.req.valid('json')), 200));
  app.openapi(r.consent, async (c) => c.json(await getMarketingConsent(ctxOf(c), c.req.valid('param').clientId), 200));
  app.openapi(r.setConsent, async (c) => c.json(await putMarketingConsent(ctxOf(c), c.req.valid('param').clientId, c.req.valid('json').optedIn), 200));
  app.openapi(r.unsubscribeRead, async (c) => c.json(await readUnsubscribe(c.get('deps').db, c.req.valid('query').token), 200));
  app.openapi(r.unsubscribe, async (c) => {
    const body = c.req.valid('json');
    return c.json(await setUnsubscribe(c.get('deps'), body.token, body.subscribed, metaOf(c)), 200);
  });
}
