// Memberships (docs/memberships.md): the owner keeps the plans; the desk sells them; the client and
// the desk pause, resume and cancel within the plan's terms; clinicians who see a client see their
// membership.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../route.js';
import { ctxOf } from '../context.js';
import { errorResponses, json, jsonBody, UuidParam } from '../schemas/common.schema.js';
import {
  cancelMembershipInput, chargePaymentInput, ClientMembership, ClientMemberships, MembershipCharge, MembershipPlan, MembershipPlanList, MembershipSale, pauseMembershipInput, planInput, sellMembershipInput,
} from '../../services/billing/memberships/membership.schema.js';
import { createMembershipPlan, listMembershipPlans, updateMembershipPlan } from '../../services/billing/memberships/membership-plans.js';
import { sellMembership } from '../../services/billing/memberships/sell-membership.js';
import { clientMemberships } from '../../services/billing/memberships/client-memberships.js';
import { cancelMembership, pauseMembership, resumeMembership } from '../../services/billing/memberships/change-membership.js';
import { payMembershipCharge } from '../../services/billing/memberships/pay-membership-charge.js';

const tags = ['Memberships'];
const SELLERS = ['owner', 'front_desk'] as const;
const READERS = ['owner', 'front_desk', 'medical_director', 'provider', 'client'] as const;
const CHANGERS = ['owner', 'front_desk', 'client'] as const;
const conflict = { 409: errorResponses[404] };
const planId = z.object({ planId: UuidParam('planId') });
const clientId = z.object({ clientId: UuidParam('clientId') });
const membershipId = z.object({ membershipId: UuidParam('membershipId') });
const plansQuery = z.object({ locationId: z.uuid().optional() });

const r = {
  plans: defineRoute(['owner', 'front_desk', 'medical_director', 'provider', 'client'], { operationId: 'listMembershipPlans', method: 'get', path: '/api/membership-plans', tags, summary: 'Membership plans (clients see those on sale)', request: { query: plansQuery }, responses: { 200: json(MembershipPlanList, 'Plans'), ...errorResponses } }),
  create: defineRoute(['owner'], { operationId: 'createMembershipPlan', method: 'post', path: '/api/membership-plans', tags, summary: 'Create a membership plan for a location', request: { body: jsonBody(planInput) }, responses: { 201: json(MembershipPlan, 'Created'), ...errorResponses } }),
  update: defineRoute(['owner'], { operationId: 'updateMembershipPlan', method: 'put', path: '/api/membership-plans/{planId}', tags, summary: 'Edit or deactivate a membership plan (members keep it)', request: { params: planId, body: jsonBody(planInput) }, responses: { 200: json(MembershipPlan, 'Saved'), ...errorResponses } }),
  list: defineRoute(READERS, { operationId: 'getClientMemberships', method: 'get', path: '/api/clients/{clientId}/memberships', tags, summary: "A client's memberships with credits and charges, and the plans on sale", request: { params: clientId }, responses: { 200: json(ClientMemberships, 'Memberships'), ...errorResponses } }),
  sell: defineRoute(SELLERS, { operationId: 'sellMembership', method: 'post', path: '/api/clients/{clientId}/memberships', tags, summary: 'Sell a membership at the desk: first period and sign-up fee paid at once (idempotent)', request: { params: clientId, body: jsonBody(sellMembershipInput) }, responses: { 201: json(MembershipSale, 'Sold'), 200: json(MembershipSale, 'Already sold with this key'), ...conflict, ...errorResponses } }),
  pause: defineRoute(CHANGERS, { operationId: 'pauseMembership', method: 'post', path: '/api/memberships/{membershipId}/pause', tags, summary: "Pause a membership until a date within the plan's longest pause", request: { params: membershipId, body: jsonBody(pauseMembershipInput) }, responses: { 200: json(ClientMembership, 'Paused'), ...conflict, ...errorResponses } }),
  resume: defineRoute(CHANGERS, { operationId: 'resumeMembership', method: 'post', path: '/api/memberships/{membershipId}/resume', tags, summary: 'Resume a paused membership', request: { params: membershipId }, responses: { 200: json(ClientMembership, 'Resumed'), ...conflict, ...errorResponses } }),
  cancel: defineRoute(CHANGERS, { operationId: 'cancelMembership', method: 'post', path: '/api/memberships/{membershipId}/cancel', tags, summary: 'Cancel a membership now (after the minimum term) or at the end of the term', request: { params: membershipId, body: jsonBody(cancelMembershipInput) }, responses: { 200: json(ClientMembership, 'Cancelled'), ...conflict, ...errorResponses } }),
  pay: defineRoute(SELLERS, { operationId: 'payMembershipCharge', method: 'post', path: '/api/membership-charges/{chargeId}/payments', tags, summary: 'Record the desk payment of a due membership period (idempotent)', request: { params: z.object({ chargeId: UuidParam('chargeId') }), body: jsonBody(chargePaymentInput) }, responses: { 200: json(MembershipCharge, 'Paid'), ...conflict, ...errorResponses } }),
};

export function membershipRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(r.plans, async (c) => c.json(await listMembershipPlans(ctxOf(c), c.req.valid('query')), 200));
  app.openapi(r.create, async (c) => c.json(await createMembershipPlan(ctxOf(c), c.req.valid('json')), 201));
  app.openapi(r.update, async (c) => c.json(await updateMembershipPlan(ctxOf(c), c.req.valid('param').planId, c.req.valid('json')), 200));
  app.openapi(r.list, async (c) => c.json(await clientMemberships(ctxOf(c), c.req.valid('param').clientId), 200));
  app.openapi(r.sell, async (c) => {
    const out = await sellMembership(ctxOf(c), c.get('deps').payments?.cards, c.req.valid('param').clientId, c.req.valid('json'));
    return c.json(out, out.replayed ? 200 : 201);
  });
  app.openapi(r.pause, async (c) => c.json(await pauseMembership(ctxOf(c), c.req.valid('param').membershipId, c.req.valid('json')), 200));
  app.openapi(r.resume, async (c) => c.json(await resumeMembership(ctxOf(c), c.req.valid('param').membershipId), 200));
  app.openapi(r.cancel, async (c) => c.json(await cancelMembership(ctxOf(c), c.req.valid('param').membershipId, c.req.valid('json')), 200));
  app.openapi(r.pay, async (c) => c.json(await payMembershipCharge(ctxOf(c), c.req.valid('param').chargeId, c.req.valid('json')), 200));
}
