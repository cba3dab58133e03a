// The one catalogue of what people read when a value is refused. The API installs it as zod's error
// customisation (every route's validation speaks it) and the web forms call the same functions for
// their own checks, so "Enter the first name" reads the same under an input before and after a
// round trip. Messages name the field by its label and give amounts in its units: money in dollars
// ("The payment can be at most $245.00"), depths in millimetres, discounts in percent. Never the
// validator's wording, internal codes, option codes or cents.
import { formatMoney, money } from '../pricing/money.js';

export type FieldKind = 'text' | 'choice' | 'date' | 'datetime' | 'money' | 'number' | 'percent' | 'basisPoints' | 'email' | 'phone' | 'password' | 'flag' | 'list';

export interface FieldInfo {
  /** the label people see, "First name" */
  label: string;
  kind: FieldKind;
  /** how a sentence names it ("the payment"); default "the " + label in lower case */
  noun?: string;
  /** plural unit of a number, "millimetres" */
  unit?: string;
  /** the sentence for a missing value, when the default ("Enter the …", "Choose a …") reads badly */
  required?: string;
}

const F = (label: string, kind: FieldKind, more: Partial<FieldInfo> = {}): FieldInfo => ({ label, kind, ...more });

/** Fields by the last named segment of their path. Anything not listed is named from its key. */
export const FIELDS: Record<string, FieldInfo> = {
  firstName: F('First name', 'text'),
  lastName: F('Last name', 'text'),
  name: F('Name', 'text'),
  email: F('Email', 'email', { noun: 'the email address' }),
  phone: F('Phone', 'phone', { noun: 'the phone number' }),
  password: F('Password', 'password'),
  newPassword: F('New password', 'password'),
  currentPassword: F('Current password', 'password'),
  dateOfBirth: F('Date of birth', 'date'),
  dob: F('Date of birth', 'date'),
  organizationSlug: F('MedSpa', 'choice', { required: 'Choose a MedSpa from the list' }),
  preferredLocationId: F('Preferred location', 'choice'),
  area: F('Area', 'choice', { required: 'Choose an area' }),
  areas: F('Areas', 'list', { required: 'Choose an area', noun: 'the areas' }),
  depthMm: F('Depth', 'number', { unit: 'millimetres', noun: 'the depth' }),
  passes: F('Passes', 'number', { unit: 'passes', noun: 'the number of passes' }),
  amountCents: F('Amount', 'money', { noun: 'the payment' }),
  priceCents: F('Price', 'money'),
  unitCents: F('Price', 'money'),
  valueCents: F('Value', 'money'),
  bp: F('Discount', 'basisPoints', { noun: 'the discount' }),
  discount: F('Discount', 'choice'),
  discountReason: F('Reason for the discount', 'text'),
  percent: F('Percent', 'percent'),
  taxRateBp: F('Sales tax rate', 'basisPoints'),
  packageRefundFeeBp: F('Package refund fee', 'basisPoints'),
  lateCancelFeeCents: F('Late cancellation fee', 'money'),
  noShowFeeCents: F('Missed appointment fee', 'money'),
  confirmBackdated: F('Effective from', 'flag', { noun: 'the back-dated price' }),
  effectiveFrom: F('Effective from', 'date', { noun: 'the date the price takes effect' }),
  serviceCode: F('Service', 'choice'),
  serviceId: F('Service', 'choice'),
  method: F('Payment method', 'choice'),
  modality: F('Modality', 'choice'),
  deviceId: F('Device', 'choice'),
  lotIds: F('Needle cartridge lot', 'list', { required: 'Choose the needle cartridge lot' }),
  endPoint: F('Clinical end point', 'text'),
  sessions: F('Sessions', 'number', { unit: 'sessions', noun: 'the number of sessions' }),
  validDays: F('Valid for', 'number', { unit: 'days', noun: 'how many days the package is valid' }),
  signedName: F('Your full name', 'text', { noun: 'your full name' }),
  reason: F('Reason', 'text'),
  reference: F('Reference', 'text'),
  notes: F('Notes', 'text'),
  code: F('Code', 'text', { noun: 'the code' }),
  date: F('Date', 'date'),
  lastDone: F('Date', 'date', { noun: 'the date it was done' }),
  startsAt: F('Start time', 'datetime'),
  url: F('Endpoint address', 'text', { noun: 'the address the events go to' }),
  events: F('Events', 'list', { required: 'Choose at least one event' }),
  clinicName: F('Clinic name', 'text'),
  ownerName: F('Your name', 'text', { noun: 'your name' }),
  address: F('Address', 'text', { noun: 'the street address' }),
  locationName: F('Location name', 'text', { noun: 'the name of the location' }),
  timeZone: F('Time zone', 'choice', { required: 'Choose the time zone of the location' }),
  state: F('State', 'choice', { required: 'Choose a US state' }),
};

const UNKNOWN: FieldInfo = { label: 'This field', kind: 'text', noun: 'this field' };

/** The last named segment of a path ("areas[0].depthMm" -> "depthMm"). */
export function fieldKey(path: readonly PropertyKey[] | string | undefined): string | undefined {
  const parts = typeof path === 'string' ? path.split(/[.[\]]+/).filter(Boolean) : [...(path ?? [])].map((p) => (typeof p === 'number' ? '' : String(p)));
  return parts.reverse().find((p) => p !== '' && !/^\d+$/.test(p));
}

const sentenceCase = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

/** What a field is: from the catalogue, else named and typed from its key ("lotNumber" -> "Lot number"). */
export function fieldInfo(path: readonly PropertyKey[] | string | undefined): FieldInfo {
  const key = fieldKey(path);
  if (!key) return UNKNOWN;
  const known = FIELDS[key];
  if (known) return known;
  const kind: FieldKind = /Cents$/.test(key)
    ? 'money'
    : /Bp$/.test(key)
      ? 'basisPoints'
      : /(Date|On|From|To)$/.test(key) || key === 'from' || key === 'to'
        ? 'date'
        : /At$/.test(key)
          ? 'datetime'
          : /Ids?$/.test(key)
            ? 'choice'
            : /Email$/.test(key)
              ? 'email'
              : 'text';
  const base = key.replace(/(Cents|Bp|Ids?)$/, '') || key;
  const words = base
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return { label: sentenceCase(words), kind };
}

export const labelOf = (path: readonly PropertyKey[] | string | undefined) => fieldInfo(path).label;

const nounOf = (f: FieldInfo) => f.noun ?? `the ${f.label.toLowerCase()}`;
const article = (w: string) => (/^[aeiou]/i.test(w) ? 'an' : 'a');
const dollars = (cents: number) => formatMoney(money(Math.round(cents)));
/** cents as people read them: 24500 -> "$245.00" */
export const dollarsOf = dollars;
const trimNumber = (n: number) => String(Math.round(n * 1000) / 1000);

/** A missing value: "Enter the first name", "Choose an area", "Enter the depth in millimetres". */
export function requiredMessage(path: readonly PropertyKey[] | string | undefined): string {
  const f = fieldInfo(path);
  if (f.required) return f.required;
  const noun = nounOf(f);
  switch (f.kind) {
    case 'choice':
    case 'list':
      return `Choose ${article(f.label)} ${f.label.toLowerCase()}`;
    case 'money':
      return `Enter ${noun} in dollars`;
    case 'number':
      return f.unit ? `Enter ${noun} in ${f.unit}` : `Enter ${noun}`;
    case 'percent':
    case 'basisPoints':
      return `Enter ${noun} in percent`;
    case 'flag':
      return `Answer the question "${f.label}"`;
    case 'text':
    case 'date':
    case 'datetime':
    case 'email':
    case 'phone':
    case 'password':
      return `Enter ${noun}`;
  }
}

/** An amount in the field's own units: $245.00, 2.5 millimetres, 100%. */
function amount(f: FieldInfo, n: number): string {
  if (f.kind === 'money') return dollars(n);
  if (f.kind === 'basisPoints') return `${trimNumber(n / 100)}%`;
  if (f.kind === 'percent') return `${trimNumber(n)}%`;
  return f.unit ? `${trimNumber(n)} ${f.unit}` : trimNumber(n);
}

const Cap = (s: string) => sentenceCase(s);

/** "The payment can be at most $245.00" */
export function atMostMessage(path: readonly PropertyKey[] | string | undefined, max: number): string {
  return `${Cap(nounOf(fieldInfo(path)))} can be at most ${amount(fieldInfo(path), max)}`;
}

/** "The price cannot be negative", "The depth must be at least 0.1 millimetres" */
export function atLeastMessage(path: readonly PropertyKey[] | string | undefined, min: number, inclusive = true): string {
  const f = fieldInfo(path);
  if (min === 0 && inclusive) return `${Cap(nounOf(f))} cannot be negative`;
  if (min === 0) return `${Cap(nounOf(f))} must be more than ${amount(f, 0)}`;
  if (!inclusive) return `${Cap(nounOf(f))} must be more than ${amount(f, min)}`;
  if (f.kind === 'money' && min === 1) return `${Cap(nounOf(f))} must be more than ${dollars(0)}`;
  return `${Cap(nounOf(f))} must be at least ${amount(f, min)}`;
}

const FORMATS: Record<string, (f: FieldInfo) => string> = {
  email: () => 'Enter an email address such as name@example.com',
  date: (f) => `Enter ${nounOf(f)} as a real date`,
  datetime: (f) => `Enter ${nounOf(f)} as a date and time`,
  time: (f) => `Enter ${nounOf(f)} as a time such as 09:30`,
  uuid: (f) => `Choose ${article(f.label)} ${f.label.toLowerCase()} from the list`,
  url: (f) => `Enter ${nounOf(f)} as a web address`,
};

/** The fields of a zod issue this catalogue reads (zod 4's raw issue, or a finished one). */
export interface IssueLike {
  code?: string;
  path?: readonly PropertyKey[];
  input?: unknown;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  expected?: string;
  format?: string;
  values?: readonly unknown[];
  keys?: readonly string[];
  message?: string;
}

/** A plain sentence for a refused value; every code zod 4 raises has one. */
export function issueMessage(iss: IssueLike): string {
  const path = iss.path ?? [];
  const f = fieldInfo(path);
  const noun = nounOf(f);
  const n = (v: number | bigint | undefined) => Number(v ?? 0);
  switch (iss.code ?? 'custom') {
    case 'invalid_type': {
      if (iss.input === undefined || iss.input === null || iss.input === '') return requiredMessage(path);
      if (iss.expected === 'int' || iss.expected === 'number') {
        if (f.kind === 'money') return `Enter ${noun} in dollars, such as 12.50`;
        if (iss.expected === 'int' && typeof iss.input === 'number') return `Enter ${noun} as a whole number`;
        return f.unit ? `Enter ${noun} as a number of ${f.unit}` : `Enter ${noun} as a number`;
      }
      if (iss.expected === 'boolean') return `Answer yes or no for ${noun}`;
      if (iss.expected === 'string') return `Enter ${noun} as text`;
      return `Check ${noun}`;
    }
    case 'too_small': {
      if (iss.origin === 'string') return n(iss.minimum) <= 1 ? requiredMessage(path) : `${Cap(noun)} must be at least ${n(iss.minimum)} characters`;
      if (iss.origin === 'array' || iss.origin === 'set') return n(iss.minimum) <= 1 ? requiredMessage(path) : `Choose at least ${n(iss.minimum)} for ${noun}`;
      if (iss.origin === 'date') return `${Cap(noun)} is too early`;
      return atLeastMessage(path, n(iss.minimum), iss.inclusive !== false);
    }
    case 'too_big': {
      if (iss.origin === 'string') return `${Cap(noun)} can be at most ${n(iss.maximum)} characters`;
      if (iss.origin === 'array' || iss.origin === 'set') return `Choose at most ${n(iss.maximum)} for ${noun}`;
      if (iss.origin === 'date') return `${Cap(noun)} is too late`;
      if (iss.inclusive === false) return `${Cap(noun)} must be less than ${amount(f, n(iss.maximum))}`;
      return atMostMessage(path, n(iss.maximum));
    }
    case 'invalid_value':
      if (iss.values?.length === 1 && iss.values[0] === true) return `Confirm ${noun} to continue`;
      return f.kind === 'choice' || f.required ? requiredMessage(path) : `Choose one of the options for ${noun}`;
    case 'invalid_format':
      if (f.kind === 'phone') return 'Enter a phone number of 7 to 20 digits; spaces, dashes and brackets are fine';
      return (FORMATS[iss.format ?? ''] ?? ((x: FieldInfo) => `Check ${nounOf(x)}`))(f);
    case 'not_multiple_of':
      return f.kind === 'money' ? `Enter ${noun} in dollars and cents, such as 12.50` : `Check ${noun}`;
    case 'unrecognized_keys':
      return `This form sent a field Dermis does not use (${(iss.keys ?? []).join(', ')})`;
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
    default:
      return `Check ${noun}`;
  }
}

/** zod's global error customisation: `z.config({ customError })`. */
export const customError = (iss: IssueLike) => issueMessage(iss);

/** A sentence ends with a full stop. */
export const sentence = (m: string) => (/[.!?]$/.test(m.trim()) ? m.trim() : `${m.trim()}.`);

/** Messages of several fields as one paragraph, each once: "Enter the first name. Choose an area." */
export function summarize(messages: readonly string[], max = 3): string {
  const unique = [...new Set(messages.map(sentence))];
  if (unique.length === 0) return 'Check the highlighted fields.';
  const shown = unique.slice(0, max).join(' ');
  return unique.length > max ? `${shown} Check the other highlighted fields too.` : shown;
}

/**
 * A field message that is a fragment ("no such location", "at least 10 characters") made into a
 * sentence that names the field; sentences (capitalised) are kept as they are.
 */
export function plainFieldMessage(path: readonly PropertyKey[] | string, message: string): string {
  const m = message.trim();
  if (/^[A-Z"“]/.test(m)) return m;
  const f = fieldInfo(path);
  if (/^no such /.test(m)) return `Choose ${article(f.label)} ${f.label.toLowerCase()} from the list`;
  if (/^required/.test(m)) return requiredMessage(path);
  if (/^(must|is|are|can|cannot|should) /.test(m)) return `${f.label} ${m}`;
  // an instruction reads as one: "type your name to sign" -> "Type your name to sign"
  if (/^(type|choose|enter|give|record|count|send|say|ask|refund|add|pick|use|select) /.test(m)) return sentenceCase(m);
  return `${f.label}: ${m}`;
}
