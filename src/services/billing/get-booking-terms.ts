import { z } from 'zod';
import { findService } from '../../db/repositories/scheduling.repository.js';
import { isoDate } from '../../domain/shared/input.js';
import type { Ctx } from '../context.js';
import { loadClient } from '../clients/load-client.js';
import { loadLocation } from '../organization/load-location.js';
import { todayIn } from '../clinical/today.js';
import { invalid } from '../errors.js';
import { planPriceLine } from '../scheduling/plan-price.js';
import { bookingTerms } from './booking-terms.js';

export const bookingTermsQuery = z.object({
  serviceId: z.uuid(),
  clientId: z.uuid().optional(),
  date: isoDate().optional(),
  planId: z.uuid().optional().describe("The plan being booked: its quoted price line prices the visit and its deposit when the service and location are the quoted ones"),
});

/** Price, package cover, deposit and policy for a visit, before it is booked. */
export async function getBookingTerms(ctx: Ctx, locationId: string, q: z.infer<typeof bookingTermsQuery>, online = false) {
  const org = ctx.principal.organizationId;
  const loc = await loadLocation(ctx.db, org, locationId);
  const clientId = q.clientId ?? (ctx.principal.role === 'client' ? ctx.principal.clientId : undefined);
  const client = clientId ? await loadClient(ctx.db, ctx, clientId) : null;
  const service = await findService(ctx.db, org, q.serviceId);
  if (!service) throw invalid('serviceId', 'no such service');
  // the same rule as booking for the plan (scheduling/plan-price.ts), without refusing: a service
  // other than the quoted one shows its own price of the day
  const priceLineId = q.planId && client ? await planPriceLine(ctx.db, org, { planId: q.planId, clientId: client.id, locationId: loc.id, service, override: true }) : null;
  return bookingTerms(ctx.db, org, { locationId: loc.id, serviceId: service.id, clientId: client?.id ?? null, date: q.date ?? (await todayIn(ctx.db, ctx, loc.id)), priceLineId, online });
}
