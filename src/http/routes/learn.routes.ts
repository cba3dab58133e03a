import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../route.js';
import { ctxOf } from '../context.js';
import { errorResponses, json, jsonBody, line, UuidParam } from '../schemas/common.schema.js';
import { getGuide, riskSummaryFor } from '../../services/learn/guide.js';
import { searchLearn } from '../../services/learn/search-learn.js';
import { LearnGuide, LearnSearchResults, RiskAcknowledgement, RiskAcknowledgementList, RiskSummary } from '../../services/learn/learn.schema.js';
import { acknowledgeRisks, acknowledgeRisksInput, listAcknowledgements } from '../../services/learn/acknowledge-risks.js';

const tags = ['Learn'];

const guide = defineRoute('public', {
  operationId: 'getLearnGuide', method: 'get', path: '/api/learn/guide', tags, summary: 'The microneedling guide for clients, with every name it goes by',
  responses: { 200: json(LearnGuide, 'Guide'), ...errorResponses },
});
const searchRoute = defineRoute('public', {
  operationId: 'searchLearn', method: 'get', path: '/api/learn/search', tags, summary: "Search the guide and an organization's services under any name of microneedling",
  request: { query: z.object({ q: line({ min: 0, max: 200 }), organization: line({ max: 80 }).optional() }) },
  responses: { 200: json(LearnSearchResults, 'Matches, best first'), ...errorResponses },
});
const risk = defineRoute('public', {
  operationId: 'getRiskSummary', method: 'get', path: '/api/learn/risk-summary', tags, summary: 'The risk summary a client acknowledges before booking, for a modality',
  request: { query: z.object({ modality: z.enum(['roller', 'pen', 'rf']) }) },
  responses: { 200: json(RiskSummary, 'Risk summary'), ...errorResponses },
});
const params = z.object({ clientId: UuidParam('clientId') });
const ack = defineRoute(['client'], {
  operationId: 'acknowledgeRisks', method: 'post', path: '/api/clients/{clientId}/risk-acknowledgements', tags, summary: 'The client acknowledges the risk summary (recorded with version, time and IP)',
  request: { params, body: jsonBody(acknowledgeRisksInput.openapi('RiskAcknowledgementInput')) },
  responses: { 201: json(RiskAcknowledgement, 'Recorded'), 409: errorResponses[404], ...errorResponses },
});
// health-related: the client and the clinicians only (docs/security.md, "Roles")
const acks = defineRoute(['medical_director', 'provider', 'client'], {
  operationId: 'listRiskAcknowledgements', method: 'get', path: '/api/clients/{clientId}/risk-acknowledgements', tags, summary: "A client's risk acknowledgements",
  request: { params }, responses: { 200: json(RiskAcknowledgementList, 'Acknowledgements'), ...errorResponses },
});

export function learnRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(guide, (c) => c.json(getGuide(), 200));
  app.openapi(searchRoute, async (c) => {
    const { q, organization } = c.req.valid('query');
    return c.json({ items: await searchLearn(c.get('deps').db, q, organization) }, 200);
  });
  app.openapi(risk, (c) => c.json(riskSummaryFor(c.req.valid('query').modality), 200));
  app.openapi(ack, async (c) => c.json(await acknowledgeRisks(ctxOf(c), c.req.valid('param').clientId, c.req.valid('json')), 201));
  app.openapi(acks, async (c) => c.json({ items: await listAcknowledgements(ctxOf(c), c.req.valid('param').clientId) }, 200));
}
