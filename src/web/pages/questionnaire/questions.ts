// The health questionnaire, one topic per step, in plain language. Each item maps to an Intake v1
// code (../shared/spec/screening.md); "why" tells the client why we ask.
import type { Schemas } from '../../api/client.js';

type IntakeV1 = Schemas['IntakeV1'];
export type Kind = 'conditions' | 'medications' | 'procedures' | 'implants' | 'allergies' | 'clearances';
/** the Intake v1 codes an item of each kind may record, from the API contract */
type Code<K extends Kind> = K extends 'allergies' | 'clearances' ? IntakeV1[K][number] : K extends 'conditions' | 'medications' | 'procedures' | 'implants' ? IntakeV1[K][number]['code'] : never;
export type Concern = IntakeV1['concerns'][number];

export type Item = { [K in Kind]: ItemFields & { kind: K; code: Code<K> } }[Kind];

interface ItemFields {
  label: string;
  /** condition status this item records */
  status?: 'active' | 'history';
  /** ask where on the body */
  areas?: boolean;
  /** procedures: ask the date; medications: ask the last dose when not current */
  date?: 'procedure' | 'lastDose';
  current?: boolean;
  controlledQuestion?: boolean;
}

export interface Step {
  id: string;
  title: string;
  why: string;
  items?: Item[];
}

export const STEPS: Step[] = [
  { id: 'about', title: 'About you', why: 'Your age and skin type guide how deep and how gently we treat. People under 22 and deeper skin tones get extra care.' },
  { id: 'pregnancy', title: 'Pregnancy and breastfeeding', why: 'Microneedling has not been shown to be safe during pregnancy or breastfeeding, so we wait until afterwards.' },
  {
    id: 'skin-now',
    title: 'Your skin right now',
    why: 'Needling over broken, infected or inflamed skin can spread infection or cause scarring. Most of these only mean waiting until the skin has healed.',
    items: [
      { kind: 'conditions', code: 'open_wound', status: 'active', label: 'An open wound, cut or sore', areas: true },
      { kind: 'conditions', code: 'skin_infection', status: 'active', label: 'A skin infection', areas: true },
      { kind: 'conditions', code: 'acne', status: 'active', label: 'Active acne breakouts', areas: true },
      { kind: 'conditions', code: 'hsv_active', status: 'active', label: 'A cold sore right now' },
      { kind: 'conditions', code: 'sunburn', status: 'active', label: 'Sunburn' },
      { kind: 'conditions', code: 'eczema', status: 'active', label: 'An eczema flare', areas: true },
      { kind: 'conditions', code: 'psoriasis', status: 'active', label: 'A psoriasis flare', areas: true },
      { kind: 'conditions', code: 'rosacea', status: 'active', label: 'A rosacea flare', areas: true },
      { kind: 'conditions', code: 'skin_cancer', status: 'active', label: 'Skin cancer', areas: true },
      { kind: 'conditions', code: 'precancerous_lesion', status: 'active', label: 'A precancerous spot (for example actinic keratosis)', areas: true },
      { kind: 'conditions', code: 'atypical_mole', status: 'active', label: 'A raised, changing or unusual mole', areas: true },
    ],
  },
  {
    id: 'history',
    title: 'Your health history',
    why: 'Some conditions slow healing, raise the risk of infection or scarring, or can flare after needling. A clinician may want to review your plan.',
    items: [
      { kind: 'conditions', code: 'bleeding_disorder', status: 'active', label: 'A bleeding or clotting disorder (for example haemophilia)' },
      { kind: 'conditions', code: 'diabetes', status: 'active', label: 'Diabetes', controlledQuestion: true },
      { kind: 'conditions', code: 'immunosuppression', status: 'active', label: 'A weakened immune system' },
      { kind: 'conditions', code: 'autoimmune', status: 'active', label: 'An autoimmune disease (for example lupus or scleroderma)' },
      { kind: 'conditions', code: 'vitiligo', status: 'active', label: 'Vitiligo' },
      { kind: 'conditions', code: 'lichen_planus', status: 'active', label: 'Lichen planus' },
      { kind: 'conditions', code: 'psoriasis', status: 'history', label: 'Psoriasis in the past' },
      { kind: 'conditions', code: 'eczema', status: 'history', label: 'Eczema in the past' },
      { kind: 'conditions', code: 'rosacea', status: 'history', label: 'Rosacea in the past' },
      { kind: 'conditions', code: 'keloid_history', status: 'history', label: 'Raised or thick scars (keloids)' },
      { kind: 'conditions', code: 'hsv_history', status: 'history', label: 'Cold sores, ever' },
    ],
  },
  {
    id: 'medicines',
    title: 'Medicines and skin products',
    why: 'Some medicines affect bleeding, healing or how sensitive your skin is. Never stop a prescribed medicine on your own: tell us and we will plan around it.',
    items: [
      { kind: 'medications', code: 'isotretinoin', label: 'Isotretinoin (for example Accutane) now or in the past year', date: 'lastDose' },
      { kind: 'medications', code: 'anticoagulant', label: 'A blood thinner (for example warfarin, apixaban)', date: 'lastDose' },
      { kind: 'medications', code: 'antiplatelet', label: 'Aspirin or another antiplatelet medicine', date: 'lastDose' },
      { kind: 'medications', code: 'immunosuppressant', label: 'A medicine that suppresses the immune system', date: 'lastDose' },
      { kind: 'medications', code: 'chemotherapy', label: 'Chemotherapy', date: 'lastDose' },
      { kind: 'medications', code: 'topical_retinoid', label: 'Retinol, tretinoin or another retinoid cream', date: 'lastDose' },
      { kind: 'medications', code: 'topical_acid', label: 'Acid products (AHA, BHA, glycolic, salicylic) or benzoyl peroxide', date: 'lastDose' },
      { kind: 'medications', code: 'antiviral_prophylaxis', label: 'An antiviral prescribed to prevent cold sores', date: 'lastDose' },
    ],
  },
  {
    id: 'treatments',
    title: 'Recent treatments',
    why: 'Skin needs time to recover after other treatments. We use the date to work out when you can safely be treated.',
    items: [
      { kind: 'procedures', code: 'microneedling', label: 'Microneedling', date: 'procedure', areas: true },
      { kind: 'procedures', code: 'tanning', label: 'Sun tanning or a tanning bed', date: 'procedure' },
      { kind: 'procedures', code: 'self_tanner', label: 'Self-tanner (cream or spray)', date: 'procedure' },
      { kind: 'procedures', code: 'deep_chemical_peel', label: 'A deep chemical peel', date: 'procedure', areas: true },
      { kind: 'procedures', code: 'dermabrasion', label: 'Dermabrasion or resurfacing', date: 'procedure', areas: true },
      { kind: 'procedures', code: 'non_ablative_laser', label: 'Laser, IPL or RF skin treatment (non-ablative)', date: 'procedure', areas: true },
      { kind: 'procedures', code: 'ablative_laser', label: 'Ablative laser (for example CO2 laser)', date: 'procedure', areas: true },
      { kind: 'procedures', code: 'facial_surgery', label: 'Facial surgery (for example facelift, eyelid surgery)', date: 'procedure' },
      { kind: 'procedures', code: 'neurotoxin', label: 'Botox or another wrinkle injection', date: 'procedure' },
      { kind: 'procedures', code: 'dermal_filler', label: 'Dermal filler', date: 'procedure', areas: true },
      { kind: 'procedures', code: 'pdo_threads', label: 'A thread lift (PDO threads)', date: 'procedure', areas: true },
      { kind: 'procedures', code: 'radiation_therapy', label: 'Radiation therapy', date: 'procedure', areas: true },
    ],
  },
  {
    id: 'implants',
    title: 'Implants, tattoos and permanent makeup',
    why: 'Radiofrequency microneedling sends energy through the skin, which can interfere with implanted devices and metal, and damage tattoos.',
    items: [
      { kind: 'implants', code: 'pacemaker', label: 'A pacemaker' },
      { kind: 'implants', code: 'icd', label: 'An implanted defibrillator (ICD)' },
      { kind: 'implants', code: 'neurostimulator', label: 'A neurostimulator or other implanted electronic device' },
      { kind: 'implants', code: 'metal_implant', label: 'Metal plates, screws or other metal implants', areas: true },
      { kind: 'implants', code: 'gold_threads', label: 'Gold threads under the skin', areas: true },
      { kind: 'implants', code: 'tattoo', label: 'A tattoo', areas: true },
      { kind: 'implants', code: 'permanent_makeup', label: 'Permanent makeup', areas: true },
    ],
  },
  {
    id: 'allergies',
    title: 'Allergies and clearances',
    why: 'The needles are stainless steel (which contains nickel), some RF tips are gold-plated, and numbing cream can cause reactions. A letter from your doctor can open options.',
    items: [
      { kind: 'allergies', code: 'stainless_steel', label: 'Allergy to stainless steel' },
      { kind: 'allergies', code: 'nickel', label: 'Allergy to nickel or other metals' },
      { kind: 'allergies', code: 'gold', label: 'Allergy to gold' },
      { kind: 'allergies', code: 'topical_anesthetic', label: 'Allergy to numbing cream (lidocaine, tetracaine, benzocaine)' },
      { kind: 'clearances', code: 'cardiology', label: 'I have a written clearance from my cardiologist' },
      { kind: 'clearances', code: 'oncology', label: 'I have a written clearance from my oncologist' },
    ],
  },
  {
    id: 'treatment',
    title: 'Your treatment',
    why: 'Whether microneedling is safe for you depends on the type and where on the body. Tell us what you have in mind and you get an answer as soon as you send.',
  },
  { id: 'review', title: 'Check and send', why: 'A clinician relies on these answers to keep you safe. You can update them any time; we will check again before each treatment.' },
];

/** The types of microneedling, in plain words; "not sure" is checked as the clinic's usual type. */
export const MODALITY_CHOICES: { value: 'roller' | 'pen' | 'rf' | 'unsure'; label: string; description: string }[] = [
  { value: 'pen', label: 'Automated pen', description: 'Fine needles move quickly up and down at a set depth. The most common type in clinics (also called a derma pen).' },
  { value: 'roller', label: 'Roller', description: 'A small hand-held roller covered in fine needles, rolled across the skin (also called a dermaroller).' },
  { value: 'rf', label: 'RF microneedling', description: 'Needles that also deliver radiofrequency heat into the skin. More intensive, priced separately, and not for everyone (for example with some implants or tattoos).' },
  { value: 'unsure', label: 'Not sure, help me choose', description: 'We check you for the automated pen, the usual choice. Your provider talks the options through with you before any treatment.' },
];

/** The areas screening knows, grouped as a person thinks of their body. */
export const AREA_GROUPS: { label: string; areas: string[] }[] = [
  { label: 'Face', areas: ['forehead', 'glabella', 'periorbital', 'nose', 'cheeks', 'perioral', 'chin_jawline'] },
  { label: 'Neck and chest', areas: ['neck', 'decolletage'] },
  { label: 'Scalp and body', areas: ['scalp', 'abdomen', 'back', 'arms', 'thighs', 'hands'] },
];

export const FITZPATRICK = [
  { value: '1', label: 'Type I: always burns, never tans' },
  { value: '2', label: 'Type II: usually burns, tans with difficulty' },
  { value: '3', label: 'Type III: sometimes burns, tans gradually' },
  { value: '4', label: 'Type IV: rarely burns, tans easily' },
  { value: '5', label: 'Type V: very rarely burns, tans very easily' },
  { value: '6', label: 'Type VI: never burns, deeply pigmented' },
];

export const CONCERNS: { value: Concern; label: string }[] = [
  { value: 'acne_scars', label: 'Acne scars' },
  { value: 'other_scars', label: 'Other scars' },
  { value: 'fine_lines', label: 'Fine lines and wrinkles' },
  { value: 'texture', label: 'Uneven texture' },
  { value: 'enlarged_pores', label: 'Enlarged pores' },
  { value: 'laxity', label: 'Loose skin' },
  { value: 'hyperpigmentation', label: 'Dark spots' },
  { value: 'melasma', label: 'Melasma' },
  { value: 'stretch_marks', label: 'Stretch marks' },
  { value: 'hair_loss', label: 'Thinning hair' },
];
