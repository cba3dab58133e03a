// Aftercare template, expected course, red flags and the adverse-event catalogue (reference
// sections 4 and 5). Offsets are hours from the end of treatment; the aftercare journey turns them
// into times in the location's time zone.

export interface AftercareInstruction {
  id: string;
  fromHour: number;
  /** null: until the next instruction replaces it or the journey ends */
  toHour: number | null;
  kind: 'avoid' | 'do';
  text: string;
  sources: string[];
}

export const AFTERCARE: readonly AftercareInstruction[] = [
  { id: 'AC-1', fromHour: 0, toHour: 8, kind: 'do', text: 'Put nothing on your skin except the post-treatment gel or hyaluronic acid we gave you.', sources: ['S27'] },
  { id: 'AC-2', fromHour: 0, toHour: 24, kind: 'avoid', text: 'No makeup and no sunscreen for the first 24 hours, so stay out of the sun completely. Rinse with lukewarm water only; use clean hands and a clean pillowcase.', sources: ['S27'] },
  { id: 'AC-3', fromHour: 24, toHour: 336, kind: 'do', text: 'Start mineral sunscreen (SPF 30 or higher) every day, especially for 2 weeks. Use a gentle cleanser. Mineral makeup may go back on from 24 to 48 hours with clean fingers or new tools.', sources: ['S27'] },
  { id: 'AC-4', fromHour: 0, toHour: 72, kind: 'avoid', text: 'No strenuous exercise or heavy sweating for 72 hours; keep sun exposure to a minimum.', sources: ['S27'] },
  { id: 'AC-5', fromHour: 0, toHour: 168, kind: 'avoid', text: 'No swimming pools, sauna, steam room or hot tub for 7 days.', sources: ['S27', 'S46'] },
  { id: 'AC-6', fromHour: 0, toHour: 168, kind: 'avoid', text: 'No retinoids, AHA/BHA acids, vitamin C, benzoyl peroxide, scrubs or facial brushes for 5 to 7 days; restart when your skin is calm.', sources: ['S27', 'S46'] },
  { id: 'AC-7', fromHour: 0, toHour: 168, kind: 'avoid', text: 'Do not pick at flakes or scabs.', sources: ['S27'] },
];

export const EXPECTED_COURSE = [
  { fromHour: 0, toHour: 24, text: 'Redness like a moderate sunburn, tightness, warmth, pinpoint bleeding and mild swelling.' },
  { fromHour: 24, toHour: 72, text: 'Redness mostly fades; after day 3 there is rarely visible evidence.' },
  { fromHour: 48, toHour: 120, text: 'Dryness and flaking (days 2 to 5).' },
  { fromHour: 0, toHour: 240, text: 'After deeper settings: minor bruising, scabbing or small breakouts for up to 7 to 10 days.' },
  { fromHour: 168, toHour: 4380, text: 'Gradual improvement over weeks to 6 months as collagen remodels.' },
] as const;

/** Symptom check-ins, days after treatment. */
export const CHECK_IN_DAYS = [1, 3, 7, 14] as const;

export interface RedFlag {
  id: string;
  symptom: string;
  likely: string;
  emergency: boolean;
  rfOnly: boolean;
  sources: string[];
}

export const RED_FLAGS: readonly RedFlag[] = [
  { id: 'RF-FLAG-1', symptom: 'Redness, warmth or pain getting worse after 48 to 72 hours; pus; fever', likely: 'Bacterial infection', emergency: false, rfOnly: false, sources: ['S25', 'S13'] },
  { id: 'RF-FLAG-2', symptom: 'Clustered blisters or cold sores', likely: 'HSV reactivation', emergency: false, rfOnly: false, sources: ['S33', 'S47'] },
  { id: 'RF-FLAG-3', symptom: 'Redness or swelling still present after 7 days', likely: 'Beyond the expected window (adverse event)', emergency: false, rfOnly: false, sources: ['S13', 'S25'] },
  { id: 'RF-FLAG-4', symptom: 'New itchy or red bumps, papules, nodules or plaques days to weeks later', likely: 'Granulomatous or hypersensitivity reaction', emergency: false, rfOnly: false, sources: ['S15', 'S16'] },
  { id: 'RF-FLAG-5', symptom: 'Darkening patches after about 2 weeks', likely: 'Post-inflammatory hyperpigmentation', emergency: false, rfOnly: false, sources: ['S13'] },
  { id: 'RF-FLAG-6', symptom: 'Linear, grid-like marks', likely: 'Tram-track scarring', emergency: false, rfOnly: false, sources: ['S13'] },
  { id: 'RF-FLAG-7', symptom: 'Swollen lymph nodes', likely: 'Lymphadenopathy', emergency: false, rfOnly: false, sources: ['S13'] },
  { id: 'RF-FLAG-8', symptom: 'Hives, facial swelling, trouble breathing', likely: 'Allergic reaction', emergency: true, rfOnly: false, sources: ['S15'] },
  { id: 'RF-FLAG-9', symptom: 'Dizziness, ringing ears, numb lips, palpitations or seizure after numbing cream', likely: 'Anaesthetic toxicity', emergency: true, rfOnly: false, sources: ['S34'] },
  { id: 'RF-FLAG-10', symptom: 'Blisters or burns, dents or volume loss, numbness or facial weakness (RF)', likely: 'Burn, fat atrophy, nerve injury', emergency: false, rfOnly: true, sources: ['S28'] },
];

/** CTCAE v5.0 general grades (reference 5). */
export const AE_GRADES = [
  { grade: 1, label: 'Mild', definition: 'No or mild symptoms; observation only; no intervention needed' },
  { grade: 2, label: 'Moderate', definition: 'Minimal, local or non-invasive intervention; limits instrumental activities of daily living' },
  { grade: 3, label: 'Severe', definition: 'Medically significant; hospitalisation indicated or disabling; limits self-care' },
  { grade: 4, label: 'Life-threatening', definition: 'Urgent intervention needed' },
  { grade: 5, label: 'Death', definition: 'Death related to the event' },
] as const;

export const AE_RELATEDNESS = ['unrelated', 'possible', 'probable', 'definite'] as const;

export interface AdverseEventType {
  code: string;
  label: string;
  onset: string;
  course: string;
  /** default grade hint; 0 means an expected treatment response */
  gradeHint: [number, number];
  expectedResponse: boolean;
}

export const AE_CATALOGUE: readonly AdverseEventType[] = [
  { code: 'redness_swelling_pain', label: 'Redness, swelling, pain', onset: 'Immediate', course: '≤ 3 days (up to 7)', gradeHint: [0, 1], expectedResponse: true },
  { code: 'bleeding_bruising', label: 'Pinpoint bleeding, bruising', onset: 'Immediate', course: '≤ 7 to 10 days', gradeHint: [0, 1], expectedResponse: true },
  { code: 'dryness_flaking', label: 'Dryness, flaking, irritant dermatitis', onset: '1 to 5 days', course: 'Days', gradeHint: [1, 1], expectedResponse: false },
  { code: 'acneiform_milia', label: 'Acne-like eruption, milia', onset: 'Days', course: 'Days to weeks', gradeHint: [1, 2], expectedResponse: false },
  { code: 'pih', label: 'Post-inflammatory hyperpigmentation', onset: '1 to 4 weeks', course: 'Weeks to months', gradeHint: [1, 2], expectedResponse: false },
  { code: 'bacterial_infection', label: 'Bacterial infection', onset: '2 to 5 days', course: 'Treated', gradeHint: [2, 3], expectedResponse: false },
  { code: 'hsv_reactivation', label: 'HSV reactivation', onset: '2 to 7 days', course: '1 to 2 weeks', gradeHint: [2, 2], expectedResponse: false },
  { code: 'allergic_contact_dermatitis', label: 'Allergic contact dermatitis', onset: 'Days', course: 'Weeks', gradeHint: [1, 2], expectedResponse: false },
  { code: 'granulomatous_reaction', label: 'Granulomatous reaction', onset: 'Days to weeks', course: 'Months; may resist treatment', gradeHint: [2, 3], expectedResponse: false },
  { code: 'tram_track_scarring', label: 'Tram-track scarring', onset: 'Weeks', course: 'Persistent', gradeHint: [2, 3], expectedResponse: false },
  { code: 'lymphadenopathy', label: 'Lymphadenopathy', onset: 'Days', course: 'Days to weeks', gradeHint: [1, 1], expectedResponse: false },
  { code: 'systemic_hypersensitivity', label: 'Systemic hypersensitivity', onset: 'Days', course: 'Variable', gradeHint: [3, 4], expectedResponse: false },
  { code: 'anaesthetic_toxicity', label: 'Anaesthetic toxicity', onset: 'Minutes to hours', course: 'Acute', gradeHint: [3, 4], expectedResponse: false },
  { code: 'rf_burn_fat_nerve', label: 'RF burn, fat atrophy, nerve damage', onset: 'Immediate to weeks', course: 'Persistent; may need surgery', gradeHint: [3, 3], expectedResponse: false },
  { code: 'bloodborne_transmission', label: 'Bloodborne pathogen transmission', onset: 'Weeks to months', course: 'Lifelong', gradeHint: [4, 4], expectedResponse: false },
];
