import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { atMostMessage, customError, fieldInfo, issueMessage, plainFieldMessage, requiredMessage, summarize } from './messages.js';
import { dateOfBirthProblem, pastDateProblem } from './plausible.js';

const VALIDATOR = /expected|Invalid input|Too small|Too big|cents|>=|<=|"\w+"\|/;

const messagesOf = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value, { error: customError });
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('the message catalogue', () => {
  it('names fields by their label and asks for what is missing', () => {
    expect(requiredMessage(['firstName'])).toBe('Enter the first name');
    expect(requiredMessage('areas[0].area')).toBe('Choose an area');
    expect(requiredMessage(['areas', 0, 'depthMm'])).toBe('Enter the depth in millimetres');
    expect(requiredMessage(['preferredLocationId'])).toBe('Choose a preferred location');
    expect(requiredMessage(['amountCents'])).toBe('Enter the payment in dollars');
    expect(fieldInfo('lotNumber').label).toBe('Lot number');
    expect(fieldInfo('expiresOn')).toMatchObject({ label: 'Expires on', kind: 'date' });
    expect(fieldInfo('depositCents')).toMatchObject({ label: 'Deposit', kind: 'money' });
  });

  it('gives amounts in the field’s units: dollars, millimetres, percent', () => {
    expect(atMostMessage('amountCents', 24_500)).toBe('The payment can be at most $245.00');
    expect(atMostMessage('discount.bp', 10_000)).toBe('The discount can be at most 100%');
    expect(atMostMessage('depthMm', 3)).toBe('The depth can be at most 3 millimetres');
  });

  it('turns every zod issue into a plain sentence', () => {
    const schema = z.strictObject({
      firstName: z.string().min(2),
      area: z.enum(['forehead', 'glabella']),
      depthMm: z.number().min(0.1).max(3),
      email: z.email(),
      amountCents: z.number().int().min(1).max(24_500),
      priceCents: z.number().int().min(0),
      dateOfBirth: z.iso.date(),
      bp: z.number().int().max(10_000),
      lotIds: z.array(z.uuid()).min(1),
    });
    const bad = { firstName: 'A', area: 'nose', depthMm: null, email: 'nope', amountCents: 30_000, priceCents: -50, dateOfBirth: '1990-02-30', bp: 15_000, lotIds: [], extra: 1 };
    const messages = messagesOf(schema, bad);
    expect(messages).toEqual([
      'The first name must be at least 2 characters',
      'Choose an area',
      'Enter the depth in millimetres',
      'Enter an email address such as name@example.com',
      'The payment can be at most $245.00',
      'The price cannot be negative',
      'Enter the date of birth as a real date',
      'The discount can be at most 100%',
      'Choose the needle cartridge lot',
      'This form sent a field Dermis does not use (extra)',
    ]);
    for (const m of messages) expect(m).not.toMatch(VALIDATOR);
    expect(messagesOf(schema, {})).toContain('Enter the first name');
    expect(messagesOf(z.object({ depthMm: z.number() }), { depthMm: 'deep' })).toEqual(['Enter the depth as a number of millimetres']);
    expect(messagesOf(z.object({ amountCents: z.number().int() }), { amountCents: 1.5 })).toEqual(['Enter the payment in dollars, such as 12.50']);
    expect(issueMessage({ code: 'custom', path: ['notes'] })).toBe('Check the notes');
  });

  it('makes fragments into sentences and sums several up once each', () => {
    expect(plainFieldMessage('preferredLocationId', 'no such location')).toBe('Choose a preferred location from the list');
    expect(plainFieldMessage('email', 'Another client has it')).toBe('Another client has it');
    expect(plainFieldMessage('signedName', 'type "Nina Park" to sign')).toBe('Type "Nina Park" to sign');
    expect(plainFieldMessage('to', 'must be on or after from')).toBe('To must be on or after from');
    expect(summarize(['Enter the first name', 'Enter the first name', 'Choose an area.'])).toBe('Enter the first name. Choose an area.');
    expect(summarize([])).toBe('Check the highlighted fields.');
  });
});

describe('dates by meaning', () => {
  it('refuses a date of birth in the future or more than 120 years ago', () => {
    expect(dateOfBirthProblem('2030-01-01', '2026-12-01')).toBe('The date of birth cannot be in the future. Enter a date on or before December 1, 2026.');
    expect(dateOfBirthProblem('1900-06-01', '2026-12-01')).toMatch(/^Check the date of birth: June 1, 1900 is more than 120 years ago/);
    expect(dateOfBirthProblem('1990-04-02', '2026-12-01')).toBeNull();
    expect(dateOfBirthProblem('2026-12-01', '2026-12-01')).toBeNull();
  });

  it('refuses a past treatment dated in the future', () => {
    expect(pastDateProblem('the filler', '2027-01-05', '2026-12-01')).toMatch(/^The date of the filler cannot be in the future/);
    expect(pastDateProblem('the filler', '2026-11-05', '2026-12-01')).toBeNull();
  });
});
