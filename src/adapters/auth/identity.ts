import { createHmac, timingSafeEqual } from 'node:crypto';
import { APIError } from 'better-auth/api';
import { AppError } from '../../services/errors.js';
import type { IdentityPort } from '../../services/ports.js';
import type { Auth } from './better-auth.js';

/** Creates sign-in identities through better-auth, so passwords are hashed by the library. */
export function identityFromAuth(auth: Auth): IdentityPort {
  return {
    async createUser({ name, email, password }) {
      try {
        const r = await auth.api.signUpEmail({ body: { name, email, password } });
        return { userId: r.user.id };
      } catch (err) {
        if (err instanceof APIError) {
          const status = typeof err.statusCode === 'number' ? err.statusCode : 400;
          if (status === 422 || /exist/i.test(err.message)) {
            throw new AppError('conflict', 'an account with this email already exists', [{ path: 'email', message: 'already registered' }]);
          }
          throw new AppError('validation', err.message, [{ path: /password/i.test(err.message) ? 'password' : 'email', message: err.message }]);
        }
        throw err;
      }
    },
    async verifyPassword(userId, password) {
      const ctx = await auth.$context;
      const accounts = await ctx.internalAdapter.findAccounts(userId);
      const hash = accounts.find((a) => a.providerId === 'credential')?.password;
      return hash ? ctx.password.verify({ hash, password }) : false;
    },
  };
}

/**
 * Reads the session token from the signed session cookie as better-auth signs it (HMAC-SHA256 of the
 * token with the auth secret, base64): null without a cookie or with a bad signature. Checked here so
 * a request's session costs one query (session-principal.repository.ts), not better-auth's several.
 */
export function sessionTokenReader(auth: Auth) {
  let key: { name: string; secret: string; expiresInMs: number; updateAgeMs: number } | null = null;
  const settings = async () => {
    if (!key) {
      const ctx = await auth.$context;
      key = { name: ctx.authCookies.sessionToken.name, secret: ctx.secret, expiresInMs: ctx.sessionConfig.expiresIn * 1000, updateAgeMs: ctx.sessionConfig.updateAge * 1000 };
    }
    return key;
  };
  // a signed cookie's verdict never changes: verified once, remembered (bounded, oldest out first)
  const verified = new Map<string, string | null>();
  const remember = (value: string, token: string | null) => {
    if (verified.size >= 2_000) verified.delete(verified.keys().next().value!);
    verified.set(value, token);
    return token;
  };
  return {
    settings,
    async token(cookieHeader: string): Promise<string | null> {
      const { name, secret } = await settings();
      for (const part of cookieHeader.split(';')) {
        const eq = part.indexOf('=');
        if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
        let value = part.slice(eq + 1).trim();
        try {
          value = decodeURIComponent(value);
        } catch {
          return null;
        }
        const known = verified.get(value);
        if (known !== undefined) return known;
        const dot = value.lastIndexOf('.');
        if (dot < 1) return null;
        const token = value.slice(0, dot);
        const signature = Buffer.from(value.slice(dot + 1), 'base64');
        const expected = createHmac('sha256', secret).update(token).digest();
        return remember(value, signature.length === expected.length && timingSafeEqual(signature, expected) ? token : null);
      }
      return null;
    },
  };
}
export type SessionTokenReader = ReturnType<typeof sessionTokenReader>;
