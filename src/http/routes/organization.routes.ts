import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../route.js';
import { ctxOf } from '../context.js';
import { errorResponses, json, jsonBody } from '../schemas/common.schema.js';
import { getOrganization } from '../../services/organization/get-organization.js';
import { listStaff } from '../../services/organization/list-staff.js';
import { listInvitations } from '../../services/organization/list-invitations.js';
import { listOutbox } from '../../services/organization/list-outbox.js';
import { recordAudit } from '../../services/audit/record-audit-event.js';
import { inviteStaff, inviteStaffInput } from '../../services/auth/invite-staff.js';
import { renameStaff, renameStaffInput } from '../../services/organization/rename-staff.js';
import { setTwoFactorPolicy, twoFactorPolicyInput } from '../../services/organization/set-two-factor-policy.js';

const tags = ['Organization'];

const Location = z.object({ id: z.uuid(), name: z.string(), timeZone: z.string(), state: z.string(), address: z.string(), phone: z.string() }).openapi('Location');
const Organization = z.object({ id: z.uuid(), slug: z.string(), name: z.string(), requireStaffTwoFactor: z.boolean(), locations: z.array(Location) }).openapi('Organization');
const StaffMember = z
  .object({
    userId: z.string(), name: z.string(), email: z.string(), role: z.string(), title: z.string(),
    licenceType: z.string().nullable(), licenceNumber: z.string().nullable(), licenceState: z.string().nullable(),
    licenceExpiresOn: z.string().nullable(), twoFactorEnabled: z.boolean(), active: z.boolean(),
  })
  .openapi('StaffMember');
const Invitation = z
  .object({ id: z.uuid(), email: z.string(), role: z.string(), expiresAt: z.string(), acceptedAt: z.string().nullable(), createdAt: z.string() })
  .openapi('Invitation');
const OutboxMessage = z
  .object({
    id: z.uuid(), channel: z.string(), kind: z.string(), to: z.string(), subject: z.string(), body: z.string(), status: z.string(),
    attempts: z.number().int(), lastError: z.string().nullable(), createdAt: z.string(), sentAt: z.string().nullable(),
  })
  .openapi('OutboxMessage');

const org = defineRoute('signed_in', {
  method: 'get', path: '/api/organization', tags, summary: 'Your organization and its locations',
  responses: { 200: json(Organization, 'Organization'), ...errorResponses },
});
const staff = defineRoute(['owner', 'medical_director'], {
  method: 'get', path: '/api/staff', tags, summary: 'Staff with roles and licences',
  responses: { 200: json(z.object({ items: z.array(StaffMember) }), 'Staff'), ...errorResponses },
});
const twoFactorPolicy = defineRoute(['owner'], {
  method: 'put', path: '/api/organization/two-factor', tags, summary: 'Require two-step sign-in of every staff member (owners and medical directors always need it)',
  request: { body: jsonBody(twoFactorPolicyInput.openapi('TwoFactorPolicy')) },
  responses: { 200: json(twoFactorPolicyInput.openapi('TwoFactorPolicy'), 'Saved'), ...errorResponses },
});
// the owner manages staff names and titles; better-auth's own update-user is closed (adapters/auth)
const rename = defineRoute(['owner'], {
  method: 'put', path: '/api/staff/{userId}/name', tags, summary: "A staff member's name and title as clients and colleagues see it (audited)",
  request: { params: z.object({ userId: z.string().min(1).max(64) }), body: jsonBody(renameStaffInput.openapi('StaffName')) },
  responses: { 200: json(z.object({ userId: z.string(), name: z.string() }).openapi('StaffRenamed'), 'Renamed'), ...errorResponses },
});
const invitations = defineRoute(['owner'], {
  method: 'get', path: '/api/invitations', tags, summary: 'Staff invitations',
  responses: { 200: json(z.object({ items: z.array(Invitation) }), 'Invitations'), ...errorResponses },
});
const invite = defineRoute(['owner'], {
  method: 'post', path: '/api/invitations', tags, summary: 'Invite a staff member by email',
  request: { body: jsonBody(inviteStaffInput.openapi('NewInvitation')) },
  responses: { 201: json(Invitation.pick({ id: true, email: true, role: true, expiresAt: true }), 'Invited'), ...errorResponses },
});
const outbox = defineRoute(['owner', 'front_desk'], {
  method: 'get', path: '/api/outbox', tags, summary: 'Messages in the outbox (kept here when delivery is not configured)',
  responses: { 200: json(z.object({ items: z.array(OutboxMessage) }), 'Messages, newest first'), ...errorResponses },
});

export function organizationRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(org, async (c) => c.json(await getOrganization(ctxOf(c)), 200));
  app.openapi(staff, async (c) => c.json({ items: await listStaff(ctxOf(c)) }, 200));
  app.openapi(twoFactorPolicy, async (c) => c.json(await setTwoFactorPolicy(ctxOf(c), c.req.valid('json')), 200));
  app.openapi(rename, async (c) => c.json(await renameStaff(ctxOf(c), c.req.valid('param').userId, c.req.valid('json')), 200));
  app.openapi(invitations, async (c) => c.json({ items: await listInvitations(ctxOf(c)) }, 200));
  app.openapi(invite, async (c) => c.json(await inviteStaff(ctxOf(c), c.req.valid('json'), c.get('deps')), 201));
  app.openapi(outbox, async (c) => {
    const ctx = ctxOf(c);
    const items = await listOutbox(ctx);
    // reading the outbox (addresses, message kinds) is audited
    await ctx.db.transaction().execute((trx) => recordAudit(trx, ctx, { action: 'outbox.list', entityType: 'outbox_message', details: { count: items.length } }));
    return c.json({ items }, 200);
  });
}
