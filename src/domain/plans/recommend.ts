// Recommends a treatment plan from the client's concerns, areas, skin type and screening result,
// within the protocol pack: modality, depth per area within caps, sessions, interval window,
// downtime, numbing and when results are judged. Every number carries the protocol id it came from.
import { Temporal } from 'temporal-polyfill';
import type { Area, Decision, Modality } from '../screening/engine/contract.js';
import { defaultDepth, type DepthIndication } from '../protocols/microneedling/depths.js';
import {
  DEFAULT_INTERVAL_DAYS,
  DOWNTIME,
  INTERVAL_FLOOR_DAYS,
  LOGISTICS,
  MIN_ASSESS_AFTER_DAYS,
  sessionProtocolFor,
  type Concern,
} from '../protocols/microneedling/sessions.js';
import { ruleById } from '../protocols/microneedling/rules.js';
import { checkDepth, type DepthCheck } from './depth-check.js';

/** Starts with "clinician review" so that a later edit cannot switch numbing back on (edit-plan.ts). */
const NUMBING_ALLERGY_REASON = 'clinician review (CI-R10): allergy to topical anaesthetic; treat without numbing cream or with an alternative the clinician chooses';

export type Adjustment =
  | { kind: 'no_numbing_cream'; note?: string | undefined }
  | { kind: 'max_depth'; area: string; maxDepthMm: number }
  | { kind: 'exclude_area'; area: string }
  | { kind: 'antiviral_prophylaxis'; note?: string | undefined }
  | { kind: 'other'; note: string };

export interface PlanRequest {
  concerns: Concern[];
  areas: Area[];
  fitzpatrick: number | null;
  /** the client's or provider's preference; otherwise chosen from the concerns */
  modality?: Modality | undefined;
  startDate: string;
  screening: {
    decision: Decision;
    blockedAreas: Area[];
    earliestDate: string | null;
    adjustments: Adjustment[];
    /** the screening's findings: precautions and needs-review rules carry into the plan */
    findings?: { ruleId: string; outcome: Decision }[] | undefined;
  } | null;
}

export interface PlanArea {
  area: Area;
  depthMm: number;
  check: DepthCheck;
}

export interface TreatmentPlan {
  modality: Modality;
  indication: DepthIndication;
  concerns: Concern[];
  areas: PlanArea[];
  /** ruleIds: the rules that left the area out (set by evaluate-plan.ts; absent on older plans) */
  excludedAreas: { area: Area; reason: string; ruleIds?: string[] }[];
  sessions: number;
  sessionRange: { min: number; max: number };
  intervalDays: { min: number; max: number };
  startDate: string;
  /** the earliest date results are judged: last session (at the shortest interval) + 3 months */
  assessFrom: string;
  downtime: typeof DOWNTIME;
  numbing: { use: boolean; minutes: number; reason: string | null };
  minutesPerSession: number;
  precautions: { id: string; text: string }[];
  protocolIds: string[];
}

const SCAR_CONCERNS: Concern[] = ['acne_scars', 'other_scars', 'stretch_marks'];

export function chooseModality(concerns: Concern[], preferred: Modality | undefined): Modality {
  if (preferred) return preferred;
  // RF is favoured for laxity (IND-4); otherwise the automated pen, the FDA-authorised device class
  return concerns.includes('laxity') ? 'rf' : 'pen';
}

export function recommendPlan(req: PlanRequest): TreatmentPlan {
  const concerns: Concern[] = req.concerns.length > 0 ? [...new Set(req.concerns)] : ['texture'];
  const modality = chooseModality(concerns, req.modality);
  const indication: DepthIndication = concerns.some((c) => SCAR_CONCERNS.includes(c)) ? 'scars' : 'rejuvenation';
  const adjustments = req.screening?.adjustments ?? [];
  const excludedAreas: TreatmentPlan['excludedAreas'] = [];
  for (const a of req.screening?.blockedAreas ?? []) excludedAreas.push({ area: a, reason: 'screening: deferred or contraindicated in this area' });
  for (const adj of adjustments) if (adj.kind === 'exclude_area') excludedAreas.push({ area: adj.area as Area, reason: 'clinician review: area excluded' });
  const excluded = new Set(excludedAreas.map((e) => e.area));

  const areas: PlanArea[] = [...new Set(req.areas)]
    .filter((a) => !excluded.has(a))
    .map((area) => {
      let depthMm = defaultDepth(area, indication, modality);
      const limit = adjustments.find((adj) => adj.kind === 'max_depth' && adj.area === area);
      if (limit && limit.kind === 'max_depth') depthMm = Math.min(depthMm, limit.maxDepthMm);
      return { area, depthMm, check: checkDepth(area, depthMm, indication, modality) };
    });

  const protocols = concerns.map(sessionProtocolFor);
  const sessions = Math.max(...protocols.map((p) => p.sessions.typical));
  const sessionRange = { min: Math.max(...protocols.map((p) => p.sessions.min)), max: Math.max(...protocols.map((p) => p.sessions.max)) };
  const intervalMin = Math.max(INTERVAL_FLOOR_DAYS, ...protocols.map((p) => p.intervalDays.min));
  const intervalMax = Math.max(intervalMin, Math.min(...protocols.map((p) => p.intervalDays.max)));
  const intervalDays = protocols.length > 0 ? { min: intervalMin, max: intervalMax } : { ...DEFAULT_INTERVAL_DAYS };
  const assessAfter = Math.max(MIN_ASSESS_AFTER_DAYS, ...protocols.map((p) => p.assessAfterDays));

  const earliest = req.screening?.earliestDate;
  const startDate = earliest && earliest > req.startDate ? earliest : req.startDate;
  const assessFrom = Temporal.PlainDate.from(startDate)
    .add({ days: (sessions - 1) * intervalDays.min + assessAfter })
    .toString();

  const findings = req.screening?.findings ?? [];
  // CI-R10: allergy to topical anaesthetic: without numbing cream unless a clinician chooses an alternative
  const numbingAllergy = findings.some((f) => f.ruleId === 'CI-R10');
  const noNumbing = adjustments.find((a) => a.kind === 'no_numbing_cream') ?? (numbingAllergy ? { kind: 'no_numbing_cream' as const } : undefined);
  const precautions: TreatmentPlan['precautions'] = [];
  if (modality === 'rf') precautions.push({ id: 'RF-1', text: 'Energy, pulse and passes from the device preset; no universal numbers.' });
  if (modality === 'rf' && (req.fitzpatrick ?? 0) >= 4) precautions.push({ id: 'RF-3', text: 'Fitzpatrick IV to VI: conservative RF energy, full needle insertion (PIH and scarring risk).' });
  if (modality !== 'rf' && (req.fitzpatrick ?? 0) >= 4) precautions.push({ id: 'CI-R11', text: 'Higher PIH risk: correct needle length, no heavy pressure over bone, strict sun protection.' });
  if (concerns.includes('melasma') || concerns.includes('hyperpigmentation')) precautions.push({ id: 'IND-6', text: 'Melasma and pigment: only as an add-on to a topical (for example tranexamic acid).' });
  if (concerns.includes('hair_loss')) precautions.push({ id: 'IND-8', text: 'Hair loss: with minoxidil; judged after 12 weeks or more.' });
  if (adjustments.some((a) => a.kind === 'antiviral_prophylaxis')) precautions.push({ id: 'CI-R7', text: 'Antiviral prophylaxis as prescribed before each session.' });
  for (const a of adjustments) if (a.kind === 'other') precautions.push({ id: 'REVIEW', text: a.note });
  // what the screening asked for (precautions, or the rules a clinician reviewed) carries into the plan
  for (const f of findings) {
    const rule = ruleById(f.ruleId);
    if (rule && (f.outcome === 'eligible_with_precautions' || f.outcome === 'needs_review') && !precautions.some((p) => p.id === f.ruleId)) precautions.push({ id: f.ruleId, text: rule.clinical });
  }
  precautions.push({ id: LOGISTICS.products.id, text: LOGISTICS.products.text });

  const facial = areas.length;
  return {
    modality,
    indication,
    concerns,
    areas,
    excludedAreas,
    sessions,
    sessionRange,
    intervalDays,
    startDate,
    assessFrom,
    downtime: DOWNTIME,
    numbing: noNumbing
      ? { use: false, minutes: 0, reason: numbingAllergy && !adjustments.some((a) => a.kind === 'no_numbing_cream') ? NUMBING_ALLERGY_REASON : 'clinician review: treat without numbing cream' }
      : { use: true, minutes: LOGISTICS.numbingMinutes.default, reason: null },
    minutesPerSession: (noNumbing ? 0 : LOGISTICS.numbingMinutes.default) + Math.max(1, facial) * LOGISTICS.minutesPerFacialArea.min,
    precautions,
    protocolIds: [...new Set([...protocols.map((p) => p.id), ...areas.map((a) => `DEP-${a.area}`), 'LOG-1', 'LOG-3'])],
  };
}
