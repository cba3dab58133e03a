import { findOrganization, listLocations } from '../../db/repositories/organizations.repository.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';

export async function getOrganization(ctx: Ctx) {
  const org = await findOrganization(ctx.db, ctx.principal.organizationId);
  if (!org) throw notFound('organization');
  const locations = await listLocations(ctx.db, org.id);
  return {
    id: org.id,
    slug: org.slug,
    name: org.name,
    requireStaffTwoFactor: org.require_staff_two_factor,
    onlineBooking: org.online_booking,
    locations: locations.map((l) => ({ id: l.id, name: l.name, timeZone: l.time_zone, state: l.state, address: l.address, phone: l.phone })),
  };
}
