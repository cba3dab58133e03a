import type { Db } from '../../db/connect.js';
import { buildQuote, priceOn, type Quote } from '../../domain/pricing/quote.js';
import { serviceCodesFor } from '../../domain/plans/service-code.js';
import type { TreatmentPlan } from '../../domain/plans/recommend.js';
import { priceBook } from '../pricing/price-list.js';

/**
 * Prices a plan from the location's price list on the plan's start date: the first service code
 * for the modality and areas that the location prices. The quote is stored with the plan, so a
 * later price change never alters it.
 */
export async function pricePlan(db: Db, organizationId: string, locationId: string, plan: TreatmentPlan): Promise<Quote | null> {
  const book = await priceBook(db, organizationId, locationId);
  for (const code of serviceCodesFor(plan.modality, plan.areas.map((a) => a.area), plan.concerns)) {
    const price = priceOn(book.prices, code, plan.startDate);
    if (price) return buildQuote({ price, sessions: plan.sessions, packages: book.packages });
  }
  return null;
}
