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
