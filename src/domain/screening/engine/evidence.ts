// The client's answers behind a finding, for the clinician who reviews it (issue 13, item 5): the
// questionnaire items a rule looks at, with the values the client gave. Found from the words of the
// rule's title and trigger (the codes it names), so a new rule shows its answers without a table here.
import { ruleById } from '../../protocols/microneedling/rules.js';
import { humanDate } from '../../shared/human-date.js';
import type { Intake } from './contract.js';
import { ageOn } from './context.js';

export interface Answer {
  /** which part of the questionnaire: conditions, medications, procedures, implants, allergies, or a single question */
  kind: 'conditions' | 'medications' | 'procedures' | 'implants' | 'allergies' | 'question';
  code: string;
  /** the answer in plain words, e.g. "Keloid history: in the past" */
  text: string;
}

const words = (code: string) => code.replace(/_/g, ' ');
const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const areas = (a: readonly string[] | undefined) => (a && a.length ? `; areas: ${a.map(words).join(', ')}` : '');

/** The answers a rule looks at, in the order of the questionnaire. */
export function answersBehind(ruleId: string, intake: Intake, planDate: string): Answer[] {
  const def = ruleById(ruleId);
  const named = new Set(`${def?.title ?? ''} ${def?.trigger ?? ''}`.toLowerCase().match(/[a-z_]+/g) ?? []);
  const out: Answer[] = [];
  if (named.has('pregnant')) out.push({ kind: 'question', code: 'pregnant', text: `Pregnant: ${intake.pregnant ? 'yes' : 'no'}` });
  if (named.has('breastfeeding')) out.push({ kind: 'question', code: 'breastfeeding', text: `Breastfeeding: ${intake.breastfeeding ? 'yes' : 'no'}` });
  if (named.has('fitzpatrick')) out.push({ kind: 'question', code: 'fitzpatrick', text: `Skin type (Fitzpatrick): ${intake.fitzpatrick ?? 'not answered'}` });
  if (named.has('younger')) out.push({ kind: 'question', code: 'dateOfBirth', text: `Date of birth: ${humanDate(intake.dateOfBirth)} (age ${ageOn(intake.dateOfBirth, planDate)} on ${humanDate(planDate)})` });
  for (const c of intake.conditions) {
    if (!named.has(c.code)) continue;
    const controlled = c.controlled === undefined ? '' : c.controlled ? '; controlled' : '; not controlled';
    out.push({ kind: 'conditions', code: c.code, text: `${sentence(words(c.code))}: ${c.status === 'history' ? 'in the past' : 'now'}${controlled}${areas(c.areas)}` });
  }
  for (const m of intake.medications) {
    if (!named.has(m.code)) continue;
    out.push({ kind: 'medications', code: m.code, text: `${sentence(words(m.code))}: ${m.current ? 'taking it now' : 'not taking it now'}${m.lastDose ? `; last dose ${humanDate(m.lastDose)}` : ''}` });
  }
  for (const p of intake.procedures) {
    if (!named.has(p.code)) continue;
    out.push({ kind: 'procedures', code: p.code, text: `${sentence(words(p.code))}: on ${humanDate(p.date)}${areas(p.areas)}` });
  }
  for (const i of intake.implants) {
    if (named.has(i.code)) out.push({ kind: 'implants', code: i.code, text: `${sentence(words(i.code))}${areas(i.areas)}` });
  }
  for (const a of intake.allergies) {
    if (named.has(a)) out.push({ kind: 'allergies', code: a, text: `Allergy: ${words(a)}` });
  }
  return out;
}
