// Idempotency keys belong to the caller who sent them. A key is stored in the caller's own namespace
// (their user id before it), so the same key from someone else never finds, replays or reveals the
// first caller's record; and every route authorises the request before it looks anything up by key.
import type { Db } from '../db/connect.js';
import type { Ctx } from './context.js';
import { appendAudit, type AuditActor, type AuditInput } from './audit/record-audit-event.js';

/** The key as stored for this caller. */
export const callerKey = (ctx: Ctx, key: string) => `${ctx.principal.userId}:${key}`;

/** A replay is a read of the first record: audited like one, in its own short transaction. */
export function auditReplay(db: Db, actor: AuditActor, now: Date, input: AuditInput): Promise<void> {
  return db.transaction().execute((trx) => appendAudit(trx, actor, { ...input, details: { ...input.details, replayed: true } }, now));
}
