// The sign-in calls are better-auth's (served by authRoutes), not ours, but an integrator and the
// web app's generated client need them in the same contract: these entries document the ones Dermis
// uses, with the shapes better-auth answers. They are documentation only; nothing here handles a call.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { errorResponses, json, jsonBody } from '../schemas/common.schema.js';

const tags = ['Sign-in (better-auth)'];
const Ok = z.object({ status: z.boolean() }).meta({ id: 'AuthStatus', example: { status: true } });
const SignedIn = z
  .object({
    redirect: z.boolean().optional(),
    token: z.string().optional(),
    twoFactorRedirect: z.boolean().optional().describe('true: the account uses two-step sign-in; send the code to /api/auth/two-factor/verify-totp'),
    user: z.object({ id: z.string(), email: z.string(), name: z.string(), emailVerified: z.boolean() }).optional(),
  })
  .meta({ id: 'SignInResult', example: { redirect: false, token: 'opaque', user: { id: 'u1', email: 'nurse@example.com', name: 'Ana Nurse', emailVerified: true } } });
const TotpSetup = z
  .object({ totpURI: z.string().describe('otpauth:// URI for an authenticator app'), backupCodes: z.array(z.string()) })
  .meta({ id: 'TotpSetup', example: { totpURI: 'otpauth://totp/Dermis:ana@example.com?secret=JBSWY3DPEHPK3PXP', backupCodes: ['a1b2c3d4e5'] } });
const password = z.string().min(1);
const tooMany = { 429: { description: 'Too many attempts: wait, then try again', content: errorResponses[400].content } };

const DOCUMENTED = [
  { path: '/api/auth/sign-in/email', operationId: 'signIn', summary: 'Sign in with email and password; sets the session cookie', body: z.object({ email: z.string(), password, rememberMe: z.boolean().optional() }), ok: SignedIn, security: [] },
  { path: '/api/auth/sign-out', operationId: 'signOut', summary: 'Sign out: ends the session', body: z.object({}), ok: z.object({ success: z.boolean() }).meta({ id: 'SignOutResult', example: { success: true } }) },
  { path: '/api/auth/request-password-reset', operationId: 'requestPasswordReset', summary: 'Email a one-time password reset link (the answer is the same for unknown addresses)', body: z.object({ email: z.string(), redirectTo: z.string().optional() }), ok: Ok, security: [] },
  { path: '/api/auth/reset-password', operationId: 'resetPassword', summary: 'Set a new password with the token from the reset link', body: z.object({ newPassword: password, token: z.string() }), ok: Ok, security: [] },
  { path: '/api/auth/change-password', operationId: 'changePassword', summary: 'Change the password (other sessions end)', body: z.object({ currentPassword: password, newPassword: password, revokeOtherSessions: z.boolean().optional() }), ok: z.object({ token: z.string().nullable().optional() }).meta({ id: 'ChangePasswordResult', example: { token: 'Xk9mQ2vR7tLwP0aZc3nYd8eFh1JgUi4B' } }) },
  { path: '/api/auth/two-factor/enable', operationId: 'enableTwoFactor', summary: 'Start two-step sign-in set-up: a TOTP secret and backup codes', body: z.object({ password }), ok: TotpSetup },
  { path: '/api/auth/two-factor/verify-totp', operationId: 'verifyTotp', summary: 'Send a 6-digit code: finishes sign-in, or confirms the set-up', body: z.object({ code: z.string(), trustDevice: z.boolean().optional() }), ok: z.object({ token: z.string().optional() }).meta({ id: 'VerifyTotpResult', example: { token: 'Xk9mQ2vR7tLwP0aZc3nYd8eFh1JgUi4B' } }) },
  { path: '/api/auth/two-factor/disable', operationId: 'disableTwoFactor', summary: 'Turn two-step sign-in off (refused where the role or clinic requires it)', body: z.object({ password }), ok: Ok },
] as const;

export function documentAuthRoutes(app: OpenAPIHono<AppEnv>) {
  for (const d of DOCUMENTED) {
    app.openAPIRegistry.registerPath({
      method: 'post',
      path: d.path,
      operationId: d.operationId,
      tags,
      summary: d.summary,
      description: 'Served by better-auth.',
      security: 'security' in d ? [...d.security] : [{ cookieAuth: [] }],
      request: { body: jsonBody(d.body) },
      responses: { 200: json(d.ok, 'Done'), ...tooMany, ...errorResponses },
    });
  }
}
