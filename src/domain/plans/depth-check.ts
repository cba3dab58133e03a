// Checks a needle depth for an area against the protocol caps (reference 3A and 3B). Used for plans
// now and for procedure charts later: the same answer in both places.
import type { Area, Modality } from '../screening/engine/contract.js';
import {
  capFor,
  DEPTH_DEVICE_MAX_MM,
  DEPTH_PERIORBITAL_MAX_MM,
  DEPTH_WARN_ABOVE_MM,
  depthCapFor,
  type DepthIndication,
} from '../protocols/microneedling/depths.js';

/** ok: within caps; warn: within caps but noteworthy; needs_director: outside caps; refused: never. */
export type DepthStatus = 'ok' | 'warn' | 'needs_director' | 'refused';

export interface DepthCheck {
  area: Area;
  depthMm: number;
  capMm: number;
  status: DepthStatus;
  ruleIds: string[];
  messages: string[];
}

const RANK: Record<DepthStatus, number> = { ok: 0, warn: 1, needs_director: 2, refused: 3 };
export const worstStatus = (statuses: DepthStatus[]): DepthStatus => statuses.reduce<DepthStatus>((w, s) => (RANK[s] > RANK[w] ? s : w), 'ok');

export function checkDepth(area: Area, depthMm: number, indication: DepthIndication, modality: Modality): DepthCheck {
  const capMm = capFor(area, indication, modality);
  const out: DepthCheck = { area, depthMm, capMm, status: 'ok', ruleIds: [], messages: [] };
  const raise = (status: DepthStatus, ruleId: string, message: string) => {
    if (RANK[status] > RANK[out.status]) out.status = status;
    out.ruleIds.push(ruleId);
    out.messages.push(message);
  };
  if (!(depthMm > 0)) raise('refused', 'DEPTH-0', 'depth must be more than 0 mm');
  if (depthMm > DEPTH_DEVICE_MAX_MM) raise('refused', 'DEPTH-0', `no device in use goes deeper than ${DEPTH_DEVICE_MAX_MM} mm`);
  if (area === 'periorbital' && depthMm > DEPTH_PERIORBITAL_MAX_MM) {
    raise('refused', 'DEPTH-3', `periorbital at most ${DEPTH_PERIORBITAL_MAX_MM} mm, and never inside the orbital rim`);
  } else if (depthMm > capMm) {
    raise('needs_director', 'DEPTH-1', `${depthMm} mm is above the ${capMm} mm cap for ${area.replace('_', ' ')} (${indication}); the medical director must approve`);
  }
  if (modality !== 'rf' && depthMm > DEPTH_WARN_ABOVE_MM) raise('warn', 'DEPTH-2', `above ${DEPTH_WARN_ABOVE_MM} mm FDA has not evaluated SkinPen's safety or effectiveness`);
  if (indication === 'scars' && (depthCapFor(area).rejuvenation?.max ?? 0) < depthMm && depthMm <= capMm) {
    raise('warn', 'DEPTH-4', 'scar depth: a clinician performs this, never an assistant');
  }
  if (depthCapFor(area).unverified) raise('warn', depthCapFor(area).id, `the range for ${area.replace('_', ' ')} is not verified by a source`);
  return out;
}
