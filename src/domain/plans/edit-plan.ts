// A provider's changes to a recommended plan, checked against the protocol: within caps they apply;
// outside caps they need the medical director; some things are never allowed (refused).
import { Temporal } from 'temporal-polyfill';
import type { Area } from '../screening/engine/contract.js';
import { INTERVAL_FLOOR_DAYS, MIN_ASSESS_AFTER_DAYS, sessionProtocolFor } from '../protocols/microneedling/sessions.js';
import { checkDepth } from './depth-check.js';
import type { TreatmentPlan } from './recommend.js';

export interface PlanEdit {
  sessions?: number | undefined;
  intervalDays?: { min: number; max: number } | undefined;
  depths?: { area: Area; depthMm: number }[] | undefined;
  numbing?: boolean | undefined;
  note?: string | undefined;
}

export interface PlanIssue {
  path: string;
  ruleId: string;
  message: string;
}

export interface EditOutcome {
  plan: TreatmentPlan;
  /** changes that need the medical director's approval */
  outsideCaps: PlanIssue[];
  /** changes that are never allowed */
  refused: PlanIssue[];
}

export function editPlan(plan: TreatmentPlan, edit: PlanEdit): EditOutcome {
  const outsideCaps: PlanIssue[] = [];
  const refused: PlanIssue[] = [];
  const next: TreatmentPlan = { ...plan, areas: plan.areas.map((a) => ({ ...a })), intervalDays: { ...plan.intervalDays } };

  for (const [i, d] of (edit.depths ?? []).entries()) {
    const target = next.areas.find((a) => a.area === d.area);
    if (!target) {
      refused.push({ path: `depths.${i}.area`, ruleId: 'PLAN', message: `${d.area} is not in this plan` });
      continue;
    }
    target.depthMm = d.depthMm;
    target.check = checkDepth(d.area, d.depthMm, plan.indication, plan.modality);
  }
  for (const [i, a] of next.areas.entries()) {
    if (a.check.status === 'refused') refused.push({ path: `depths.${i}.depthMm`, ruleId: a.check.ruleIds.join(', '), message: a.check.messages.join('; ') });
    if (a.check.status === 'needs_director') outsideCaps.push({ path: `depths.${i}.depthMm`, ruleId: 'DEPTH-1', message: a.check.messages.join('; ') });
  }

  if (edit.sessions !== undefined) next.sessions = edit.sessions;
  const protocolMax = Math.max(...plan.concerns.map((c) => sessionProtocolFor(c).sessions.max));
  if (next.sessions > protocolMax) outsideCaps.push({ path: 'sessions', ruleId: 'SES', message: `more than ${protocolMax} sessions is beyond the protocol for these concerns` });

  if (edit.intervalDays) next.intervalDays = { ...edit.intervalDays };
  const protocolMin = Math.max(...plan.concerns.map((c) => sessionProtocolFor(c).intervalDays.min));
  if (next.intervalDays.max < next.intervalDays.min) refused.push({ path: 'intervalDays.max', ruleId: 'PLAN', message: 'the longest interval must not be shorter than the shortest' });
  if (next.intervalDays.min < INTERVAL_FLOOR_DAYS) {
    refused.push({ path: 'intervalDays.min', ruleId: 'SES-FLOOR', message: `never less than ${INTERVAL_FLOOR_DAYS} days between sessions; the skin must heal fully` });
  } else if (next.intervalDays.min < protocolMin) {
    outsideCaps.push({ path: 'intervalDays.min', ruleId: 'SES', message: `shorter than the ${protocolMin}-day protocol interval` });
  }

  if (edit.numbing === true && !plan.numbing.use && plan.numbing.reason?.startsWith('clinician review')) {
    refused.push({ path: 'numbing', ruleId: 'CI-R10', message: 'the clinician review said to treat without numbing cream' });
  } else if (edit.numbing !== undefined && edit.numbing !== plan.numbing.use) {
    next.numbing = edit.numbing ? { use: true, minutes: 20, reason: null } : { use: false, minutes: 0, reason: edit.note ?? 'changed by the provider' };
  }
  next.assessFrom = Temporal.PlainDate.from(next.startDate)
    .add({ days: (next.sessions - 1) * next.intervalDays.min + MIN_ASSESS_AFTER_DAYS })
    .toString();
  return { plan: next, outsideCaps, refused };
}
