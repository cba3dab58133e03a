// The rules of the plan contract (docs/plans.md) that are not already pack entries of their own:
// how a screening result and a clinician's review shape a plan, how the modality is chosen, and the
// indications that add a precaution. Depth caps (DEP-*, DEPTH-*), sessions (SES-*), logistics
// (LOG-*) and screening rules (CI-*, DEF-*) keep their own ids and sources; `ruleSources` finds the
// sources of any of them.
import { DEPTH_CAPS, DEPTH_RULES } from './depths.js';
import { MODALITIES } from './modalities.js';
import { SCREENING_RULES } from './rules.js';
import { LOGISTICS, SESSION_PROTOCOLS } from './sessions.js';

export interface PlanRuleDef {
  id: string;
  title: string;
  /** what triggers it, as docs/plans.md states it */
  trigger: string;
  /** what it does to the plan */
  effect: string;
  sources: string[];
}

export const PLAN_RULES: readonly PlanRuleDef[] = [
  { id: 'PLAN-1', title: 'Contraindicated', trigger: 'the screening decision is contraindicated', effect: 'no plan (not_possible)', sources: ['S26'] },
  { id: 'PLAN-2', title: 'Declined on review', trigger: 'history.review.outcome is declined', effect: 'no plan (not_possible)', sources: [] },
  { id: 'PLAN-3', title: 'Waiting for review', trigger: 'a needs_review finding and no approved review', effect: 'the plan is provisional until a licensed clinician approves', sources: [] },
  { id: 'PLAN-4', title: 'Area not cleared', trigger: 'an area the screening deferred or contraindicated', effect: 'the area is left out', sources: [] },
  { id: 'PLAN-5', title: 'Area not screened', trigger: 'an area missing from the screening result', effect: 'the area is left out', sources: [] },
  { id: 'PLAN-6', title: 'Earliest date', trigger: 'the screening earliestDate is after startDate', effect: 'the series starts on earliestDate', sources: [] },
  { id: 'PLAN-7', title: 'Interval after the last session', trigger: 'history.lastSessionDate + the shortest interval is after the start', effect: 'the series starts then', sources: ['S4', 'S6', 'S27', 'S45'] },
  { id: 'PLAN-8', title: 'Nothing to treat', trigger: 'no area is left once the screening and the review are applied', effect: 'no plan (not_possible)', sources: [] },
  { id: 'IND-4', title: 'RF for laxity', trigger: 'no modality preference and laxity among the concerns', effect: 'RF microneedling', sources: ['S7', 'S29'] },
  { id: 'REG-4', title: 'Automated pen', trigger: 'no modality preference otherwise', effect: 'pen, the FDA-authorised device class', sources: ['S24', 'S25'] },
  { id: 'IND-6', title: 'Melasma and pigment', trigger: 'melasma or hyperpigmentation among the concerns', effect: 'precaution: only as an add-on to a topical', sources: ['S8', 'S9'] },
  { id: 'IND-8', title: 'Hair loss', trigger: 'hair_loss among the concerns', effect: 'precaution: with minoxidil, judged after 12 weeks or more', sources: ['S11'] },
  { id: 'OUT-9', title: 'When results are judged', trigger: 'every plan', effect: 'assessFrom: the last session at the shortest interval + 90 days', sources: ['S3', 'S5'] },
  { id: 'REVIEW', title: "Clinician's review", trigger: 'an approved review with adjustments', effect: 'excluded areas, depth limits, no numbing cream, antiviral prophylaxis, notes', sources: [] },
];

/** Sources of any rule id a plan names, from the entry that defines it. */
export function ruleSources(id: string): string[] {
  const entries: { id: string; sources: readonly string[] }[] = [
    ...PLAN_RULES,
    ...DEPTH_RULES,
    ...DEPTH_CAPS,
    ...SESSION_PROTOCOLS,
    ...Object.values(LOGISTICS),
    ...SCREENING_RULES,
    ...MODALITIES.flatMap((m) => m.rules),
  ];
  return [...(entries.find((e) => e.id === id)?.sources ?? [])];
}
