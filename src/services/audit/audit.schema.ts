// The answers of the audit routes. Audit details hold ids, counts, codes and field names only
// (never health data or free text): scalars, lists of scalars, or one level of named scalars.
import { z } from 'zod';

const AuditScalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const AuditDetailValue = z
  .union([AuditScalar, z.array(AuditScalar), z.record(z.string(), AuditScalar)])
  .meta({ id: 'AuditDetailValue', description: 'A scalar, a list of scalars, or an object of scalars (e.g. a deposit outcome)' });
export const AuditDetails = z
  .record(z.string(), AuditDetailValue)
  .meta({ id: 'AuditDetails', description: 'What the action concerned: ids, counts, codes and field names, never health data', example: { decision: 'deferred', rules: ['DEF-13'], intakeVersion: 2 } });
export type AuditDetailsValue = z.output<typeof AuditDetails>;

const exampleEvent = {
  position: 90412, seq: 412, occurredAt: '2026-11-28T10:00:00.000Z', actorUserId: '6f1d2c3b-4a5e-4f70-8b91-a2c3d4e5f607', actorName: 'Ana Reyes, RN', actorRole: 'provider', action: 'screening.create', entityType: 'screening',
  entityId: '5b0c2f0e-6f6e-4a59-9d7e-0d3f1c1e2a10', clientId: '0e8f5a8e-3c1b-4f57-9a0d-2b9d7c6f1a22', ip: '203.0.113.7', requestId: 'req_7f3a', details: { decision: 'deferred', rules: ['DEF-13'], intakeVersion: 2 },
};

export const AuditEvent = z
  .object({
    position: z.number().int().describe('order of recording; pass as beforePosition to page'),
    seq: z.number().int().nullable().describe('number in the organization hash chain; null for the few seconds until the sealer links the event'),
    occurredAt: z.string().describe('ISO date-time'),
    actorUserId: z.string().nullable(),
    actorName: z.string().nullable(),
    actorRole: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    clientId: z.string().nullable(),
    ip: z.string().nullable(),
    requestId: z.string().nullable(),
    details: AuditDetails,
  })
  .meta({
    id: 'AuditEvent',
    description: 'One entry of the audit trail',
    example: exampleEvent,
  });

export const AuditEventList = z
  .object({ items: z.array(AuditEvent), nextBeforePosition: z.number().int().nullable().describe('pass as beforePosition for the next page; null on the last') })
  .meta({ id: 'AuditEventList', description: 'Audit events, newest first', example: { items: [exampleEvent], nextBeforePosition: 90412 } });
export type AuditEventListView = z.output<typeof AuditEventList>;

export const AuditChainReport = z
  .object({
    ok: z.boolean().describe('the sealed chain is intact'),
    events: z.number().int().describe('sealed events checked'),
    problems: z.array(z.object({ seq: z.number().int(), problem: z.string() })),
    unsealed: z
      .object({ count: z.number().int(), oldestAgeSeconds: z.number().int().nullable() })
      .describe('events recorded and not yet linked into the chain by the sealer (it runs every second), and the age of the oldest'),
  })
  .meta({ id: 'AuditChainReport', description: 'The result of verifying the hash chain', example: { ok: true, events: 412, problems: [], unsealed: { count: 2, oldestAgeSeconds: 1 } } });

export const AccessRefusal = z
  .object({
    userId: z.string(), name: z.string().nullable(), email: z.string().nullable(), role: z.string(), method: z.string(), route: z.string(),
    status: z.number().int(), count: z.number().int(), firstAt: z.string().describe('ISO date-time'), lastAt: z.string().describe('ISO date-time'), lastIp: z.string().nullable(),
  })
  .meta({ id: 'AccessRefusal', description: 'Refused attempts of one person on one route within an hour' });

export const AccessRefusalList = z
  .object({ since: z.string().describe('ISO date-time'), items: z.array(AccessRefusal) })
  .meta({
    id: 'AccessRefusalList',
    description: 'Refused attempts, most recent first',
    example: { since: '2026-11-01T00:00:00.000Z', items: [{ userId: 'u_2f9c', name: 'Dana Provider', email: 'dana@example.com', role: 'front_desk', method: 'GET', route: '/api/clients/{clientId}/intake', status: 403, count: 2, firstAt: '2026-11-28T10:00:00.000Z', lastAt: '2026-11-28T10:05:00.000Z', lastIp: '203.0.113.7' }] },
  });
