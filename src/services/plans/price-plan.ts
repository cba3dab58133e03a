import type { Db } from '../../db/connect.js';
import { listServices } from '../../db/repositories/scheduling.repository.js';
import { buildQuote, priceOn, type PriceEntry, type Quote } from '../../domain/pricing/quote.js';
import { serviceCodesFor } from '../../domain/plans/service-code.js';
import type { TreatmentPlan } from '../../domain/plans/recommend.js';
import { priceBook } from '../pricing/price-list.js';

/**
 * Prices a plan from the location's price list on the plan's start date: the first service code
 * for the modality and areas that the location prices. The quote is stored with the plan, so a
 * later price change never alters it.
 *
 * One price from quote to invoice (issue 12, item 2): a price line and a bookable service are the
 * same thing when their codes are equal (price_list_items.service_code = services.code). The quote
 * prefers the first candidate the clinic can also book, so the service the client books for the
 * plan is the one quoted; the quote records the line's id (priceLineId), which the booking carries
 * and the deposit and the invoice are priced from. A code priced but not bookable is used only when
 * no candidate is bookable (the quote still informs; booking then needs the desk).
 */
export async function pricePlan(db: Db, organizationId: string, locationId: string, plan: TreatmentPlan): Promise<Quote | null> {
  const book = await priceBook(db, organizationId, locationId);
  const bookable = new Set((await listServices(db, organizationId)).filter((s) => s.active && s.kind === 'treatment').map((s) => s.code));
  let fallback: PriceEntry | null = null;
  for (const code of serviceCodesFor(plan.modality, plan.areas.map((a) => a.area), plan.concerns)) {
    const price = priceOn(book.prices, code, plan.startDate);
    if (!price) continue;
    if (bookable.has(code)) return buildQuote({ price, sessions: plan.sessions, packages: book.packages });
    fallback ??= price;
  }
  return fallback ? buildQuote({ price: fallback, sessions: plan.sessions, packages: book.packages }) : null;
}
