import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../route.js';
import { ctxOf } from '../context.js';
import { errorResponses, json, jsonBody, UuidParam } from '../schemas/common.schema.js';
import { clientMessages, getPreferences, preferencesInput, putPreferences } from '../../services/outbox/message-preferences.js';

const WHO = ['owner', 'medical_director', 'provider', 'front_desk', 'client'] as const;
const tags = ['Messages'];
const params = z.object({ clientId: UuidParam('clientId') });
const Prefs = z.object({ email: z.boolean(), sms: z.boolean(), quietStart: z.string(), quietEnd: z.string() }).openapi('MessagePreferences');

const get = defineRoute(WHO, { method: 'get', path: '/api/clients/{clientId}/message-preferences', tags, summary: "A client's channels and quiet hours", request: { params }, responses: { 200: json(Prefs, 'Preferences'), ...errorResponses } });
const put = defineRoute(WHO, { method: 'put', path: '/api/clients/{clientId}/message-preferences', tags, summary: 'Opt in or out of email and SMS; set quiet hours', request: { params, body: jsonBody(preferencesInput) }, responses: { 200: json(Prefs, 'Saved'), ...errorResponses } });
const list = defineRoute(WHO, {
  method: 'get', path: '/api/clients/{clientId}/messages', tags, summary: 'What was sent to the client and when (subjects only)', request: { params },
  responses: { 200: json(z.object({ items: z.array(z.record(z.string(), z.unknown())) }), 'Messages'), ...errorResponses },
});

export function messageRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(get, async (c) => c.json(await getPreferences(ctxOf(c), c.req.valid('param').clientId), 200));
  app.openapi(put, async (c) => c.json(await putPreferences(ctxOf(c), c.req.valid('param').clientId, c.req.valid('json')), 200));
  app.openapi(list, async (c) => c.json({ items: await clientMessages(ctxOf(c), c.req.valid('param').clientId) }, 200));
}
