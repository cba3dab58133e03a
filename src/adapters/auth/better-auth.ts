// Sign-in is better-auth's job (password hashing with scrypt, a memory-hard KDF; httpOnly SameSite
// session cookies; TOTP). We only map its models onto our snake_case tables and route its emails
// through the outbox. Telemetry stays off: nothing leaves the machine.
import { betterAuth } from 'better-auth';
import { twoFactor } from 'better-auth/plugins';
import type { Kysely } from 'kysely';

export interface AuthOptions {
  db: Kysely<never>;
  secret: string;
  publicUrl: string;
  /** called with the reset link; must not throw for unknown users (no account enumeration) */
  sendPasswordReset: (input: { userId: string; email: string; url: string }) => Promise<void>;
  /** called once a reset has set a new password (for the audit trail) */
  onPasswordReset?: (userId: string) => Promise<void>;
  secureCookies: boolean;
}

export function createAuth(opts: AuthOptions) {
  return betterAuth({
    appName: 'Dermis',
    baseURL: opts.publicUrl,
    basePath: '/api/auth',
    secret: opts.secret,
    trustedOrigins: [opts.publicUrl],
    telemetry: { enabled: false },
    database: { db: opts.db, type: 'postgres' },
    // Our own routes create users (client registration, staff invitations): public sign-up is off.
    // Names change only through staff management (audited), so nobody renames themselves into a
    // title they do not hold; email changes would need a proof of the new address we do not offer.
    disabledPaths: ['/sign-up/email', '/update-user', '/change-email'],
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      sendResetPassword: async ({ user, token }) => {
        const url = `${opts.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
        await opts.sendPasswordReset({ userId: user.id, email: user.email, url });
      },
      onPasswordReset: async ({ user }) => {
        await opts.onPasswordReset?.(user.id);
      },
    },
    // Sessions live in the database and are read from it on every request: no cookie cache, so a
    // session revoked (sign-out, password reset, staff removal) ends at once in every process.
    session: {
      modelName: 'sessions',
      expiresIn: 60 * 60 * 12,
      updateAge: 60 * 60,
      fields: {
        expiresAt: 'expires_at',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
        ipAddress: 'ip_address',
        userAgent: 'user_agent',
        userId: 'user_id',
      },
    },
    user: {
      modelName: 'users',
      fields: { emailVerified: 'email_verified', createdAt: 'created_at', updatedAt: 'updated_at' },
    },
    account: {
      modelName: 'accounts',
      fields: {
        accountId: 'account_id',
        providerId: 'provider_id',
        userId: 'user_id',
        accessToken: 'access_token',
        refreshToken: 'refresh_token',
        idToken: 'id_token',
        accessTokenExpiresAt: 'access_token_expires_at',
        refreshTokenExpiresAt: 'refresh_token_expires_at',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
      },
    },
    verification: {
      modelName: 'verifications',
      fields: { expiresAt: 'expires_at', createdAt: 'created_at', updatedAt: 'updated_at' },
    },
    // Per-IP limits on the auth endpoints; the per-account lockout lives in our sign-in route. Kept
    // in the database so several processes share one count (decision 0016).
    rateLimit: {
      enabled: true,
      storage: 'database',
      modelName: 'auth_rate_limits',
      fields: { lastRequest: 'last_request' },
      window: 60,
      max: 100,
      customRules: {
        '/sign-in/email': { window: 60, max: 20 },
        '/two-factor/verify-totp': { window: 60, max: 10 },
        '/request-password-reset': { window: 60, max: 5 },
      },
    },
    advanced: {
      useSecureCookies: opts.secureCookies,
      cookiePrefix: 'dermis',
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', path: '/' },
      database: { generateId: () => crypto.randomUUID() },
      ipAddress: { ipAddressHeaders: ['x-dermis-client-ip'] },
    },
    plugins: [
      twoFactor({
        issuer: 'Dermis',
        schema: {
          user: { fields: { twoFactorEnabled: 'two_factor_enabled' } },
          twoFactor: {
            modelName: 'two_factors',
            fields: {
              backupCodes: 'backup_codes',
              userId: 'user_id',
              failedVerificationCount: 'failed_verification_count',
              lockedUntil: 'locked_until',
            },
          },
        },
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
