import type { MiddlewareHandler } from 'hono';
import { resolvePrincipal } from '../../services/auth/resolve-principal.js';
import { enforceSessionLimits, SESSION_END_MESSAGE } from '../../services/auth/session-limits.js';
import type { AppEnv } from '../app-env.js';

/** Resolves the session cookie to a principal (user + organization + role), or null. */
export const session: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('principal', null);
  c.set('membershipMissing', false);
  c.set('sessionEnded', null);
  const cookie = c.req.header('cookie');
  if (cookie?.includes('session_token')) {
    const deps = c.get('deps');
    const s = await deps.auth.api.getSession({ headers: c.req.raw.headers });
    if (s) {
      const principal = await resolvePrincipal(deps.db, s.user, c.req.header('x-dermis-organization'));
      // the real clock, as better-auth's own expiry uses (deps.now may be a test's or a demo's clock)
      const ended = await enforceSessionLimits(deps.db, { id: s.session.id, role: principal?.role ?? null }, new Date());
      if (ended) {
        c.set('sessionEnded', SESSION_END_MESSAGE[ended]);
      } else {
        c.set('principal', principal);
        c.set('membershipMissing', principal === null);
      }
    }
  }
  await next();
};
