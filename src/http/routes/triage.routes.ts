import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../route.js';
import { errorResponses, json, jsonBody } from '../schemas/common.schema.js';
import { evaluateTriage } from '../../services/treatment/evaluate-triage.js';
import { TriageOutcome, TriageReportBody } from '../../services/treatment/triage.schema.js';

// clinical evaluation for the staff who treat and run the clinic; no client record is read or kept
const evaluate = defineRoute(['owner', 'medical_director', 'provider'], {
  operationId: 'evaluateTriage', method: 'post', path: '/api/triage/evaluate', tags: ['Aftercare'],
  summary: 'Stateless triage: a symptom report (triage contract v1, docs/triage.md) in, the urgency and findings out; nothing is stored',
  request: { body: jsonBody(TriageReportBody) },
  responses: { 200: json(TriageOutcome, 'Triage result (contract v1)'), ...errorResponses },
});

export function triageRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(evaluate, (c) => c.json(evaluateTriage(c.req.valid('json')), 200));
}
