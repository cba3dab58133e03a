import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../route.js';
import { ctxOf } from '../context.js';
import { errorResponses, json, jsonBody, UuidParam } from '../schemas/common.schema.js';
import { proposePlan, proposePlanInput } from '../../services/plans/propose-plan.js';
import { adjustPlan, adjustPlanInput } from '../../services/plans/adjust-plan.js';
import { approvePlan, approvePlanInput } from '../../services/plans/approve-plan.js';
import { AwaitingDirectorPlanList, TreatmentPlan as Plan, TreatmentPlanList } from '../../services/plans/plan.schema.js';
import { getPlan, listClientPlans, listPlansAwaitingDirector } from '../../services/plans/list-plans.js';
import { evaluatePlanRequest } from '../../services/plans/evaluate-plan.js';
import { PlanRequestBody, PlanResult } from '../../services/plans/plan-contract.schema.js';

const tags = ['Treatment plans'];
const HEALTH = ['medical_director', 'provider', 'client'] as const;
const clientParams = z.object({ clientId: UuidParam('clientId') });
const planParams = z.object({ planId: UuidParam('planId') });

const evaluate = defineRoute(['owner', 'medical_director', 'provider'], {
  operationId: 'evaluateTreatmentPlan', method: 'post', path: '/api/plans/evaluate', tags,
  summary: 'Stateless plan: a plan request (plan contract v1, docs/plans.md) in, the recommended plan or why none can be made out; nothing is stored',
  request: { body: jsonBody(PlanRequestBody) },
  responses: { 200: json(PlanResult, 'Plan result (contract v1)'), ...errorResponses },
});
const propose = defineRoute(HEALTH, {
  operationId: 'proposeTreatmentPlan', method: 'post', path: '/api/clients/{clientId}/plans', tags,
  summary: 'Recommend a plan and quote from a current screening (modality, depths within caps, sessions, interval, downtime, price)',
  request: { params: clientParams, body: jsonBody(proposePlanInput.openapi('ProposePlan')) },
  responses: { 201: json(Plan, 'Proposed plan with its quote'), 409: errorResponses[404], ...errorResponses },
});
const list = defineRoute(HEALTH, {
  operationId: 'listClientTreatmentPlans', method: 'get', path: '/api/clients/{clientId}/plans', tags, summary: "A client's plans, newest first (older versions are superseded)",
  request: { params: clientParams }, responses: { 200: json(TreatmentPlanList, 'Plans'), ...errorResponses },
});
const read = defineRoute(HEALTH, {
  operationId: 'getTreatmentPlan', method: 'get', path: '/api/plans/{planId}', tags, summary: 'One plan version', request: { params: planParams }, responses: { 200: json(Plan, 'Plan'), ...errorResponses },
});
const adjust = defineRoute(['medical_director', 'provider'], {
  operationId: 'adjustTreatmentPlan', method: 'post', path: '/api/plans/{planId}/adjust', tags,
  summary: 'Adjust a plan (new version): within caps it is active; outside caps a provider change waits for the medical director',
  request: { params: planParams, body: jsonBody(adjustPlanInput.openapi('AdjustPlan')) },
  responses: { 201: json(Plan, 'New plan version'), 409: errorResponses[404], ...errorResponses },
});
const approve = defineRoute(['medical_director'], {
  operationId: 'approveTreatmentPlan', method: 'post', path: '/api/plans/{planId}/approve', tags, summary: 'Approve a plan adjusted outside the protocol caps (medical director)',
  request: { params: planParams, body: jsonBody(approvePlanInput.openapi('ApprovePlan')) },
  responses: { 200: json(Plan, 'Approved plan'), 409: errorResponses[404], ...errorResponses },
});
const awaiting = defineRoute(['medical_director'], {
  operationId: 'listPlansAwaitingDirector', method: 'get', path: '/api/plans/awaiting-director', tags: ['Reviews'], summary: 'Plans adjusted outside the caps, waiting for the medical director',
  responses: { 200: json(AwaitingDirectorPlanList, 'Queue, oldest first'), ...errorResponses },
});

export function planRoutes(app: OpenAPIHono<AppEnv>) {
  // the fixed path first, so "awaiting-director" is never read as a plan id
  app.openapi(awaiting, async (c) => c.json({ items: await listPlansAwaitingDirector(ctxOf(c)) }, 200));
  app.openapi(evaluate, (c) => c.json(evaluatePlanRequest(c.req.valid('json')), 200));
  app.openapi(propose, async (c) => c.json(await proposePlan(ctxOf(c), c.req.valid('param').clientId, c.req.valid('json')), 201));
  app.openapi(list, async (c) => c.json({ items: await listClientPlans(ctxOf(c), c.req.valid('param').clientId) }, 200));
  app.openapi(read, async (c) => c.json(await getPlan(ctxOf(c), c.req.valid('param').planId), 200));
  app.openapi(adjust, async (c) => c.json(await adjustPlan(ctxOf(c), c.req.valid('param').planId, c.req.valid('json')), 201));
  app.openapi(approve, async (c) => c.json(await approvePlan(ctxOf(c), c.req.valid('param').planId, c.req.valid('json')), 200));
}
