import type { Db } from '../../db/connect.js';
import { appendEvent, lockHead } from '../../db/repositories/audit.repository.js';
import type { Ctx } from '../context.js';
import { hashEvent } from './audit-hash.js';

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

/** Appends to the organization's hash chain. Call inside the transaction that does the work. */
export async function appendAudit(trx: Db, actor: AuditActor, input: AuditInput, now: Date): Promise<void> {
  const head = await lockHead(trx, actor.organizationId);
  const base = {
    organization_id: actor.organizationId,
    seq: head.last_seq + 1,
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
    prev_hash: head.last_hash,
  };
  await appendEvent(trx, { ...base, hash: hashEvent(base) });
}

export function recordAudit(trx: Db, ctx: Ctx, input: AuditInput): Promise<void> {
  return appendAudit(trx, actorOf(ctx), input, ctx.now());
}
