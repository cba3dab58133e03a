export const DECISION_LABEL: Record<string, string> = {
  eligible: 'Eligible',
  eligible_with_precautions: 'Eligible with precautions',
  needs_review: 'Needs clinician review',
  deferred: 'Deferred',
  contraindicated: 'Not suitable',
};
export const DECISION_COLOR: Record<string, string> = {
  eligible: 'teal',
  eligible_with_precautions: 'lime',
  needs_review: 'yellow',
  deferred: 'orange',
  contraindicated: 'red',
};
export const MODALITY_LABEL: Record<string, string> = { roller: 'Roller', pen: 'Automated pen', rf: 'RF microneedling' };
export const AREA_LABEL: Record<string, string> = {
  forehead: 'Forehead', glabella: 'Between the brows', periorbital: 'Around the eyes', nose: 'Nose', cheeks: 'Cheeks', perioral: 'Around the mouth',
  chin_jawline: 'Chin and jawline', neck: 'Neck', decolletage: 'Chest (décolleté)', scalp: 'Scalp', abdomen: 'Abdomen', back: 'Back', arms: 'Arms', thighs: 'Thighs', hands: 'Hands',
};
export const AREAS = Object.keys(AREA_LABEL);
export const FACE_AREAS = AREAS.slice(0, 7);
