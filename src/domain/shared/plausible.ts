// Checks by meaning that a schema cannot make alone because they need today's date: a date of birth
// is not in the future nor absurdly long ago, a past event is not dated in the future. Each answers
// a plain sentence, or null when the value makes sense. The same functions run in the forms.
import { humanDate } from './human-date.js';

/** The oldest age a date of birth may give. */
export const MAX_AGE_YEARS = 120;

const yearsBefore = (day: string, years: number) => `${String(Number(day.slice(0, 4)) - years).padStart(4, '0')}${day.slice(4)}`;

/** "The date of birth cannot be in the future", or null. `today` is YYYY-MM-DD. */
export function dateOfBirthProblem(dob: string, today: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dob)) return null;
  if (dob > today) return `The date of birth cannot be in the future. Enter a date on or before ${humanDate(today)}.`;
  if (dob < yearsBefore(today, MAX_AGE_YEARS)) return `Check the date of birth: ${humanDate(dob)} is more than ${MAX_AGE_YEARS} years ago.`;
  return null;
}

/** "The date of the treatment cannot be in the future", or null. */
export function pastDateProblem(what: string, date: string, today: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  return date > today ? `The date of ${what} cannot be in the future. Give the last day it was done, on or before ${humanDate(today)}.` : null;
}
