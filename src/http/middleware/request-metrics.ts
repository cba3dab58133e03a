import cluster from 'node:cluster';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { AppEnv } from '../app-env.js';
import { observeRequest } from '../../adapters/metrics/request-timing.js';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * Times each request for /metrics, labelled by the route template that answered (/api/clients/:id),
 * never the raw path: no ids or personal data end up in labels. With several processes, the answer
 * names the process that served it (x-dermis-process), to trace a request to its process's log.
 */
export const requestMetrics: MiddlewareHandler<AppEnv> = async (c, next) => {
  const started = performance.now();
  await next();
  if (cluster.isWorker) c.header('x-dermis-process', String(process.pid));
  // after next() the route index points at the handler that answered (a middleware's pattern on a 404)
  observeRequest(METHODS.has(c.req.method) ? c.req.method : 'OTHER', routePath(c), c.res.status, (performance.now() - started) / 1000);
};
