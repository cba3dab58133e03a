// Needle depth caps by area and indication (reference 3A for pen and roller, 3B for RF). Dial
// settings, in millimetres. A plan or chart is checked against these; nothing else in the code holds
// a depth number.
import type { Area, Modality } from '../../screening/engine/contract.js';

export type DepthIndication = 'rejuvenation' | 'scars';

export interface DepthCap {
  id: string;
  area: Area;
  /** typical range for rejuvenation and texture; null where the reference gives none */
  rejuvenation: { min: number; max: number } | null;
  /** the most a clinician may use for scars; null where scars are not treated in this area */
  scarsMax: number | null;
  /** RF suggested depth (RF-2), a starting point; energy comes from the device preset (RF-1) */
  rfSuggested: number | null;
  note: string;
  /** ❓ in the reference: no verified source, shown to staff as unverified */
  unverified: boolean;
  sources: string[];
}

const cap = (id: string, area: Area, rejuvenation: [number, number] | null, scarsMax: number | null, rfSuggested: number | null, note: string, sources: string[], unverified = false): DepthCap => ({
  id,
  area,
  rejuvenation: rejuvenation ? { min: rejuvenation[0], max: rejuvenation[1] } : null,
  scarsMax,
  rfSuggested,
  note,
  unverified,
  sources,
});

export const DEPTH_CAPS: readonly DepthCap[] = [
  cap('DEP-forehead', 'forehead', [0.25, 0.5], 1.0, 1.5, 'Thin skin over bone; light pressure.', ['S25', 'S26', 'S46', 'S29']),
  cap('DEP-glabella', 'glabella', [0.25, 0.5], 1.0, null, 'Between the brows.', ['S25', 'S26', 'S46']),
  cap('DEP-periorbital', 'periorbital', [0.25, 0.5], null, null, 'Outside the orbital rim only, at most 0.5 mm; never inside the orbital rim (eyelids).', ['S26']),
  cap('DEP-nose', 'nose', [0.25, 0.5], 0.75, 2.0, 'Cartilage; light pressure.', ['S25', 'S26', 'S46', 'S29']),
  cap('DEP-cheeks', 'cheeks', [0.5, 1.0], 2.0, 1.0, 'Most tolerant facial zone.', ['S25', 'S26', 'S46', 'S29']),
  cap('DEP-perioral', 'perioral', [0.25, 0.5], 0.75, 0.5, 'Upper lip and around the mouth.', ['S25', 'S26', 'S46', 'S29']),
  cap('DEP-chin_jawline', 'chin_jawline', [0.5, 1.0], 2.0, null, 'Chin and jawline.', ['S25', 'S26', 'S46']),
  cap('DEP-neck', 'neck', [0.5, 1.0], null, 1.5, 'Mechanical range not verified; RF review suggests 1.5 mm.', ['S29'], true),
  cap('DEP-decolletage', 'decolletage', [0.25, 0.5], null, null, 'No source found; conservative range until verified.', [], true),
  cap('DEP-scalp', 'scalp', [1.5, 1.5], null, null, '1.5 mm roller in an RCT, with minoxidil.', ['S11']),
  cap('DEP-abdomen', 'abdomen', null, 2.0, null, 'Stretch marks and body scars: 1.5 to 2.0 mm.', ['S25', 'S26', 'S46']),
  cap('DEP-back', 'back', null, 2.0, null, 'Body scars: 1.5 to 2.0 mm.', ['S25', 'S26', 'S46']),
  cap('DEP-arms', 'arms', null, 2.0, null, 'Stretch marks and body scars: 1.5 to 2.0 mm.', ['S25', 'S26', 'S46']),
  cap('DEP-thighs', 'thighs', null, 2.0, null, 'Stretch marks and body scars: 1.5 to 2.0 mm.', ['S25', 'S26', 'S46']),
  cap('DEP-hands', 'hands', [0.25, 0.5], null, null, 'No source found; thin skin, conservative range until verified.', [], true),
];

/** Above this setting FDA has not evaluated SkinPen (reference 3A): always a warning. */
export const DEPTH_WARN_ABOVE_MM = 1.5;
/** The deepest a clinician may go for scars (reference 3A). */
export const DEPTH_SCAR_MAX_MM = 2.0;
/** The deepest setting of the devices in use (SkinPen dials 0 to 2.5 mm): never above. */
export const DEPTH_DEVICE_MAX_MM = 2.5;
/** Periorbital hard cap (labelled exclusion inside the rim). */
export const DEPTH_PERIORBITAL_MAX_MM = 0.5;

export const DEPTH_RULES = [
  { id: 'DEPTH-1', text: 'Depth above the cap for the area and indication needs a recorded medical-director approval.', sources: ['S25', 'S26', 'S46'] },
  { id: 'DEPTH-2', text: `Above ${DEPTH_WARN_ABOVE_MM} mm FDA has not evaluated SkinPen's safety or effectiveness: warn.`, sources: ['S25'] },
  { id: 'DEPTH-3', text: `Periorbital at most ${DEPTH_PERIORBITAL_MAX_MM} mm and never inside the orbital rim.`, sources: ['S26'] },
  { id: 'DEPTH-4', text: `Scar depths up to ${DEPTH_SCAR_MAX_MM} mm only by a clinician (provider role), never deeper.`, sources: ['S25', 'S26', 'S46'] },
  { id: 'RF-1', text: 'RF energy, pulse and pass settings come from the device preset; no universal numbers.', sources: ['S28', 'S30'] },
  { id: 'RF-3', text: 'Fitzpatrick IV to VI with RF: conservative energy (higher PIH risk).', sources: ['S30', 'S31'] },
] as const;

export const depthCapFor = (area: Area): DepthCap => DEPTH_CAPS.find((c) => c.area === area)!;

/** The default depth a plan starts from: the top of the range for the indication, within caps. */
export function defaultDepth(area: Area, indication: DepthIndication, modality: Modality): number {
  const c = depthCapFor(area);
  if (modality === 'rf' && c.rfSuggested !== null) return c.rfSuggested;
  if (indication === 'scars' && c.scarsMax !== null) return Math.min(1.0, c.scarsMax, capFor(area, indication));
  return c.rejuvenation ? c.rejuvenation.max : Math.min(DEPTH_WARN_ABOVE_MM, capFor(area, indication));
}

/**
 * The cap a provider may set without the medical director, for the area, indication and modality.
 * RF uses the review's suggested depth where it is deeper (RF-2); its energy is never capped here.
 */
export function capFor(area: Area, indication: DepthIndication, modality: Modality = 'pen'): number {
  const c = depthCapFor(area);
  if (area === 'periorbital') return DEPTH_PERIORBITAL_MAX_MM;
  if (modality === 'rf' && c.rfSuggested !== null) return Math.max(c.rfSuggested, capFor(area, indication));
  const rejuvenation = c.rejuvenation?.max ?? 0;
  if (indication === 'scars' && c.scarsMax !== null) return Math.max(rejuvenation, c.scarsMax);
  return c.rejuvenation ? rejuvenation : (c.scarsMax ?? 0);
}
