import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../route.js';
import { ctxOf } from '../context.js';
import { errorResponses, isoDateOrDateTime, json, line } from '../schemas/common.schema.js';
import { listAuditEvents } from '../../services/audit/list-audit-events.js';
import { verifyAuditChain } from '../../services/audit/verify-audit-chain.js';
import { listAccessRefusals } from '../../services/audit/access-refusals.js';

const tags = ['Audit'];

const AuditEvent = z
  .object({
    seq: z.number().int(), occurredAt: z.string(), actorUserId: z.string().nullable(), actorName: z.string().nullable(),
    actorRole: z.string().nullable(), action: z.string(), entityType: z.string(), entityId: z.string().nullable(),
    clientId: z.string().nullable(), ip: z.string().nullable(), requestId: z.string().nullable(), details: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEvent');

const list = defineRoute(['owner'], {
  method: 'get', path: '/api/audit', tags, summary: 'Browse the audit trail, newest first',
  request: {
    query: z.object({
      clientId: z.uuid().optional(),
      actorUserId: line({ max: 100 }).optional(),
      action: line({ max: 100 }).optional(),
      entityType: line({ max: 100 }).optional(),
      from: isoDateOrDateTime().optional(),
      to: isoDateOrDateTime().optional(),
      beforeSeq: z.coerce.number().int().min(1).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
  },
  responses: { 200: json(z.object({ items: z.array(AuditEvent), nextBeforeSeq: z.number().int().nullable() }), 'Events'), ...errorResponses },
});

const verify = defineRoute(['owner'], {
  method: 'get', path: '/api/audit/verify', tags, summary: 'Verify the hash chain of the audit trail',
  responses: {
    200: json(z.object({ ok: z.boolean(), events: z.number().int(), problems: z.array(z.object({ seq: z.number().int(), problem: z.string() })) }), 'Report'),
    ...errorResponses,
  },
});

const Refusal = z
  .object({
    userId: z.string(), name: z.string().nullable(), email: z.string().nullable(), role: z.string(), method: z.string(), route: z.string(),
    status: z.number().int(), count: z.number().int(), firstAt: z.string(), lastAt: z.string(), lastIp: z.string().nullable(),
  })
  .openapi('AccessRefusal');

const refusals = defineRoute(['owner'], {
  method: 'get', path: '/api/audit/refusals', tags,
  summary: 'Refused attempts (role or ownership refusals, ids not found in this clinic) per person and route, counted by the hour, most recent first',
  request: { query: z.object({ days: z.coerce.number().int().min(1).max(365).default(30) }) },
  responses: { 200: json(z.object({ since: z.string(), items: z.array(Refusal) }), 'Refused attempts'), ...errorResponses },
});

export function auditRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(list, async (c) => c.json(await listAuditEvents(ctxOf(c), c.req.valid('query')), 200));
  app.openapi(refusals, async (c) => c.json(await listAccessRefusals(ctxOf(c), c.req.valid('query')), 200));
  app.openapi(verify, async (c) => {
    const ctx = ctxOf(c);
    const r = await verifyAuditChain(ctx.db, ctx.principal.organizationId);
    return c.json({ ok: r.ok, events: r.events, problems: r.problems }, 200);
  });
}
