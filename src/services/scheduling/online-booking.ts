import { findOrganization } from '../../db/repositories/organizations.repository.js';
import type { Ctx } from '../context.js';
import { forbidden } from '../errors.js';

/**
 * A client books in the portal only while the clinic takes online bookings (the owner's switch; a
 * new clinic starts with it off). Staff book at the desk and by phone either way.
 */
export async function assertOnlineBookingOpen(ctx: Ctx) {
  if (ctx.principal.role !== 'client') return;
  const org = await findOrganization(ctx.db, ctx.principal.organizationId);
  if (!org?.online_booking) throw forbidden(`${org?.name ?? 'The clinic'} is not taking online bookings at the moment. Call the clinic to book.`, 'online_booking_off');
}
