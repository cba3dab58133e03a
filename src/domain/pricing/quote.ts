// A quote for a treatment series: the per-session price from the location's price list, the
// series total, and each package that covers the service with its saving. Every figure a client
// pays is a line they can read.
import { add, money, sub, times, zero, type Money } from './money.js';

export interface PriceEntry {
  /** the price list line (price_list_items.id); lines are never edited, a change is a new line */
  id?: string;
  serviceCode: string;
  name: string;
  price: Money;
  effectiveFrom: string;
}

export interface PackageOffer {
  id: string;
  name: string;
  serviceCode: string;
  sessions: number;
  price: Money;
  validDays: number;
}

export interface QuoteLine {
  label: string;
  quantity: number;
  unit: Money;
  total: Money;
}

export interface PackageOption {
  packageId: string;
  name: string;
  sessions: number;
  price: Money;
  /** sessions of the plan not covered by the package, priced per session */
  extraSessions: number;
  total: Money;
  saving: Money;
  validDays: number;
}

export interface Quote {
  serviceCode: string;
  serviceName: string;
  sessions: number;
  perSession: Money;
  lines: QuoteLine[];
  total: Money;
  packages: PackageOption[];
  priceEffectiveFrom: string;
  /**
   * The one price line the quote is built on. A booking for the plan carries it, and its deposit
   * and invoice use it, so the quote and what the series is invoiced are the same price.
   * Absent on quotes made before the link existed.
   */
  priceLineId?: string | null;
}

/** The price in force on a date: the latest entry whose effective date is on or before it. */
export function priceOn(entries: PriceEntry[], serviceCode: string, date: string): PriceEntry | null {
  let best: PriceEntry | null = null;
  for (const e of entries) {
    if (e.serviceCode !== serviceCode || e.effectiveFrom > date) continue;
    if (!best || e.effectiveFrom > best.effectiveFrom) best = e;
  }
  return best;
}

export function buildQuote(input: { price: PriceEntry; sessions: number; packages: PackageOffer[] }): Quote {
  const { price, sessions } = input;
  const total = times(price.price, sessions);
  const options = input.packages
    .filter((p) => p.serviceCode === price.serviceCode && p.price.currency === price.price.currency)
    .map((p): PackageOption => {
      // a package larger than the plan still costs its price; a smaller one is topped up per session
      const extra = Math.max(0, sessions - p.sessions);
      const optionTotal = add(p.price, times(price.price, extra));
      return {
        packageId: p.id,
        name: p.name,
        sessions: p.sessions,
        price: p.price,
        extraSessions: extra,
        total: optionTotal,
        saving: sub(total, optionTotal),
        validDays: p.validDays,
      };
    })
    .sort((a, b) => a.total.cents - b.total.cents || a.sessions - b.sessions);
  return {
    serviceCode: price.serviceCode,
    serviceName: price.name,
    sessions,
    perSession: price.price,
    lines: [{ label: `${price.name} (per session)`, quantity: sessions, unit: price.price, total }],
    total: sessions > 0 ? total : zero(price.price.currency),
    packages: options,
    priceEffectiveFrom: price.effectiveFrom,
    priceLineId: price.id ?? null,
  };
}

export { money };
