import type { Db } from '../../db/connect.js';
import { appendAudit } from '../audit/record-audit-event.js';
import type { Principal, RequestMeta } from '../context.js';

/** A change to how someone signs in (password, second factor) goes on the audit trail. */
export async function recordAccountChange(db: Db, p: Principal, action: 'auth.password_changed' | 'auth.two_factor_disabled', meta: RequestMeta, now: Date) {
  await db.transaction().execute((trx) =>
    appendAudit(trx, { organizationId: p.organizationId, userId: p.userId, role: p.role, requestId: meta.requestId, ip: meta.ip }, { action, entityType: 'user', entityId: p.userId }, now),
  );
}
