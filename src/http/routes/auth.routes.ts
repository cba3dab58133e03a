// better-auth serves /api/auth/*. In front of it: a per-account lockout on password sign-in, the
// audit of sign-ins, and the rule that owners and medical directors keep TOTP once enrolled.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { registerEntry } from '../route.js';
import { problem } from '../problem.js';
import { metaOf } from '../context.js';
import { lockedUntil, noteSignInResult } from '../../services/auth/sign-in-lockout.js';
import { recordAccountChange } from '../../services/auth/record-account-change.js';
import { revokeSessionsExcept } from '../../services/auth/session-limits.js';
import { passwordProblem } from '../../services/auth/password-policy.js';

registerEntry({ method: 'POST', path: '/api/auth/sign-in/email', access: 'public' });
registerEntry({ method: 'POST', path: '/api/auth/two-factor/disable', access: 'signed_in' });
registerEntry({ method: 'POST', path: '/api/auth/change-password', access: 'signed_in' });
registerEntry({ method: 'GET', path: '/api/auth/*', access: 'public' });
registerEntry({ method: 'POST', path: '/api/auth/*', access: 'public' });

/** The session token a better-auth answer sets (its cookie value is `token.signature`). */
function sessionTokenOf(setCookies: string[]): string | null {
  const c = setCookies.find((x) => /session_token=[^;]+/.test(x));
  const value = c ? decodeURIComponent(/session_token=([^;]+)/.exec(c)![1]!) : null;
  return value ? value.split('.')[0]! : null;
}

/** Hands the request to better-auth with the caller's IP in a header only we set. */
function forward(c: Context<AppEnv>, body?: string) {
  const headers = new Headers(c.req.raw.headers);
  headers.delete('x-dermis-client-ip');
  const ip = c.get('ip');
  if (ip) headers.set('x-dermis-client-ip', ip);
  const init: RequestInit = { method: c.req.method, headers };
  if (body !== undefined) {
    init.body = body;
    headers.delete('content-length'); // the body may have been rewritten
  }
  else if (!['GET', 'HEAD'].includes(c.req.method)) init.body = c.req.raw.body;
  if (init.body && typeof init.body !== 'string') (init as { duplex?: string }).duplex = 'half';
  return c.get('deps').auth.handler(new Request(c.req.url, init));
}

export function authRoutes(app: OpenAPIHono<AppEnv>) {
  app.post('/api/auth/sign-in/email', async (c) => {
    const deps = c.get('deps');
    const raw = await c.req.text();
    let email: string | null = null;
    try {
      const parsed = JSON.parse(raw) as { email?: unknown };
      if (typeof parsed.email === 'string') email = parsed.email;
    } catch {
      return problem(c, { status: 400, detail: 'request body is not valid JSON' });
    }
    if (!email) return problem(c, { status: 400, detail: 'email is required', errors: [{ path: 'email', message: 'required' }] });
    const now = deps.now();
    const until = await lockedUntil(deps.db, email, metaOf(c), now);
    if (until) {
      c.header('retry-after', String(Math.ceil((until.getTime() - now.getTime()) / 1000)));
      return problem(c, {
        status: 429,
        code: 'locked',
        detail: `Too many failed sign-in attempts from this device. Try again after ${until.toISOString().slice(11, 16)} UTC, or reset your password.`,
        extra: { lockedUntil: until.toISOString() },
      });
    }
    const res = await forward(c, raw);
    if (res.status === 200 || res.status === 401 || res.status === 403) {
      await noteSignInResult(deps.db, deps.lockout, { email, ok: res.status === 200, meta: metaOf(c), now });
    }
    return res;
  });

  app.post('/api/auth/two-factor/disable', async (c) => {
    const p = c.get('principal');
    if (!p) return problem(c, { status: 401, detail: c.get('sessionEnded') ?? 'sign in to continue' });
    if (p.twoFactorMandatory) {
      return problem(c, { status: 403, detail: 'Two-step sign-in stays on: your role or your clinic requires it.', extra: { reason: 'two_factor_required' } });
    }
    const res = await forward(c);
    if (res.status === 200) {
      // whoever else holds a session of this account must sign in again, now with one factor less;
      // better-auth has just replaced this device's session, so the new one is the one kept
      await revokeSessionsExcept(c.get('deps').db, p.userId, sessionTokenOf(res.headers.getSetCookie()));
      await recordAccountChange(c.get('deps').db, p, 'auth.two_factor_disabled', metaOf(c), c.get('deps').now());
    }
    return res;
  });

  // A new password signs out every other session: a thief's session must not outlive the change.
  app.post('/api/auth/change-password', async (c) => {
    const p = c.get('principal');
    if (!p) return problem(c, { status: 401, detail: c.get('sessionEnded') ?? 'sign in to continue' });
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(await c.req.text()) as Record<string, unknown>;
    } catch {
      return problem(c, { status: 400, detail: 'request body is not valid JSON' });
    }
    const weak = typeof body.newPassword === 'string' ? passwordProblem(body.newPassword, [p.email, p.name]) : null;
    if (weak) return problem(c, { status: 400, code: 'validation', detail: weak, errors: [{ path: 'newPassword', message: weak }] });
    const res = await forward(c, JSON.stringify({ ...body, revokeOtherSessions: true }));
    if (res.status === 200) await recordAccountChange(c.get('deps').db, p, 'auth.password_changed', metaOf(c), c.get('deps').now());
    return res;
  });

  // a new password from a reset link is judged like any other (part of POST /api/auth/*)
  app.post('/api/auth/reset-password', async (c) => {
    const raw = await c.req.text();
    let body: { newPassword?: unknown };
    try {
      body = JSON.parse(raw) as { newPassword?: unknown };
    } catch {
      return problem(c, { status: 400, detail: 'request body is not valid JSON' });
    }
    const weak = typeof body.newPassword === 'string' ? passwordProblem(body.newPassword) : null;
    if (weak) return problem(c, { status: 400, code: 'validation', detail: weak, errors: [{ path: 'newPassword', message: weak }] });
    return forward(c, raw);
  });

  app.on(['GET', 'POST'], '/api/auth/*', (c) => forward(c));
}
