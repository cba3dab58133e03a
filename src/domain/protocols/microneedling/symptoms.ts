// The symptoms a client can report after treatment (reference section 4): the expected course, with
// how long each part of it usually lasts, and the red-flag signs. Hours count from the end of
// treatment. Labels are what the client ticks; the triage engine (src/domain/treatment/triage)
// reads the rest.

export const SYMPTOMS = [
  // the expected course ("Expected recovery", reference 4)
  'redness',
  'swelling',
  'tightness',
  'warmth',
  'pain',
  'pinpoint_bleeding',
  'bruising',
  'dryness_flaking',
  'scabbing',
  'small_breakouts',
  // the same, getting worse or not going away
  'redness_worse',
  'warmth_worse',
  'pain_worse',
  'redness_persisting',
  // red-flag signs (RF-FLAG-1 to 10)
  'pus',
  'fever',
  'blisters',
  'cold_sores',
  'new_bumps',
  'dark_patches',
  'grid_marks',
  'swollen_nodes',
  'hives',
  'facial_swelling',
  'trouble_breathing',
  'dizziness',
  'ringing_ears',
  'numb_lips',
  'palpitations',
  'seizure',
  'burn',
  'dents',
  'numbness',
] as const;

export type Symptom = (typeof SYMPTOMS)[number];

/**
 * expected: part of the usual course, expected up to `expectedUntilHours`;
 * worse: the usual course getting worse (RF-FLAG-1 from 48 hours);
 * flag: a red-flag sign, whatever the time (new bumps: from 24 hours).
 */
export type SymptomKind = 'expected' | 'worse' | 'flag';

export interface SymptomDef {
  code: Symptom;
  /** what the client ticks */
  label: string;
  /** how the clinician's message names it */
  clinical: string;
  kind: SymptomKind;
  /** expected kinds: the last hour at which it is still the usual course */
  expectedUntilHours: number | null;
  /** the red-flag rule the sign belongs to */
  flag: string | null;
}

/** The clinician's words for each symptom. */
const CLINICAL: Record<Symptom, string> = {
  redness: 'redness',
  swelling: 'swelling of the treated area',
  tightness: 'tightness',
  warmth: 'warmth',
  pain: 'tenderness',
  pinpoint_bleeding: 'pinpoint bleeding',
  bruising: 'bruising',
  dryness_flaking: 'dryness and flaking',
  scabbing: 'scabbing',
  small_breakouts: 'small breakouts',
  redness_worse: 'worsening redness',
  warmth_worse: 'worsening warmth',
  pain_worse: 'worsening pain',
  redness_persisting: 'persisting redness or swelling',
  pus: 'pus',
  fever: 'fever or chills',
  blisters: 'clustered blisters',
  cold_sores: 'cold sores',
  new_bumps: 'new itchy or red bumps',
  dark_patches: 'darkening patches',
  grid_marks: 'linear or grid-like marks',
  swollen_nodes: 'swollen lymph nodes',
  hives: 'hives',
  facial_swelling: 'facial, lip or tongue swelling',
  trouble_breathing: 'trouble breathing or swallowing',
  dizziness: 'dizziness',
  ringing_ears: 'tinnitus',
  numb_lips: 'perioral numbness or tingling',
  palpitations: 'palpitations',
  seizure: 'seizure',
  burn: 'burn or blistering where the device touched',
  dents: 'dents or volume loss',
  numbness: 'facial numbness or weakness',
};

const expected = (code: Symptom, label: string, hours: number): SymptomDef => ({ code, label, clinical: CLINICAL[code], kind: 'expected', expectedUntilHours: hours, flag: null });
const worse = (code: Symptom, label: string): SymptomDef => ({ code, label, clinical: CLINICAL[code], kind: 'worse', expectedUntilHours: null, flag: 'RF-FLAG-1' });
const flag = (code: Symptom, label: string, rule: string): SymptomDef => ({ code, label, clinical: CLINICAL[code], kind: 'flag', expectedUntilHours: null, flag: rule });

/** Swelling lasts longest around the eyes: hours to 2 to 3 days (reference 4). */
export const SWELLING_HOURS = { periorbital: 72, elsewhere: 48 } as const;

export const SYMPTOM_DEFS: readonly SymptomDef[] = [
  // day 0: redness like a moderate sunburn, mostly gone by 24 to 48 h, rarely visible after day 3
  expected('redness', 'Redness', 72),
  expected('swelling', 'Swelling where you were treated', SWELLING_HOURS.elsewhere),
  expected('tightness', 'Tight skin', 72),
  expected('warmth', 'Skin feels warm', 72),
  // the adverse-event catalogue: redness, swelling, pain for up to 3 days
  expected('pain', 'Tenderness or soreness', 72),
  // pinpoint bleeding is a day-0 end point
  expected('pinpoint_bleeding', 'Tiny spots of bleeding', 24),
  // after deeper settings: minor bruising, scabbing, small breakouts for up to 7 to 10 days
  expected('bruising', 'Bruising', 240),
  // days 2 to 5, within the 7-day outer limit of expected transient events
  expected('dryness_flaking', 'Dry or flaking skin', 168),
  expected('scabbing', 'Small scabs', 240),
  expected('small_breakouts', 'A few small pimples', 240),
  worse('redness_worse', 'Redness getting worse'),
  worse('warmth_worse', 'Skin feeling hotter than before'),
  worse('pain_worse', 'Pain getting worse'),
  expected('redness_persisting', 'Redness or swelling that has not gone away', 72),
  flag('pus', 'Pus, or yellow or cloudy fluid', 'RF-FLAG-1'),
  flag('fever', 'Fever or chills', 'RF-FLAG-1'),
  flag('blisters', 'Small blisters in a cluster', 'RF-FLAG-2'),
  flag('cold_sores', 'Cold sores', 'RF-FLAG-2'),
  flag('new_bumps', 'New itchy or red bumps', 'RF-FLAG-4'),
  flag('dark_patches', 'Darker patches of skin', 'RF-FLAG-5'),
  flag('grid_marks', 'Lines or grid-like marks on the skin', 'RF-FLAG-6'),
  flag('swollen_nodes', 'Swollen glands in the neck or jaw', 'RF-FLAG-7'),
  flag('hives', 'Hives (raised itchy welts)', 'RF-FLAG-8'),
  flag('facial_swelling', 'Swelling of the face, lips or tongue', 'RF-FLAG-8'),
  flag('trouble_breathing', 'Trouble breathing or swallowing', 'RF-FLAG-8'),
  flag('dizziness', 'Feeling dizzy or faint', 'RF-FLAG-9'),
  flag('ringing_ears', 'Ringing in the ears', 'RF-FLAG-9'),
  flag('numb_lips', 'Numb or tingling lips or mouth', 'RF-FLAG-9'),
  flag('palpitations', 'Racing or pounding heartbeat', 'RF-FLAG-9'),
  flag('seizure', 'A seizure (fit)', 'RF-FLAG-9'),
  flag('burn', 'A burn or blisters where the device touched', 'RF-FLAG-10'),
  flag('dents', 'Dents or hollow areas in the skin', 'RF-FLAG-10'),
  flag('numbness', 'Numbness or weakness in the face', 'RF-FLAG-10'),
];

export const symptomDef = (code: Symptom): SymptomDef => SYMPTOM_DEFS.find((s) => s.code === code)!;

export const SYMPTOM_LABEL = Object.fromEntries(SYMPTOM_DEFS.map((s) => [s.code, s.label])) as Record<Symptom, string>;

/** The signs that make a report an emergency whatever else it says (RF-FLAG-8 and 9). */
export const EMERGENCY_SYMPTOMS: readonly Symptom[] = SYMPTOM_DEFS.filter((s) => s.flag === 'RF-FLAG-8' || s.flag === 'RF-FLAG-9').map((s) => s.code);
