// Which price-list service a plan is priced by: modality plus the set of areas. The codes are the
// location's configuration; these are the conventional ones (see the demo price list), with a
// fallback to the modality's full-face price.
import type { Area, Modality } from '../screening/engine/contract.js';
import type { Concern } from '../protocols/microneedling/sessions.js';

const BODY: Area[] = ['abdomen', 'back', 'arms', 'thighs', 'hands'];

/** Candidate service codes, best first. */
export function serviceCodesFor(modality: Modality, areas: Area[], concerns: Concern[]): string[] {
  const codes: string[] = [];
  if (areas.some((a) => BODY.includes(a))) codes.push(`${modality}_body`);
  if (areas.includes('scalp')) codes.push(`${modality}_scalp`);
  if (modality !== 'rf' && concerns.includes('acne_scars')) codes.push(`${modality}_acne_scars`);
  if (areas.includes('neck') || areas.includes('decolletage')) codes.push(`${modality}_face_neck`);
  codes.push(`${modality}_face`);
  return codes;
}
