// The shared shapes of what people type: every string and date that comes in through the API or the
// CLI is declared with one of these, so hostile input is refused in one place, with a plain sentence
// that names the field ("First name contains a character that is not allowed"), before it can reach
// the database (PostgreSQL refuses NUL, and dates outside its range, with an error).
//
// - text(): free text, may span lines; refuses NUL and the other control characters except tab and
//   line breaks, and lone surrogates (half of a UTF-16 pair, not a character).
// - line(): a one-line label (a lot number, a room, a reason code); refuses every control character.
// - personName(): a person's name; removes invisible and direction-changing characters (zero-width
//   spaces and joiners, soft hyphen, byte-order mark, bidirectional embeddings, overrides and
//   isolates), which would otherwise travel into lists, CSV files and PDFs, then acts as line().
// - isoDate() / isoDateTime(): a real calendar date (or an instant with its offset) between
//   1900-01-01 and 2100-12-31, or a narrower range given by meaning.
// - jsonData(): an open JSON object (a questionnaire draft) whose every key and string passes text().
import { z } from 'zod';
import { fieldKey, labelOf, requiredMessage } from './messages.js';
import { humanDate } from './human-date.js';

export const DATE_MIN = '1900-01-01';
export const DATE_MAX = '2100-12-31';

/** A field's name for people, from the message catalogue: "lotNumber" -> "Lot number". */
export function fieldLabel(path: readonly PropertyKey[] | undefined): string {
  if (fieldKey(path) === 'q') return 'Search text';
  return fieldKey(path) ? labelOf(path) : 'The value';
}

// No `u` flag: these patterns are published in the OpenAPI document as they are, and they read the
// same with or without it (a surrogate pair is one character either way; a lone half is refused).
const PAIR = '[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]';
/** Free text: no NUL or other control characters (tab and line breaks are fine), no lone surrogates. */
export const TEXT_CHARS = new RegExp(`^(?:[^\\0-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\uD800-\\uDFFF]|${PAIR})*$`);
/** One line: no control characters at all (C0, DEL, C1), no lone surrogates. */
export const LINE_CHARS = new RegExp(`^(?:[^\\0-\\x1F\\x7F-\\x9F\\uD800-\\uDFFF]|${PAIR})*$`);
/** Invisible and direction-changing characters that names lose. */
export const INVISIBLE_CHARS = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** true when s holds none of the characters text() refuses */
export const isSafeText = (s: string) => TEXT_CHARS.test(s);

type Issue = { path?: readonly PropertyKey[]; input?: unknown };
const say = (f: (label: string) => string) => (iss: Issue) => f(fieldLabel(iss.path));

interface TextOpts {
  /** fewest characters after trimming (0 allows empty); default 1 */
  min?: number;
  max: number;
  /** the message when shorter than min, instead of "X is required" / "X must be at least n characters" */
  tooShort?: string;
}

function bounded(s: z.ZodString, { min = 1, max, tooShort }: TextOpts, chars: RegExp) {
  let out = s.regex(chars, { error: say((l) => `${l} contains a character that is not allowed`) });
  if (min > 0) out = out.min(min, { error: tooShort ?? ((iss: Issue) => (min === 1 ? requiredMessage(iss.path) : `${fieldLabel(iss.path)} must be at least ${min} characters`)) });
  return out.max(max, { error: say((l) => `${l} can be at most ${max} characters`) });
}

const aString = () => z.string({ error: (iss: Issue) => (iss.input === undefined || iss.input === null ? requiredMessage(iss.path) : `${fieldLabel(iss.path)} must be text`) });

/** Free text (notes, reasons, descriptions), trimmed. */
export const text = (opts: TextOpts) => bounded(aString().trim(), opts, TEXT_CHARS);

/** A one-line label (a product, a lot number, a room), trimmed. */
export const line = (opts: TextOpts) => bounded(aString().trim(), opts, LINE_CHARS);

/** A person's name: invisible and direction-changing characters removed, then a trimmed line. */
export const personName = (opts: TextOpts) =>
  bounded(
    aString()
      .overwrite((s) => s.replace(INVISIBLE_CHARS, ''))
      .trim(),
    opts,
    LINE_CHARS,
  );

/** A key or token that is compared, never shown (an idempotency key, an id from elsewhere): not trimmed. */
export const token = (opts: TextOpts) => bounded(aString(), opts, LINE_CHARS);

interface DateOpts {
  min?: string;
  max?: string;
}

// a value that is not a date at all was refused already, by its format
const inRange = (d: string, min: string, max: string) => !/^\d{4}-\d{2}-\d{2}/.test(d) || (d >= min && d <= max);

/** A real calendar date written YYYY-MM-DD, within [min, max] (default 1900-01-01..2100-12-31). */
export const isoDate = ({ min = DATE_MIN, max = DATE_MAX }: DateOpts = {}) =>
  z.iso
    .date({ error: (iss: Issue) => (iss.input === undefined || iss.input === null || iss.input === '' ? requiredMessage(iss.path) : `${fieldLabel(iss.path)} must be a real date`) })
    .refine((d) => inRange(d, min, max), { error: say((l) => `${l} must be between ${humanDate(min)} and ${humanDate(max)}`) });

/** An instant with its offset (2026-03-02T15:00:00Z, 2026-03-02T09:00:00-06:00) within the date range. */
export const isoDateTime = ({ min = DATE_MIN, max = DATE_MAX }: DateOpts = {}) =>
  z.iso
    .datetime({ offset: true, error: say((l) => `${l} must be a date and time such as 2026-03-02T15:00:00Z`) })
    .refine((d) => inRange(d.slice(0, 10), min, max), { error: say((l) => `${l} must be between ${humanDate(min)} and ${humanDate(max)}`) });

/** Either a date or an instant (a filter's bounds), within the date range. */
export const isoDateOrDateTime = ({ min = DATE_MIN, max = DATE_MAX }: DateOpts = {}) =>
  z
    .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: say((l) => `${l} must be a date (YYYY-MM-DD) or a date and time`) })
    .refine((d) => inRange(d.slice(0, 10), min, max), { error: say((l) => `${l} must be between ${humanDate(min)} and ${humanDate(max)}`) });

/** Every place in a JSON value where a key or a string holds a character text() refuses. */
function unsafePaths(value: unknown, path: (string | number)[], out: { path: (string | number)[]; why: string }[], depth = 0) {
  if (out.length >= 10) return;
  if (depth > 32) {
    out.push({ path, why: 'is nested too deeply' });
  } else if (typeof value === 'string') {
    if (!isSafeText(value)) out.push({ path, why: 'contains a character that is not allowed' });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => unsafePaths(v, [...path, i], out, depth + 1));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (!isSafeText(k)) out.push({ path, why: 'has a field name with a character that is not allowed' });
      else unsafePaths(v, [...path, k], out, depth + 1);
    }
  }
}

/** An open JSON object (kept as given, checked in full later) whose keys and strings are safe text. */
export const jsonData = () =>
  z.record(z.string(), z.unknown()).superRefine((value, ctx) => {
    const bad: { path: (string | number)[]; why: string }[] = [];
    unsafePaths(value, [], bad);
    for (const b of bad) ctx.addIssue({ code: 'custom', path: b.path, message: `${fieldLabel(b.path)} ${b.why}` });
  });
