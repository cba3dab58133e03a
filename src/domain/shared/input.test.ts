import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldLabel, isoDate, isoDateOrDateTime, isoDateTime, jsonData, line, personName, text } from './input.js';

const messages = (schema: z.ZodType, value: unknown) => {
  const r = z.strictObject({ lotNumber: schema }).safeParse({ lotNumber: value });
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('shared input shapes', () => {
  it('names fields the way people read them', () => {
    expect(fieldLabel(['firstName'])).toBe('First name');
    expect(fieldLabel(['products', 0, 'description'])).toBe('Description');
    expect(fieldLabel(['areas', 2])).toBe('Areas');
    expect(fieldLabel(['expires_on'])).toBe('Expires on');
    expect(fieldLabel([])).toBe('The value');
  });

  it('text refuses NUL, control characters and lone surrogates, and keeps line breaks, tabs and emoji', () => {
    const t = text({ max: 100 });
    expect(messages(t, 'A\u0000B')).toEqual(['Lot number contains a character that is not allowed']);
    expect(messages(t, 'A\u0007B')).toEqual(['Lot number contains a character that is not allowed']);
    expect(messages(t, 'A\uD800B')).toEqual(['Lot number contains a character that is not allowed']);
    expect(messages(t, 'B\uDC00')).toEqual(['Lot number contains a character that is not allowed']);
    expect(t.parse(' line one\n\tline two 😀 ')).toBe('line one\n\tline two 😀');
    expect(messages(t, '')).toEqual(['Enter the lot number']);
    expect(messages(t, 'x'.repeat(101))).toEqual(['Lot number can be at most 100 characters']);
    expect(messages(t, undefined)).toEqual(['Enter the lot number']);
    expect(messages(t, 42)).toEqual(['Lot number must be text']);
  });

  it('line refuses line breaks too', () => {
    expect(messages(line({ max: 60 }), 'A\nB')).toEqual(['Lot number contains a character that is not allowed']);
    expect(line({ max: 60 }).parse('LOT-2026/7 ü')).toBe('LOT-2026/7 ü');
  });

  it('names lose invisible and direction-changing characters; a name of nothing else is empty', () => {
    const n = personName({ max: 100 });
    expect(n.parse('\u202EAnna\u202C \u200BMarie\uFEFF\u00AD \u2066Lee\u2069')).toBe('Anna Marie Lee');
    expect(n.parse('Zoë Ørsted-Nguyễn 李')).toBe('Zoë Ørsted-Nguyễn 李');
    expect(messages(n, '\u200B\u202E ')).toEqual(['Enter the lot number']);
    expect(messages(n, 'Ann\u0000')).toEqual(['Lot number contains a character that is not allowed']);
    expect(messages(n, 'Ann\nLee')).toEqual(['Lot number contains a character that is not allowed']);
  });

  it('dates are real and between 1900 and 2100 (or a narrower range)', () => {
    expect(isoDate().parse('2026-02-28')).toBe('2026-02-28');
    expect(messages(isoDate(), '2026-02-30')).toEqual(['Lot number must be a real date']);
    expect(messages(isoDate(), '9999-12-31')).toEqual(['Lot number must be between January 1, 1900 and December 31, 2100']);
    expect(messages(isoDate(), '0000-01-01')).toEqual(['Lot number must be between January 1, 1900 and December 31, 2100']);
    expect(messages(isoDate({ min: '2000-01-01' }), '1999-12-31')).toEqual(['Lot number must be between January 1, 2000 and December 31, 2100']);
    expect(isoDateTime().parse('2026-03-02T09:00:00-06:00')).toBe('2026-03-02T09:00:00-06:00');
    expect(messages(isoDateTime(), '9999-12-31T10:00:00Z')).toEqual(['Lot number must be between January 1, 1900 and December 31, 2100']);
    expect(messages(isoDateOrDateTime(), '0000-01-01')).toEqual(['Lot number must be between January 1, 1900 and December 31, 2100']);
    expect(messages(isoDateOrDateTime(), 'yesterday')).toEqual(['Lot number must be a date (YYYY-MM-DD) or a date and time']);
    expect(isoDateOrDateTime().parse('2026-03-02')).toBe('2026-03-02');
  });

  it('open JSON data is checked in every key and string, naming where', () => {
    const r = z.strictObject({ data: jsonData() }).safeParse({ data: { ok: 'fine', notes: ['x', 'bad\u0000'], deep: { 'k\u0000': 1, note: '\uD800' } } });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['data.notes.1', 'Notes contains a character that is not allowed'],
      ['data.deep', 'Deep has a field name with a character that is not allowed'],
      ['data.deep.note', 'Note contains a character that is not allowed'],
    ]);
    expect(jsonData().parse({ a: [1, 'two', { b: null }] })).toEqual({ a: [1, 'two', { b: null }] });
  });
});
