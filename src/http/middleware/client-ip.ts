import { getConnInfo } from '@hono/node-server/conninfo';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';

/** The caller's address: the socket's, or X-Forwarded-For's first hop when behind a trusted proxy. */
export const clientIp: MiddlewareHandler<AppEnv> = async (c, next) => {
  let ip: string | null = null;
  if (c.get('deps').trustProxy) ip = c.req.header('x-forwarded-for')?.split(',')[0]?.trim() || null;
  if (!ip) {
    try {
      ip = getConnInfo(c).remote.address ?? null;
    } catch {
      ip = null; // in-process requests (tests) have no socket
    }
  }
  c.set('ip', ip);
  await next();
};
