// Red-flag rules for client symptom check-ins (reference section 4, RED_FLAGS).
import { AFTERCARE, RED_FLAGS } from '../protocols/microneedling/aftercare.js';
import type { Modality } from '../screening/engine/contract.js';

export const SYMPTOMS = [
  'redness_worse',
  'warmth_worse',
  'pain_worse',
  'pus',
  'fever',
  'blisters',
  'cold_sores',
  'redness_persisting',
  'new_bumps',
  'dark_patches',
  'grid_marks',
  'swollen_nodes',
  'hives',
  'facial_swelling',
  'trouble_breathing',
  'dizziness',
  'numb_lips',
  'palpitations',
  'seizure',
  'burn',
  'dents',
  'numbness',
] as const;

export type Symptom = (typeof SYMPTOMS)[number];

export const SYMPTOM_LABEL: Record<Symptom, string> = {
  redness_worse: 'Redness getting worse',
  warmth_worse: 'Skin feeling hotter than before',
  pain_worse: 'Pain getting worse',
  pus: 'Pus, or yellow or cloudy fluid',
  fever: 'Fever or chills',
  blisters: 'Small blisters in a cluster',
  cold_sores: 'Cold sores',
  redness_persisting: 'Redness or swelling that has not gone away',
  new_bumps: 'New itchy or red bumps',
  dark_patches: 'Darker patches of skin',
  grid_marks: 'Lines or grid-like marks on the skin',
  swollen_nodes: 'Swollen glands in the neck or jaw',
  hives: 'Hives (raised itchy welts)',
  facial_swelling: 'Swelling of the face, lips or tongue',
  trouble_breathing: 'Trouble breathing or swallowing',
  dizziness: 'Feeling dizzy or faint',
  numb_lips: 'Numb or tingling lips or mouth',
  palpitations: 'Racing or pounding heartbeat',
  seizure: 'A seizure (fit)',
  burn: 'A burn or blisters where the device touched',
  dents: 'Dents or hollow areas in the skin',
  numbness: 'Numbness or weakness in the face',
};

export interface CheckInAnswers {
  symptoms: Symptom[];
  note?: string;
}

export interface RaisedFlag {
  ruleId: string;
  likely: string;
  emergency: boolean;
  message: string;
}

export interface RedFlagContext {
  hoursSinceTreatment: number;
  modality: Modality;
}

export interface RedFlagResult {
  level: 'none' | 'urgent' | 'emergency';
  flags: RaisedFlag[];
  clientMessage: string;
}

type Rule = (has: (s: Symptom) => boolean, ctx: RedFlagContext) => boolean;

const any = (has: (s: Symptom) => boolean, list: readonly Symptom[]): boolean => list.some(has);

const RULES: readonly (readonly [string, Rule])[] = [
  ['RF-FLAG-1', (has, ctx) => (any(has, ['redness_worse', 'warmth_worse', 'pain_worse']) && ctx.hoursSinceTreatment >= 48) || has('pus') || has('fever')],
  ['RF-FLAG-2', (has) => any(has, ['blisters', 'cold_sores'])],
  ['RF-FLAG-3', (has, ctx) => has('redness_persisting') && ctx.hoursSinceTreatment >= 168],
  ['RF-FLAG-4', (has, ctx) => has('new_bumps') && ctx.hoursSinceTreatment >= 24],
  ['RF-FLAG-5', (has) => has('dark_patches')],
  ['RF-FLAG-6', (has) => has('grid_marks')],
  ['RF-FLAG-7', (has) => has('swollen_nodes')],
  ['RF-FLAG-8', (has) => any(has, ['hives', 'facial_swelling', 'trouble_breathing'])],
  ['RF-FLAG-9', (has) => any(has, ['dizziness', 'numb_lips', 'palpitations', 'seizure'])],
  // the reference lists these for RF; after any other needling they are unexpected too, so a
  // clinician is told rather than the client being reassured
  ['RF-FLAG-10', (has) => any(has, ['burn', 'dents', 'numbness'])],
];

const EMERGENCY_GROUP: Record<string, string> = {
  'RF-FLAG-8': 'signs of a serious allergic reaction (hives, facial swelling or trouble breathing)',
  'RF-FLAG-9': 'signs of a reaction to the numbing cream (dizziness, numb lips, a racing heartbeat or a seizure)',
};

function flagFor(id: string): RaisedFlag {
  const rf = RED_FLAGS.find((f) => f.id === id);
  if (!rf) throw new Error(`unknown red flag ${id}`);
  return { ruleId: rf.id, likely: rf.likely, emergency: rf.emergency, message: `${rf.symptom}: possible ${rf.likely.toLowerCase()}.` };
}

function reassurance(hours: number): string {
  const current = AFTERCARE.filter((a) => a.fromHour <= hours && hours < (a.toHour ?? Infinity)).map((a) => a.text);
  const reminder = current.length > 0 ? ` Keep following your aftercare: ${current.join(' ')}` : ' Keep using gentle skin care and daily mineral sunscreen.';
  return `What you describe is an expected response to treatment and should settle on its own.${reminder} If anything gets worse or new symptoms appear, check in again.`;
}

export function evaluateRedFlags(answers: CheckInAnswers, ctx: RedFlagContext): RedFlagResult {
  const set = new Set<Symptom>(answers.symptoms);
  const has = (s: Symptom): boolean => set.has(s);
  const flags = RULES.filter(([, rule]) => rule(has, ctx)).map(([id]) => flagFor(id));
  const emergencies = flags.filter((f) => f.emergency);
  if (emergencies.length > 0) {
    const groups = emergencies.map((f) => EMERGENCY_GROUP[f.ruleId] ?? f.likely.toLowerCase()).join('; and ');
    return {
      level: 'emergency',
      flags,
      clientMessage: `Call 911 (emergency services) now: you reported ${groups}. Do not drive yourself. We have also alerted your provider.`,
    };
  }
  if (flags.length > 0) {
    return {
      level: 'urgent',
      flags,
      clientMessage: 'We have alerted your provider, who will contact you today. Do not put anything new on the area. If you get worse, develop a high fever, or have trouble breathing, call 911.',
    };
  }
  return { level: 'none', flags, clientMessage: reassurance(ctx.hoursSinceTreatment) };
}
