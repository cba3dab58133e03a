import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../route.js';
import { forbidden } from '../../services/errors.js';
import { ctxOf, metaOf } from '../context.js';
import { errorResponses, json, jsonBody } from '../schemas/common.schema.js';
import { registerClient, registerClientInput } from '../../services/auth/register-client.js';
import { verifyClientEmail, verifyEmailInput } from '../../services/auth/verify-client-email.js';
import { resendVerification } from '../../services/auth/resend-verification.js';
import { registrationLimiter } from '../middleware/rate-limit.js';
import { acceptInvitation, acceptInvitationInput } from '../../services/auth/accept-invitation.js';
import { getOrganization } from '../../services/organization/get-organization.js';
import { listPublicOrganizations } from '../../services/organization/list-public-organizations.js';

const tags = ['Account'];

const Me = z
  .object({
    user: z.object({ id: z.string(), name: z.string(), email: z.string(), twoFactorEnabled: z.boolean(), emailVerified: z.boolean() }),
    organization: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
    role: z.enum(['owner', 'medical_director', 'provider', 'front_desk', 'client']),
    clientId: z.string().nullable(),
    twoFactorRequired: z.boolean(),
    /** two-step sign-in must be set up before anything else can be done */
    twoFactorSetupRequired: z.boolean(),
  })
  .openapi('Me', {
    example: {
      user: { id: '6f1d2c3b-4a5e-4f70-8b91-a2c3d4e5f607', name: 'Ana Reyes, RN', email: 'ana.reyes@glowmedspa.example', twoFactorEnabled: true, emailVerified: true },
      organization: { id: 'a3c1e5f7-2b4d-4e6f-8a1c-3e5f7a9b1d2f', slug: 'glow-medspa', name: 'Glow MedSpa' },
      role: 'provider',
      clientId: null,
      twoFactorRequired: true,
      twoFactorSetupRequired: false,
    },
  });

const SignedOut = z
  .object({
    signedIn: z.literal(false),
    /** why an earlier session ended (idle, too old), in plain words; null for a visitor who never signed in */
    reason: z.string().nullable().describe('Why the session ended, in plain words; null when there was none'),
  })
  .openapi('SignedOut', { example: { signedIn: false, reason: null } });

// public: a visitor without a session gets an answer, not an error (no 401 in every visitor's console)
const me = defineRoute('public', {
  method: 'get', path: '/api/me', operationId: 'getMe', tags, summary: 'Who am I: user, organization and role, or that there is no session',
  responses: { 200: json(z.union([Me, SignedOut]).openapi('Session', { example: { signedIn: false, reason: null } }), 'The signed-in user, or no session'), 403: { ...errorResponses[403], description: 'Signed in, but the account has no access to a MedSpa' } },
});
const orgs = defineRoute('public', {
  method: 'get', path: '/api/public/organizations', operationId: 'listPublicOrganizations', tags, summary: 'MedSpas a client can register with',
  responses: { 200: json(z.object({ items: z.array(z.object({ slug: z.string(), name: z.string() })) }).openapi('PublicOrganizationList', { example: { items: [{ slug: 'glow-medspa', name: 'Glow MedSpa' }] } }), 'Organizations'), 400: errorResponses[400] },
});
const CheckEmail = z.object({ status: z.literal('check_email'), email: z.string() }).openapi('CheckEmail', { example: { status: 'check_email', email: 'maya.chen@example.com' } });
const register = defineRoute('public', {
  method: 'post', path: '/api/register', operationId: 'registerClient', tags,
  summary: 'Client self-registration: the same answer whether or not the email has an account; an email to the address says what to do next',
  request: { body: jsonBody(registerClientInput.openapi('Registration')) },
  responses: { 202: json(CheckEmail, 'An email is on its way to the address'), ...errorResponses },
});
const verify = defineRoute('public', {
  method: 'post', path: '/api/register/verify', operationId: 'verifyRegistrationEmail', tags, summary: 'Confirm the email address with the link sent to it; the account then opens its client record',
  request: { body: jsonBody(verifyEmailInput.openapi('EmailVerification')) },
  responses: { 200: json(z.object({ clientId: z.uuid() }).openapi('EmailVerified', { example: { clientId: '0e8f5a8e-3c1b-4f57-9a0d-2b9d7c6f1a22' } }), 'Confirmed'), ...errorResponses },
});
const resend = defineRoute(['client'], {
  method: 'post', path: '/api/register/verification-email', operationId: 'resendVerificationEmail', tags, summary: 'Send a new confirmation link (the earlier ones stop working)',
  // a client whose address is already confirmed gets a 409 problem
  responses: { 202: json(CheckEmail, 'Sent'), 409: { ...errorResponses[404], description: 'The email address is already confirmed' }, ...errorResponses },
});
const accept = defineRoute('public', {
  method: 'post', path: '/api/invitations/accept', operationId: 'acceptInvitation', tags, summary: 'Accept a staff invitation and set a password',
  request: { body: jsonBody(acceptInvitationInput.openapi('InvitationAcceptance')) },
  responses: { 201: json(z.object({ userId: z.string(), role: z.string(), email: z.string() }).openapi('InvitationAccepted', { example: { userId: '6f1d2c3b-4a5e-4f70-8b91-a2c3d4e5f607', role: 'provider', email: 'ana.reyes@glowmedspa.example' } }), 'Accepted; now sign in'), ...errorResponses },
});

export function accountRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(me, async (c) => {
    if (!c.get('principal')) {
      // signed in but with no membership anywhere is a refusal, not a visitor
      if (c.get('membershipMissing')) throw forbidden('your account has no access to a MedSpa', 'no_membership');
      return c.json({ signedIn: false as const, reason: c.get('sessionEnded') }, 200);
    }
    const ctx = ctxOf(c);
    const org = await getOrganization(ctx);
    const p = ctx.principal;
    return c.json(
      {
        user: { id: p.userId, name: p.name, email: p.email, twoFactorEnabled: p.twoFactorEnabled, emailVerified: p.emailVerified },
        organization: { id: org.id, slug: org.slug, name: org.name },
        role: p.role,
        clientId: p.clientId,
        twoFactorRequired: p.twoFactorEnabled && p.twoFactorMandatory,
        twoFactorSetupRequired: p.twoFactorSetupRequired,
      },
      200,
    );
  });
  app.openapi(orgs, async (c) => {
    return c.json({ items: await listPublicOrganizations(c.get('deps').db) }, 200);
  });
  app.use('/api/register', registrationLimiter);
  app.openapi(register, async (c) => {
    const d = c.get('deps');
    const r = await registerClient({ db: d.db, identity: d.identity, secrets: d.secrets, publicUrl: d.publicUrl, now: d.now, meta: metaOf(c) }, c.req.valid('json'));
    return c.json({ status: 'check_email' as const, email: r.email }, 202);
  });
  app.openapi(verify, async (c) => {
    const d = c.get('deps');
    return c.json(await verifyClientEmail({ db: d.db, now: d.now, meta: metaOf(c) }, c.req.valid('json')), 200);
  });
  app.openapi(resend, async (c) => {
    const d = c.get('deps');
    const r = await resendVerification({ db: d.db, secrets: d.secrets, publicUrl: d.publicUrl, now: d.now, meta: metaOf(c) }, ctxOf(c).principal);
    return c.json({ status: 'check_email' as const, email: r.email }, 202);
  });
  app.openapi(accept, async (c) => {
    const d = c.get('deps');
    const r = await acceptInvitation({ db: d.db, identity: d.identity, now: d.now, meta: metaOf(c) }, c.req.valid('json'));
    return c.json({ userId: r.userId, role: r.role, email: r.email }, 201);
  });
}

