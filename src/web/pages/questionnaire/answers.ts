// The questionnaire's working state and its conversion to an Intake v1 record.
import { STEPS, type Item } from './questions.js';

export interface Pick {
  checked: boolean;
  areas: string[];
  date: string;
  current: boolean;
  controlled: boolean | null;
}

export interface Answers {
  dateOfBirth: string;
  fitzpatrick: string | null;
  concerns: string[];
  pregnant: boolean | null;
  breastfeeding: boolean | null;
  picks: Record<string, Pick>;
}

export const emptyAnswers = (dateOfBirth = ''): Answers => ({ dateOfBirth, fitzpatrick: null, concerns: [], pregnant: null, breastfeeding: null, picks: {} });
export const itemKey = (i: Item) => `${i.kind}:${i.code}:${i.status ?? ''}`;
export const emptyPick = (): Pick => ({ checked: false, areas: [], date: '', current: true, controlled: null });

const ALL_ITEMS = STEPS.flatMap((s) => s.items ?? []);

/** Problems that stop the client moving past a step, by field. */
export function stepProblems(stepId: string, a: Answers): string[] {
  const p: string[] = [];
  if (stepId === 'about' && !/^\d{4}-\d{2}-\d{2}$/.test(a.dateOfBirth)) p.push('Enter your date of birth.');
  if (stepId === 'pregnancy' && (a.pregnant === null || a.breastfeeding === null)) p.push('Answer both questions.');
  for (const item of STEPS.find((s) => s.id === stepId)?.items ?? []) {
    const pick = a.picks[itemKey(item)];
    if (!pick?.checked) continue;
    if (item.date === 'procedure' && !pick.date) p.push(`Give the date for "${item.label}".`);
    if (item.date === 'lastDose' && !pick.current && !pick.date) p.push(`Give the last dose date for "${item.label}", or say you take it now.`);
  }
  return p;
}

export function toIntake(a: Answers, today: string) {
  const intake = {
    answeredOn: today,
    dateOfBirth: a.dateOfBirth,
    ...(a.fitzpatrick ? { fitzpatrick: Number(a.fitzpatrick) } : {}),
    pregnant: a.pregnant === true,
    breastfeeding: a.breastfeeding === true,
    conditions: [] as Record<string, unknown>[],
    medications: [] as Record<string, unknown>[],
    procedures: [] as Record<string, unknown>[],
    implants: [] as Record<string, unknown>[],
    allergies: [] as string[],
    clearances: [] as string[],
    concerns: a.concerns,
  };
  for (const item of ALL_ITEMS) {
    const pick = a.picks[itemKey(item)];
    if (!pick?.checked) continue;
    // no areas chosen means "everywhere": screening then treats it as covering every planned area
    const areas = item.areas && pick.areas.length ? { areas: pick.areas } : {};
    switch (item.kind) {
      case 'conditions':
        intake.conditions.push({ code: item.code, status: item.status ?? 'active', ...areas, ...(item.controlledQuestion && pick.controlled !== null ? { controlled: pick.controlled } : {}) });
        break;
      case 'medications':
        intake.medications.push({ code: item.code, current: pick.current, ...(pick.date && !pick.current ? { lastDose: pick.date } : {}) });
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
export function fromIntake(intake: Record<string, unknown>): Answers {
  const a = emptyAnswers(typeof intake.dateOfBirth === 'string' ? intake.dateOfBirth : '');
  a.fitzpatrick = typeof intake.fitzpatrick === 'number' ? String(intake.fitzpatrick) : null;
  a.concerns = (intake.concerns as string[] | undefined) ?? [];
  a.pregnant = Boolean(intake.pregnant);
  a.breastfeeding = Boolean(intake.breastfeeding);
  const mark = (kind: string, code: string, status: string, extra: Partial<Pick>) => {
    const item = ALL_ITEMS.find((i) => i.kind === kind && i.code === code && (i.status ?? '') === status);
    if (item) a.picks[itemKey(item)] = { ...emptyPick(), checked: true, ...extra };
  };
  for (const c of (intake.conditions as { code: string; status?: string; areas?: string[]; controlled?: boolean }[] | undefined) ?? []) mark('conditions', c.code, c.status ?? 'active', { areas: c.areas ?? [], controlled: c.controlled ?? null });
  for (const m of (intake.medications as { code: string; current: boolean; lastDose?: string }[] | undefined) ?? []) mark('medications', m.code, '', { current: m.current, date: m.lastDose ?? '' });
  for (const p of (intake.procedures as { code: string; date: string; areas?: string[] }[] | undefined) ?? []) mark('procedures', p.code, '', { date: p.date, areas: p.areas ?? [] });
  for (const i of (intake.implants as { code: string; areas?: string[] }[] | undefined) ?? []) mark('implants', i.code, '', { areas: i.areas ?? [] });
  for (const x of (intake.allergies as string[] | undefined) ?? []) mark('allergies', x, '', {});
  for (const x of (intake.clearances as string[] | undefined) ?? []) mark('clearances', x, '', {});
  return a;
}
