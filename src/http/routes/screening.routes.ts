import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../route.js';
import { ctxOf } from '../context.js';
import { errorResponses, json, jsonBody, UuidParam } from '../schemas/common.schema.js';
import { screenClient } from '../../services/clinical/screening/screen-client.js';
import { getScreening, listClientScreenings } from '../../services/clinical/screening/list-screenings.js';
import { listReviewQueue } from '../../services/clinical/review/list-review-queue.js';
import { decideReview, decideReviewInput } from '../../services/clinical/review/decide-review.js';
import { reviewDetail } from '../../services/clinical/review/review-detail.js';
import { ReviewDetail } from '../../services/clinical/review/review-detail.schema.js';
import { evaluateScreening } from '../../services/clinical/screening/evaluate-screening.js';
import { PlanSchema, ScreeningRequestSchema } from '../../services/clinical/engine.js';
import { ReviewDecision, ReviewQueue, ScreeningOutcome, StoredScreening, StoredScreeningList } from '../../services/clinical/screening/screening.schema.js';

const tags = ['Screening'];
const HEALTH = ['medical_director', 'provider', 'client'] as const;

const evaluate = defineRoute(['owner', 'medical_director', 'provider'], {
  operationId: 'evaluateScreening', method: 'post', path: '/api/screening/evaluate', tags,
  summary: 'Stateless screening: the contract request in, the contract result out; nothing is stored',
  request: { body: jsonBody(ScreeningRequestSchema) },
  responses: { 200: json(ScreeningOutcome, 'Screening result (contract v1)'), ...errorResponses },
});
const create = defineRoute(HEALTH, {
  operationId: 'screenClient', method: 'post', path: '/api/clients/{clientId}/screenings', tags,
  summary: "Screen the client's latest intake for a plan and keep the result on their record",
  request: { params: z.object({ clientId: UuidParam('clientId') }), body: jsonBody(z.strictObject({ plan: PlanSchema })) },
  responses: { 201: json(StoredScreening, 'Stored result: staff see rule ids and sources; clients a plain explanation'), 409: errorResponses[404], ...errorResponses },
});
const list = defineRoute(HEALTH, {
  operationId: 'listClientScreenings', method: 'get', path: '/api/clients/{clientId}/screenings', tags, summary: "A client's screenings, newest first, with status (current, stale, expired)",
  request: { params: z.object({ clientId: UuidParam('clientId') }) },
  responses: { 200: json(StoredScreeningList, 'Screenings'), ...errorResponses },
});
const read = defineRoute(HEALTH, {
  operationId: 'getScreening', method: 'get', path: '/api/screenings/{screeningId}', tags, summary: 'One stored screening',
  request: { params: z.object({ screeningId: UuidParam('screeningId') }) },
  responses: { 200: json(StoredScreening, 'Screening'), ...errorResponses },
});
const queue = defineRoute(['medical_director', 'provider'], {
  operationId: 'listReviewQueue', method: 'get', path: '/api/reviews', tags: ['Reviews'], summary: 'Screenings waiting for a clinician review; any clinician reads it, the medical director and prescribing providers sign (canDecide)',
  responses: { 200: json(ReviewQueue, 'Queue, oldest first'), ...errorResponses },
});
const detail = defineRoute(['medical_director', 'provider'], {
  operationId: 'getScreeningReviewDetail', method: 'get', path: '/api/screenings/{screeningId}/review-detail', tags: ['Reviews'],
  summary: "What the reviewer reads before deciding: each finding with the client's answers behind it, the requested modality and areas, the plan and the photos",
  request: { params: z.object({ screeningId: UuidParam('screeningId') }) },
  responses: { 200: json(ReviewDetail, 'Review detail'), ...errorResponses },
});
const decide = defineRoute(['medical_director', 'provider'], {
  operationId: 'decideScreeningReview', method: 'post', path: '/api/screenings/{screeningId}/review', tags: ['Reviews'], summary: 'Approve or decline a needs-review screening (signed)',
  request: { params: z.object({ screeningId: UuidParam('screeningId') }), body: jsonBody(decideReviewInput.openapi('ReviewDecisionInput')) },
  responses: { 201: json(ReviewDecision, 'Signed decision'), 409: errorResponses[404], ...errorResponses },
});

export function screeningRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(evaluate, async (c) => c.json(await evaluateScreening(ctxOf(c), c.req.valid('json')), 200));
  app.openapi(create, async (c) => c.json(await screenClient(ctxOf(c), c.req.valid('param').clientId, c.req.valid('json').plan), 201));
  app.openapi(list, async (c) => c.json({ items: await listClientScreenings(ctxOf(c), c.req.valid('param').clientId) }, 200));
  app.openapi(read, async (c) => c.json(await getScreening(ctxOf(c), c.req.valid('param').screeningId), 200));
  app.openapi(queue, async (c) => c.json(await listReviewQueue(ctxOf(c)), 200));
  app.openapi(detail, async (c) => c.json(await reviewDetail(ctxOf(c), c.req.valid('param').screeningId), 200));
  app.openapi(decide, async (c) => c.json(await decideReview(ctxOf(c), c.req.valid('param').screeningId, c.req.valid('json')), 201));
}
