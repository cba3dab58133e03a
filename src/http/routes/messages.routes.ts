import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../route.js';
import { ctxOf } from '../context.js';
import { errorResponses, json, jsonBody, UuidParam } from '../schemas/common.schema.js';
import { clientMessages, getPreferences, preferencesInput, putPreferences } from '../../services/outbox/message-preferences.js';
import { ClientMessageList, MessagePreferences } from '../../services/outbox/message.schema.js';

const WHO = ['owner', 'medical_director', 'provider', 'front_desk', 'client'] as const;
const tags = ['Messages'];
const params = z.object({ clientId: UuidParam('clientId') });

const get = defineRoute(WHO, { operationId: 'getClientMessagePreferences', method: 'get', path: '/api/clients/{clientId}/message-preferences', tags, summary: "A client's channels and quiet hours", request: { params }, responses: { 200: json(MessagePreferences, 'Preferences'), ...errorResponses } });
const put = defineRoute(WHO, { operationId: 'updateClientMessagePreferences', method: 'put', path: '/api/clients/{clientId}/message-preferences', tags, summary: 'Opt in or out of email and SMS; set quiet hours', request: { params, body: jsonBody(preferencesInput) }, responses: { 200: json(MessagePreferences, 'Saved'), ...errorResponses } });
const list = defineRoute(WHO, {
  operationId: 'listClientMessages', method: 'get', path: '/api/clients/{clientId}/messages', tags, summary: 'What was sent to the client and when (subjects only)', request: { params },
  responses: { 200: json(ClientMessageList, 'Messages'), ...errorResponses },
});

export function messageRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(get, async (c) => c.json(await getPreferences(ctxOf(c), c.req.valid('param').clientId), 200));
  app.openapi(put, async (c) => c.json(await putPreferences(ctxOf(c), c.req.valid('param').clientId, c.req.valid('json')), 200));
  app.openapi(list, async (c) => c.json({ items: await clientMessages(ctxOf(c), c.req.valid('param').clientId) }, 200));
}
