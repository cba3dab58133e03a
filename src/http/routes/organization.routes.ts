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
import { locationInput } from '../../services/organization/location.schema.js';
import { addLocation } from '../../services/organization/add-location.js';
import { updateLocation } from '../../services/organization/update-location.js';

const tags = ['Organization'];

const EXAMPLE_LOCATION = {
  id: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d', name: 'Downtown', timeZone: 'America/Chicago', state: 'TX',
  address: '1200 Main St, Suite 210, Austin, TX 78701', phone: '+15125550170',
};
const EXAMPLE_STAFF = {
  userId: '6f1d2c3b-4a5e-4f70-8b91-a2c3d4e5f607', name: 'Ana Reyes, RN', email: 'ana.reyes@glowmedspa.example', role: 'provider', title: 'Aesthetic Nurse',
  licenceType: 'rn', licenceNumber: 'RN123456', licenceState: 'TX', licenceExpiresOn: '2027-08-31', twoFactorEnabled: true, active: true,
};
const EXAMPLE_INVITATION = {
  id: '2c4e6a8b-0d1f-4a3c-9e5b-7d9f1b3d5f70', email: 'jordan.blake@glowmedspa.example', role: 'front_desk',
  expiresAt: '2026-12-08T15:30:00.000Z', acceptedAt: null, createdAt: '2026-12-01T15:30:00.000Z',
};
const EXAMPLE_OUTBOX = {
  id: '8a9b0c1d-2e3f-4051-8627-38495a6b7c8d', channel: 'email', kind: 'booking.reminder.24h', to: 'maya.chen@example.com',
  subject: 'Reminder: Microneedling, face tomorrow at 10:00', body: 'Glow MedSpa: your appointment is tomorrow at 10:00. Please arrive without makeup.',
  status: 'sent', attempts: 1, lastError: null, createdAt: '2026-12-09T15:00:00.000Z', sentAt: '2026-12-09T15:00:04.000Z',
};

const Location = z.object({ id: z.uuid(), name: z.string(), timeZone: z.string(), state: z.string(), address: z.string(), phone: z.string() }).openapi('Location', { example: EXAMPLE_LOCATION });
const Organization = z
  .object({
    id: z.uuid(), slug: z.string(), name: z.string(), requireStaffTwoFactor: z.boolean(),
    onlineBooking: z.boolean().describe('clients can find the clinic, create an account and book in the portal'), locations: z.array(Location),
  })
  .openapi('Organization', {
    example: { id: 'a3c1e5f7-2b4d-4e6f-8a1c-3e5f7a9b1d2f', slug: 'glow-medspa', name: 'Glow MedSpa', requireStaffTwoFactor: true, onlineBooking: true, locations: [EXAMPLE_LOCATION] },
  });
const RoleSchema = z.enum(['owner', 'medical_director', 'provider', 'front_desk', 'client']);
const LicenceTypeSchema = z.enum(['md', 'do', 'np', 'pa', 'rn', 'lvn', 'esthetician', 'master_esthetician']);

const StaffMember = z
  .object({
    userId: z.string(), name: z.string(), email: z.string(), role: RoleSchema, title: z.string(),
    licenceType: LicenceTypeSchema.nullable(), licenceNumber: z.string().nullable(), licenceState: z.string().nullable(),
    licenceExpiresOn: z.string().nullable(), twoFactorEnabled: z.boolean(), active: z.boolean(),
  })
  .openapi('StaffMember', { example: EXAMPLE_STAFF });
const Invitation = z
  .object({ id: z.uuid(), email: z.string(), role: RoleSchema, expiresAt: z.string(), acceptedAt: z.string().nullable(), createdAt: z.string() })
  .openapi('Invitation', { example: EXAMPLE_INVITATION });
const OutboxMessage = z
  .object({
    id: z.uuid(), channel: z.string(), kind: z.string(), to: z.string(), subject: z.string(), body: z.string(), status: z.enum(['pending', 'sent', 'failed', 'held', 'cancelled']),
    attempts: z.number().int(), lastError: z.string().nullable(), createdAt: z.string(), sentAt: z.string().nullable(),
  })
  .openapi('OutboxMessage', { example: EXAMPLE_OUTBOX });

const org = defineRoute('signed_in', {
  method: 'get', path: '/api/organization', operationId: 'getOrganization', tags, summary: 'Your organization and its locations',
  responses: { 200: json(Organization, 'Organization'), ...errorResponses },
});
const staff = defineRoute(['owner', 'medical_director'], {
  method: 'get', path: '/api/staff', operationId: 'listStaff', tags, summary: 'Staff with roles and licences',
  responses: { 200: json(z.object({ items: z.array(StaffMember) }).openapi('StaffList', { example: { items: [EXAMPLE_STAFF] } }), 'Staff'), ...errorResponses },
});
const TwoFactorPolicy = twoFactorPolicyInput.openapi('TwoFactorPolicy', { example: { requireForAllStaff: true } });
const twoFactorPolicy = defineRoute(['owner'], {
  method: 'put', path: '/api/organization/two-factor', operationId: 'setTwoFactorPolicy', tags, summary: 'Require two-step sign-in of every staff member (owners and medical directors always need it)',
  request: { body: jsonBody(TwoFactorPolicy) },
  responses: { 200: json(TwoFactorPolicy, 'Saved'), ...errorResponses },
});
// the owner manages staff names and titles; better-auth's own update-user is closed (adapters/auth)
const rename = defineRoute(['owner'], {
  method: 'put', path: '/api/staff/{userId}/name', operationId: 'renameStaffMember', tags, summary: "A staff member's name and title as clients and colleagues see it (audited)",
  request: { params: z.object({ userId: z.string().min(1).max(64) }), body: jsonBody(renameStaffInput.openapi('StaffName')) },
  responses: { 200: json(z.object({ userId: z.string(), name: z.string() }).openapi('StaffRenamed', { example: { userId: '6f1d2c3b-4a5e-4f70-8b91-a2c3d4e5f607', name: 'Ana Reyes, RN' } }), 'Renamed'), ...errorResponses },
});
const invitations = defineRoute(['owner'], {
  method: 'get', path: '/api/invitations', operationId: 'listInvitations', tags, summary: 'Staff invitations',
  responses: { 200: json(z.object({ items: z.array(Invitation) }).openapi('InvitationList', { example: { items: [EXAMPLE_INVITATION] } }), 'Invitations'), ...errorResponses },
});
const invite = defineRoute(['owner'], {
  method: 'post', path: '/api/invitations', operationId: 'createInvitation', tags, summary: 'Invite a staff member by email',
  request: { body: jsonBody(inviteStaffInput.openapi('NewInvitation')) },
  responses: { 201: json(
        Invitation.pick({ id: true, email: true, role: true, expiresAt: true }).openapi('InvitationCreated', {
          example: { id: EXAMPLE_INVITATION.id, email: EXAMPLE_INVITATION.email, role: EXAMPLE_INVITATION.role, expiresAt: EXAMPLE_INVITATION.expiresAt },
        }),
        'Invited',
      ), ...errorResponses },
});
const outbox = defineRoute(['owner', 'front_desk'], {
  method: 'get', path: '/api/outbox', operationId: 'listOutboxMessages', tags, summary: 'Messages in the outbox (kept here when delivery is not configured)',
  responses: { 200: json(z.object({ items: z.array(OutboxMessage) }).openapi('OutboxMessageList', { example: { items: [EXAMPLE_OUTBOX] } }), 'Messages, newest first'), ...errorResponses },
});

const LocationBody = locationInput.openapi('LocationInput', {
  example: { name: EXAMPLE_LOCATION.name, address: EXAMPLE_LOCATION.address, phone: EXAMPLE_LOCATION.phone, timeZone: EXAMPLE_LOCATION.timeZone, state: EXAMPLE_LOCATION.state },
});
const addLocationRoute = defineRoute(['owner'], {
  method: 'post', path: '/api/locations', operationId: 'addLocation', tags, summary: 'Open another location (name, address, phone, time zone and US state; audited)',
  request: { body: jsonBody(LocationBody) },
  responses: { 201: json(Location, 'Added'), ...errorResponses },
});
const updateLocationRoute = defineRoute(['owner'], {
  method: 'put', path: '/api/locations/{locationId}', operationId: 'updateLocation', tags,
  summary: "Correct a location's name, address, phone, time zone or state (bookings keep their moment; hours are read in the new zone; audited)",
  request: { params: z.object({ locationId: z.uuid() }), body: jsonBody(LocationBody) },
  responses: { 200: json(Location, 'Saved'), ...errorResponses },
});

export function organizationRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(addLocationRoute, async (c) => c.json(await addLocation(ctxOf(c), c.req.valid('json')), 201));
  app.openapi(updateLocationRoute, async (c) => c.json(await updateLocation(ctxOf(c), c.req.valid('param').locationId, c.req.valid('json')), 200));
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
