import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../route.js';
import { ctxOf, metaOf } from '../context.js';
import { errorResponses, json, jsonBody } from '../schemas/common.schema.js';
import { registerClient, registerClientInput } from '../../services/auth/register-client.js';
import { acceptInvitation, acceptInvitationInput } from '../../services/auth/accept-invitation.js';
import { getOrganization } from '../../services/organization/get-organization.js';
import { listPublicOrganizations } from '../../services/organization/list-public-organizations.js';

const tags = ['Account'];
const ROLES_REQUIRING_TOTP = new Set(['owner', 'medical_director']);

const Me = z
  .object({
    user: z.object({ id: z.string(), name: z.string(), email: z.string(), twoFactorEnabled: z.boolean() }),
    organization: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
    role: z.enum(['owner', 'medical_director', 'provider', 'front_desk', 'client']),
    clientId: z.string().nullable(),
    twoFactorRequired: z.boolean(),
  })
  .openapi('Me');

const me = defineRoute('signed_in', {
  method: 'get', path: '/api/me', tags, summary: 'Who am I: user, organization and role',
  responses: { 200: json(Me, 'The signed-in user'), ...errorResponses },
});
const orgs = defineRoute('public', {
  method: 'get', path: '/api/public/organizations', tags, summary: 'MedSpas a client can register with',
  responses: { 200: json(z.object({ items: z.array(z.object({ slug: z.string(), name: z.string() })) }), 'Organizations') },
});
const register = defineRoute('public', {
  method: 'post', path: '/api/register', tags, summary: 'Client self-registration',
  request: { body: jsonBody(registerClientInput.openapi('Registration')) },
  responses: { 201: json(z.object({ userId: z.string(), clientId: z.uuid() }), 'Registered; now sign in'), ...errorResponses },
});
const accept = defineRoute('public', {
  method: 'post', path: '/api/invitations/accept', tags, summary: 'Accept a staff invitation and set a password',
  request: { body: jsonBody(acceptInvitationInput.openapi('InvitationAcceptance')) },
  responses: { 201: json(z.object({ userId: z.string(), role: z.string(), email: z.string() }), 'Accepted; now sign in'), ...errorResponses },
});

export function accountRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(me, async (c) => {
    const ctx = ctxOf(c);
    const org = await getOrganization(ctx);
    const p = ctx.principal;
    return c.json(
      {
        user: { id: p.userId, name: p.name, email: p.email, twoFactorEnabled: p.twoFactorEnabled },
        organization: { id: org.id, slug: org.slug, name: org.name },
        role: p.role,
        clientId: p.clientId,
        twoFactorRequired: p.twoFactorEnabled && ROLES_REQUIRING_TOTP.has(p.role),
      },
      200,
    );
  });
  app.openapi(orgs, async (c) => {
    return c.json({ items: await listPublicOrganizations(c.get('deps').db) }, 200);
  });
  app.openapi(register, async (c) => {
    const d = c.get('deps');
    const r = await registerClient({ db: d.db, identity: d.identity, now: d.now, meta: metaOf(c) }, c.req.valid('json'));
    return c.json({ userId: r.userId, clientId: r.clientId }, 201);
  });
  app.openapi(accept, async (c) => {
    const d = c.get('deps');
    const r = await acceptInvitation({ db: d.db, identity: d.identity, now: d.now, meta: metaOf(c) }, c.req.valid('json'));
    return c.json({ userId: r.userId, role: r.role, email: r.email }, 201);
  });
}

export { ROLES_REQUIRING_TOTP };
