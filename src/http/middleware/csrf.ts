import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import { problem } from '../problem.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Fetch Metadata values a write may carry: our own pages, or the user typing/bookmarking. */
const ALLOWED_SITES = new Set(['same-origin', 'none']);

/**
 * CSRF protection for cookie-authenticated writes. Browsers always send Origin on cross-origin
 * writes and Sec-Fetch-Site on modern engines; a write that says it comes from another site is
 * refused. A write that carries Sec-Fetch-Site must say `same-origin` or `none`: `same-site` (a
 * sibling subdomain, which SameSite=Lax cookies do not stop) and `cross-site` are refused. Requests with neither header are not from a browser, so no ambient cookie is at risk.
 * SameSite=Lax cookies are the second layer.
 */
export const csrf: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE.has(c.req.method)) return next();
  const allowed = new URL(c.get('deps').publicUrl).origin;
  const origin = c.req.header('origin');
  const site = c.req.header('sec-fetch-site');
  const hostOrigin = `${new URL(c.req.url).protocol}//${c.req.header('host') ?? ''}`;
  if (origin && origin !== allowed && origin !== hostOrigin) {
    return problem(c, { status: 403, detail: 'cross-site request refused', code: 'csrf' });
  }
  if (site !== undefined && !ALLOWED_SITES.has(site)) {
    return problem(c, { status: 403, detail: 'cross-site request refused', code: 'csrf' });
  }
  return next();
};
