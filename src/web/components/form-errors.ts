// How a form shows what the API refused: each field's message under its input, and one message for
// the whole form that never repeats them. The form's own checks use the same catalogue as the API
// (src/domain/shared/messages.ts), so a message reads the same before and after a round trip.
import { ApiError, errorText } from '../api/client.js';
import { requiredMessage, summarize } from '../../domain/shared/messages.js';
import { dateOfBirthProblem } from '../../domain/shared/plausible.js';

export { atLeastMessage, atMostMessage, requiredMessage } from '../../domain/shared/messages.js';
export { dateOfBirthProblem, pastDateProblem } from '../../domain/shared/plausible.js';

export const CHECK_FIELDS = 'Check the highlighted fields.';

export interface SplitErrors {
  /** messages by the form's field name, for the inputs the form shows */
  fields: Record<string, string>;
  /** one message for the whole form, or null */
  message: string | null;
}

/**
 * Splits an error for a form. `shown` lists the fields that have an input on this form (an API path
 * maps to a field of the same name, or through `aliases`: { 'payment.amountCents': 'amount' }).
 */
export function splitErrors(err: unknown, shown: readonly string[] = [], aliases: Record<string, string> = {}): SplitErrors {
  if (!err) return { fields: {}, message: null };
  if (!(err instanceof ApiError)) return { fields: {}, message: errorText(err) };
  const has = new Set(shown);
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const f of err.fields) {
    const name = aliases[f.path] ?? f.path;
    if (has.has(name)) fields[name] ??= f.message;
    else rest.push(f.message);
  }
  // the detail of a validation problem sums up its field messages: say it once, not twice
  const detailRepeats = err.fields.some((f) => err.message.includes(f.message.replace(/\.$/, '')));
  const unsaid = detailRepeats ? rest : rest.filter((m) => !err.message.includes(m.replace(/\.$/, '')));
  const parts = [detailRepeats ? '' : err.message, unsaid.length ? summarize(unsaid) : ''].filter(Boolean);
  if (parts.length === 0) return { fields, message: Object.keys(fields).length ? CHECK_FIELDS : errorText(err) };
  return { fields, message: parts.join(' ') };
}

/** Puts an API error on a Mantine form (field messages) and returns the form-level message. */
export function applyErrors(form: { setErrors: (e: Record<string, string>) => void; values: object }, err: unknown, aliases: Record<string, string> = {}): string | null {
  const split = splitErrors(err, Object.keys(form.values), aliases);
  form.setErrors(split.fields);
  return split.message;
}

/** A validator for a required input: "Enter the first name", "Choose an area". */
export const required =
  (field: string) =>
  (v: unknown): string | null =>
    (typeof v === 'string' ? v.trim() : v ?? '') === '' ? requiredMessage(field) : null;

/** An email address, when one is given (or always, with `need`). */
export const emailCheck =
  (need = false) =>
  (v: string): string | null =>
    !v.trim() ? (need ? requiredMessage('email') : null) : /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? null : 'Enter an email address such as name@example.com';

/** A phone number, when one is given. */
export const phoneCheck = (v: string): string | null => (!v.trim() || /^\+?[0-9 ()-]{7,20}$/.test(v.trim()) ? null : 'Enter a phone number of 7 to 20 digits; spaces, dashes and brackets are fine');

/** The device's today as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** A date of birth, when one is given: a real date, not in the future, not more than 120 years ago. */
export const dateOfBirthCheck = (v: string): string | null => {
  if (!v) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return 'Enter the date of birth as a real date';
  return dateOfBirthProblem(v, localToday());
};
