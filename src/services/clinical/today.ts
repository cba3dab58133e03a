import { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/connect.js';
import { listLocations } from '../../db/repositories/organizations.repository.js';
import type { Ctx } from '../context.js';

/** Today's date in the organization's first location's time zone (UTC if it has none). */
export async function todayIn(trx: Db, ctx: Ctx, locationId?: string): Promise<string> {
  const locations = await listLocations(trx, ctx.principal.organizationId);
  const loc = locations.find((l) => l.id === locationId) ?? locations[0];
  return Temporal.Instant.fromEpochMilliseconds(ctx.now().getTime()).toZonedDateTimeISO(loc?.time_zone ?? 'UTC').toPlainDate().toString();
}
