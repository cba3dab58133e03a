import type { Db } from '../../db/connect.js';
import { appendEvent } from '../../db/repositories/audit.repository.js';
import type { Ctx } from '../context.js';
import { emitWebhooks } from '../webhooks/emit-webhooks.js';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  clientId?: string | null;
  /** never put health data or free text here: ids, counts and field names only */
  details?: Record<string, unknown>;
}

export interface AuditActor {
  organizationId: string;
  userId: string | null;
  role: string | null;
  requestId: string | null;
  ip: string | null;
}

export const actorOf = (ctx: Ctx): AuditActor => ({
  organizationId: ctx.principal.organizationId,
  userId: ctx.principal.userId,
  role: ctx.principal.role,
  requestId: ctx.meta.requestId,
  ip: ctx.meta.ip,
});

/**
 * Appends an event in the transaction that does the work (a rollback leaves no event). It takes no
 * lock: the worker's sealer links events into the organization's hash chain within seconds
 * (decision 0015).
 */
export async function appendAudit(trx: Db, actor: AuditActor, input: AuditInput, now: Date): Promise<void> {
  await appendEvent(trx, {
    organization_id: actor.organizationId,
    // millisecond precision so the stored value and the hashed value are identical
    occurred_at: new Date(Math.floor(now.getTime())),
    actor_user_id: actor.userId,
    actor_role: actor.role,
    action: input.action,
    entity_type: input.entityType,
    entity_id: input.entityId ?? null,
    client_id: input.clientId ?? null,
    ip: actor.ip,
    request_id: actor.requestId,
    details: input.details ?? {},
  });
  // the webhooks that announce this change, in its transaction (decision 0018)
  await emitWebhooks(trx, { organizationId: actor.organizationId, action: input.action, entityType: input.entityType, entityId: input.entityId ?? null, clientId: input.clientId ?? null, at: now });
}

export function recordAudit(trx: Db, ctx: Ctx, input: AuditInput): Promise<void> {
  return appendAudit(trx, actorOf(ctx), input, ctx.now());
}
