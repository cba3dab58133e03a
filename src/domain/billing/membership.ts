// The arithmetic of memberships (docs/memberships.md): periods, member prices and which credits a
// period grants. Pure: dates are ISO strings in the location's time zone, money integer cents.
import { Temporal } from 'temporal-polyfill';
import { mulDivRound } from './invoice.js';

export type Period = 'month' | 'year';
export interface MemberPriceRule { serviceCode: string; priceCents: number }
export interface CreditRule { serviceCode: string; count: number; everyPeriods: number; validDays: number; label: string }
export interface PlanTerms { period: Period; percentOffBp: number; memberPrices: readonly MemberPriceRule[]; credits: readonly CreditRule[] }

/** The date `n` periods after `date` (31 January plus a month is the last day of February). */
export const addPeriods = (date: string, period: Period, n: number): string =>
  Temporal.PlainDate.from(date).add(period === 'month' ? { months: n } : { years: n }).toString();

export const addDays = (date: string, days: number): string => Temporal.PlainDate.from(date).add({ days }).toString();

export const daysBetween = (from: string, to: string): number => Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: 'days' }).days;

/**
 * What a member pays for a service or product priced `baseCents`: the plan's own price for the
 * service if it names one (never above the base: a member never pays more), else the percent off.
 */
export function memberPrice(plan: Pick<PlanTerms, 'percentOffBp' | 'memberPrices'>, serviceCode: string | null, baseCents: number): number {
  const own = serviceCode ? plan.memberPrices.find((p) => p.serviceCode === serviceCode) : undefined;
  if (own) return Math.min(own.priceCents, baseCents);
  return baseCents - mulDivRound(baseCents, plan.percentOffBp, 10_000);
}

/** The credits the period with this index grants (0 is the first period): each rule every n periods. */
export function creditsForPeriod(credits: readonly CreditRule[], periodIndex: number): { serviceCode: string; label: string; validDays: number }[] {
  return credits.filter((c) => periodIndex % Math.max(1, c.everyPeriods) === 0).flatMap((c) => Array.from({ length: c.count }, () => ({ serviceCode: c.serviceCode, label: c.label, validDays: c.validDays })));
}

/** A plan's offer in one line: "$99.00 a month; 1 x Pen microneedling every 3 months; 10% off other services and products." */
export function planSummary(plan: PlanTerms & { feeCents: number; signupFeeCents: number; minTermPeriods: number }, fmt: (cents: number) => string, serviceName: (code: string) => string): string {
  const parts = [`${fmt(plan.feeCents)} a ${plan.period}`];
  for (const c of plan.credits) parts.push(`${c.count} x ${serviceName(c.serviceCode)} ${c.everyPeriods === 1 ? `every ${plan.period}` : `every ${c.everyPeriods} ${plan.period}s`}`);
  for (const p of plan.memberPrices) parts.push(`${serviceName(p.serviceCode)} at ${fmt(p.priceCents)}`);
  if (plan.percentOffBp > 0) parts.push(`${plan.percentOffBp / 100}% off ${plan.memberPrices.length ? 'other ' : ''}services and products`);
  if (plan.signupFeeCents > 0) parts.push(`sign-up fee ${fmt(plan.signupFeeCents)}`);
  if (plan.minTermPeriods > 0) parts.push(`minimum ${plan.minTermPeriods} ${plan.period}${plan.minTermPeriods === 1 ? '' : 's'}`);
  return `${parts.join('; ')}.`;
}
