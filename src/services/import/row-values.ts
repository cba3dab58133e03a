// One row of a file read into typed values through the mapping, with what is wrong said in plain
// sentences that name the column and what to fix ("Row 12: Email 'bob@' is not an email address.").
// Row numbers are those a spreadsheet shows: the header is row 1, the first client row 2.
import { z } from 'zod';
import { Temporal } from 'temporal-polyfill';
import type { CsvImportKind } from '../../db/schema-import.js';
import { dateOfBirthProblem } from '../../domain/shared/plausible.js';
import { phoneSchema } from '../clients/client-input.js';
import { latestToday } from '../plausible-dates.js';
import type { Mapping } from './fields.js';
import type { ImportField } from './presets.js';

export type VisitStatus = 'booked' | 'completed' | 'cancelled' | 'late_cancelled' | 'no_show';

export interface RowValues {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  dateOfBirth: string | null;
  /** appointments: local date and time at the location */
  date: string | null;
  time: string | null;
  service: string | null;
  provider: string | null;
  status: VisitStatus | null;
  packageName: string | null;
  remainingSessions: number | null;
  expiresOn: string | null;
  note: string | null;
  noteDate: string | null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number) => String(n).padStart(2, '0');

function validDate(y: number, m: number, d: number): string | null {
  try {
    return Temporal.PlainDate.from({ year: y, month: m, day: d }, { overflow: 'reject' }).toString();
  } catch {
    return null;
  }
}

const fullYear = (y: string) => (y.length === 2 ? (Number(y) > 50 ? 1900 : 2000) + Number(y) : Number(y));

/** A date as exports write it (2026-03-10, 3/10/2026, 3/10/26, Mar 10, 2026, 10 March 2026), with any time after it. */
export function parseDate(raw: string): { date: string; rest: string } | null {
  const s = raw.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(.*))?$/.exec(s);
  if (m) {
    const date = validDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return date ? { date, rest: (m[4] ?? '').replace(/(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/, '') } : null;
  }
  // North American exports write month/day/year
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})(?:,?\s+(.*))?$/.exec(s);
  if (m) {
    const date = validDate(fullYear(m[3]!), Number(m[1]), Number(m[2]));
    return date ? { date, rest: m[4] ?? '' } : null;
  }
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?:,?\s+(.*))?$/.exec(s) ?? null;
  if (m) {
    const month = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1;
    const date = month ? validDate(Number(m[3]), month, Number(m[2])) : null;
    return date ? { date, rest: m[4] ?? '' } : null;
  }
  m = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})(?:,?\s+(.*))?$/.exec(s);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1;
    const date = month ? validDate(Number(m[3]), month, Number(m[1])) : null;
    return date ? { date, rest: m[4] ?? '' } : null;
  }
  return null;
}

/** A time of day (10:00, 14:30, 2:30 PM, 10am, 10:00:00) as HH:MM, or null. */
export function parseTime(raw: string): string | null {
  const m = /^(\d{1,2})(?::(\d{2}))?(?::\d{2})?\s*([AaPp]\.?[Mm]\.?)?$/.exec(raw.trim());
  if (!m) return null;
  let h = Number(m[1]);
  const min = Number(m[2] ?? '0');
  if (!m[2] && !m[3]) return null;
  if (m[3]) {
    if (h < 1 || h > 12) return null;
    const pm = m[3].toLowerCase().startsWith('p');
    h = (h % 12) + (pm ? 12 : 0);
  }
  return h <= 23 && min <= 59 ? `${pad(h)}:${pad(min)}` : null;
}

const STATUS_WORDS: [RegExp, VisitStatus][] = [
  [/^(late[\s_-]*cancel(l)?ed|late[\s_-]*cancel(l)?ation)$/, 'late_cancelled'],
  [/^(no[\s_-]*show(ed)?|missed|did not show)$/, 'no_show'],
  [/^(cancel(l)?ed|cancel(l)?ation|deleted|void(ed)?)$/, 'cancelled'],
  [/^(completed?|checked[\s_-]*out|arrived|closed|paid|finished|done|attended|visited)$/, 'completed'],
  [/^(|booked|confirmed|scheduled|unconfirmed|pending|requested|new|open|reserved|checked[\s_-]*in)$/, 'booked'],
];

export function parseStatus(raw: string): VisitStatus | null {
  const s = raw.trim().toLowerCase();
  return STATUS_WORDS.find(([re]) => re.test(s))?.[1] ?? null;
}

/** "Dana Park" -> Dana / Park; "Park, Dana" -> Dana / Park. */
export function splitName(full: string): { first: string; last: string } {
  const s = full.trim().replace(/\s+/g, ' ');
  if (s.includes(',')) {
    const [last, first] = s.split(',', 2).map((x) => x.trim());
    return { first: first ?? '', last: last ?? '' };
  }
  const i = s.lastIndexOf(' ');
  return i < 0 ? { first: s, last: '' } : { first: s.slice(0, i), last: s.slice(i + 1) };
}

const email = z.email();

export interface ReadRow {
  values: RowValues;
  /** plain sentences, each starting "Row N:" */
  errors: string[];
}

/** The cells of one row read through the mapping; `rowNumber` as a spreadsheet shows it. */
export function readRow(kind: CsvImportKind, headers: string[], mapping: Mapping, cells: string[], rowNumber: number, now: Date): ReadRow {
  const errors: string[] = [];
  const col = (f: ImportField) => (mapping[f] ? mapping[f] : null);
  const cell = (f: ImportField) => {
    const h = col(f);
    if (!h) return '';
    return (cells[headers.indexOf(h)] ?? '').trim();
  };
  const fail = (f: ImportField, what: string) => errors.push(`Row ${rowNumber}: ${col(f) ? `${col(f)} ` : ''}${what}`);
  const quote = (s: string) => `'${s.length > 60 ? `${s.slice(0, 57)}...` : s}'`;

  let firstName = cell('firstName');
  let lastName = cell('lastName');
  if ((!firstName || !lastName) && cell('fullName')) {
    const split = splitName(cell('fullName'));
    firstName ||= split.first;
    lastName ||= split.last;
  }
  if (!firstName || !lastName) {
    const which = mapping.fullName && !(mapping.firstName && mapping.lastName) ? 'fullName' : !firstName ? 'firstName' : 'lastName';
    fail(which, which === 'fullName' ? 'needs a first and a last name, such as "Dana Park".' : 'is empty; every row needs the client\'s first and last name.');
  }
  if (firstName.length > 100 || lastName.length > 100) fail('lastName', 'is longer than 100 characters; shorten the name.');

  const rawEmail = cell('email');
  let emailValue: string | null = null;
  if (rawEmail) {
    if (email.safeParse(rawEmail).success && rawEmail.length <= 254) emailValue = rawEmail.toLowerCase();
    else fail('email', `${quote(rawEmail)} is not an email address; correct it or leave the cell empty.`);
  }
  const rawPhone = cell('phone');
  let phone: string | null = null;
  if (rawPhone) {
    if (phoneSchema.safeParse(rawPhone).success) phone = rawPhone;
    else fail('phone', `${quote(rawPhone)} is not a phone number; use 7 to 20 digits (spaces, dashes and brackets are fine) or leave it empty.`);
  }
  const today = latestToday(now);
  const dateOf = (f: ImportField, what: string): { date: string; rest: string } | null => {
    const raw = cell(f);
    if (!raw) return null;
    const parsed = parseDate(raw);
    if (!parsed) fail(f, `${quote(raw)} is not a date; write it as ${what} such as 2026-03-10 or 3/10/2026.`);
    return parsed;
  };
  const dob = dateOf('dateOfBirth', 'a date of birth');
  if (dob) {
    const problem = dateOfBirthProblem(dob.date, today);
    if (problem) fail('dateOfBirth', `${quote(cell('dateOfBirth'))}: ${problem.charAt(0).toLowerCase()}${problem.slice(1)}`);
  }

  const values: RowValues = {
    firstName, lastName, email: emailValue, phone, dateOfBirth: dob?.date ?? null,
    date: null, time: null, service: null, provider: null, status: null, packageName: null, remainingSessions: null, expiresOn: null, note: null, noteDate: null,
  };

  if (kind === 'appointments') {
    const d = dateOf('date', 'a date');
    if (!d && !cell('date')) fail('date', 'is empty; give the date of the appointment.');
    values.date = d?.date ?? null;
    const rawTime = cell('time') || d?.rest || '';
    if (d) {
      if (!rawTime) fail(mapping.time ? 'time' : 'date', mapping.time ? 'is empty; give the start time, such as 10:00 or 2:30 PM.' : 'has no time; choose the column with the start time, or give it as 3/10/2026 2:30 PM.');
      else if (!parseTime(rawTime)) fail(cell('time') ? 'time' : 'date', `${quote(rawTime)} is not a time of day; write it as 10:00 or 2:30 PM.`);
      else values.time = parseTime(rawTime);
    }
    values.service = cell('service') || null;
    if (!values.service) fail('service', 'is empty; give the service as it is named in Dermis.');
    values.provider = cell('provider') || null;
    const rawStatus = cell('status');
    values.status = parseStatus(rawStatus);
    if (!values.status) fail('status', `${quote(rawStatus)} is not a status Dermis knows; use Booked, Completed, Cancelled, Late cancel or No show.`);
  }
  if (kind === 'packages') {
    values.packageName = cell('packageName') || null;
    if (!values.packageName) fail('packageName', 'is empty; give the package as it is named in Dermis.');
    const rawLeft = cell('remainingSessions');
    const left = /^\d+(\.0+)?$/.test(rawLeft) ? Number.parseInt(rawLeft, 10) : Number.NaN;
    if (!Number.isInteger(left) || left < 0 || left > 100) fail('remainingSessions', `${quote(rawLeft)} is not a number of sessions; give a whole number from 0 to 100.`);
    else values.remainingSessions = left;
    const exp = dateOf('expiresOn', 'a date');
    values.expiresOn = exp?.date ?? null;
  }
  if (kind === 'notes') {
    const note = cell('note');
    // the note's text is health content: never repeated in a message
    if (!note) fail('note', 'is empty; leave the row out or write the note.');
    else if (note.length > 5000) fail('note', `is ${note.length} characters long; a note may have at most 5000.`);
    else values.note = note;
    const nd = dateOf('noteDate', 'a date');
    values.noteDate = nd?.date ?? null;
  }
  return { values, errors };
}
