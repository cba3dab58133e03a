// Today's date for "not in the future" checks on what people type about themselves (a date of birth,
// a past treatment): the latest calendar date anywhere on Earth (UTC+14), so nobody is refused a
// date that is already today where they are.
import { dateOfBirthProblem } from '../domain/shared/plausible.js';
import { invalid } from './errors.js';

export const latestToday = (now: Date) => new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);

/** Refuses a date of birth in the future or more than 120 years ago, naming the field. */
export function assertDateOfBirth(dob: string | null | undefined, now: Date, path = 'dateOfBirth') {
  if (!dob) return;
  const problem = dateOfBirthProblem(dob, latestToday(now));
  if (problem) throw invalid(path, problem);
}
