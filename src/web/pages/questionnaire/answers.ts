// The questionnaire's working state and its conversion to an Intake v1 record.
import { dateOfBirthProblem } from '../../../domain/shared/plausible.js';
import { humanDate } from '../../../domain/shared/human-date.js';
import type { Schemas } from '../../api/client.js';
import { CONCERNS, STEPS, type Concern, type Item } from './questions.js';

type IntakeV1 = Schemas['IntakeV1'];
export type Area = NonNullable<IntakeV1['conditions'][number]['areas']>[number];
export type Modality = Schemas['ScreeningPlan']['modality'];

export interface Pick {
  checked: boolean;
  areas: string[];
  date: string;
  /** medicines: still taken or used (true), stopped (false), not answered yet (null) */
  current: boolean | null;
  controlled: boolean | null;
}

/** the treatment the client wants, asked at the end so the questionnaire ends with a decision */
export interface Treatment {
  /** 'unsure': "help me choose", screened as the clinic's usual type (DEFAULT_MODALITY) */
  modality: Modality | 'unsure' | null;
  areas: string[];
}

export interface Answers {
  dateOfBirth: string;
  fitzpatrick: string | null;
  concerns: string[];
  pregnant: boolean | null;
  breastfeeding: boolean | null;
  picks: Record<string, Pick>;
  treatment: Treatment;
}

/** what "not sure, help me choose" is checked for: the automated pen, the usual in-clinic type */
export const DEFAULT_MODALITY: Modality = 'pen';

export const emptyAnswers = (dateOfBirth = ''): Answers => ({ dateOfBirth, fitzpatrick: null, concerns: [], pregnant: null, breastfeeding: null, picks: {}, treatment: { modality: null, areas: [] } });
export const itemKey = (i: Item) => `${i.kind}:${i.code}:${i.status ?? ''}`;
export const emptyPick = (): Pick => ({ checked: false, areas: [], date: '', current: null, controlled: null });

const ALL_ITEMS = STEPS.flatMap((s) => s.items ?? []);

// the body areas and concerns Intake v1 knows; the form's choices are kept to these
const AREA_CODES: ReadonlySet<string> = new Set<Area>(['forehead', 'glabella', 'periorbital', 'nose', 'cheeks', 'perioral', 'chin_jawline', 'neck', 'decolletage', 'scalp', 'abdomen', 'back', 'arms', 'thighs', 'hands']);
const CONCERN_CODES: ReadonlySet<string> = new Set<Concern>(CONCERNS.map((c) => c.value));
/** whether a body area chosen in a form is one the API knows */
export const isArea = (v: string): v is Area => AREA_CODES.has(v);
const isConcern = (v: string): v is Concern => CONCERN_CODES.has(v);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isFlag = (v: unknown): v is boolean | null => v === null || typeof v === 'boolean';
const isPick = (v: unknown): v is Pick => isRecord(v) && typeof v.checked === 'boolean' && isStrings(v.areas) && typeof v.date === 'string' && isFlag(v.current) && isFlag(v.controlled);
const MODALITIES: readonly unknown[] = ['roller', 'pen', 'rf', 'unsure', null];
const isTreatment = (v: unknown): v is Treatment => isRecord(v) && MODALITIES.includes(v.modality) && isStrings(v.areas);

/**
 * Whether a saved draft holds the form's working state (the server keeps it as plain JSON). A
 * draft saved before the questionnaire asked about the treatment gets an empty treatment.
 */
export function asAnswers(v: unknown): Answers | null {
  if (!isRecord(v)) return null;
  const a: Record<string, unknown> = { ...v, treatment: v.treatment ?? emptyAnswers().treatment };
  const ok = typeof a.dateOfBirth === 'string' && (a.fitzpatrick === null || typeof a.fitzpatrick === 'string') && isStrings(a.concerns) && isFlag(a.pregnant) && isFlag(a.breastfeeding) && isRecord(a.picks) && Object.values(a.picks).every(isPick) && isTreatment(a.treatment);
  return ok ? (a as unknown as Answers) : null;
}

/** Problems that stop the client moving past a step, by field; `today` is the client's date. */
export function stepProblems(stepId: string, a: Answers, today: string): string[] {
  const p: string[] = [];
  if (stepId === 'about') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(a.dateOfBirth)) p.push('Enter your date of birth.');
    else {
      const dob = dateOfBirthProblem(a.dateOfBirth, today);
      if (dob) p.push(dob);
    }
  }
  if (stepId === 'pregnancy' && (a.pregnant === null || a.breastfeeding === null)) p.push('Answer both questions.');
  if (stepId === 'treatment') {
    if (!a.treatment.modality) p.push('Choose the type of microneedling, or "Not sure, help me choose".');
    if (!a.treatment.areas.some(isArea)) p.push('Choose at least one area to treat.');
  }
  for (const item of STEPS.find((s) => s.id === stepId)?.items ?? []) {
    const pick = a.picks[itemKey(item)];
    if (!pick?.checked) continue;
    if (item.date === 'procedure' && !pick.date) p.push(`Give the date for "${item.label}".`);
    else if (item.date === 'procedure' && pick.date > today) p.push(`"${item.label}": the date cannot be in the future. Give the last day it was done, on or before ${humanDate(today)}.`);
    if (item.date === 'lastDose') {
      if (pick.current === null) p.push(`"${item.label}": say whether you still take or use it.`);
      else if (!pick.current && !pick.date) p.push(`"${item.label}": give the date of the last dose.`);
      else if (!pick.current && pick.date > today) p.push(`"${item.label}": the date of the last dose cannot be in the future.`);
    }
  }
  return p;
}

/** The plan the questionnaire ends with: screened for the clinic's today straight after sending. */
export function planOf(a: Answers): { modality: Modality; areas: Area[] } {
  const m = a.treatment.modality;
  return { modality: m === null || m === 'unsure' ? DEFAULT_MODALITY : m, areas: a.treatment.areas.filter(isArea) };
}

export function toIntake(a: Answers, today: string): IntakeV1 {
  const intake: IntakeV1 = {
    answeredOn: today,
    dateOfBirth: a.dateOfBirth,
    ...(a.fitzpatrick ? { fitzpatrick: Number(a.fitzpatrick) } : {}),
    pregnant: a.pregnant === true,
    breastfeeding: a.breastfeeding === true,
    conditions: [],
    medications: [],
    procedures: [],
    implants: [],
    allergies: [],
    clearances: [],
    concerns: a.concerns.filter(isConcern),
  };
  for (const item of ALL_ITEMS) {
    const pick = a.picks[itemKey(item)];
    if (!pick?.checked) continue;
    // no areas chosen means "everywhere": screening then treats it as covering every planned area
    const areas = item.areas && pick.areas.length ? { areas: pick.areas.filter(isArea) } : {};
    switch (item.kind) {
      case 'conditions':
        intake.conditions.push({ code: item.code, status: item.status ?? 'active', ...areas, ...(item.controlledQuestion && pick.controlled !== null ? { controlled: pick.controlled } : {}) });
        break;
      case 'medications':
        intake.medications.push({ code: item.code, current: pick.current !== false, ...(pick.date && pick.current === false ? { lastDose: pick.date } : {}) });
        break;
      case 'procedures':
        intake.procedures.push({ code: item.code, date: pick.date, ...areas });
        break;
      case 'implants':
        intake.implants.push({ code: item.code, ...areas });
        break;
      case 'allergies':
        intake.allergies.push(item.code);
        break;
      case 'clearances':
        intake.clearances.push(item.code);
        break;
    }
  }
  return intake;
}

/** Rebuilds the working state from a stored intake, so an update starts from the last answers. */
export function fromIntake(intake: IntakeV1): Answers {
  const a = emptyAnswers(intake.dateOfBirth);
  a.fitzpatrick = intake.fitzpatrick === undefined ? null : String(intake.fitzpatrick);
  a.concerns = intake.concerns;
  a.pregnant = Boolean(intake.pregnant);
  a.breastfeeding = Boolean(intake.breastfeeding);
  const mark = (kind: string, code: string, status: string, extra: Partial<Pick>) => {
    const item = ALL_ITEMS.find((i) => i.kind === kind && i.code === code && (i.status ?? '') === status);
    if (item) a.picks[itemKey(item)] = { ...emptyPick(), checked: true, ...extra };
  };
  for (const c of intake.conditions) mark('conditions', c.code, c.status, { areas: c.areas ?? [], controlled: c.controlled ?? null });
  for (const m of intake.medications) mark('medications', m.code, '', { current: m.current, date: m.lastDose ?? '' });
  for (const p of intake.procedures) mark('procedures', p.code, '', { date: p.date, areas: p.areas ?? [] });
  for (const i of intake.implants) mark('implants', i.code, '', { areas: i.areas ?? [] });
  for (const x of intake.allergies) mark('allergies', x, '', {});
  for (const x of intake.clearances) mark('clearances', x, '', {});
  return a;
}
