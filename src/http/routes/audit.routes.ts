import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../route.js';
import { ctxOf } from '../context.js';
import { errorResponses, isoDateOrDateTime, json, line } from '../schemas/common.schema.js';
import { listAuditEvents } from '../../services/audit/list-audit-events.js';
import { verifyAuditChain } from '../../services/audit/verify-audit-chain.js';
import { listAccessRefusals } from '../../services/audit/access-refusals.js';
import { AccessRefusalList, AuditChainReport, AuditEventList } from '../../services/audit/audit.schema.js';

const tags = ['Audit'];

const list = defineRoute(['owner'], {
  operationId: 'listAuditEvents', method: 'get', path: '/api/audit', tags, summary: 'Browse the audit trail, newest first',
  request: {
    query: z.object({
      clientId: z.uuid().optional(),
      actorUserId: line({ max: 100 }).optional(),
      action: line({ max: 100 }).optional(),
      entityType: line({ max: 100 }).optional(),
      from: isoDateOrDateTime().optional(),
      to: isoDateOrDateTime().optional(),
      beforePosition: z.coerce.number().int().min(1).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
  },
  responses: { 200: json(AuditEventList, 'Events'), ...errorResponses },
});

const verify = defineRoute(['owner'], {
  operationId: 'verifyAuditChain', method: 'get', path: '/api/audit/verify', tags, summary: 'Verify the hash chain of the audit trail',
  responses: {
    200: json(AuditChainReport, 'Report'),
    ...errorResponses,
  },
});

const refusals = defineRoute(['owner'], {
  operationId: 'listAccessRefusals', method: 'get', path: '/api/audit/refusals', tags,
  summary: 'Refused attempts (role or ownership refusals, ids not found in this clinic) per person and route, counted by the hour, most recent first',
  request: { query: z.object({ days: z.coerce.number().int().min(1).max(365).default(30) }) },
  responses: { 200: json(AccessRefusalList, 'Refused attempts'), ...errorResponses },
});

export function auditRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(list, async (c) => c.json(await listAuditEvents(ctxOf(c), c.req.valid('query')), 200));
  app.openapi(refusals, async (c) => c.json(await listAccessRefusals(ctxOf(c), c.req.valid('query')), 200));
  app.openapi(verify, async (c) => {
    const ctx = ctxOf(c);
    const r = await verifyAuditChain(ctx.db, ctx.principal.organizationId, ctx.now());
    return c.json({ ok: r.ok, events: r.events, problems: r.problems, unsealed: r.unsealed }, 200);
  });
}
