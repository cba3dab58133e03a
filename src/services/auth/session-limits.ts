import type { Db } from '../../db/connect.js';
import type { Role } from '../../db/schema.js';

/** A session's whole life, however active: then sign in again. */
export const SESSION_MAX_MS = 7 * 24 * 60 * 60_000;
/** Staff sessions end after this long without a request (a shared front-desk screen left open). */
export const STAFF_IDLE_MS = 30 * 60_000;
/** last use is written at most this often, so a busy session does not write on every request */
const TOUCH_EVERY_MS = 60_000;

export type SessionEnd = 'expired' | 'idle';

/**
 * Applies the limits better-auth does not: an absolute maximum life, and an idle limit for staff.
 * Returns why the session ended (it is deleted then), or null when it may go on (its last use is
 * recorded).
 */
export async function enforceSessionLimits(db: Db, s: { id: string; role: Role | null }, now: Date): Promise<SessionEnd | null> {
  const row = await db.selectFrom('sessions').select(['created_at', 'last_seen_at']).where('id', '=', s.id).executeTakeFirst();
  if (!row) return 'expired';
  const created = new Date(row.created_at).getTime();
  const lastSeen = row.last_seen_at ? new Date(row.last_seen_at).getTime() : created;
  const t = now.getTime();
  const end: SessionEnd | null = t - created > SESSION_MAX_MS ? 'expired' : s.role && s.role !== 'client' && t - lastSeen > STAFF_IDLE_MS ? 'idle' : null;
  if (end) {
    await db.deleteFrom('sessions').where('id', '=', s.id).execute();
    return end;
  }
  if (t - lastSeen > TOUCH_EVERY_MS || !row.last_seen_at) await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', s.id).execute();
  return null;
}

export const SESSION_END_MESSAGE: Record<SessionEnd, string> = {
  expired: 'Your session has ended (sessions last at most 7 days). Sign in again.',
  idle: 'You were signed out after 30 minutes without activity. Sign in again.',
};

/** Signs the account out everywhere but the session it keeps (null: everywhere). */
export async function revokeSessionsExcept(db: Db, userId: string, keepToken: string | null) {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepToken) q = q.where('token', '!=', keepToken);
  await q.execute();
}
