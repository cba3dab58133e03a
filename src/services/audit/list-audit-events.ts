import { listEvents } from '../../db/repositories/audit.repository.js';
import type { Ctx } from '../context.js';
import { recordAudit } from './record-audit-event.js';
import type { AuditDetailsValue, AuditEventListView } from './audit.schema.js';

export interface AuditQuery {
  clientId?: string | undefined;
  actorUserId?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  beforePosition?: number | undefined;
  limit: number;
}

export async function listAuditEvents(ctx: Ctx, q: AuditQuery): Promise<AuditEventListView> {
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await listEvents(trx, {
      organizationId: ctx.principal.organizationId,
      clientId: q.clientId,
      actorUserId: q.actorUserId,
      action: q.action,
      entityType: q.entityType,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
      beforePosition: q.beforePosition,
      limit: q.limit,
    });
    // Reading the trail is itself audited (who looked at whose access history).
    await recordAudit(trx, ctx, { action: 'audit.read', entityType: 'audit_event', clientId: q.clientId ?? null, details: { count: rows.length } });
    return {
      items: rows.map((r) => ({
        position: r.position,
        seq: r.seq,
        occurredAt: new Date(r.occurred_at).toISOString(),
        actorUserId: r.actor_user_id,
        actorName: r.actor_name,
        actorRole: r.actor_role,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        clientId: r.client_id,
        ip: r.ip,
        requestId: r.request_id,
        // recordAudit callers pass ids, counts and codes only (see AuditInput)
        details: r.details as AuditDetailsValue,
      })),
      nextBeforePosition: rows.length === q.limit ? rows[rows.length - 1]!.position : null,
    };
  });
}
