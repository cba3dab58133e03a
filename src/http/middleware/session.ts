import type { MiddlewareHandler } from 'hono';
import { sessionTokenReader, type SessionTokenReader } from '../../adapters/auth/identity.js';
import type { Auth } from '../../adapters/auth/better-auth.js';
import { resolvePrincipal } from '../../services/auth/resolve-principal.js';
import { sessionPrincipal } from '../../services/auth/session-principal.js';
import { enforceSessionLimits, SESSION_END_MESSAGE } from '../../services/auth/session-limits.js';
import type { AppEnv } from '../app-env.js';

const readers = new WeakMap<Auth, SessionTokenReader>();
const readerOf = (auth: Auth) => {
  let r = readers.get(auth);
  if (!r) readers.set(auth, (r = sessionTokenReader(auth)));
  return r;
};

/**
 * Resolves the session cookie to a principal (user + organization + role), or null. The common case
 * is one query (services/auth/session-principal.ts); a session due for its sliding refresh or past
 * its expiry goes through better-auth, which writes the refresh or deletes it.
 */
export const session: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('principal', null);
  c.set('membershipMissing', false);
  c.set('sessionEnded', null);
  const cookie = c.req.header('cookie');
  if (cookie?.includes('session_token')) {
    const deps = c.get('deps');
    const reader = readerOf(deps.auth);
    const token = await reader.token(cookie);
    const { expiresInMs, updateAgeMs } = await reader.settings();
    // the real clock, as better-auth's own expiry uses (deps.now may be a test's or a demo's clock)
    const fast = token ? await sessionPrincipal(deps.db, token, { orgSlug: c.req.header('x-dermis-organization'), now: new Date(), expiresInMs, updateAgeMs }) : { kind: 'none' as const };
    if (fast.kind === 'ok') {
      c.set('principal', fast.principal);
      c.set('membershipMissing', fast.principal === null);
    } else if (fast.kind === 'ended') {
      c.set('sessionEnded', SESSION_END_MESSAGE[fast.why]);
    } else if (fast.kind === 'delegate') {
      const s = await deps.auth.api.getSession({ headers: c.req.raw.headers });
      if (s) {
        const principal = await resolvePrincipal(deps.db, s.user, c.req.header('x-dermis-organization'));
        const ended = await enforceSessionLimits(deps.db, { id: s.session.id, role: principal?.role ?? null }, new Date());
        if (ended) {
          c.set('sessionEnded', SESSION_END_MESSAGE[ended]);
        } else {
          c.set('principal', principal);
          c.set('membershipMissing', principal === null);
        }
      }
    }
  }
  await next();
};
