import type { Db } from '../../db/connect.js';
import { clearFailures, findFailures, recordFailure, setLockedUntil } from '../../db/repositories/sign-in-failures.repository.js';
import { membershipsOfUser } from '../../db/repositories/memberships.repository.js';
import { appendAudit } from '../audit/record-audit-event.js';
import type { RequestMeta } from '../context.js';

export interface LockoutPolicy {
  maxFailures: number;
  lockMinutes: number;
}

const normalise = (email: string) => email.trim().toLowerCase();

/** Returns the time the account unlocks, or null when sign-in may proceed. */
export async function lockedUntil(db: Db, email: string, now: Date): Promise<Date | null> {
  const row = await findFailures(db, normalise(email));
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
  const email = normalise(input.email);
  if (input.ok) {
    await clearFailures(db, email);
    await auditSignIn(db, email, 'auth.sign_in', input.meta, input.now);
    return;
  }
  const windowMs = policy.lockMinutes * 60_000;
  const { failures } = await recordFailure(db, email, input.now, windowMs);
  const locks = failures >= policy.maxFailures;
  if (locks) await setLockedUntil(db, email, new Date(input.now.getTime() + windowMs));
  await auditSignIn(db, email, locks ? 'auth.locked' : 'auth.sign_in_failed', input.meta, input.now, { failures });
}
