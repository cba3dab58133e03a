import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { insertLocation, listLocations } from '../../db/repositories/organizations.repository.js';
import { invalid } from '../errors.js';
import { locationView, type LocationInput } from './location.schema.js';

/**
 * The owner opens another location. It starts with no hours, rooms, devices or prices: the set-up
 * checklist and the Scheduling, Prices and Billing settings take it from there.
 */
export async function addLocation(ctx: Ctx, input: LocationInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await listLocations(trx, ctx.principal.organizationId);
    if (existing.some((l) => l.name.toLowerCase() === input.name.toLowerCase())) throw invalid('name', `The clinic already has a location named ${input.name}; choose another name`);
    const row = await insertLocation(trx, { organization_id: ctx.principal.organizationId, name: input.name, address: input.address, phone: input.phone, time_zone: input.timeZone, state: input.state });
    await recordAudit(trx, ctx, { action: 'location.created', entityType: 'location', entityId: row.id, details: { name: input.name, timeZone: input.timeZone, state: input.state } });
    return locationView(row);
  });
}
