// evaluatePlan(request) -> plan result, exactly per docs/plans.md. The one engine behind
// `dermis plan`, POST /api/plans/evaluate and the plans stored for a client: it applies the
// screening result and the clinician's review (PLAN-1 to PLAN-8), then recommends within the
// protocol (recommend.ts: modality, depth within caps, sessions, interval, numbing, precautions),
// and explains every choice with its rule id and sources.
import { Temporal } from 'temporal-polyfill';
import { depthCapFor } from '../protocols/microneedling/depths.js';
import { ruleSources } from '../protocols/microneedling/plan-rules.js';
import { sessionProtocolFor } from '../protocols/microneedling/sessions.js';
import { packKey } from '../protocols/microneedling/version.js';
import type { Area } from '../screening/engine/contract.js';
import type { PlanFinding, PlanOutcome, PlanRequestV1, PlanResult } from './contract.js';
import { recommendPlan, type TreatmentPlan } from './recommend.js';

export interface PlanEvaluation {
  result: PlanResult;
  /** the plan as stored for a client (null when none can be made) */
  plan: TreatmentPlan | null;
}

type ScreeningFinding = PlanRequestV1['screening']['findings'][number];

const uniq = <T>(xs: readonly T[]): T[] => [...new Set(xs)];
const ids = (fs: readonly ScreeningFinding[]) => uniq(fs.map((f) => f.ruleId)).join(', ');
const sourcesOf = (fs: readonly ScreeningFinding[]) => uniq(fs.flatMap((f) => f.sources));
const finding = (ruleId: string, message: string, extra: readonly string[] = []): PlanFinding => ({ ruleId, message, sources: uniq([...ruleSources(ruleId), ...extra]) });
const NAMES: Partial<Record<Area, string>> = { glabella: 'Between the brows', periorbital: 'Around the eyes', perioral: 'Around the mouth', chin_jawline: 'Chin and jawline', decolletage: 'Chest (décolleté)' };
const nameOf = (a: Area) => NAMES[a] ?? a.charAt(0).toUpperCase() + a.slice(1);
const words = (code: string) => code.replace(/_/g, ' ');
const addDays = (date: string, days: number) => Temporal.PlainDate.from(date).add({ days }).toString();

function noPlan(findings: PlanFinding[]): PlanEvaluation {
  return { result: { status: 'not_possible', findings, protocol: packKey }, plan: null };
}

/** The areas the screening clears, and those it does not (PLAN-4, PLAN-5). */
function screenAreas(req: PlanRequestV1, findings: PlanFinding[]) {
  const s = req.screening;
  const remaining: Area[] = [];
  const excluded: PlanOutcome['excludedAreas'] = [];
  for (const a of uniq(req.areas)) {
    const decision = s.areas[a];
    if (decision === undefined) {
      excluded.push({ area: a, reason: 'not in the screening result: screen this area first', ruleIds: ['PLAN-5'] });
      findings.push(finding('PLAN-5', `${nameOf(a)}: not in the screening result, so left out; screen it first.`));
    } else if (decision === 'contraindicated' || decision === 'deferred') {
      const why = s.findings.filter((f) => f.outcome === decision && f.areas.includes(a));
      excluded.push({ area: a, reason: `screening: ${decision} in this area`, ruleIds: ['PLAN-4', ...uniq(why.map((f) => f.ruleId))] });
      findings.push(finding('PLAN-4', `${nameOf(a)}: ${decision} by the screening (${ids(why) || 'its decision for the area'}), so left out.`, sourcesOf(why)));
    } else {
      remaining.push(a);
    }
  }
  return { remaining, excluded };
}

/** The contract's view of a recommended plan, with the findings that explain it. */
function outcomeOf(req: PlanRequestV1, plan: TreatmentPlan, findings: PlanFinding[], status: PlanOutcome['status']): PlanOutcome {
  if (!req.modality) findings.push(plan.modality === 'rf' ? finding('IND-4', 'RF microneedling: favoured for laxity.') : finding('REG-4', 'Automated pen: the FDA-authorised device class for these concerns.'));
  for (const c of plan.concerns) {
    const p = sessionProtocolFor(c);
    findings.push(finding(p.id, `${words(c).charAt(0).toUpperCase()}${words(c).slice(1)}: ${p.sessions.min} to ${p.sessions.max} sessions (usually ${p.sessions.typical}), ${p.intervalDays.min} to ${p.intervalDays.max} days apart. ${p.note}`));
  }
  for (const a of plan.areas) {
    a.check.ruleIds.forEach((id, i) => findings.push(finding(id, `${nameOf(a.area)} at ${a.depthMm} mm — ${a.check.messages[i]}.`)));
  }
  for (const adj of req.history.review?.outcome === 'approved' ? req.history.review.adjustments : []) {
    if (adj.kind === 'max_depth' && plan.areas.some((a) => a.area === adj.area)) findings.push(finding('REVIEW', `${nameOf(adj.area)}: at most ${adj.maxDepthMm} mm, by the clinician's review.`));
  }
  findings.push(finding('OUT-9', `Results are judged from ${plan.assessFrom}, at least 90 days after the last session.`));
  const numbingRule = plan.numbing.use ? 'LOG-1' : plan.numbing.reason?.includes('CI-R10') ? 'CI-R10' : 'REVIEW';
  return {
    status,
    modality: plan.modality,
    indication: plan.indication,
    concerns: plan.concerns,
    sessions: plan.sessions,
    sessionRange: plan.sessionRange,
    intervalDays: plan.intervalDays,
    startDate: plan.startDate,
    assessFrom: plan.assessFrom,
    areas: plan.areas.map((a) => ({ area: a.area, depthMm: a.depthMm, capMm: a.check.capMm, capRuleId: depthCapFor(a.area).id, sources: [...depthCapFor(a.area).sources] })),
    excludedAreas: plan.excludedAreas.map((e) => ({ area: e.area, reason: e.reason, ruleIds: e.ruleIds ?? ['REVIEW'] })),
    numbing: { use: plan.numbing.use, minutes: plan.numbing.minutes, ruleId: numbingRule, reason: plan.numbing.reason },
    downtime: { rednessDays: { ...plan.downtime.rednessDays }, flakingDays: { ...plan.downtime.flakingDays }, fullRecoveryDays: plan.downtime.fullRecoveryDays },
    minutesPerSession: plan.minutesPerSession,
    precautions: plan.precautions.map((p) => ({ ruleId: p.id, text: p.text, sources: ruleSources(p.id) })),
    findings,
    protocol: packKey,
  };
}

export function evaluatePlan(req: PlanRequestV1): PlanEvaluation {
  const s = req.screening;
  const review = req.history.review;
  if (s.decision === 'contraindicated') {
    const why = s.findings.filter((f) => f.outcome === 'contraindicated');
    return noPlan([finding('PLAN-1', `The screening contraindicates microneedling${why.length ? ` (${ids(why)})` : ''}: no plan can be made.`, sourcesOf(why))]);
  }
  if (review?.outcome === 'declined') {
    const why = s.findings.filter((f) => f.outcome === 'needs_review');
    return noPlan([finding('PLAN-2', 'A clinician declined this screening on review: no plan can be made.', sourcesOf(why))]);
  }
  const findings: PlanFinding[] = [];
  const { remaining, excluded } = screenAreas(req, findings);
  const unreviewed = s.findings.filter((f) => f.outcome === 'needs_review');
  const status = unreviewed.length > 0 && review?.outcome !== 'approved' ? 'provisional' : 'ready';
  if (status === 'provisional') findings.push(finding('PLAN-3', `Provisional: ${ids(unreviewed)} need${unreviewed.length === 1 ? 's' : ''} a licensed clinician's review before treatment.`, sourcesOf(unreviewed)));
  let start = req.startDate;
  if (s.earliestDate && s.earliestDate > start) {
    start = s.earliestDate;
    findings.push(finding('PLAN-6', `The series starts on ${start}, the screening's earliest date.`, sourcesOf(s.findings.filter((f) => f.outcome === 'deferred'))));
  }
  const adjustments = review?.outcome === 'approved' ? review.adjustments : [];
  const base = { concerns: req.concerns, areas: remaining, fitzpatrick: req.fitzpatrick ?? null, modality: req.modality, screening: { decision: s.decision, blockedAreas: [], earliestDate: null, adjustments, findings: s.findings } };
  let plan = recommendPlan({ ...base, startDate: start });
  const last = req.history.lastSessionDate;
  if (last && addDays(last, plan.intervalDays.min) > plan.startDate) {
    plan = recommendPlan({ ...base, startDate: addDays(last, plan.intervalDays.min) });
    findings.push(finding('PLAN-7', `The series starts on ${plan.startDate}, ${plan.intervalDays.min} days after the last session on ${last}.`));
  }
  // the review's exclusions of areas this plan asked for and the screening cleared
  const byReview = plan.excludedAreas.filter((e) => remaining.includes(e.area)).map((e) => ({ ...e, ruleIds: ['REVIEW'] }));
  for (const e of byReview) findings.push(finding('REVIEW', `${nameOf(e.area)}: left out by the clinician's review.`));
  plan = { ...plan, excludedAreas: [...excluded, ...uniq(byReview.map((e) => e.area)).map((a) => byReview.find((e) => e.area === a)!)] };
  if (plan.areas.length === 0) return noPlan([...findings, finding('PLAN-8', 'No area is left to treat once the screening and the review are applied.')]);
  return { result: outcomeOf(req, plan, findings, status), plan };
}
