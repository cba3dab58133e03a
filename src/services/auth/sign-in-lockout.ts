import type { Db } from '../../db/connect.js';
import { clearFailures, findFailures, lockSource, recordFailure, type SignInSource } from '../../db/repositories/sign-in-failures.repository.js';
import { membershipsOfUser } from '../../db/repositories/memberships.repository.js';
import { appendAudit } from '../audit/record-audit-event.js';
import type { RequestMeta } from '../context.js';

export interface LockoutPolicy {
  maxFailures: number;
  lockMinutes: number;
}

/** Each repeated lock of the same source doubles, up to a day. */
const MAX_LOCK_MS = 24 * 60 * 60_000;

const keyOf = (email: string, meta: RequestMeta): SignInSource => ({ email: email.trim().toLowerCase(), source: meta.ip ?? 'unknown' });

/**
 * Returns the time this source may try the account again, or null when sign-in may proceed.
 * The lock is on the source (address), not the account: someone guessing from elsewhere cannot
 * lock the real person out of their own account.
 */
export async function lockedUntil(db: Db, email: string, meta: RequestMeta, now: Date): Promise<Date | null> {
  const row = await findFailures(db, keyOf(email, meta));
  if (!row?.locked_until) return null;
  const until = new Date(row.locked_until);
  return until > now ? until : null;
}

async function auditSignIn(db: Db, email: string, action: string, meta: RequestMeta, now: Date, details: Record<string, unknown> = {}) {
  const user = await db.selectFrom('users').select(['id']).where('email', '=', email).executeTakeFirst();
  if (!user) return; // unknown emails have no organization to audit in; nothing about them is stored
  const [m] = await membershipsOfUser(db, user.id);
  if (!m) return;
  await db.transaction().execute((trx) =>
    appendAudit(trx, { organizationId: m.organization_id, userId: user.id, role: m.role, requestId: meta.requestId, ip: meta.ip }, { action, entityType: 'user', entityId: user.id, details }, now),
  );
}

export async function noteSignInResult(db: Db, policy: LockoutPolicy, input: { email: string; ok: boolean; meta: RequestMeta; now: Date }) {
  const key = keyOf(input.email, input.meta);
  if (input.ok) {
    await clearFailures(db, key);
    await auditSignIn(db, key.email, 'auth.sign_in', input.meta, input.now);
    return;
  }
  const windowMs = policy.lockMinutes * 60_000;
  const { failures, locks } = await recordFailure(db, key, input.now, windowMs);
  const lock = failures >= policy.maxFailures;
  if (lock) {
    const ms = Math.min(windowMs * 2 ** Math.min(locks, 10), MAX_LOCK_MS);
    await lockSource(db, key, new Date(input.now.getTime() + ms));
  }
  await auditSignIn(db, key.email, lock ? 'auth.locked' : 'auth.sign_in_failed', input.meta, input.now, { failures, ...(lock ? { locks: locks + 1 } : {}) });
}
