import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { listLocations } from '../../db/repositories/organizations.repository.js';
import { invalid, notFound } from '../errors.js';
import { locationView, type LocationInput } from './location.schema.js';

/**
 * The owner corrects a location's name, address, phone, time zone or state. Bookings are instants
 * and keep their moment; opening hours are local times and are read in the new zone from now on.
 * The audit event names the fields that changed and their old and new values (no personal data).
 */
export async function updateLocation(ctx: Ctx, locationId: string, input: LocationInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const all = await listLocations(trx, ctx.principal.organizationId);
    const before = all.find((l) => l.id === locationId);
    if (!before) throw notFound('location');
    if (all.some((l) => l.id !== locationId && l.name.toLowerCase() === input.name.toLowerCase())) throw invalid('name', `The clinic already has a location named ${input.name}; choose another name`);
    const after = { name: input.name, address: input.address, phone: input.phone, time_zone: input.timeZone, state: input.state };
    const changed = Object.fromEntries(
      (Object.keys(after) as (keyof typeof after)[]).filter((k) => before[k] !== after[k]).map((k) => [k, { from: before[k], to: after[k] }]),
    );
    const row = await trx
      .updateTable('locations')
      .set(after)
      .where('organization_id', '=', ctx.principal.organizationId)
      .where('id', '=', locationId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'location.updated', entityType: 'location', entityId: locationId, details: { changed } });
    return locationView(row);
  });
}
