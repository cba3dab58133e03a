// Demo scheduling set-up: opening hours, provider hours, credentials, services with their buffers
// and the scope-of-practice rules for the demo states (reference REG-8; examples, to be confirmed
// with counsel for a real clinic: unverified rules deny by default).
import type { LicenceType, Modality } from '../../db/schema.js';

const weekdays = (ranges: { start: string; end: string }[], days: number[]) => Object.fromEntries(days.map((d) => [d, ranges]));
const nineToSix = [{ start: '09:00', end: '12:30' }, { start: '13:00', end: '18:00' }];

export const DEMO_LOCATION_HOURS: Record<'austin' | 'sandiego', Record<string, { start: string; end: string }[]>> = {
  austin: { ...weekdays([{ start: '09:00', end: '18:00' }], [1, 2, 3, 4, 5]), 6: [{ start: '10:00', end: '15:00' }] },
  sandiego: weekdays([{ start: '10:00', end: '19:00' }], [2, 3, 4, 5, 6]),
};

export const DEMO_PROVIDER_HOURS: { email: string; location: 'austin' | 'sandiego'; weekly: Record<string, { start: string; end: string }[]> }[] = [
  { email: 'director@glow.example.com', location: 'austin', weekly: weekdays([{ start: '09:00', end: '13:00' }], [1, 3]) },
  { email: 'nurse@glow.example.com', location: 'austin', weekly: weekdays(nineToSix, [1, 2, 3, 4, 5]) },
  { email: 'esthetician@glow.example.com', location: 'austin', weekly: { ...weekdays([{ start: '10:00', end: '18:00' }], [2, 3, 4, 5]), 6: [{ start: '10:00', end: '15:00' }] } },
  { email: 'np@glow.example.com', location: 'sandiego', weekly: weekdays([{ start: '10:00', end: '14:00' }, { start: '14:30', end: '19:00' }], [2, 3, 4, 5, 6]) },
];

export const DEMO_CREDENTIALS = [
  { email: 'director@glow.example.com', credential: 'rf_training', expiresOn: null },
  { email: 'np@glow.example.com', credential: 'rf_training', expiresOn: '2027-12-31' },
];

export const DEMO_SERVICES = [
  { code: 'consultation', name: 'Microneedling consultation', kind: 'consultation', modality: null, treatment_min: 30, numbing_min: 0, needs_room: true, needs_device: false, credential: null, room_after_min: 5, device_after_min: 0 },
  { code: 'pen_face', name: 'Pen microneedling, full face', kind: 'treatment', modality: 'pen', treatment_min: 40, numbing_min: 20, needs_room: true, needs_device: true, credential: null, room_after_min: 10, device_after_min: 10 },
  { code: 'roller_face', name: 'Roller microneedling, full face', kind: 'treatment', modality: 'roller', treatment_min: 40, numbing_min: 20, needs_room: true, needs_device: false, credential: null, room_after_min: 10, device_after_min: 0 },
  { code: 'rf_face', name: 'RF microneedling, full face', kind: 'treatment', modality: 'rf', treatment_min: 60, numbing_min: 30, needs_room: true, needs_device: true, credential: 'rf_training', room_after_min: 15, device_after_min: 15 },
  // One bookable service for every treatment line of the price list (same code, same name): a plan
  // quoted "Pen microneedling for acne scars" is booked, deposited and invoiced as that service, at
  // that line's price (issue 12, item 2; docs/money.md). Without them a plan was quoted on one line
  // and booked as "full face" at another price.
  { code: 'pen_face_neck', name: 'Pen microneedling, face and neck', kind: 'treatment', modality: 'pen', treatment_min: 50, numbing_min: 20, needs_room: true, needs_device: true, credential: null, room_after_min: 10, device_after_min: 10 },
  { code: 'pen_acne_scars', name: 'Pen microneedling for acne scars', kind: 'treatment', modality: 'pen', treatment_min: 45, numbing_min: 20, needs_room: true, needs_device: true, credential: null, room_after_min: 10, device_after_min: 10 },
  { code: 'pen_body', name: 'Pen microneedling, body (stretch marks or scars)', kind: 'treatment', modality: 'pen', treatment_min: 60, numbing_min: 20, needs_room: true, needs_device: true, credential: null, room_after_min: 10, device_after_min: 10 },
  { code: 'pen_scalp', name: 'Scalp microneedling (with minoxidil plan)', kind: 'treatment', modality: 'pen', treatment_min: 30, numbing_min: 10, needs_room: true, needs_device: true, credential: null, room_after_min: 10, device_after_min: 10 },
  { code: 'rf_face_neck', name: 'RF microneedling, face and neck', kind: 'treatment', modality: 'rf', treatment_min: 75, numbing_min: 30, needs_room: true, needs_device: true, credential: 'rf_training', room_after_min: 15, device_after_min: 15 },
] as const;

type Rule = { state: string; licence: LicenceType; modality: Modality; outcome: 'allowed' | 'supervised' | 'not_allowed'; maxDepthMm?: number; note?: string };
const all = (state: string, licence: LicenceType, outcome: Rule['outcome'], note = ''): Rule[] => (['roller', 'pen', 'rf'] as const).map((modality) => ({ state, licence, modality, outcome, note }));

export const DEMO_SCOPE_RULES: Rule[] = [
  ...all('TX', 'md', 'allowed'),
  ...all('TX', 'do', 'allowed'),
  ...all('TX', 'np', 'allowed', 'Under the delegating physician protocol'),
  ...all('TX', 'pa', 'allowed', 'Under the delegating physician protocol'),
  ...all('TX', 'rn', 'supervised', 'Texas Medical Board: delegated medical act'),
  { state: 'TX', licence: 'esthetician', modality: 'roller', outcome: 'allowed', maxDepthMm: 0.5, note: 'Cosmetic depth only (unverified; confirm with TDLR)' },
  { state: 'TX', licence: 'esthetician', modality: 'pen', outcome: 'not_allowed' },
  { state: 'TX', licence: 'esthetician', modality: 'rf', outcome: 'not_allowed' },
  ...all('CA', 'md', 'allowed'),
  ...all('CA', 'do', 'allowed'),
  ...all('CA', 'np', 'allowed', 'Standardized procedures with a supervising physician'),
  ...all('CA', 'pa', 'allowed', 'Practice agreement with a supervising physician'),
  ...all('CA', 'rn', 'supervised'),
  ...all('CA', 'esthetician', 'not_allowed', 'Board of Barbering and Cosmetology: estheticians may not perform microneedling'),
];
