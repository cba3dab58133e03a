// The principal of a request from its session cookie in one query (issue 14, item 3: what every
// authenticated request pays). The same answers as better-auth's getSession followed by
// resolvePrincipal and enforceSessionLimits; better-auth itself still handles the cases that write:
// a session due for its sliding refresh, or one past its expiry (it deletes it and its cookie).
import type { Db } from '../../db/connect.js';
import { changeFeedOf } from '../../db/change-feed.js';
import { deleteSessionById, findSessionPrincipal, touchSession } from '../../db/repositories/session-principal.repository.js';
import type { Principal } from '../context.js';
import { ROLES_REQUIRING_TWO_FACTOR } from './resolve-principal.js';
import { SESSION_MAX_MS, STAFF_IDLE_MS, type SessionEnd } from './session-limits.js';

/** last use is written at most this often (as session-limits.ts) */
const TOUCH_EVERY_MS = 60_000;

/**
 * Sessions read lately, by token: what every signed-in request would otherwise ask the database
 * (issue 14, availability within 5 ms over HTTP). An entry is used only while no committed write to
 * the identity tables (sessions, users, memberships, organizations, clients, two-factor, accounts)
 * has happened anywhere since it was read: the change feed counts them in this process and hears the
 * other processes' over LISTEN (db/change-feed.ts), so a sign-out, a role change or a deactivation
 * takes effect on the next request. The time rules below run on every request, cached or not.
 */
type Rows = Awaited<ReturnType<typeof findSessionPrincipal>>;
const CACHE_MAX = 5_000;
const CACHE_MAX_AGE_MS = 60_000;
type Remembered = Map<string, { generation: number; rows: Rows; at: number }>;
const caches = new WeakMap<object, Remembered>();

async function sessionRows(db: Db, token: string): Promise<Rows> {
  const feed = changeFeedOf(db);
  // inside a transaction (no feed) or while other processes' changes could go unheard: read
  if (!feed || !feed.complete()) return findSessionPrincipal(db, token);
  let cache = caches.get(feed);
  if (!cache) caches.set(feed, (cache = new Map() as Remembered));
  const hit = cache.get(token);
  if (hit && hit.generation === feed.generation('identity') && performance.now() - hit.at < CACHE_MAX_AGE_MS) return hit.rows;
  const generation = feed.generation('identity');
  const rows = await findSessionPrincipal(db, token);
  cache.delete(token);
  // a load that overlapped a committed change is used once, not kept
  if (feed.generation('identity') === generation) {
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
    cache.set(token, { generation, rows, at: performance.now() });
  }
  return rows;
}

export type SessionAnswer =
  /** no such session: signed out */
  | { kind: 'none' }
  /** better-auth must look (refresh or expiry) */
  | { kind: 'delegate' }
  | { kind: 'ended'; why: SessionEnd }
  | { kind: 'ok'; principal: Principal | null };

export async function sessionPrincipal(db: Db, token: string, a: { orgSlug: string | null | undefined; now: Date; expiresInMs: number; updateAgeMs: number }): Promise<SessionAnswer> {
  const rows = await sessionRows(db, token);
  const first = rows[0];
  if (!first) return { kind: 'none' };
  const t = a.now.getTime();
  const expires = new Date(first.expires_at).getTime();
  if (expires <= t || expires - a.expiresInMs + a.updateAgeMs <= t) return { kind: 'delegate' };
  const m = a.orgSlug ? rows.find((r) => r.slug === a.orgSlug && r.organization_id) : rows.find((r) => r.organization_id);
  const role = m?.role ?? null;
  // the limits better-auth does not apply (session-limits.ts): a whole life, and idle staff
  const created = new Date(first.created_at).getTime();
  const lastSeen = first.last_seen_at ? new Date(first.last_seen_at).getTime() : created;
  const end: SessionEnd | null = t - created > SESSION_MAX_MS ? 'expired' : role && role !== 'client' && t - lastSeen > STAFF_IDLE_MS ? 'idle' : null;
  if (end) {
    await deleteSessionById(db, first.session_id);
    return { kind: 'ended', why: end };
  }
  if (t - lastSeen > TOUCH_EVERY_MS || !first.last_seen_at) await touchSession(db, first.session_id, a.now);
  if (!m?.organization_id || !m.role) return { kind: 'ok', principal: null };
  const needsTwoFactor = ROLES_REQUIRING_TWO_FACTOR.has(m.role) || (m.role !== 'client' && Boolean(m.require_staff_two_factor));
  return {
    kind: 'ok',
    principal: {
      userId: first.user_id,
      organizationId: m.organization_id,
      role: m.role,
      clientId: m.role === 'client' ? (m.client_id ?? null) : null,
      name: first.name,
      email: first.email,
      twoFactorEnabled: Boolean(first.two_factor_enabled),
      emailVerified: Boolean(first.email_verified),
      twoFactorSetupRequired: needsTwoFactor && !first.two_factor_enabled,
      twoFactorMandatory: needsTwoFactor,
    },
  };
}
