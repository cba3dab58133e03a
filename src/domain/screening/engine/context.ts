// What every rule evaluator sees, and the small helpers they share.
import { Temporal } from 'temporal-polyfill';
import type { ScreeningSettings } from '../../protocols/microneedling/windows.js';
import { AREAS, FACE_AREAS, type Area, type Decision, type Intake, type Plan } from './contract.js';

export interface RuleContext {
  intake: Intake;
  plan: Plan;
  settings: ScreeningSettings;
  planAreas: Area[];
  faceAreas: Area[];
}

export interface Hit {
  ruleId: string;
  outcome: Exclude<Decision, 'eligible'>;
  areas: Area[];
  /** deferred only: first date the rule no longer blocks; null = until resolved */
  until: string | null;
}

export const sortAreas = (areas: Iterable<Area>): Area[] => {
  const set = new Set(areas);
  return AREAS.filter((a) => set.has(a));
};

export function makeContext(intake: Intake, plan: Plan, settings: ScreeningSettings): RuleContext {
  const planAreas = sortAreas(plan.areas);
  return { intake, plan, settings, planAreas, faceAreas: planAreas.filter((a) => FACE_AREAS.includes(a)) };
}

/** Planned areas an item touches: its own areas met with the plan, or all planned areas when it names none. */
export const touched = (ctx: RuleContext, areas: readonly Area[] | undefined): Area[] =>
  areas === undefined ? ctx.planAreas : ctx.planAreas.filter((a) => areas.includes(a));

export type WindowUnit = 'days' | 'weeks' | 'months';

/** Calendar arithmetic: months clamp to the month's end (Aug 31 + 6 months = Feb 28/29). */
export const addWindow = (date: string, amount: number, unit: WindowUnit): string =>
  Temporal.PlainDate.from(date).add({ [unit]: amount }).toString();

/** A dated window blocks only while its end is after the plan date. */
export const blocks = (ctx: RuleContext, until: string) => Temporal.PlainDate.compare(until, ctx.plan.date) > 0;

/** When a medication was last taken: lastDose, or the answer date for a current one without it. */
export const lastTaken = (ctx: RuleContext, m: { current: boolean; lastDose?: string | undefined }) =>
  m.lastDose ?? (m.current ? ctx.intake.answeredOn : undefined);

export function ageOn(dateOfBirth: string, on: string): number {
  return Temporal.PlainDate.from(dateOfBirth).until(Temporal.PlainDate.from(on), { largestUnit: 'years' }).years;
}
