import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { AppEnv } from '../app-env.js';

/**
 * One line per request with no personal or health data: the route pattern (never the concrete URL
 * or query string, which can hold ids, names or emails), status, duration, request id, role.
 */
export const accessLog: MiddlewareHandler<AppEnv> = async (c, next) => {
  const started = performance.now();
  await next();
  const logger = c.get('deps').logger;
  logger.info({
    reqId: c.get('requestId'),
    method: c.req.method,
    route: routePath(c),
    status: c.res.status,
    ms: Math.round(performance.now() - started),
    role: c.get('principal')?.role ?? null,
  }, 'request');
};
