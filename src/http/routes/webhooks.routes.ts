// Webhooks (issue 15, item 6; docs/webhooks.md): the owner registers endpoints for events, reads the
// delivery log, sends a delivery again and sends a test event. Only the owner: endpoints receive
// news of every booking and payment of the clinic.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../route.js';
import { ctxOf } from '../context.js';
import { errorResponses, json, jsonBody, UuidParam } from '../schemas/common.schema.js';
import { createEndpointInput } from '../../services/webhooks/webhook.schema.js';
import { createWebhookEndpoint } from '../../services/webhooks/create-endpoint.js';
import { deleteWebhookEndpoint } from '../../services/webhooks/delete-endpoint.js';
import { listWebhooks } from '../../services/webhooks/list-webhooks.js';
import { replayWebhookDelivery, sendTestWebhook } from '../../services/webhooks/replay-delivery.js';
import { WEBHOOK_EVENT_TYPES } from '../../services/webhooks/events.js';

const tags = ['Webhooks'];
const OWNER = ['owner'] as const;

const Endpoint = z
  .object({ id: z.string(), url: z.string(), description: z.string(), events: z.array(z.string()), active: z.boolean(), createdAt: z.string() })
  .openapi('WebhookEndpoint', { example: { id: '5b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d', url: 'https://hooks.example.com/dermis', description: 'Accounting sync', events: ['payment.succeeded', 'payment.refunded'], active: true, createdAt: '2026-12-02T10:00:00.000Z' } });

const DELIVERY_EXAMPLE = {
  id: '8e2f4a6c-1b3d-4e5f-9a7b-0c2d4e6f8a1b',
  endpointId: '5b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d',
  url: 'https://hooks.example.com/dermis',
  eventType: 'booking.created',
  status: 'pending',
  attempts: 1,
  lastStatus: 503,
  lastError: 'The endpoint answered 503',
  createdAt: '2026-12-02T15:04:05.000Z',
  deliveredAt: null,
  nextAttemptAt: '2026-12-02T15:04:35.000Z',
  replayOf: null,
  payload: { type: 'booking.created', timestamp: '2026-12-02T15:04:05.000Z', data: { organizationId: '0d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a', bookingId: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d', clientId: '3f6c1a2b-7d8e-4f90-a1b2-c3d4e5f60718' } },
} as const;

const Delivery = z
  .object({
    id: z.string(),
    endpointId: z.string(),
    url: z.string(),
    eventType: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']).openapi({ description: 'pending: waiting for its first or next attempt' }),
    attempts: z.number().int(),
    lastStatus: z.number().int().nullable().openapi({ description: "the receiver's HTTP status on the last attempt" }),
    lastError: z.string().nullable().openapi({ description: 'why the last attempt failed, in plain words' }),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
    nextAttemptAt: z.string().nullable(),
    replayOf: z.string().nullable().openapi({ description: 'the delivery this one sends again (same webhook-id)' }),
    payload: z.object({ type: z.string(), timestamp: z.string(), data: z.record(z.string(), z.string().nullable()) }).openapi({ description: 'the body sent: ids only' }),
  })
  .openapi('WebhookDelivery', { example: DELIVERY_EXAMPLE });

const Overview = z
  .object({
    events: z.array(z.object({ type: z.enum(WEBHOOK_EVENT_TYPES), label: z.string() })),
    endpoints: z.array(Endpoint),
    deliveries: z.array(Delivery).openapi({ description: 'the latest 100, newest first' }),
  })
  .openapi('Webhooks', {
    example: {
      events: [{ type: 'booking.created', label: 'A booking is made' }],
      endpoints: [{ id: '5b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d', url: 'https://hooks.example.com/dermis', description: 'Accounting sync', events: ['booking.created'], active: true, createdAt: '2026-12-02T10:00:00.000Z' }],
      deliveries: [DELIVERY_EXAMPLE],
    },
  });

const Created = z
  .object({ endpoint: Endpoint, secret: z.string().openapi({ description: 'the signing secret (Standard Webhooks, whsec_…): shown this once, never again' }) })
  .openapi('WebhookEndpointCreated', {
    example: {
      endpoint: { id: '5b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d', url: 'https://hooks.example.com/dermis', description: 'Accounting sync', events: ['booking.created'], active: true, createdAt: '2026-12-02T10:00:00.000Z' },
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    },
  });

const endpointParams = z.object({ endpointId: UuidParam('endpointId') });

const list = defineRoute(OWNER, {
  operationId: 'listWebhooks', method: 'get', path: '/api/webhooks', tags, summary: 'Endpoints, the events they can take, and the delivery log',
  request: { query: z.object({ endpointId: z.uuid().optional().openapi({ description: 'only this endpoint’s deliveries' }) }) },
  responses: { 200: json(Overview, 'Webhooks'), ...errorResponses },
});
const create = defineRoute(OWNER, {
  operationId: 'createWebhookEndpoint', method: 'post', path: '/api/webhooks', tags, summary: 'Register an endpoint; the answer holds its signing secret, shown once',
  request: { body: jsonBody(createEndpointInput.openapi('WebhookEndpointInput')) },
  responses: { 201: json(Created, 'Registered'), ...errorResponses },
});
const remove = defineRoute(OWNER, {
  operationId: 'deleteWebhookEndpoint', method: 'delete', path: '/api/webhooks/{endpointId}', tags, summary: 'Remove an endpoint and its delivery log',
  request: { params: endpointParams }, responses: { 204: { description: 'Removed' }, ...errorResponses },
});
const test = defineRoute(OWNER, {
  operationId: 'sendTestWebhook', method: 'post', path: '/api/webhooks/{endpointId}/test', tags, summary: 'Queue a webhook.test delivery to check the endpoint and its signature check',
  request: { params: endpointParams }, responses: { 201: json(Delivery, 'Queued'), ...errorResponses },
});
const replay = defineRoute(OWNER, {
  operationId: 'replayWebhookDelivery', method: 'post', path: '/api/webhooks/deliveries/{deliveryId}/replay', tags, summary: 'Send a delivery again, with the same body and webhook-id',
  request: { params: z.object({ deliveryId: UuidParam('deliveryId') }) }, responses: { 201: json(Delivery, 'Queued'), ...errorResponses },
});

export function webhookRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(list, async (c) => c.json(await listWebhooks(ctxOf(c), { endpointId: c.req.valid('query').endpointId }), 200));
  app.openapi(create, async (c) => c.json(await createWebhookEndpoint(ctxOf(c), c.get('deps').secrets, c.req.valid('json')), 201));
  app.openapi(remove, async (c) => {
    await deleteWebhookEndpoint(ctxOf(c), c.req.valid('param').endpointId);
    return c.body(null, 204);
  });
  app.openapi(test, async (c) => c.json(await sendTestWebhook(ctxOf(c), c.req.valid('param').endpointId), 201));
  app.openapi(replay, async (c) => c.json(await replayWebhookDelivery(ctxOf(c), c.req.valid('param').deliveryId), 201));
}
