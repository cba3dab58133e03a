// Every route declares who may call it. The declaration is kept in a registry that the role-matrix
// test walks, so a route without a matrix row fails the build.
import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Role } from '../db/schema.js';
import type { AppEnv } from './app-env.js';
import { problem } from './problem.js';
import { checkResponse } from './check-response.js';

export type Access = 'public' | 'signed_in' | readonly Role[];

export interface RouteEntry {
  method: string;
  /** OpenAPI style path, e.g. /api/clients/{clientId} */
  path: string;
  access: Access;
}

export const routeRegistry: RouteEntry[] = [];

/** The reason code of a refusal by the route's declared roles (business refusals carry their own). */
export const ROLE_REFUSAL = 'role_not_allowed';

/** The reason code when a client has not confirmed their email yet. */
export const EMAIL_UNVERIFIED = 'email_unverified';
/** The reason code when the caller must set up two-step sign-in before anything else. */
export const TWO_FACTOR_SETUP = 'two_factor_setup_required';
/** What a client or a new clinic's owner may call before confirming their email: who they are, and a new link. */
const OPEN_BEFORE_VERIFICATION = new Set(['/api/me', '/api/register/verification-email', '/api/clinic-sign-up/verification-email']);
/**
 * Roles whose email must be proven before anything is shown: clients (registration) and owners (a
 * clinic signed up from the public page). Other staff join by an invitation that reached their
 * mailbox, which marks it proven.
 */
const PROVE_EMAIL_FIRST = new Set<Role>(['client', 'owner']);

export function registerEntry(entry: RouteEntry) {
  if (!routeRegistry.some((r) => r.method === entry.method && r.path === entry.path)) routeRegistry.push(entry);
}

export function requireAccess(access: Access): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (access === 'public') return next();
    const principal = c.get('principal');
    if (!principal) {
      // signed in but with no membership anywhere is a refusal, not a request to sign in
      return c.get('membershipMissing')
        ? problem(c, { status: 403, detail: 'your account has no access to a MedSpa' })
        : problem(c, { status: 401, detail: c.get('sessionEnded') ?? 'sign in to continue' });
    }
    if (access !== 'signed_in' && !access.includes(principal.role)) {
      return problem(c, { status: 403, detail: 'your role may not do this', code: ROLE_REFUSAL, extra: { reason: ROLE_REFUSAL } });
    }
    // a client sees nothing of a record, and a new clinic's owner nothing of the console, until
    // they prove the email address is theirs; then an owner sets up two-step sign-in
    if (PROVE_EMAIL_FIRST.has(principal.role) && !principal.emailVerified) {
      if (OPEN_BEFORE_VERIFICATION.has(c.req.path)) return next();
      return problem(c, {
        status: 403,
        detail: `Confirm your email address first: open the link we sent to ${principal.email}.`,
        code: EMAIL_UNVERIFIED,
        extra: { reason: EMAIL_UNVERIFIED },
      });
    }
    // an owner or a medical director (or any staff where the clinic says so) sets up two-step
    // sign-in first; the enrolment itself is better-auth's (/api/auth/two-factor/*)
    if (principal.twoFactorSetupRequired && c.req.path !== '/api/me') {
      return problem(c, {
        status: 403,
        detail: 'Set up two-step sign-in to continue: your role requires it (Settings > Security).',
        code: TWO_FACTOR_SETUP,
        extra: { reason: TWO_FACTOR_SETUP },
      });
    }
    return next();
  };
}

const describeAccess = (a: Access) =>
  a === 'public' ? 'Access: anyone.' : a === 'signed_in' ? 'Access: any signed-in user.' : `Access: ${a.join(', ')}.`;

const operationIds = new Set<string>();

/**
 * createRoute plus an access rule, enforced before validation and recorded in the registry. The
 * operationId names the call in generated clients, so it is required, unique and never renamed.
 */
export function defineRoute<R extends Omit<RouteConfig, 'middleware'> & { operationId: string }>(access: Access, config: R) {
  registerEntry({ method: config.method.toUpperCase(), path: config.path, access });
  if (config.operationId && operationIds.has(config.operationId)) throw new Error(`operationId ${config.operationId} is used twice`);
  operationIds.add(config.operationId);
  const description = [config.description, describeAccess(access)].filter(Boolean).join('\n\n');
  return createRoute({
    ...config,
    description,
    middleware: [requireAccess(access), checkResponse(config.method, config.path, config.responses)] as const,
    // a public call says so explicitly: tools otherwise assume the document's default
    security: access === 'public' ? [] : [{ cookieAuth: [] }],
  });
}
