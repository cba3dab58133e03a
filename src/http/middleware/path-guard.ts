import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import { problem } from '../problem.js';

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL = /[\u0000-\u001F\u007F]/;

/**
 * The address itself is input too: a path whose percent-encoding is not UTF-8 (%C3%28, an encoded
 * lone surrogate %ED%A0%80) or that decodes to a control character (%00) is refused here with a 400,
 * before any route, static file or database lookup sees it.
 */
export const pathGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  let allowed: boolean;
  try {
    allowed = !CONTROL.test(decodeURIComponent(new URL(c.req.url).pathname));
  } catch {
    allowed = false; // not UTF-8 once decoded
  }
  if (!allowed) {
    const message = 'The address contains a character that is not allowed';
    return problem(c, { status: 400, detail: message, errors: [{ path: 'path', message }], code: 'validation' });
  }
  return next();
};
