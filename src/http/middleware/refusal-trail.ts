import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { AppEnv } from '../app-env.js';
import { noteAccessRefusal } from '../../services/audit/access-refusals.js';

/**
 * Counts refused attempts of signed-in callers (services/audit/access-refusals.ts): every 403, and a
 * 404 on a route that names a record (a path parameter), which is how another clinic's or another
 * client's id answers. A 404 for a path with no route, and wildcard routes (sign-in, the web app),
 * are not attempts on a record. Recording never changes the answer.
 */
export const refusalTrail: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const status = c.res.status;
  if (status !== 403 && status !== 404) return;
  const principal = c.get('principal');
  if (!principal) return;
  const pattern = routePath(c);
  if (pattern.includes('*') || (status === 404 && !pattern.includes(':'))) return;
  const deps = c.get('deps');
  const route = pattern.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, '{$1}');
  try {
    await noteAccessRefusal(
      deps.db,
      { organizationId: principal.organizationId, userId: principal.userId, role: principal.role, requestId: c.get('requestId'), ip: c.get('ip') },
      { method: c.req.method, route, status },
      deps.now(),
    );
  } catch (err) {
    deps.logger.error({ reqId: c.get('requestId'), err: { name: (err as Error).name } }, 'could not record a refused attempt');
  }
};
