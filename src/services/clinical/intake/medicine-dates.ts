// Checks the questionnaire makes of each medicine beyond the Intake v1 contract (which it leaves
// unchanged): a last dose is never in the future, and a medicine the client has stopped names the
// day of the last dose when the answers come from the questionnaire (imports follow the contract).
import { Temporal } from 'temporal-polyfill';
import { humanDate } from '../../../domain/shared/human-date.js';
import { dateOfBirthProblem, pastDateProblem } from '../../../domain/shared/plausible.js';
import type { FieldError } from '../../errors.js';
import type { IntakeSchema } from '../engine.js';
import type { z } from 'zod';

const MEDICINE: Record<string, string> = {
  isotretinoin: 'isotretinoin',
  anticoagulant: 'the blood thinner',
  antiplatelet: 'aspirin or the antiplatelet medicine',
  immunosuppressant: 'the medicine that suppresses the immune system',
  chemotherapy: 'chemotherapy',
  topical_retinoid: 'the retinoid cream',
  topical_acid: 'the acid products',
  antiviral_prophylaxis: 'the antiviral',
};

/**
 * The latest day a last dose may name: the clinic's today, or the day the client answered when
 * their calendar is a day ahead of the clinic's (a client in another time zone).
 */
export function lastDoseLimit(clinicToday: string, answeredOn: string): string {
  const tomorrow = Temporal.PlainDate.from(clinicToday).add({ days: 1 }).toString();
  return answeredOn > clinicToday && answeredOn <= tomorrow ? answeredOn : clinicToday;
}

export function medicineDateProblems(intake: z.output<typeof IntakeSchema>, clinicToday: string, source: 'client' | 'staff' | 'import'): FieldError[] {
  const limit = lastDoseLimit(clinicToday, intake.answeredOn);
  const problems: FieldError[] = [];
  intake.medications.forEach((m, i) => {
    const name = MEDICINE[m.code] ?? m.code;
    const path = `medications[${i}].lastDose`;
    if (m.lastDose && m.lastDose > limit) {
      problems.push({ path, message: `Last dose of ${name}: ${humanDate(m.lastDose)} is in the future. Give the day you last took or used it, on or before ${humanDate(limit)}.` });
    } else if (!m.current && !m.lastDose && source !== 'import') {
      problems.push({ path, message: `Last dose of ${name}: you said you have stopped, so give the day you last took or used it.` });
    }
  });
  // dates by meaning: a birth date that is not in the future nor absurd, past treatments in the past
  const dob = dateOfBirthProblem(intake.dateOfBirth, limit);
  if (dob) problems.push({ path: 'dateOfBirth', message: dob });
  intake.procedures.forEach((p, i) => {
    const future = pastDateProblem(PROCEDURE[p.code] ?? 'the treatment', p.date, limit);
    if (future) problems.push({ path: `procedures[${i}].date`, message: future });
  });
  return problems;
}

const PROCEDURE: Record<string, string> = {
  microneedling: 'the microneedling', tanning: 'the tanning', self_tanner: 'the self-tanner', deep_chemical_peel: 'the deep chemical peel', dermabrasion: 'the dermabrasion',
  non_ablative_laser: 'the laser treatment', ablative_laser: 'the laser resurfacing', facial_surgery: 'the facial surgery', neurotoxin: 'the anti-wrinkle injections',
  dermal_filler: 'the filler', radiation_therapy: 'the radiation therapy', pdo_threads: 'the thread lift',
};
