// One price from quote to invoice (issue 12, item 2; docs/money.md): a treatment booked for a plan
// carries the price line the plan was quoted from, and the deposit and the visit's invoice are priced
// from that line. The booked service must be the quoted one (services.code = the quote's serviceCode)
// at the location that quoted it; otherwise the client would be quoted one price and charged another.
import type { Db } from '../../db/connect.js';
import { findPlan } from '../../db/repositories/plans.repository.js';
import type { Quote } from '../../domain/pricing/quote.js';
import { AppError } from '../errors.js';

/**
 * The price line a booking for `planId` carries, or null (no plan, a consultation, a plan without a
 * quote, or a quote made before quotes named their line: such visits are priced on their date).
 * A different service or location is refused; staff overriding the rules may book it, and the visit
 * is then priced on its date like any booking without a plan.
 */
export async function planPriceLine(
  trx: Db,
  organizationId: string,
  args: { planId: string | null; clientId: string; locationId: string; service: { code: string; kind: string }; override: boolean },
): Promise<string | null> {
  if (!args.planId || args.service.kind !== 'treatment') return null;
  const plan = await findPlan(trx, organizationId, args.planId);
  if (!plan || plan.client_id !== args.clientId) throw new AppError('validation', 'no such plan for this client', [{ path: 'planId', message: 'not found' }]);
  const quote = plan.quote as Quote | null;
  if (!quote?.priceLineId) return null;
  const sameService = quote.serviceCode === args.service.code;
  const sameLocation = plan.location_id === args.locationId;
  if (sameService && sameLocation) return quote.priceLineId;
  if (args.override) return null;
  const why = !sameService ? `the plan is quoted for ${quote.serviceName}; book that service` : 'the plan was quoted at another location; book it there or ask the clinic';
  throw new AppError('conflict', why, [{ path: sameService ? 'locationId' : 'serviceId', message: why }], { rule: 'plan_price' });
}
