import type { MiddlewareHandler } from 'hono';
import { resolvePrincipal } from '../../services/auth/resolve-principal.js';
import type { AppEnv } from '../app-env.js';

/** Resolves the session cookie to a principal (user + organization + role), or null. */
export const session: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('principal', null);
  c.set('membershipMissing', false);
  const cookie = c.req.header('cookie');
  if (cookie?.includes('session_token')) {
    const deps = c.get('deps');
    const s = await deps.auth.api.getSession({ headers: c.req.raw.headers });
    if (s) {
      const principal = await resolvePrincipal(deps.db, s.user, c.req.header('x-dermis-organization'));
      c.set('principal', principal);
      c.set('membershipMissing', principal === null);
    }
  }
  await next();
};
